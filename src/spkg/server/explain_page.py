"""/explain?s=…&p=…&o=…: why a triple holds, worked out by spkg.pages.explain over the page
store; the justifier is kept for the store it was made from (one per snapshot).
"""

from __future__ import annotations

import threading
from typing import Any

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from spkg.pages.explain import explain, justifier_for, page_context
from spkg.pages.graphview import GraphView

_LOCK = threading.Lock()
_KEY = "explain-justifier"


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
