"""Stored queries as forms on the server: the query run by the server's query workers with the
chosen values bound as RDF terms, the answer as a table with labels (spkg.pages.query_forms
draws the form and the table), and as CSV."""

from __future__ import annotations

import json
import time
from typing import Any

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from spkg.errors import QueryError, QueryTimeout
from spkg.pages.graphview import GraphView, local_path
from spkg.pages.query_forms import Answer, Cell, fields
from spkg.queries.catalogue import StoredQuery, catalogue
from spkg.queries.params import convert
from spkg.rdfcore.values import insert_values
from spkg.server.engine import Forbidden


def bound_text(stored: StoredQuery, given: dict[str, str]) -> str:
    """The query text with the given values bound (VALUES), never pasted as syntax."""
    bindings = {}
    for spec in stored.params:
        text = given.get(spec.name, "") or spec.default or ""
        if not text:
            if spec.required:
                raise QueryError(f"choose a value for {spec.name}")
            continue
        try:
            bindings[spec.name] = convert(spec.type, text, range_name=spec.range)
        except QueryError as problem:
            raise QueryError(f"{spec.name}: {problem}") from None
    return insert_values(stored.text, bindings or None)


def _cell(view: GraphView, term: dict[str, str] | None) -> Cell:
    if term is None:
        return Cell("")
    if term.get("type") == "uri":
        iri = term["value"]
        return Cell(view.label(ox.NamedNode(iri)), local_path(iri) or iri)
    if term.get("type") == "literal" and "datatype" in term:
        from spkg.pages.formatting import format_literal

        return Cell(format_literal(term["value"], term["datatype"]))
    return Cell(term.get("value", ""))


async def _run(state: Any, text: str, fmt: str) -> dict[str, Any]:
    request = {"query": text, "select_format": fmt, "ask_format": "json", "graph_format": "ttl",
               "max_rows": state.config.max_rows, "max_bytes": state.config.max_answer,
               "default_graphs": [], "named_graphs": []}
    answer: dict[str, Any] = await state.engine.query(
        request, time.monotonic() + state.config.timeout)
    return answer


async def stored_query_page(request: Request) -> Response:
    state = request.app.state.spkg
    name = request.path_params["name"]
    stored = catalogue().get(name)
    if stored is None or name not in {q.name for q in state.queries}:
        body = state.renderer.render("error.html", page_path="/404", code=404,
                                     title="Not found", message="No such stored query.")
        return HTMLResponse(body, status_code=404)
    given = {spec.name: request.query_params.get(spec.name, "").strip()[:500]
             for spec in stored.params}
    run = "run" in request.query_params or not stored.params
    answer = Answer()
    if run:
        try:
            text = bound_text(stored, given)
            fmt = "csv" if request.query_params.get("format") == "csv" else "json"
            result = await _run(state, text, fmt)
            if fmt == "csv":
                return Response(result["body"], media_type="text/csv; charset=utf-8",
                                headers={"Content-Disposition":
                                         f'attachment; filename="{name}.csv"'})
            data = json.loads(result["body"])
            answer.columns = data.get("head", {}).get("vars", [])
            answer.rows = [[_cell(state.view, row.get(c)) for c in answer.columns]
                           for row in data.get("results", {}).get("bindings", [])]
            answer.truncated = bool(result.get("truncated"))
        except QueryTimeout:
            answer.error = f"the query ran longer than {state.config.timeout:g} s and was stopped"
        except (QueryError, Forbidden) as problem:
            answer.error = str(problem)
    body = state.renderer.render(
        "stored_query.html", page_path=f"/queries/{name}", q=stored, run=run, answer=answer,
        fields=fields(state.view, stored, given),
        csv_query=str(request.url.include_query_params(format="csv", run="1").query))
    return HTMLResponse(body)


ROUTES = [Route("/queries/{name}", stored_query_page, name="stored-query")]
