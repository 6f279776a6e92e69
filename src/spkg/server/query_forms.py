"""Stored queries as forms: a picker per parameter (countries, instruments, … from the data),
the query run by the server's query workers with the chosen values bound as RDF terms, the
answer as a table with labels, and as CSV."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from spkg.errors import QueryError, QueryTimeout
from spkg.queries.catalogue import ParamSpec, StoredQuery, catalogue
from spkg.queries.params import DEFAULT_RANGES, convert, expand_name
from spkg.rdfcore.values import insert_values
from spkg.server.engine import Forbidden
from spkg.server.graphview import GraphView, local_path

MAX_OPTIONS = 2000
_INPUTS = {"integer": "number", "year": "number", "date": "date", "string": "text"}


@dataclass
class Field:
    name: str
    kind: str
    description: str
    required: bool
    value: str = ""
    input_type: str = "text"
    options: list[tuple[str, str]] | None = None  # (IRI, label) for a picker


@dataclass
class Cell:
    text: str
    href: str | None = None


@dataclass
class Answer:
    columns: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    error: str = ""
    truncated: bool = False


def picker_options(view: GraphView, spec: ParamSpec) -> list[tuple[str, str]] | None:
    range_name = spec.range or DEFAULT_RANGES.get(spec.type)
    range_iri = expand_name(range_name) if range_name else None
    if spec.type not in ("iri", "instrument", "sdg-goal", "sdg-target") or range_iri is None:
        return None
    rows = view.select(f"SELECT DISTINCT ?x WHERE {{ ?x a {ox.NamedNode(str(range_iri))} . "
                       f"FILTER(isIRI(?x)) }} LIMIT {MAX_OPTIONS}")
    found = [(r["x"].value, view.label(r["x"])) for r in rows if isinstance(r["x"], ox.NamedNode)]
    return sorted(found, key=lambda o: (o[1].lower(), o[0]))


def fields(view: GraphView, stored: StoredQuery, given: dict[str, str]) -> list[Field]:
    return [Field(spec.name, spec.type, spec.description, spec.required,
                  given.get(spec.name, spec.default or ""), _INPUTS.get(spec.type, "text"),
                  picker_options(view, spec)) for spec in stored.params]


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
        from spkg.server.formatting import format_literal

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
