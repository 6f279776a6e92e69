"""/explain?s=…&p=…&o=…: why a triple holds (the OWL 2 RL rule and its premises, down to the
asserted triples and their sentences), from spkg.reason.explain over the page store.

The justifier copies the dataset into rdflib once and is kept for the store it was made from;
above MAX_QUADS that copy would cost too much memory for a web request, and the page says to
use `spkg explain` instead.
"""

from __future__ import annotations

import threading
from typing import Any

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from spkg.server.graphview import GraphView, local_path

MAX_QUADS = 100_000  # the seeds: 21k quads, 3.8 s to build on a loaded machine
_LOCK = threading.Lock()
_KEY = "explain-justifier"


def justifier_for(store: ox.Store) -> Any:
    """A justifier over the store's quads; None above MAX_QUADS (too much memory)."""
    from rdflib import Dataset, URIRef

    from spkg.rdfcore.terms import to_rdflib
    from spkg.reason.explain import Justifier

    if len(store) > MAX_QUADS:
        return None
    dataset = Dataset()
    for quad in store:
        graph = quad.graph_name
        context = dataset.graph(URIRef(graph.value)) if isinstance(
            graph, ox.NamedNode) else dataset.default_graph
        context.add((to_rdflib(quad.subject), to_rdflib(quad.predicate),
                     to_rdflib(quad.object)))
    return Justifier(dataset)


def _justifier(state: Any) -> Any:
    """The justifier for the store the pages show now (built once per store)."""
    view: GraphView = state.view
    with _LOCK:
        cached = state.extra.get(_KEY)
        if cached is not None and cached[0] is view.store:
            return cached[1]
        justifier = justifier_for(view.store)
        if justifier is not None:
            state.extra[_KEY] = (view.store, justifier)
        return justifier


def explain(justifier: Any, s: str, p: str, o: str) -> tuple[str, list[str]]:
    """(verdict, lines of the proof tree) for one triple; the server and the static site."""
    from rdflib import URIRef

    from spkg.reason.explain import RULE_TEXT, render

    if justifier is None:
        return (f"The graph is larger than {MAX_QUADS:,} quads: run `spkg explain` on the build "
                "instead.", [])
    triple = (URIRef(s), URIRef(p), URIRef(o))
    found = justifier.explain(triple)
    if found is None:
        return "This triple does not hold in the graph.", []
    if found.status == "inferred":
        verdict = f"Inferred by {found.rule}: {RULE_TEXT.get(found.rule or '', '')}."
    elif found.status == "asserted":
        verdict = "Asserted: read from the documents or the reference data."
    else:
        verdict = found.note
    return verdict, render(found, justifier.closure)


def page_context(view: GraphView, verdict: str, lines: list[str],
                 s: str, p: str, o: str) -> dict[str, Any]:
    return {"verdict": verdict, "lines": lines,
            "triple": [(view.label(ox.NamedNode(t)), t, local_path(t)) for t in (s, p, o)]}


def _iri(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    try:
        return ox.NamedNode(value).value if value and len(value) < 2000 else None
    except ValueError:
        return None


async def explain_page(request: Request) -> Response:
    state = request.app.state.spkg
    s, p, o = _iri(request, "s"), _iri(request, "p"), _iri(request, "o")
    if s is None or p is None or o is None:
        body = state.renderer.render("error.html", page_path="/explain", code=400,
                                     title="Explain what?",
                                     message="Give s, p and o as IRIs.")
        return HTMLResponse(body, status_code=400)
    justifier = await run_in_threadpool(_justifier, state)
    verdict, lines = await run_in_threadpool(explain, justifier, s, p, o)
    body = state.renderer.render("explain.html", page_path="/explain",
                                 **page_context(state.view, verdict, lines, s, p, o))
    return HTMLResponse(body)


ROUTES = [Route("/explain", explain_page, name="explain")]
