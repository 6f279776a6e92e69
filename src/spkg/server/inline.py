"""Light queries answered in the acceptor process itself, with no hop to a query worker.

A hop to a worker process costs two wake-ups of other processes per request (the request
out, the answer back), and on a loaded machine each wake-up waits its turn for a core: for a
lookup the hop, not the engine, was most of the time and CPU. An acceptor (see
spkg.server.acceptors) therefore runs a query on its own event loop once it has seen the same
request answered by a worker quickly (at most ``LIGHT_SECONDS`` of CPU) and small (no streaming),
over the same read-only store. Why the safety rules still hold:

- Network: an acceptor runs under the same seccomp filter as the workers, on every thread
  (sandbox.deny_network with TSYNC); a query runs here only when ``sandbox.installed()``.
- Time: the data never changes under a read-only acceptor, and only deterministic texts
  (no RAND, NOW, …) are kept, so the same request does the same work again. Should it
  still run past its deadline, a watchdog thread (pyoxigraph releases the GIL while it
  evaluates) sends the client its 503 and ends the acceptor process, which stops the work
  as killing a worker does; the supervisor starts a new acceptor, and the others serve on.
- Size: the answer is written under the same row and byte caps, no larger than the worker's
  answer it was learnt from.
"""

from __future__ import annotations

import collections
import contextlib
import contextvars
import logging
import os
import threading
import time
from collections.abc import Hashable
from typing import Any

import pyoxigraph as ox

from spkg.errors import QueryError
from spkg.server import answer_cache, sandbox

log = logging.getLogger("spkg.server")

LIGHT_SECONDS = 0.05  # a worker's CPU time for the request: lighter ones run here next time
LIGHT_WALL = 1.0  # and its wall time (waiting for the disk, or for a core on a loaded machine)
MAX_BYTES = 1 << 20  # answers larger than this are not run here (the worker streams them)
KNOWN = 4096  # requests remembered as light (least recently used forgotten first)
# The watchdog sleeps until the watched deadline, at most WATCH_MAX at a time (so an
# overrun is caught at most that late). Each wake-up takes the GIL from the event loop,
# and on a loaded machine the loop then waits for the watchdog thread to get a core: a
# 50 ms poll stalled the acceptor for a third of its samples (py-spy, 1M lookup).
WATCH_MAX = 0.5
EXIT_OVERRUN = 75  # the acceptor's exit status after an overrun (the supervisor replaces it)
# The socket of the connection a request came on (set by spkg.server.run's HTTP protocol).
CLIENT: contextvars.ContextVar[int | None] = contextvars.ContextVar("spkg_client", default=None)
_TIMEOUT_ANSWER = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; "
                   b"charset=utf-8\r\nconnection: close\r\ncontent-length: %d\r\n\r\n%s")


class InlineRunner:
    """The acceptor's own read-only store and what it has learnt about requests."""

    def __init__(self, store_path: str, *, union: bool, timeout: float) -> None:
        self._store = ox.Store.read_only(store_path)
        self._union = union
        self._timeout = timeout
        self._light: collections.OrderedDict[Hashable, None] = collections.OrderedDict()
        self._lock = threading.Lock()
        self._watched: tuple[float, int | None] | None = None  # (deadline, client socket)
        self._watchdog: threading.Thread | None = None

    def knows(self, key: Hashable) -> bool:
        """Whether this request was seen light, and may run here (never unfiltered)."""
        if key not in self._light or not sandbox.installed():
            return False
        self._light.move_to_end(key)
        return True

    def learn(self, key: Hashable, query: str, answer: dict[str, Any]) -> None:
        """Remember a worker's answer's cost: light, whole and deterministic ones run here."""
        seconds = answer.get("seconds")
        body = answer.get("body")
        if seconds is None or body is None or seconds > LIGHT_SECONDS \
                or answer.get("wall", 0.0) > LIGHT_WALL \
                or len(body) > MAX_BYTES or not answer_cache.deterministic(query):
            return
        self._light[key] = None
        self._light.move_to_end(key)
        while len(self._light) > KNOWN:
            self._light.popitem(last=False)

    def run(self, key: Hashable, request: dict[str, Any], deadline: float,
            client: int | None) -> dict[str, Any]:
        """Run and write the request's answer here (blocking: it is known to be light)."""
        from spkg.server.worker import failure, run_query

        self._ensure_watchdog()
        whole = {**request, "op": "query", "stream_after": None,
                 "max_bytes": min(int(request["max_bytes"]), MAX_BYTES)}
        with self._lock:
            self._watched = (deadline, client)
        started = time.thread_time()
        try:
            answer = run_query(self._store, whole, union=self._union)
        except Exception as error:
            self._light.pop(key, None)
            status, message = failure(error, str(request["query"]))
            from spkg.server.engine import Forbidden

            raise (Forbidden if status == "forbidden" else QueryError)(message) from None
        finally:
            with self._lock:
                self._watched = None
        if time.thread_time() - started > 4 * LIGHT_SECONDS or answer.get("truncated"):
            self._light.pop(key, None)  # heavier than learnt (a loaded machine): back to workers
        return answer

    # -- the watchdog ----------------------------------------------------------------

    def _ensure_watchdog(self) -> None:
        if self._watchdog is None:
            self._watchdog = threading.Thread(target=self._watch, name="spkg-inline-watchdog",
                                              daemon=True)
            self._watchdog.start()

    def _watch(self) -> None:
        while True:
            with self._lock:
                watched, now = self._watched, time.monotonic()
                if watched is not None and now > watched[0]:
                    self._overrun(watched[1])
            left = WATCH_MAX if watched is None else watched[0] - now
            time.sleep(min(WATCH_MAX, max(0.01, left)))

    def _overrun(self, client: int | None) -> None:
        """The query passed its deadline: answer 503 and end this process, which stops the
        engine's work (it cannot be cancelled from Python)."""
        message = (f"query timeout: the query ran longer than {self._timeout:g} s and was "
                   "stopped. Narrow it down (LIMIT, more specific patterns).\n").encode()
        if client is not None:
            with contextlib.suppress(OSError):
                os.write(client, _TIMEOUT_ANSWER % (len(message), message))
        log.error("a query run in the acceptor passed its deadline: the acceptor ends "
                  "(its supervisor starts another)")
        os._exit(EXIT_OVERRUN)
