"""Give up on a call that runs past its time limit.

Neither rdflib nor pyoxigraph can interrupt a running query, so the query runs in a
worker thread and the caller stops waiting at the deadline. The worker is kept for the
next call (starting a thread per query was a fixed cost that grew with the machine's
load); one abandoned at a deadline keeps its CPU until its query ends, and the next call
gets a fresh worker. The CLI exits right after a timeout, which ends it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

from spkg.errors import QueryTimeout

T = TypeVar("T")


class _Worker:
    """A daemon thread that runs one call at a time and hands back its outcome."""

    def __init__(self) -> None:
        self.calls: queue.SimpleQueue[Callable[[], Any]] = queue.SimpleQueue()
        self.outcomes: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        threading.Thread(target=self._loop, name="spkg-query", daemon=True).start()

    def _loop(self) -> None:
        while True:
            function = self.calls.get()
            try:
                self.outcomes.put((True, function()))
            except BaseException as error:  # handed to the caller's thread
                self.outcomes.put((False, error))


_idle: list[_Worker] = []  # workers free for the next call
_lock = threading.Lock()


def _take() -> _Worker:
    with _lock:
        return _idle.pop() if _idle else _Worker()


def _give_back(worker: _Worker) -> None:
    with _lock:
        _idle.append(worker)


def call_with_timeout(function: Callable[[], T], timeout: float | None) -> T:
    """``function()``, or QueryTimeout if it has not returned after ``timeout`` seconds."""
    if timeout is None:
        return function()
    if timeout <= 0:
        raise QueryTimeout(f"timeout must be positive, got {timeout:g} s")
    worker = _take()
    worker.calls.put(function)
    try:
        ok, value = worker.outcomes.get(timeout=timeout)
    except queue.Empty:
        # still busy: abandoned (never given back), so no later call waits behind it
        raise QueryTimeout(f"query ran past its time limit of {timeout:g} s") from None
    _give_back(worker)
    if not ok:
        raise value
    return cast(T, value)  # the worker's queue carries any call's result
