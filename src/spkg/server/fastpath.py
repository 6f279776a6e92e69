"""Answers the server can give at once, written straight from its HTTP protocol.

A query answered from the answer cache, or run in the acceptor because it is known light
(spkg.server.inline), waits on nothing; taking it through the ASGI stack (a task, Starlette's
routing and middlewares, the request and response objects) cost more than finding its answer.
So spkg.server.run's protocol hands a finished plain query request (GET ?query=… or POST
application/sparql-query, HTTP/1.1, /sparql, no dataset parameters) to ``answer``: it applies
the same checks (allowed Host, query size, content negotiation), the same deadline, writes the
same headers the middlewares add (security headers, the access-log line), or returns None and
the request takes the ordinary way, which also says what is wrong with anything unusual.
"""

from __future__ import annotations

import http
import json
import logging
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from spkg.server import guard, protocol
from spkg.server.state import ServerState

access_log = logging.getLogger("spkg.access")
MAX_BODY = 16_384  # a larger body takes the ordinary way (it is read as it comes)


def candidate(scope: Any) -> bool:
    return bool(scope["path"] == "/sparql" and scope["method"] in ("GET", "POST")
                and scope.get("http_version", "1.1") == "1.1")


def _single(headers: Iterable[tuple[bytes, bytes]]) -> dict[bytes, bytes] | None:
    found: dict[bytes, bytes] = {}
    for name, value in headers:
        if name in (b"host", b"accept", b"content-type"):
            if name in found:
                return None  # repeated: the ordinary way decides
            found[name] = value
    return found


def _query(scope: Any, body: bytes, headers: dict[bytes, bytes]) -> str | None:
    text = scope["query_string"]
    if scope["method"] == "POST":
        media = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if text or media != b"application/sparql-query":
            return None
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    pairs = parse_qsl(text.decode("latin-1"), keep_blank_values=True)  # as Starlette reads it
    return pairs[0][1] if len(pairs) == 1 and pairs[0][0] == "query" else None


def answer(state: ServerState, scope: Any, body: bytes,
           keep_alive: bool) -> tuple[bytes, int, int | None] | None:
    """The whole HTTP response (bytes, status, rows) for a request answerable at once, else
    None."""
    started = time.monotonic()
    headers = _single(scope["headers"])
    if headers is None:
        return None
    hosts = state.config.hosts
    host = headers.get(b"host", b"").decode("latin-1")
    if hosts is not None and guard.host_name(host) not in hosts:
        return None
    query = _query(scope, body, headers)
    if query is None:
        return None
    accept = headers[b"accept"].decode("latin-1") if b"accept" in headers else None
    base = protocol.base_iri(Request(scope))
    response = protocol.immediate(state, query, accept, base, started + state.config.timeout)
    if response is None:
        return None
    rows: int | None = None
    lines = [b"HTTP/1.1 %d %s\r\n" % (response.status_code,
                                      http.HTTPStatus(response.status_code).phrase.encode())]
    for name, value in (*response.raw_headers, *guard.SECURITY_HEADERS):
        if name == b"x-spkg-rows":
            rows = int(value)
        lines.append(b"%s: %s\r\n" % (name, value))
    if not keep_alive:
        lines.append(b"connection: close\r\n")
    lines.append(b"\r\n")
    lines.append(bytes(response.body))
    return b"".join(lines), response.status_code, rows


def log_access(scope: Any, status: int, rows: int | None, started: float) -> None:
    """The access-log line spkg.server.app.AccessLog writes for every other request."""
    if access_log.isEnabledFor(logging.INFO):
        line = json.dumps({"method": scope["method"], "path": scope["path"], "status": status,
                           "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                           "rows": rows})
        access_log.handle(access_log.makeRecord(access_log.name, logging.INFO, __file__, 0,
                                                line, (), None))
