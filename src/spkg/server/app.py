"""The web application: SPARQL endpoint, resource pages, home and query pages, static files."""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spkg.errors import SpkgError
from spkg.namespace import BASE
from spkg.pages import dashboards, views
from spkg.pages.graphview import RESOURCE_PATH, TERM_NAME, GraphView, iri_for_path
from spkg.pages.home import home_context
from spkg.pages.render import STATIC, Renderer, script_json, yasgui_installed
from spkg.pages.resources import rdf_for, resource_alternates
from spkg.pages.stored import StoredQuery, stored_queries
from spkg.prefixes import jsonld_context
from spkg.server import (
    conneg,
    datadir,
    graph_store,
    ontology_document,
    page_routes,
    protocol,
    sandbox,
    service_description,
    streaming,
    workdir,
)
from spkg.server.engine import QueryEngine
from spkg.server.guard import Guard
from spkg.server.state import ServerConfig, ServerState

access_log = logging.getLogger("spkg.access")

SUFFIX_FORMATS = {".ttl": "ttl", ".nt": "nt", ".jsonld": "jsonld", ".rdf": "rdf"}
HTML_TYPES = {"text/html": "html", "application/xhtml+xml": "html"}
PAGE_TYPES = {**HTML_TYPES, **{m: f for m, f in conneg.RDF_TYPES.items()
                              if f in SUFFIX_FORMATS.values() and m != "application/json"}}


def build_state(quads: Iterable[ox.Quad] | None, config: ServerConfig,
                queries: list[StoredQuery] | None = None, *,
                store_path: Path | None = None) -> ServerState:
    """Prepare the data on disk and start the workers: over ``store_path`` (a built store
    directory, opened read-only) when given, else over ``quads`` loaded once."""
    if config.sandbox and not sandbox.available():
        raise SpkgError("cannot cut the query workers off the network here (seccomp with "
                        "libseccomp is needed); refusing to serve queries without it")
    workdir.sweep_orphans()  # what servers killed before us left behind
    claimed = workdir.claim()
    folder = claimed.path
    try:
        if store_path is not None:
            prepared = datadir.from_store(store_path, folder, allow_update=config.allow_update)
        else:
            prepared = datadir.from_quads(quads or [], folder,
                                          allow_update=config.allow_update)
    except BaseException:
        claimed.release()
        raise
    engine = QueryEngine(prepared.snapshot, size=config.workers, union=prepared.union,
                         work=prepared.work, snapshots=folder / "snapshots",
                         sandbox=config.sandbox)
    view = GraphView(prepared.pages if prepared.pages is not None else ox.Store())
    state = ServerState(config, engine, view, Renderer(live=True),
                        stored_queries() if queries is None else queries, claimed)
    if prepared.pages is None:  # the pages follow the writer's snapshots
        engine.on_snapshot = state.show_snapshot
    try:
        engine.start()
    except BaseException:
        state.close()
        raise
    return state


def _state(request: Request) -> ServerState:
    state = request.app.state.spkg
    assert isinstance(state, ServerState)
    return state


def html(state: ServerState, template: str, page_path: str, status: int = 200,
         **context: object) -> HTMLResponse:
    body = state.renderer.render(template, page_path=page_path, **context)
    return HTMLResponse(body, status_code=status, headers={"Vary": "Accept"})


def not_found(state: ServerState, message: str) -> HTMLResponse:
    return html(state, "error.html", "/404", status=404, code=404, title="Not found",
                message=message)


async def home(request: Request) -> Response:
    state = _state(request)
    context = await run_in_threadpool(home_context, state.view, state.queries)
    return html(state, "home.html", "/", **context)


def query_page(state: ServerState, request: Request) -> Response:
    config = state.config
    stored = [{"name": q.name, "summary": q.summary, "text": q.text} for q in state.queries]
    return html(
        state, "query.html", "/sparql",
        queries=state.queries,
        queries_json=script_json(stored),
        config_json=script_json({"endpoint": str(request.url_for("sparql").path), "base": BASE}),
        yasgui=yasgui_installed(),
        timeout=config.timeout,
        max_rows=config.max_rows,
        allow_update=config.allow_update,
        initial_query="SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10",
    )


async def sparql(request: Request) -> Response:
    state = _state(request)
    deadline = time.monotonic() + state.config.timeout
    if graph_store.is_graph_request(request):
        return await graph_store.handle(state, request)
    if request.method not in ("GET", "HEAD", "POST"):
        return protocol.error(405, "queries use GET or POST, updates POST; PUT and DELETE "
                                   "are for graphs (?graph=IRI or ?default)")
    try:
        parsed = await protocol.parse_request(request, state.config.max_body)
    except protocol.BodyTooLarge:
        return protocol.error(413, f"request body over {state.config.max_body} bytes")
    if isinstance(parsed, Response):
        return parsed
    if parsed.update is not None:
        return await protocol.run_update(state, parsed, deadline, request)
    if parsed.query is None:
        if request.method in ("GET", "HEAD"):
            described = await service_description.answer(state, request)
            return described if described is not None else query_page(state, request)
        return protocol.error(400, "no query: send query= (or update=)")
    return await protocol.run_query(state, parsed, request.headers.get("accept"), deadline,
                                    protocol.base_iri(request))


class SparqlEndpoint:
    """/sparql as a bare ASGI app: the route calls it without Starlette's per-request
    wrapper (the app's exception handlers still apply), one layer less on the busiest path."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await sparql(Request(scope, receive, send))
        await response(scope, receive, send)


async def _resource(request: Request, path: str, suffix_format: str | None) -> Response:
    state = _state(request)
    iri = iri_for_path(path)
    view = await run_in_threadpool(views.resource_view, state.view, iri)
    if view is None:
        return not_found(state, f"Nothing is known about {iri}.")
    fmt = suffix_format or conneg.negotiate(request.headers.get("accept"), PAGE_TYPES, ["html"])
    if fmt is None:
        return protocol.error(406, "offered: " + ", ".join(PAGE_TYPES))
    if fmt == "html":
        dash = await run_in_threadpool(dashboards.country_dashboard, state.view, iri)
        from spkg.server.curation_pages import resource_context  # curated facts, buttons

        curation = await run_in_threadpool(resource_context, state, iri)
        return html(state, "resource.html", path, r=view, alternates=resource_alternates(path),
                    dash=dash, curation=curation)
    body = await run_in_threadpool(rdf_for, state.view, iri, fmt)
    return Response(body, media_type=conneg.FORMAT_MEDIA_TYPES[fmt], headers={"Vary": "Accept"})


def _split_suffix(name: str) -> tuple[str, str | None]:
    for suffix, fmt in SUFFIX_FORMATS.items():
        if name.endswith(suffix):
            return name[: -len(suffix)], fmt
    return name, None


async def resource(request: Request) -> Response:
    rest, fmt = _split_suffix(request.path_params["rest"])
    if not RESOURCE_PATH.fullmatch(rest):
        return not_found(_state(request), "Not a resource path.")
    return await _resource(request, f"/id/{rest}", fmt)


async def ontology_term(request: Request) -> Response:
    name, fmt = _split_suffix(request.path_params["term"])
    if fmt is None and ontology_document.is_version(_state(request).view, name):
        return await ontology(request)  # the versionIRI: the whole ontology
    if not TERM_NAME.fullmatch(name):
        return not_found(_state(request), "Not an ontology term.")
    return await _resource(request, f"/ontology/{name}", fmt)


async def ontology(request: Request) -> Response:
    state = _state(request)
    document = await ontology_document.negotiated(state.view, request)
    if document is not None:
        return document
    terms = await run_in_threadpool(views.ontology_terms, state.view)
    return html(state, "ontology.html", "/ontology", terms=terms)


async def ontology_turtle(request: Request) -> Response:
    from spkg.pages.resources import graph_turtle

    body = await run_in_threadpool(graph_turtle, _state(request).view,
                                   "https://w3id.org/spkg/graph/ontology")
    return Response(body, media_type=conneg.FORMAT_MEDIA_TYPES["ttl"])


async def context(request: Request) -> Response:
    return JSONResponse(jsonld_context(), media_type="application/ld+json")


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return not_found(_state(request), "No such page.")
    return protocol.error(exc.status_code, str(exc.detail))


class AccessLog:
    """One JSON line per request: method, path, status, duration in ms, result rows."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen: dict[str, object] = {"status": 500, "rows": None}

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                for key, value in message.get("headers", []):
                    if key == b"x-spkg-rows":
                        seen["rows"] = int(value)
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                line = json.dumps({
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": seen["status"],
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "rows": seen["rows"],
                })
                # The record made directly: Logger.info would look up its caller's file and
                # line on every request, a fifth of a cached answer's cost.
                access_log.handle(access_log.makeRecord(
                    access_log.name, logging.INFO, __file__, 0, line, (), None))


def create_app(state: ServerState) -> Starlette:
    """The ASGI app over a loaded state; the state's workers stop when the app shuts down."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            state.close()

    app = Starlette(
        routes=[
            Route("/", home, name="home"),
            Route("/sparql", SparqlEndpoint(), methods=["GET", "POST", "PUT", "DELETE"],
                  name="sparql"),
            Route("/id/{rest:path}", resource, name="resource"),
            Route("/ontology", ontology, name="ontology"),
            *page_routes.ROUTES,
            Route("/ontology.ttl", ontology_turtle),
            Route("/ontology/{term}", ontology_term),
            Route("/context.jsonld", context),
            Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
        ],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.spkg = state
    streaming.quiet_cut_streams()
    app.add_middleware(Guard, hosts=state.config.hosts)
    app.add_middleware(AccessLog)
    return app
