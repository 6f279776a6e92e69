"""The researcher's pages on the live server: search, the coverage matrix (and CSV).

The data and rendering are spkg.pages', shared with `spkg export --site`; app.py mounts ROUTES.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from spkg.pages import coverage
from spkg.pages.search import MAX_HITS, search
from spkg.server import curation_pages, explain_page, query_forms

MAX_QUERY_TEXT = 200  # characters of a search; longer is cut, never an error
SUGGESTIONS = 10


def _state(request: Request) -> Any:
    return request.app.state.spkg


def _html(request: Request, template: str, page_path: str, **context: Any) -> HTMLResponse:
    body = _state(request).renderer.render(template, page_path=page_path, **context)
    return HTMLResponse(body, headers={"Vary": "Accept"})


async def coverage_page(request: Request) -> Response:
    data = await run_in_threadpool(coverage.matrix, _state(request).view)
    return _html(request, "coverage.html", "/coverage", m=data)


async def coverage_csv(request: Request) -> Response:
    data = await run_in_threadpool(coverage.matrix, _state(request).view)
    return Response(coverage.matrix_csv(data), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="c102-coverage.csv"'})


def _text(request: Request) -> str:
    return request.query_params.get("q", "")[:MAX_QUERY_TEXT].strip()


async def search_page(request: Request) -> Response:
    text = _text(request)
    hits = await run_in_threadpool(search, _state(request).view, text, limit=MAX_HITS)
    return _html(request, "search.html", "/search", q=text, hits=hits)


async def search_json(request: Request) -> Response:
    text = _text(request)
    hits = await run_in_threadpool(search, _state(request).view, text, limit=SUGGESTIONS)
    return JSONResponse([{"label": h.label, "matched": h.matched, "kind": h.kind,
                          "href": h.href} for h in hits])


ROUTES = [
    Route("/coverage", coverage_page, name="coverage"),
    Route("/coverage.csv", coverage_csv),
    Route("/search", search_page, name="search"),
    Route("/search.json", search_json),
    *query_forms.ROUTES,
    *explain_page.ROUTES,
    *curation_pages.ROUTES,
]
