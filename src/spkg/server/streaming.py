"""A large answer sent as its worker writes it: HTTP/1.1 chunked transfer encoding.

The status and headers go first, so what they cannot know yet (rows, whether a cap was
reached) is said differently from a whole answer: ``X-SPKG-Streamed: true`` and the caps
up front, and a cap reached mid-stream ends the document cleanly at a row boundary with an
in-band marker where the syntax has room for one (JSON ``"truncated": true``, an XML
comment, a ``#`` line in N-Triples/Turtle). A stream that cannot be finished (the deadline
passed, the engine failed halfway) is cut: the connection closes without the last chunk,
so the client sees an incomplete answer, never a short one that looks whole.

Only the event loop's waiting happens here; the bytes are made in the worker.
"""

from __future__ import annotations

import asyncio
import logging
import time

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from spkg.server.engine import AnswerStream

log = logging.getLogger("spkg.server")


class StreamCut(Exception):
    """A streamed answer could not be finished; the server closes the connection."""


class StreamedAnswer(Response):
    def __init__(self, stream: AnswerStream, media_type: str, max_rows: int,
                 max_bytes: int) -> None:
        super().__init__(media_type=media_type, headers={
            "Vary": "Accept", "X-SPKG-Streamed": "true", "X-SPKG-Row-Limit": str(max_rows),
            "X-SPKG-Byte-Limit": str(max_bytes)})
        # Response set a content-length of 0 for the empty body: a stream has none.
        self.raw_headers = [(k, v) for k, v in self.raw_headers if k != b"content-length"]
        self.stream = stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code,
                    "headers": self.raw_headers})
        try:
            # A client that stops reading holds the worker no longer than the deadline.
            async with asyncio.timeout(max(0.0, self.stream.deadline - time.monotonic())):
                async for chunk in self.stream:
                    await send({"type": "http.response.body", "body": chunk,
                                "more_body": True})
        except Exception as problem:
            raise StreamCut(f"streamed answer cut: {type(problem).__name__}: "
                            f"{problem}"[:300]) from None
        finally:
            await self.stream.aclose()
        await send({"type": "http.response.body", "body": b"", "more_body": False})


class QuietCut(logging.Filter):
    """uvicorn logs an exception that ends a response with its traceback; a cut stream is
    expected (a deadline, a failure halfway), so it gets one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], StreamCut):
            record.msg, record.args = str(record.exc_info[1]), ()
            record.exc_info = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def quiet_cut_streams() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, QuietCut) for f in logger.filters):
        logger.addFilter(QuietCut())
