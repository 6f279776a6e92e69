"""Run the app under uvicorn until SIGINT/SIGTERM; a signal-initiated stop is a clean exit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any, cast

import uvicorn
from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from spkg.server import fastpath, inline
from spkg.server.state import ServerState


class _OneWrite:
    """A connection's transport whose writes within one turn of the event loop leave in one
    send: uvicorn writes a response's header block and its body separately, two TCP sends
    (and two wake-ups of the client) for every small answer. Closing sends what is held."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: list[bytes] | None = None

    def write(self, data: bytes) -> None:
        if self._held is None:
            self._held = [bytes(data)]
            self._loop.call_soon(self._flush)
        else:
            self._held.append(bytes(data))

    def _flush(self) -> None:
        held, self._held = self._held, None
        if held and not self._transport.is_closing():
            self._transport.write(b"".join(held))

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class _Http(HttpToolsProtocol):
    """uvicorn's protocol, with one send per answer, and a plain /sparql query held until
    its body is in, then answered here when it can be at once (spkg.server.fastpath)."""

    state: ServerState | None = None  # the served state, for the fast path
    _client: int | None = None
    _holding = False
    _held: tuple[Any, Any] | None = None  # (cycle, app) of a request not yet started

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not asyncio.Transport subclasses, only alike.
        held = _OneWrite(cast(asyncio.Transport, transport), self.loop)
        sock = transport.get_extra_info("socket")
        self._client = sock.fileno() if sock is not None else None
        super().connection_made(cast(asyncio.Transport, held))

    def on_headers_complete(self) -> None:
        # The connection's socket, for a 503 that cannot wait for the event loop (inline.py);
        # the request's task, made here (or, pipelined, in this connection's previous task),
        # starts with a copy of this context.
        inline.CLIENT.set(self._client)
        self._holding = self.state is not None  # only here: a pipelined start is not held
        try:
            super().on_headers_complete()
        finally:
            self._holding = False

    def _start_asgi_task(self, cycle: Any, app: Any) -> None:
        if self._holding and fastpath.candidate(cycle.scope):
            self._held = (cycle, app)
            return
        super()._start_asgi_task(cycle, app)

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        if self._held is not None and len(self.cycle.body) > fastpath.MAX_BODY:
            self._release()  # the app reads the rest as it comes (uvicorn may pause reading)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        if self._held is None:
            return
        cycle = self._held[0]
        started = time.perf_counter()
        state = self.state
        assert state is not None
        try:
            made = None if self.transport.is_closing() else fastpath.answer(
                state, cycle.scope, bytes(cycle.body), cycle.keep_alive)
        except Exception:  # the ordinary way answers it (and reports what went wrong)
            logging.getLogger("spkg.server").exception("the fast path failed")
            made = None
        if made is None:
            self._release()
            return
        self._held = None
        data, status, rows = made
        cycle.response_started = cycle.response_complete = True
        self.transport.write(data)
        fastpath.log_access(cycle.scope, status, rows, started)
        if not cycle.keep_alive:
            self.transport.close()
        self.on_response_complete()

    def _release(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            super()._start_asgi_task(*held)


class _Server(uvicorn.Server):
    """uvicorn re-raises the stopping signal after a graceful shutdown (so the process dies
    of it, exit 130/143); spkg serve treats that stop as the normal end and exits 0.

    With ``sandbox``, once listening the server process too loses the right to open network
    sockets (accepting connections needs none): defence in depth, should a page ever run
    text it was sent."""

    sandbox = False
    app_state: ServerState | None = None  # an acceptor's: it answers light queries itself

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.sandbox and self.started:
            from spkg.server.sandbox import deny_network

            deny_network()
        state = self.app_state
        if state is not None and self.started and not state.config.allow_update:
            from spkg.server import sandbox

            if sandbox.installed():  # never run a query here unfiltered
                state.inline = inline.InlineRunner(str(state.engine.snapshot),
                                                   union=state.engine.union,
                                                   timeout=state.config.timeout)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        original = {sig: signal.signal(sig, self.handle_exit)
                    for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in original.items():
                signal.signal(sig, handler)


def serve(app: Starlette, *, host: str, port: int, sandbox: bool = False) -> bool:
    """Serve until stopped; False if the server never started (e.g. the port was taken).
    Started by ``spkg serve``'s supervisor (spkg.server.acceptors), this process is one of
    its acceptors: it serves the listening socket it was handed and ends with the supervisor."""
    from spkg.server import acceptors

    listening = acceptors.handed_socket()
    # An acceptor stops within seconds when its supervisor does, even with a request still
    # running in a worker (uvicorn would otherwise wait for it to the end).
    grace = acceptors.STOP_GRACE if listening is not None else None
    server = _Server(uvicorn.Config(app, host=host, port=port, access_log=False,
                                    log_level="info", http=_Http,
                                    timeout_graceful_shutdown=grace))
    server.sandbox = sandbox
    state = getattr(app.state, "spkg", None)
    _Http.state = state if isinstance(state, ServerState) else None
    if listening is None:
        server.run()
    else:
        server.app_state = _Http.state
        server.run(sockets=[listening])
    return bool(server.started)
