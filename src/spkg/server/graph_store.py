"""The SPARQL 1.1 Graph Store HTTP Protocol at /sparql?graph=IRI and /sparql?default.

Reads run as CONSTRUCT queries in the query workers (sandbox, timeout and caps as for any
query); writes become SPARQL updates run by the single writer, under the same rules as an
update (--allow-update, same origin, token), so readers see a new snapshot whole. The
default graph is the endpoint's (the merge of the named graphs), as queries see it.
"""

from __future__ import annotations

import json
import re
import time

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from spkg.errors import QueryError, QueryTimeout
from spkg.server import conneg, protocol
from spkg.server.state import ServerState

_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")
UPLOAD_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def is_graph_request(request: Request) -> bool:
    params = request.query_params
    return ("graph" in params or "default" in params) and not (
        "query" in params or "update" in params)


def _target(request: Request) -> str | Response | None:
    """The graph IRI, None for the default graph, or a 400."""
    params = request.query_params
    graphs = params.getlist("graph")
    if ("default" in params) == bool(graphs) or len(graphs) > 1:
        return protocol.error(400, "name one graph: ?graph=IRI or ?default")
    if not graphs:
        return None
    if not _ABSOLUTE.fullmatch(graphs[0]):
        return protocol.error(400, f"not an absolute IRI: {graphs[0][:200]!r}")
    return graphs[0]


def _pattern(graph: str | None) -> str:
    return "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


async def _exists(state: ServerState, graph: str, deadline: float) -> bool:
    answer = await state.engine.query({
        "query": f"ASK {{ GRAPH <{graph}> {{ }} }}", "select_format": None,
        "ask_format": "json", "graph_format": None, "max_rows": 1, "max_bytes": 1000,
        "default_graphs": [], "named_graphs": []}, deadline)
    return bool(json.loads(answer["body"])["boolean"])


async def handle(state: ServerState, request: Request) -> Response:
    """Answer a Graph Store Protocol request (GET, HEAD, PUT, POST, DELETE)."""
    deadline = time.monotonic() + state.config.timeout
    target = _target(request)
    if isinstance(target, Response):
        return target
    try:
        if request.method in ("GET", "HEAD"):
            return await _read(state, target, request, deadline)
        if request.method in ("PUT", "POST", "DELETE"):
            return await _write(state, target, request, deadline)
    except QueryTimeout:
        return protocol.error(503, f"the graph request ran longer than "
                                   f"{state.config.timeout:g} s and was stopped")
    except QueryError as problem:
        return protocol.error(400, str(problem))
    return protocol.error(405, f"{request.method} is not a Graph Store Protocol method")


async def _read(state: ServerState, graph: str | None, request: Request,
                deadline: float) -> Response:
    accept = request.headers.get("accept")
    if conneg.negotiate(accept, conneg.RDF_TYPES, ["ttl"]) is None:
        return protocol.error(406, "a graph is offered as: " + ", ".join(conneg.RDF_TYPES))
    if graph is not None and not await _exists(state, graph, deadline):
        return protocol.error(404, f"no graph {graph} here")
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {_pattern(graph)}"
    sparql = protocol.SparqlRequest(query=query, update=None, default_graphs=[],
                                    named_graphs=[])
    # Only RDF is acceptable for a graph, whatever else the client also accepts.
    rdf_only = ", ".join(f"{m};q={q}" for m, q in conneg.parse_accept(accept)
                         if conneg.negotiate(m, conneg.RDF_TYPES) is not None)
    return await protocol.run_query(state, sparql, rdf_only, deadline)


def _triples_text(body: bytes, media: str) -> str:
    """The uploaded RDF as N-Triples lines (parsed here, before anything is written)."""
    fmt = UPLOAD_TYPES[media]
    try:
        triples = [q.triple for q in ox.parse(body, format=fmt, base_iri=None)]
    except SyntaxError as error:
        raise QueryError(f"the {media} body does not parse: {' '.join(str(error).split())}"
                         ) from error
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


async def _write(state: ServerState, graph: str | None, request: Request,
                 deadline: float) -> Response:
    if not state.config.allow_update:
        return protocol.error(403, "this endpoint is read-only "
                                   "(start it with --allow-update to change data)")
    name = "DEFAULT" if graph is None else f"GRAPH <{graph}>"
    existed = graph is None or await _exists(state, graph, deadline)
    if request.method == "DELETE":
        if not existed:
            return protocol.error(404, f"no graph {graph} here")
        return await _update(state, request, f"DROP {name}", deadline, 204)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in UPLOAD_TYPES:
        return protocol.error(415, "send the graph as one of: " + ", ".join(UPLOAD_TYPES))
    try:
        body = await protocol.read_body(request, state.config.max_body)
    except protocol.BodyTooLarge:
        return protocol.error(413, f"request body over {state.config.max_body} bytes")
    triples = await run_in_threadpool(_triples_text, body, media)
    into = triples if graph is None else f"GRAPH <{graph}> {{\n{triples}}}"
    text = f"INSERT DATA {{\n{into}}}"
    if request.method == "PUT":
        text = f"DROP SILENT {name} ;\n{text}"
    return await _update(state, request, text, deadline, 204 if existed else 201)


async def _update(state: ServerState, request: Request, text: str, deadline: float,
                  status: int) -> Response:
    sparql = protocol.SparqlRequest(query=None, update=text, default_graphs=[], named_graphs=[])
    answer = await protocol.run_update(state, sparql, deadline, request, limit_size=False)
    if answer.status_code == 204 and status != 204:
        return Response(status_code=status)
    return answer
