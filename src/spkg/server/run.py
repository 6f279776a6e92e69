"""Run the app under uvicorn until SIGINT/SIGTERM; a signal-initiated stop is a clean exit."""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Iterator

import uvicorn
from starlette.applications import Starlette


class _Server(uvicorn.Server):
    """uvicorn re-raises the stopping signal after a graceful shutdown (so the process dies
    of it, exit 130/143); spkg serve treats that stop as the normal end and exits 0.

    With ``sandbox``, once listening the server process too loses the right to open network
    sockets (accepting connections needs none): defence in depth, should a page ever run
    text it was sent."""

    sandbox = False

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.sandbox and self.started:
            from spkg.server.sandbox import deny_network

            deny_network()

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
    """Serve until stopped; False if the server never started (e.g. the port was taken)."""
    server = _Server(uvicorn.Config(app, host=host, port=port, access_log=False,
                                    log_level="info"))
    server.sandbox = sandbox
    server.run()
    return bool(server.started)
