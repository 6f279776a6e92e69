"""Run the app under uvicorn until SIGINT/SIGTERM; a signal-initiated stop is a clean exit."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

import uvicorn
from starlette.applications import Starlette


class _Server(uvicorn.Server):
    """uvicorn re-raises the stopping signal after a graceful shutdown (so the process dies
    of it, exit 130/143); spkg serve treats that stop as the normal end and exits 0."""

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


def serve(app: Starlette, *, host: str, port: int) -> bool:
    """Serve until stopped; False if the server never started (e.g. the port was taken)."""
    server = _Server(uvicorn.Config(app, host=host, port=port, access_log=False,
                                    log_level="info"))
    server.run()
    return bool(server.started)
