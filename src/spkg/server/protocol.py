"""The SPARQL 1.1 Protocol at /sparql: query by GET, POST form or POST direct; update if allowed."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from spkg.errors import QueryError, QueryTimeout
from spkg.server import answer_cache, conneg, guard, inline, results, streaming
from spkg.server.engine import Forbidden
from spkg.server.inline import InlineRunner
from spkg.server.state import ServerConfig, ServerState
from spkg.server.update_dataset import apply_dataset


class BodyTooLarge(Exception):
    pass


@dataclass
class SparqlRequest:
    query: str | None
    update: str | None
    default_graphs: list[str]
    named_graphs: list[str]


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) anything over ``limit`` bytes before reading it all."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def parse_request(request: Request, limit: int) -> SparqlRequest | Response:
    params: dict[str, list[str]] = {k: request.query_params.getlist(k)
                                    for k in request.query_params}
    if request.method in ("GET", "HEAD"):
        if "update" in params:
            return PlainTextResponse("updates must be sent with POST\n", status_code=400)
        return _from_params(params, None, None)
    media = _media_type(request)
    body = await read_body(request, limit)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return PlainTextResponse("the request body is not UTF-8\n", status_code=400)
    if media == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        twice = sorted(set(form) & set(params) & SINGLE)
        if twice:
            return PlainTextResponse(f"{twice[0]} is given both in the URL and in the form "
                                     "body: give it once\n", status_code=400)
        merged = {k: params.get(k, []) + form.get(k, []) for k in {*params, *form}}
        return _from_params(merged, None, None)
    if media == "application/sparql-query":
        return _from_params(params, text, None)
    if media == "application/sparql-update":
        return _from_params(params, None, text)
    return PlainTextResponse(
        "POST needs Content-Type application/x-www-form-urlencoded, application/sparql-query "
        "or application/sparql-update\n", status_code=415)


# Parameters the protocol allows once per request; the graph IRIs may repeat.
SINGLE = frozenset({"query", "update"})


def _from_params(params: dict[str, list[str]], query: str | None,
                 update: str | None) -> SparqlRequest | Response:
    queries = params.get("query", [])
    updates = params.get("update", [])
    if (query is None and len(queries) > 1) or (update is None and len(updates) > 1):
        return PlainTextResponse("give one query or one update (the parameter is given "
                                 "twice)\n", status_code=400)
    if (query is not None and queries) or (update is not None and updates):
        return PlainTextResponse("the query or update is given both in the body and in the "
                                 "URL: give it once\n", status_code=400)
    query = query if query is not None else (queries[0] if queries else None)
    update = update if update is not None else (updates[0] if updates else None)
    if query is not None and update is not None:
        return PlainTextResponse("give a query or an update, not both\n", status_code=400)
    if query is not None and ("using-graph-uri" in params or "using-named-graph-uri" in params):
        return PlainTextResponse("using-graph-uri/using-named-graph-uri are for updates; a "
                                 "query takes default-graph-uri/named-graph-uri\n",
                                 status_code=400)
    if update is not None and ("default-graph-uri" in params or "named-graph-uri" in params):
        return PlainTextResponse("default-graph-uri/named-graph-uri are for queries; an "
                                 "update takes using-graph-uri/using-named-graph-uri\n",
                                 status_code=400)
    return SparqlRequest(
        query=query,
        update=update,
        default_graphs=params.get("default-graph-uri", []) + params.get("using-graph-uri", []),
        named_graphs=params.get("named-graph-uri", []) + params.get("using-named-graph-uri", []),
    )


def base_iri(request: Request) -> str:
    """The endpoint's own URL, against which relative IRIs in a query or update resolve
    (remembered by what makes it: Starlette builds URLs slowly, and this is on every query)."""
    scope = request.scope
    key = (scope.get("scheme"), scope.get("server"), scope.get("root_path"), scope["path"],
           request.headers.get("host"))
    found = _BASES.get(key)
    if found is None:
        found = str(request.url.replace(query="", fragment=""))
        if len(_BASES) < 256:  # the allowed Host names times the routes: few
            _BASES[key] = found
    return found


_BASES: dict[tuple[object, ...], str] = {}


def error(status: int, message: str) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status)


def _too_long(text: str, limit: int) -> Response | None:
    if len(text.encode("utf-8")) > limit:
        return error(413, f"the query or update is over {limit} bytes")
    return None


class RawAnswer(Response):
    """A whole answer whose headers are already bytes (a kept answer is sent as it is)."""

    def __init__(self, body: bytes, headers: Iterable[tuple[bytes, bytes]]) -> None:
        self.status_code = 200
        self.body = body
        self.background = None
        self.raw_headers = list(headers)


async def run_query(state: ServerState, sparql: SparqlRequest, accept: str | None,
                    deadline: float, base: str | None = None) -> Response:
    """Run a query in a worker, which parses, evaluates and serialises it before
    ``deadline``; the form (SELECT, ASK, CONSTRUCT…) is the engine's, so each form's
    format is negotiated up front and the worker picks the one for its answer. A query
    answered before over the same store generation is answered from the answer cache; one
    an acceptor has seen a worker answer light runs in the acceptor (spkg.server.inline)."""
    assert sparql.query is not None
    config = state.config
    refused = _too_long(sparql.query, config.max_query)
    if refused is not None:
        return refused
    formats = _formats(accept)
    if not any(formats.values()):
        return _not_acceptable("query", list(conneg.RESULT_TYPES) + list(conneg.RDF_TYPES))
    key, request = _request(state, sparql, formats, base)
    now = answer_now(state, key, request, deadline)
    if now is not None:
        return now
    answer = await _ask(state, request, deadline)
    if state.inline is not None and not isinstance(answer, Response):
        state.inline.learn(key, sparql.query, answer)
    return _respond(state, key, answer)


def _request(state: ServerState, sparql: SparqlRequest, formats: dict[str, str | None],
             base: str | None) -> tuple[Hashable, dict[str, Any]]:
    """What decides the answer (the cache's and the acceptor's key), and the worker's request."""
    assert sparql.query is not None
    config = state.config
    key = (sparql.query, *formats.values(), *sparql.default_graphs, "|",
           *sparql.named_graphs, base)
    return key, {"query": sparql.query, **formats, "max_rows": config.max_rows,
                 "max_bytes": config.max_answer, "stream_after": config.stream_after,
                 "default_graphs": sparql.default_graphs,
                 "named_graphs": sparql.named_graphs, "base_iri": base}


def answer_now(state: ServerState, key: Hashable, request: dict[str, Any],
               deadline: float) -> Response | None:
    """The answer without waiting on anything: from the answer cache, or run here when the
    acceptor knows the request light; None when a worker must run it."""
    cache = state.answers
    if cache is not None:
        kept = cache.get(state.engine.generation, key)
        if kept is not None:
            return RawAnswer(kept.body, (*kept.headers, (b"x-spkg-cache", b"hit")))
    runner = state.inline
    if runner is not None and runner.knows(key):
        return _respond(state, key, _ask_inline(state, runner, key, request, deadline))
    return None


def immediate(state: ServerState, query: str, accept: str | None, base: str,
              deadline: float) -> Response | None:
    """For the acceptor's HTTP protocol: a plain query (no dataset), answered now or None
    (then it takes the ordinary way, which says what is wrong with it, if anything)."""
    if len(query) > state.config.max_query // 4 and _too_long(query, state.config.max_query):
        return None
    formats = _formats(accept)
    if not any(formats.values()):
        return None
    key, request = _request(state, SparqlRequest(query, None, [], []), formats, base)
    return answer_now(state, key, request, deadline)


def _respond(state: ServerState, key: Hashable,
             answer: dict[str, Any] | Response) -> Response:
    if isinstance(answer, Response):
        return answer
    config = state.config
    fmt = answer["format"]
    if fmt is None:
        offered = {"SELECT": _types(results.SELECT_FORMATS),
                   "ASK": _types(results.ASK_FORMATS)}.get(answer["kind"], conneg.RDF_TYPES)
        return _not_acceptable(f"{answer['kind']} query", list(offered))
    if "stream" in answer:
        return streaming.StreamedAnswer(answer["stream"], conneg.FORMAT_MEDIA_TYPES[fmt],
                                        config.max_rows, config.max_answer)
    whole = _whole(answer, config)
    cache = state.answers
    if cache is not None and answer_cache.deterministic(str(key[0])):  # type: ignore[index]
        cache.put(answer["generation"], key, whole)
    if answer.get("inline"):
        return RawAnswer(whole.body, (*whole.headers, (b"x-spkg-engine", b"acceptor")))
    return RawAnswer(whole.body, whole.headers)


async def _ask(state: ServerState, request: dict[str, Any],
               deadline: float) -> dict[str, Any] | Response:
    """The engine's answer, or the error response for its failure."""
    try:
        return await state.engine.query(request, deadline)
    except QueryTimeout:
        return error(503, f"query timeout: the query ran longer than {state.config.timeout:g} "
                          "s and was stopped. Narrow it down (LIMIT, more specific patterns).")
    except Forbidden as problem:
        return error(403, str(problem))
    except QueryError as problem:
        return error(400, str(problem))


def _ask_inline(state: ServerState, runner: InlineRunner, key: Hashable,
                request: dict[str, Any], deadline: float) -> dict[str, Any] | Response:
    try:
        return {**runner.run(key, request, deadline, inline.CLIENT.get()),
                "generation": state.engine.generation, "inline": True}
    except Forbidden as problem:
        return error(403, str(problem))
    except QueryError as problem:
        return error(400, str(problem))


def _whole(answer: dict[str, Any], config: ServerConfig) -> answer_cache.Cached:
    body: bytes = answer["body"]
    headers = [(b"content-type", _MEDIA_HEADERS[answer["format"]]),
               (b"content-length", str(len(body)).encode()),
               (b"x-spkg-rows", str(answer["rows"]).encode()), (b"vary", b"Accept")]
    if answer["truncated"]:
        headers += [(b"x-spkg-truncated", b"true"),
                    (b"x-spkg-row-limit", str(config.max_rows).encode()),
                    (b"x-spkg-byte-limit", str(config.max_answer).encode())]
    return answer_cache.Cached(body, tuple(headers))


def _media_header(media_type: str) -> bytes:
    # As Starlette's Response says it: text types name their charset.
    text = media_type.startswith("text/") and "charset" not in media_type
    return (media_type + ("; charset=utf-8" if text else "")).encode("latin-1")


_MEDIA_HEADERS = {fmt: _media_header(m) for fmt, m in conneg.FORMAT_MEDIA_TYPES.items()}


def _formats(accept: str | None) -> dict[str, str | None]:
    """The format for each form of answer the client accepts (None: none acceptable)."""
    found = _NEGOTIATED.get(accept)
    if found is None:
        found = {
            "select_format": conneg.negotiate(accept, _types(results.SELECT_FORMATS),
                                              ["json", "xml", "csv", "tsv"]),
            "ask_format": conneg.negotiate(accept, _types(results.ASK_FORMATS),
                                           ["json", "xml"]),
            "graph_format": conneg.negotiate(accept, conneg.RDF_TYPES, ["ttl"]),
        }
        if len(_NEGOTIATED) < 256:  # clients send few distinct Accept headers
            _NEGOTIATED[accept] = found
    return dict(found)


_NEGOTIATED: dict[str | None, dict[str, str | None]] = {}


def _types(formats: Iterable[str]) -> dict[str, str]:
    wanted = set(formats)
    return {m: f for m, f in conneg.RESULT_TYPES.items() if f in wanted}


def _not_acceptable(what: str, offered: list[str]) -> Response:
    return error(406, f"cannot answer a {what} in any format you accept; "
                      f"offered: {', '.join(offered)}")


async def run_update(state: ServerState, sparql: SparqlRequest, deadline: float,
                     request: Request, *, limit_size: bool = True) -> Response:
    """Apply an update in the writer. ``limit_size``: False for Graph Store uploads, which
    the request body cap already bounds."""
    assert sparql.update is not None
    if not state.config.allow_update:
        return error(403, "this endpoint is read-only "
                          "(start it with --allow-update to change data)")
    foreign = guard.foreign_origin(request.headers, request.url.scheme)
    if foreign is not None:
        return error(403, f"updates are accepted from this server's own pages only, not from "
                          f"{foreign[:200]}")
    token = state.config.update_token
    if token is not None and not guard.token_matches(request.headers, token):
        return PlainTextResponse("updates need the server's token: "
                                 "Authorization: Bearer <token>\n", status_code=401,
                                 headers={"WWW-Authenticate": "Bearer"})
    refused = _too_long(sparql.update, state.config.max_query) if limit_size else None
    if refused is not None:
        return refused
    try:
        text = apply_dataset(sparql.update, sparql.default_graphs, sparql.named_graphs)
        await run_in_threadpool(state.engine.update, text, deadline, base_iri(request))
    except QueryTimeout:
        return error(503, f"update timeout: it ran longer than {state.config.timeout:g} s "
                          "(it may or may not have been applied)")
    except Forbidden as problem:
        return error(403, str(problem))
    except QueryError as problem:
        return error(400, str(problem))
    return Response(status_code=204)
