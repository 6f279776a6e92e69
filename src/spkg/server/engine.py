"""The query engine: reader processes over a shared read-only snapshot, and one writer.

A query waits on the event loop for an idle reader and then for its answer, never longer
than the request's deadline (updates, rare, wait in a thread). A worker that runs past it
is killed and replaced, so the CPU it was burning is freed (pyoxigraph has no cancellation
from Python).

Every reader opens the same on-disk snapshot read-only, so starting a reader is opening,
not loading, and the operating system's page cache holds one copy of the data. With
--allow-update a single writer process owns the working store; after each update it
writes a new snapshot, and a reader checks before every request that it has the newest one
open (reopening is cheap). So an update reaches every reader, including one started later,
and a query sees a whole update or none of it.

Workers are started from one long-lived thread: the parent-death signal that ends them
with the server fires when the thread that started them exits, not only the process.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import itertools
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from spkg.errors import QueryError, QueryTimeout
from spkg.server.frames import Frames
from spkg.server.pool import IdlePool

log = logging.getLogger("spkg.server")


class EngineBusy(QueryTimeout):
    """No worker became free within the timeout."""


class Forbidden(QueryError):
    """A request this endpoint will not run: it tried to reach the network (SERVICE, LOAD)."""


def _settle(future: asyncio.Future[bool], value: bool) -> None:
    if not future.done():
        future.set_result(value)


async def _readable(descriptor: int, deadline: float) -> None:
    """Wait on the event loop until ``descriptor`` can be read; QueryTimeout at ``deadline``.
    A timer, not asyncio.wait: this is on every request's path."""
    loop = asyncio.get_running_loop()
    arrived: asyncio.Future[bool] = loop.create_future()
    loop.add_reader(descriptor, _settle, arrived, True)
    timer = loop.call_later(max(0.0, deadline - time.monotonic()), _settle, arrived, False)
    try:
        if not await arrived:
            raise QueryTimeout("timeout")
    finally:
        timer.cancel()
        loop.remove_reader(descriptor)


def _raise_for(status: str, payload: Any) -> None:
    if status == "forbidden":
        raise Forbidden(str(payload))
    if status == "bad-request":
        raise QueryError(str(payload))


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    path: str  # the snapshot a reader has open (the working store for the writer)
    _frames: Frames | None = None

    def frames(self) -> Frames:
        """The socket as the event loop uses it (from the first query on; the start-up
        handshake and the writer use ``conn``, blocking)."""
        if self._frames is None:
            self._frames = Frames(self.conn.fileno())
        return self._frames

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a killed process always exits
            log.error("worker %s did not exit", self.process.pid)
        self.conn.close()


@dataclass
class QueryEngine:
    """``snapshot``: the store directory readers open first. ``work``: the store the writer
    owns (None: read-only, no writer). ``snapshots``: where the writer's snapshots go."""

    snapshot: Path
    size: int = 2
    union: bool = False  # True: the default graph is pyoxigraph's union of all graphs
    work: Path | None = None
    snapshots: Path | None = None
    sandbox: bool = True
    start_timeout: float = 120.0
    on_snapshot: Callable[[Path], None] | None = None
    _current: str = ""
    _idle: IdlePool[_Worker] = field(default_factory=IdlePool)
    _readers: list[_Worker] = field(default_factory=list)
    _writer: _Worker | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _update_lock: threading.Lock = field(default_factory=threading.Lock)
    _numbers: itertools.count[int] = field(default_factory=itertools.count)
    _previous: str = ""
    _pins: collections.Counter[str] = field(default_factory=collections.Counter)
    _spawner: concurrent.futures.ThreadPoolExecutor = field(
        default_factory=lambda: concurrent.futures.ThreadPoolExecutor(1, "spkg-spawner"))
    _closed: bool = False

    @property
    def generation(self) -> str:
        """The snapshot new queries run on: it changes with every update."""
        with self._lock:
            return self._current

    def start(self) -> None:
        self._current = str(self.snapshot)
        if self.work is not None:
            assert self.snapshots is not None
            self.snapshots.mkdir(parents=True, exist_ok=True)
            self._start_writer()
        for _ in range(self.size):
            self._idle.put(self._spawn_reader())

    # -- processes -------------------------------------------------------------------

    def _launch(self, role: str, setup: dict[str, Any], path: str) -> _Worker:
        # A fresh interpreter (not fork: the server has threads and an event loop; not
        # multiprocessing's spawn: it re-imports the caller's __main__), talking over a socket.
        parent_sock, child_sock = socket.socketpair()
        child_fd = child_sock.fileno()
        process = subprocess.Popen(
            [sys.executable, "-m", "spkg.server.worker", str(child_fd), role, str(os.getpid()),
             "sandbox" if self.sandbox else "open"],
            pass_fds=[child_fd],
            stdin=subprocess.DEVNULL,
        )
        child_sock.close()
        handle = _Worker(process, Connection(parent_sock.detach()), path)
        try:
            handle.conn.send(setup)
            if not handle.conn.poll(self.start_timeout):
                raise RuntimeError("no answer in time")
            status, payload = handle.conn.recv()
            if status != "ready":
                raise RuntimeError(str(payload))
        except (RuntimeError, EOFError, OSError) as error:
            handle.stop()
            raise RuntimeError(f"a {role} worker did not start: {error}") from error
        return handle

    def _spawn(self, role: str, setup: dict[str, Any], path: str) -> _Worker:
        if self._closed:
            raise RuntimeError("the engine is closed")
        return self._spawner.submit(self._launch, role, setup, path).result()

    @contextlib.contextmanager
    def _pinned(self, path: str) -> Iterator[None]:
        """Keep ``path`` from being collected while a worker opens it."""
        with self._lock:
            self._pins[path] += 1
        try:
            yield
        finally:
            with self._lock:
                self._pins[path] -= 1

    def _spawn_reader(self) -> _Worker:
        with self._lock:
            path = self._current
        with self._pinned(path):
            handle = self._spawn("reader", {"path": path, "union": self.union}, path)
            with self._lock:
                self._readers.append(handle)
        return handle

    def _next_snapshot(self) -> str:
        assert self.snapshots is not None
        return str(self.snapshots / f"snapshot-{next(self._numbers)}")

    def _start_writer(self) -> None:
        assert self.work is not None
        snapshot = self._next_snapshot()
        self._writer = self._spawn("writer", {"path": str(self.work), "snapshot": snapshot},
                                   str(self.work))
        self._publish(snapshot)

    def _publish(self, snapshot: str) -> None:
        with self._lock:
            self._previous, self._current = self._current, snapshot
        if self.on_snapshot is not None:
            self.on_snapshot(Path(snapshot))
        self._collect()

    def _collect(self) -> None:
        """Remove snapshots no reader has open (and not the last two: pages may read them)."""
        if self.snapshots is None:
            return
        with self._lock:
            keep = ({self._current, self._previous} | {r.path for r in self._readers}
                    | {path for path, count in self._pins.items() if count > 0})
        for old in self.snapshots.glob("snapshot-*"):
            if str(old) not in keep:
                shutil.rmtree(old, ignore_errors=True)

    def _replace(self, dead: _Worker) -> None:
        dead.stop()
        with self._lock:
            if dead in self._readers:
                self._readers.remove(dead)
        if self._closed:
            return

        def respawn() -> None:
            try:
                handle = self._spawn_reader()
            except Exception:  # logged, the pool shrinks by one
                if not self._closed:
                    log.exception("could not replace a query worker")
                return
            if self._closed:  # the server stopped while this one was starting
                handle.stop()
            else:
                self._idle.put(handle)

        threading.Thread(target=respawn, daemon=True).start()

    # -- requests --------------------------------------------------------------------

    def _exchange(self, handle: _Worker, request: dict[str, Any], deadline: float) -> Any:
        """Send one request and wait for its answer until ``deadline``. Raises QueryTimeout
        (the worker is then stopped) or OSError/EOFError (it died)."""
        handle.conn.send(request)
        if not handle.conn.poll(max(0.0, deadline - time.monotonic())):
            raise QueryTimeout("timeout")
        status, payload = handle.conn.recv()
        _raise_for(status, payload)
        return payload

    async def _receive(self, handle: _Worker, deadline: float) -> tuple[str, Any]:
        """The worker's next message, waited for on the event loop (no thread) until
        ``deadline``; QueryTimeout past it."""
        frames = handle.frames()
        while True:
            found = frames.take()
            if found is not None:
                message: tuple[str, Any] = found[0]
                return message
            await _readable(frames.descriptor, deadline)
            try:
                frames.fill()
            except BlockingIOError:  # woken with nothing to read: wait again
                continue

    async def _exchange_async(self, handle: _Worker, request: dict[str, Any],
                              deadline: float) -> tuple[str, Any]:
        """Send one request; its answer ("ok", payload) or the head of a streamed one
        ("head", {kind, format}). Raises Forbidden/QueryError for the client's mistakes."""
        try:  # small: the query text and options
            handle.frames().send(request, max(0.0, deadline - time.monotonic()))
        except TimeoutError as error:
            raise QueryTimeout("timeout") from error
        status, payload = await self._receive(handle, deadline)
        _raise_for(status, payload)
        return status, payload

    async def query(self, request: dict[str, Any], deadline: float) -> dict[str, Any]:
        """Run a query request (see worker.run_query); give up at ``deadline`` (monotonic).
        A large answer comes back as {"kind", "format", "stream": AnswerStream}: its worker
        stays with the stream until it is read to the end or closed."""
        handle = await self._idle.get(deadline)
        if handle is None:
            raise EngineBusy("every query worker stayed busy for the whole timeout")
        try:
            with self._lock:
                current = self._current
            if handle.path != current:  # an update happened since this reader last ran
                with self._pinned(current):
                    await self._exchange_async(handle, {"op": "open", "path": current},
                                               deadline)
                    with self._lock:
                        handle.path = current
            status, answer = await self._exchange_async(handle, {"op": "query", **request},
                                                        deadline)
        except QueryTimeout:
            self._replace(handle)
            raise
        except QueryError:
            self._idle.put(handle)
            raise
        except (EOFError, OSError) as error:
            self._replace(handle)
            raise QueryError(f"the query worker died: {error}") from error
        except BaseException:  # cancelled mid-exchange: its answer would confuse the next
            self._replace(handle)
            raise
        if status == "head":
            return {**answer, "generation": handle.path,
                    "stream": AnswerStream(self, handle, deadline)}
        self._idle.put(handle)
        return {**answer, "generation": handle.path}

    def update(self, update: str, deadline: float, base_iri: str | None = None) -> None:
        """Apply an update in the writer; every later query sees it, on every reader."""
        if self.work is None:
            raise Forbidden("this endpoint is read-only")
        if not self._update_lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise EngineBusy("another update ran for the whole timeout")
        try:
            if self._writer is None:
                self._start_writer()
            assert self._writer is not None
            snapshot = self._next_snapshot()
            try:
                self._exchange(self._writer, {"update": update, "snapshot": snapshot,
                                              "base_iri": base_iri}, deadline)
            except QueryTimeout:
                # The update may or may not have been committed: a new writer snapshots
                # whatever the store holds, so readers and writer agree again.
                self._writer.stop()
                self._writer = None
                shutil.rmtree(snapshot, ignore_errors=True)
                self._start_writer()
                raise
            except (EOFError, OSError) as error:
                self._writer.stop()
                self._writer = None
                raise QueryError(f"the update worker died: {error}") from error
            except QueryError:
                shutil.rmtree(snapshot, ignore_errors=True)
                raise
            self._publish(snapshot)
        finally:
            self._update_lock.release()

    def pids(self) -> list[int]:
        with self._lock:
            workers = [*self._readers, *([self._writer] if self._writer else [])]
        return [w.process.pid for w in workers]

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = [*self._readers, *([self._writer] if self._writer else [])]
            self._readers.clear()
        for handle in workers:
            handle.stop()
        self._writer = None
        self._spawner.shutdown(wait=False)


class AnswerStream:
    """The chunks of a streamed answer as its worker sends them, each waited for on the
    event loop until the request's deadline. The worker goes back to the pool when the last
    message has come, and is replaced if the stream is closed before (a client that went
    away, a deadline passed): it may still be writing. ``summary``: rows and truncated,
    once the end has come."""

    def __init__(self, engine: QueryEngine, handle: _Worker, deadline: float) -> None:
        self._engine = engine
        self._handle: _Worker | None = handle
        self.deadline = deadline
        self.summary: dict[str, Any] = {}

    def __aiter__(self) -> AnswerStream:
        return self

    async def __anext__(self) -> bytes:
        handle = self._handle
        if handle is None:
            raise StopAsyncIteration
        try:
            status, payload = await self._engine._receive(handle, self.deadline)
        except (EOFError, OSError) as error:
            await self.aclose()
            raise QueryError(f"the query worker died: {error}") from error
        if status == "chunk":
            return bytes(payload)
        self._handle = None
        self._engine._idle.put(handle)  # a whole message ended the answer: it is free
        _raise_for(status, payload)
        self.summary = dict(payload)
        raise StopAsyncIteration

    async def aclose(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            self._engine._replace(handle)
