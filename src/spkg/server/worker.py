"""A worker process: the only place where a request's SPARQL text is parsed and run.

Two roles. A *reader* opens a snapshot of the store read-only and answers queries; the server
tells it to reopen when a newer snapshot exists. The *writer* (only with --allow-update) owns
the working store, applies each update, then writes a new snapshot (a RocksDB checkpoint:
hard links, not a copy) for the readers. Readers never see half an update, and a reader
started at any time opens the newest snapshot, so no update is lost.

Before reading any request a worker cuts itself off the network (spkg.server.sandbox) and
asks to die with the server (parent-death signal). Workers exist so that a timeout really
stops work: pyoxigraph cannot cancel a query from Python, so the server kills the worker.
This module runs in a freshly spawned interpreter and keeps its imports light.
"""

from __future__ import annotations

import collections
import csv
import io
import json
import os
import re
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from spkg.server.results import write_ask, write_select
from spkg.server.sink import CHUNK, Capped, Stream, TooLarge

EncodedTerm = tuple[str, ...]

_RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
}


def encode(term: Any) -> EncodedTerm | None:
    """A pyoxigraph term as a small tuple (None for an unbound variable)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language or "", term.datatype.value)
    return ("literal", str(term), "", "http://www.w3.org/2001/XMLSchema#string")


def _graph_args(request: dict[str, Any], union: bool) -> dict[str, Any]:
    default = [ox.NamedNode(g) for g in request.get("default_graphs") or []]
    named = [ox.NamedNode(g) for g in request.get("named_graphs") or []]
    if default or named:
        return {"default_graph": default or None, "named_graphs": named or None}
    return {"use_default_graph_as_union": True} if union else {}


def _serialise_triples(triples: list[ox.Triple], fmt: str) -> bytes:
    if fmt == "jsonld":
        from spkg.rdfcore.jsonld import to_jsonld

        return to_jsonld([ox.Quad(t.subject, t.predicate, t.object) for t in triples],
                         context="/context.jsonld")
    from spkg.rdfcore.syntax import to_bytes

    if fmt in ("trig", "nq"):
        return to_bytes([ox.Quad(t.subject, t.predicate, t.object) for t in triples],
                        _RDF_FORMATS[fmt])
    return to_bytes(triples, _RDF_FORMATS[fmt])


Send = Callable[[tuple[str, Any]], None]
# Syntaxes whose pieces, each written whole, make one valid document end to end (a repeated
# @prefix is legal Turtle): a large CONSTRUCT answer in them is streamed in batches.
_CONCATENABLE = frozenset({"nt", "nq", "ttl", "trig"})
_QUERY_RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "tsv": ox.QueryResultsFormat.TSV,
    "csv": ox.QueryResultsFormat.CSV,
}


def _graph_answer(result: Any, fmt: str, request: dict[str, Any],
                  send: Send | None) -> dict[str, Any]:
    # The byte cap counts each triple as its N-Triples line; the other syntaxes are within
    # a small factor of it (Turtle's prefixes make it smaller, RDF/XML somewhat larger).
    max_rows: int = request["max_rows"]
    max_bytes: int = request["max_bytes"]
    stream_after = request.get("stream_after")
    streaming = send is not None and stream_after is not None and fmt in _CONCATENABLE
    triples: list[ox.Triple] = []
    out: Stream | None = None
    size = held = rows = 0
    truncated = False
    for triple in result:
        length = len(str(triple).encode("utf-8")) + 3  # its N-Triples line
        if rows == max_rows or size + length > max_bytes:
            truncated = True
            break
        triples.append(triple)
        size += length
        held += length
        rows += 1
        if streaming and held > (CHUNK if out is not None else stream_after or 0):
            assert send is not None
            out = out or Stream(send, "GRAPH", fmt)
            out.write(_serialise_triples(triples, fmt))
            triples, held = [], 0
    if out is None:
        return {"kind": "GRAPH", "format": fmt, "body": _serialise_triples(triples, fmt),
                "rows": rows, "truncated": truncated}
    if triples:
        out.write(_serialise_triples(triples, fmt))
    if truncated:
        out.write(b"# truncated: an answer limit was reached\n")
    out.flush()
    return {"kind": "GRAPH", "format": fmt, "rows": rows, "truncated": truncated,
            "streamed": True}


def _count_rows(fmt: str, body: bytes) -> int:
    """Rows in a results document pyoxigraph wrote (its own layout: one record a line for
    TSV; markup, never the text, holds '<result>' in XML)."""
    if fmt == "json":
        return len(json.loads(body)["results"]["bindings"])
    if fmt == "xml":
        return body.count(b"<result>")
    if fmt == "tsv":
        return body.count(b"\n") - 1
    return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1


def _whole_select(result: ox.QuerySolutions, fmt: str, limit: int,
                  max_rows: int) -> dict[str, Any] | bool:
    """The answer written by pyoxigraph (no Python per row) if it has at most ``limit``
    bytes and ``max_rows`` rows; else whether it was the bytes that passed."""
    holder = Capped(limit)
    try:
        result.serialize(holder, _QUERY_RESULTS_FORMATS[fmt])  # type: ignore[arg-type]
    except TooLarge:
        return True
    body = holder.getvalue()
    rows = _count_rows(fmt, body)
    if rows > max_rows:
        return False
    return {"kind": "SELECT", "format": fmt, "body": body, "rows": rows, "truncated": False}


def _select_answer(store: ox.Store, request: dict[str, Any], union: bool,
                   result: ox.QuerySolutions, send: Send | None) -> dict[str, Any]:
    fmt: str = request["select_format"]
    max_rows: int = request["max_rows"]
    max_bytes: int = request["max_bytes"]
    stream_after = request.get("stream_after") if send is not None else None
    key = _fits_key(request, fmt)
    fits = stream_after is not None and key in _FITS
    if stream_after is None:
        limit = max_bytes
    elif fits:  # answered within the caps before: written whole, then sent on in chunks
        limit = min(max_bytes, max(stream_after, HOLD))
    else:
        limit = min(stream_after, max_bytes)
    whole = _whole_select(result, fmt, limit, max_rows)
    if isinstance(whole, dict):
        if not fits or send is None or len(whole["body"]) <= (stream_after or 0):
            return whole
        return _send_whole(send, whole)
    _FITS.pop(key, None)
    # Too many rows or bytes: run it again and write it row by row under the caps (the
    # first run cost at most ``limit`` bytes of output; both are under the deadline).
    again = store.query(request["query"], base_iri=request.get("base_iri"),
                        **_graph_args(request, union))
    assert isinstance(again, ox.QuerySolutions)
    variables = [v.value for v in again.variables]
    rows = (tuple(encode(solution[v]) for v in variables) for solution in again)
    stream = stream_after is not None and stream_after < max_bytes
    opened: list[Stream] = []

    def open_stream() -> Stream:
        assert send is not None
        opened.append(Stream(send, "SELECT", fmt))
        return opened[-1]

    written = write_select(fmt, variables, rows, max_rows=max_rows, max_bytes=max_bytes,
                           stream_after=stream_after,
                           open_stream=open_stream if stream and send else None)
    size = opened[0].size if opened else len(written.body)
    if not written.truncated and stream_after is not None and size <= HOLD:
        _FITS[key] = None
        while len(_FITS) > FITS_KNOWN:
            _FITS.popitem(last=False)
    if written.streamed:
        return {"kind": "SELECT", "format": fmt, "rows": written.rows,
                "truncated": written.truncated, "streamed": True}
    return {"kind": "SELECT", "format": fmt, "body": written.body, "rows": written.rows,
            "truncated": written.truncated}


# Requests whose answer passed ``stream_after`` but fitted the caps. Such an answer was run
# twice and written row by row in Python (partner-counts at 1M: 1.2 MB, every time); the
# store a reader opens does not change, so the next time pyoxigraph writes it whole (up to
# HOLD bytes held) and it is sent on in chunks. A request over a cap is never kept, so its
# first bytes still leave while the rest is being made.
HOLD = 8_000_000
FITS_KNOWN = 256
_FITS: collections.OrderedDict[tuple[Any, ...], None] = collections.OrderedDict()


def _fits_key(request: dict[str, Any], fmt: str) -> tuple[Any, ...]:
    return (request["query"], fmt, request.get("base_iri"), request["max_rows"],
            request["max_bytes"], tuple(request.get("default_graphs") or ()),
            tuple(request.get("named_graphs") or ()))


def _send_whole(send: Send, whole: dict[str, Any]) -> dict[str, Any]:
    body: bytes = whole["body"]
    out = Stream(send, "SELECT", whole["format"])
    for start in range(0, len(body), CHUNK):
        out.write(body[start:start + CHUNK])
    out.flush()
    return {"kind": "SELECT", "format": whole["format"], "rows": whole["rows"],
            "truncated": False, "streamed": True}


def run_query(store: ox.Store, request: dict[str, Any], *, union: bool,
              send: Send | None = None) -> dict[str, Any]:
    """Run and serialise a query. The request names a format for each kind of answer
    (None where the client accepts none), since the kind is known only once parsed.
    With ``send`` and a ``stream_after`` byte count in the request, an answer larger than
    that is sent on in chunks as it is written (see spkg.server.sink)."""
    result = store.query(request["query"], base_iri=request.get("base_iri"),
                         **_graph_args(request, union))
    if isinstance(result, ox.QueryBoolean):
        fmt = request["ask_format"]
        if fmt is None:
            return {"kind": "ASK", "format": None}
        return {"kind": "ASK", "format": fmt, "body": write_ask(fmt, bool(result)), "rows": 0,
                "truncated": False}
    if isinstance(result, ox.QuerySolutions):
        if request["select_format"] is None:
            return {"kind": "SELECT", "format": None}
        return _select_answer(store, request, union, result, send)
    fmt = request["graph_format"]
    if fmt is None:
        return {"kind": "GRAPH", "format": None}
    return _graph_answer(result, fmt, request, send)


_POSITION = re.compile(r"error at (\d+):(\d+): ")


def _syntax_message(error: SyntaxError, text: str) -> str:
    """pyoxigraph's 'error at L:C: …' with the text around that place quoted."""
    message = " ".join(str(error).split())[:300]
    found = _POSITION.match(message)
    if found is None:
        return f"SPARQL syntax error: {message}"
    line, column = int(found[1]), int(found[2])
    lines = text.splitlines() or [""]
    source = lines[min(line, len(lines)) - 1]
    near = source[max(0, column - 30): column + 10].strip()
    return (f"SPARQL syntax error at line {line}, column {column}: "
            f"{message[found.end():]} (near {json.dumps(near, ensure_ascii=False)})")


# Only picks the message for an engine error: the sandbox is what keeps the network out.
_NETWORK_WORDS = re.compile(r"service|load", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _mentions_network(text: str) -> bool:
    unescaped = _ESCAPE.sub(lambda m: chr(min(int(m[1] or m[2], 16), 0x10FFFF)), text)
    return bool(_NETWORK_WORDS.search(unescaped))


def failure(error: Exception, text: str) -> tuple[str, str]:
    """The status and message an engine error is answered with."""
    from spkg.server.sandbox import network_denied

    if network_denied(error) or (type(error) is OSError and _mentions_network(text)):
        return ("forbidden", "SERVICE and LOAD (network access) are not allowed on this endpoint")
    if isinstance(error, SyntaxError):
        return ("bad-request", _syntax_message(error, text))
    return ("bad-request", f"{type(error).__name__}: {error}")


def _answer_requests(conn: Connection, handle: Callable[[dict[str, Any]], Any],
                     text_of: Callable[[dict[str, Any]], str]) -> None:
    """Answer each request from the server until it closes the pipe; an error the engine
    raises is the client's problem, sent back as such."""
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            answer: tuple[str, Any] = ("ok", handle(request))
        except Exception as error:
            answer = failure(error, text_of(request))
        conn.send(answer)


def reader(conn: Connection, setup: dict[str, Any]) -> None:
    """Answer queries over a read-only snapshot; reopen when told of a newer one."""
    union = bool(setup["union"])
    try:
        store = ox.Store.read_only(setup["path"])
    except OSError as error:  # e.g. the server is shutting down and removed its folder
        conn.send(("error", f"cannot open {setup['path']}: {error}"))
        return

    def handle(request: dict[str, Any]) -> Any:
        nonlocal store
        if request["op"] == "open":  # the old snapshot closes once the new one is open
            store = ox.Store.read_only(request["path"])
            _FITS.clear()  # answers' sizes may have changed
            return None
        started, used = time.perf_counter(), time.thread_time()
        answer = run_query(store, request, union=union, send=conn.send)
        if "body" in answer:  # what the acceptor learns which requests are light from
            answer["seconds"] = time.thread_time() - used  # the work, whatever the load
            answer["wall"] = time.perf_counter() - started
        return answer

    _answer_requests(conn, handle, lambda request: str(request.get("query", "")))


def writer(conn: Connection, setup: dict[str, Any]) -> None:
    """Own the working store: apply updates, and write a snapshot after each."""
    try:
        store = ox.Store(setup["path"])
        store.backup(setup["snapshot"])  # what the store holds now, even after a killed update
    except OSError as error:
        conn.send(("error", f"cannot open {setup['path']}: {error}"))
        return

    def handle(request: dict[str, Any]) -> None:
        store.update(request["update"], base_iri=request.get("base_iri"))
        store.backup(request["snapshot"])

    _answer_requests(conn, handle, lambda request: str(request["update"]))


def _guard(parent: int, sandboxed: bool) -> None:
    from spkg.glibc import signal_when_parent_dies

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    signal_when_parent_dies(signal.SIGKILL)
    if os.getppid() != parent:  # the server died before the signal was asked for
        os._exit(1)
    if sandboxed:
        from spkg.server.sandbox import deny_network

        deny_network()


def main(argv: list[str]) -> None:
    """argv: fd role parent-pid sandbox|open. The setup dict is the first message."""
    fd, role, parent, mode = argv[1:5]
    _guard(int(parent), mode == "sandbox")
    conn = Connection(int(fd))
    setup = conn.recv()
    (writer if role == "writer" else reader)(conn, setup)


if __name__ == "__main__":
    main(sys.argv)
