"""Give up on a call that runs past its time limit.

Neither rdflib nor pyoxigraph can interrupt a running query, so the query runs in a
daemon worker thread and the caller stops waiting at the deadline. The abandoned thread
keeps its CPU until it ends; the CLI exits right after, which ends it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from spkg.errors import QueryTimeout

T = TypeVar("T")


def call_with_timeout(function: Callable[[], T], timeout: float | None) -> T:
    """``function()``, or QueryTimeout if it has not returned after ``timeout`` seconds."""
    if timeout is None:
        return function()
    if timeout <= 0:
        raise QueryTimeout(f"timeout must be positive, got {timeout:g} s")
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="spkg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeout(f"query ran past its time limit of {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
