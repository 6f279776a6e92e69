"""Idle workers, handed back from any thread and taken by coroutines on the server's loop.

Queries wait for a worker on the event loop itself, not in a thread: a thread hop per
request costs two lock handoffs and GIL contention on a busy machine. Workers come back
from other threads too (a replacement started after a timeout), so handing one back from
another thread is passed to the loop, which alone touches the waiters.
"""

from __future__ import annotations

import asyncio
import collections
import threading
import time
from typing import Generic, TypeVar

T = TypeVar("T")


class IdlePool(Generic[T]):
    def __init__(self) -> None:
        self._items: collections.deque[T] = collections.deque()
        self._waiters: collections.deque[asyncio.Future[T | None]] = collections.deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def put(self, item: T) -> None:
        """Hand an idle worker back, from any thread."""
        with self._lock:
            loop = self._loop
            if loop is None:  # no coroutine has waited yet: nobody to wake
                self._items.append(item)
                return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._put_here(item)
        else:
            try:
                loop.call_soon_threadsafe(self._put_here, item)
            except RuntimeError:  # the loop is closed: the server is stopping
                self._items.append(item)

    def _put_here(self, item: T) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(item)
                return
        self._items.append(item)

    async def get(self, deadline: float) -> T | None:
        """An idle worker, or None if none came back before ``deadline`` (monotonic)."""
        with self._lock:
            self._loop = asyncio.get_running_loop()
        if self._items:
            return self._items.popleft()
        loop = self._loop
        # A timer, not asyncio.wait: this runs on every request once the workers are busy.
        waiter: asyncio.Future[T | None] = loop.create_future()
        self._waiters.append(waiter)
        timer = loop.call_later(max(0.0, deadline - time.monotonic()), _expire, waiter)
        try:
            return await waiter  # None: the deadline came first (a done waiter gets nothing)
        except BaseException:  # this request was cancelled: pass on a worker it was given
            given = waiter.result() if waiter.done() and not waiter.cancelled() else None
            if given is not None:
                self._put_here(given)
            waiter.cancel()
            raise
        finally:
            timer.cancel()


def _expire(waiter: asyncio.Future[T | None]) -> None:
    if not waiter.done():
        waiter.set_result(None)
