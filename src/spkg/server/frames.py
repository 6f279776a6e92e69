"""The server's side of a query worker's socket, read and written from the event loop.

The worker speaks multiprocessing.connection's framing (a 4-byte big-endian length, or -1
and an 8-byte length, then a pickle). Connection.recv reads a frame in two reads and needs
a blocking socket, while the event loop watches the socket non-blocking: switching back and
forth costs four system calls per request. Here the socket stays non-blocking, a read takes
whatever has arrived (usually a whole answer), and frames are cut from a buffer.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
from typing import Any

_LENGTH = struct.Struct("!i")
_LONG = struct.Struct("!Q")
READ_SIZE = 1 << 20


class Frames:
    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor
        self.buffer = bytearray()
        os.set_blocking(descriptor, False)

    def take(self) -> tuple[Any] | None:
        """The next whole message in the buffer (in a 1-tuple), or None for now."""
        buffer = self.buffer
        if len(buffer) < 4:
            return None
        (size,) = _LENGTH.unpack_from(buffer)
        start = 4
        if size == -1:
            if len(buffer) < 12:
                return None
            (size,) = _LONG.unpack_from(buffer, 4)
            start = 12
        end = start + size
        if len(buffer) < end:
            return None
        message = pickle.loads(buffer[start:end])
        del buffer[:end]
        return (message,)

    def fill(self) -> None:
        """Read what has arrived; BlockingIOError if nothing has, EOFError if the worker
        closed its end (it died)."""
        data = os.read(self.descriptor, READ_SIZE)
        if not data:
            raise EOFError("the worker closed its socket")
        self.buffer += data

    def send(self, message: object, timeout: float) -> None:
        """Write one message. A request is small and its worker idle (reading), so the
        socket takes it at once; else wait for room at most ``timeout`` seconds."""
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        header = _LENGTH.pack(len(data)) if len(data) <= 0x7FFFFFFF \
            else _LENGTH.pack(-1) + _LONG.pack(len(data))
        view = memoryview(header + data)
        while view:
            try:
                view = view[os.write(self.descriptor, view):]
            except BlockingIOError:
                _, ready, _ = select.select([], [self.descriptor], [], timeout)
                if not ready:
                    raise TimeoutError("the worker took no request") from None
