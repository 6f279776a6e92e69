"""The query engine: a small pool of worker processes, each with the dataset in pyoxigraph.

Requests run in Starlette's threadpool; each waits for an idle worker and then for its
answer, never longer than the timeout. A worker that runs past the timeout is killed and
replaced, so the CPU it was burning is freed (pyoxigraph has no cancellation from Python).
With --allow-update every update is applied to every worker and journaled, so a replacement
worker replays it.
"""

from __future__ import annotations

import logging
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from spkg.errors import QueryError, QueryTimeout

log = logging.getLogger("spkg.server")


class EngineBusy(QueryTimeout):
    """No worker became free within the timeout."""


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a killed process always exits
            log.error("query worker %s did not exit", self.process.pid)
        self.conn.close()


@dataclass
class QueryEngine:
    nquads_path: str
    size: int = 2
    merged_default: bool = True  # False when updates are allowed (see worker.serve)
    start_timeout: float = 120.0
    _idle: queue.Queue[_Worker] = field(default_factory=queue.Queue)
    _all: list[_Worker] = field(default_factory=list)
    _updates: list[str] = field(default_factory=list)
    _update_lock: threading.Lock = field(default_factory=threading.Lock)
    _closed: bool = False

    def start(self) -> None:
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        # A fresh interpreter (not fork: the server has threads and an event loop; not
        # multiprocessing's spawn: it re-imports the caller's __main__), talking over a socket.
        parent_sock, child_sock = socket.socketpair()
        child_fd = child_sock.fileno()
        process = subprocess.Popen(
            [sys.executable, "-m", "spkg.server.worker", str(child_fd), self.nquads_path,
             "merge" if self.merged_default else "union"],
            pass_fds=[child_fd],
            stdin=subprocess.DEVNULL,
        )
        child_sock.close()
        conn = Connection(parent_sock.detach())
        handle = _Worker(process, conn)
        try:
            conn.send(list(self._updates))
            if not conn.poll(self.start_timeout):
                raise RuntimeError("a query worker did not start in time")
            conn.recv()
        except (RuntimeError, EOFError, OSError) as error:
            handle.stop()
            raise RuntimeError(f"a query worker did not start: {error}") from error
        self._all.append(handle)
        return handle

    def _replace(self, dead: _Worker) -> None:
        dead.stop()
        if dead in self._all:
            self._all.remove(dead)
        if self._closed:
            return

        def respawn() -> None:
            try:
                self._idle.put(self._spawn())
            except Exception:  # pragma: no cover - logged, the pool shrinks by one
                log.exception("could not replace a query worker")

        threading.Thread(target=respawn, daemon=True).start()

    def _call(self, handle: _Worker, request: dict[str, Any], deadline: float) -> Any:
        try:
            handle.conn.send(request)
            if not handle.conn.poll(max(0.0, deadline - time.monotonic())):
                raise QueryTimeout("timeout")
            status, payload = handle.conn.recv()
        except QueryTimeout:
            self._replace(handle)
            raise
        except (EOFError, OSError, BrokenPipeError) as error:
            self._replace(handle)
            raise QueryError(f"the query worker died: {error}") from error
        self._idle.put(handle)
        if status == "bad-request":
            raise QueryError(str(payload))
        return payload

    def query(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        """Run a query request (see worker.run_query) within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        try:
            handle = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise EngineBusy("every query worker stayed busy for the whole timeout") from None
        return dict(self._call(handle, {"op": "query", **request}, deadline))

    def update(self, update: str, timeout: float) -> None:
        """Apply an update to every worker (one at a time), then journal it for new workers."""
        with self._update_lock:
            taken: list[_Worker] = []
            deadline = time.monotonic() + timeout
            try:
                while len(taken) < len(self._all):
                    taken.append(self._idle.get(timeout=max(0.01, deadline - time.monotonic())))
            except queue.Empty:
                for handle in taken:
                    self._idle.put(handle)
                raise EngineBusy("workers stayed busy; the update was not applied") from None
            first, *rest = taken  # the rest wait, out of the idle queue, until it is known good
            try:
                self._call(first, {"op": "update", "update": update}, deadline)
            except Exception:
                for handle in rest:
                    self._idle.put(handle)
                raise
            self._updates.append(update)
            for handle in rest:
                self._call(handle, {"op": "update", "update": update}, deadline + timeout)

    def close(self) -> None:
        self._closed = True
        for handle in list(self._all):
            handle.stop()
        self._all.clear()
