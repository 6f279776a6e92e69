"""Where a query worker puts an answer's bytes.

Two kinds of holder. ``Capped`` keeps a whole answer in memory up to a limit and refuses
more (pyoxigraph's serialiser writes into it; passing the limit stops the serialisation).
``Stream`` sends an answer to the server in chunks as it is written, so a large answer
leaves the worker while it is being made and neither process holds it whole.

The messages a streamed answer makes on the worker's connection: ("head", {kind, format}),
then ("chunk", bytes) any number of times, then the usual final ("ok", {rows, truncated,
streamed: True}) — or ("bad-request", message) if the engine fails halfway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CHUNK = 65_536  # bytes per streamed message: few messages, little held


class TooLarge(Exception):
    """The answer passed the holder's limit."""


class Capped:
    """A binary file-like holder that raises TooLarge past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


class Stream:
    """Sends the head at once, then the bytes written, in chunks of about CHUNK bytes."""

    def __init__(self, send: Callable[[tuple[str, Any]], None], kind: str, fmt: str) -> None:
        self._send = send
        self._parts: list[bytes] = []
        self._held = 0
        self.size = 0  # bytes written in all
        send(("head", {"kind": kind, "format": fmt}))

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        self._held += len(data)
        self.size += len(data)
        if self._held >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self._parts:
            self._send(("chunk", b"".join(self._parts)))
            self._parts = []
            self._held = 0
