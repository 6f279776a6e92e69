"""What the static site works out ahead because it has no server: the stored queries' answers and
the explanations of inferred facts.

The stored queries on the static site: a static site cannot run SPARQL, so each query's page
shows answers worked out at export time, each also as a CSV file beside the page.

A query without a required parameter is run once, as stored (optional parameters unset).
A query with one required parameter is run for each value a reader is likely to want: the
countries the documents are about when the parameter takes places, else every value of its
picker when there are at most MAX_CHOICES. Other queries get no answer, and their page says
how to run them (`spkg query`, or `spkg serve`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Literal, URIRef

from spkg.errors import QueryError
from spkg.pages.graphview import GraphView, local_path
from spkg.pages.query_forms import Answer, Cell, picker_options
from spkg.pages.render import Renderer
from spkg.queries.catalogue import ParamSpec, StoredQuery

MAX_CHOICES = 20  # values of one parameter worked out ahead; more would bloat the site
MAX_ROWS = 5000
TIMEOUT = 60.0


@dataclass
class Precomputed:
    title: str  # 'country = Pakistan', or 'as stored' for a query without required parameters
    csv_path: str  # '/queries/c102-gaps/pakistan.csv'
    answer: Answer
    csv_text: str = field(default="", repr=False)


def _choices(view: GraphView, spec: ParamSpec, featured: set[str]) -> list[tuple[str, str]]:
    options = picker_options(view, spec) or []
    wanted = [o for o in options if o[0] in featured]
    return wanted or (options if len(options) <= MAX_CHOICES else [])


def _slug(iri: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", iri.rstrip("/").rsplit("/", 1)[-1].lower()).strip("-")
    slug, n = base or "value", 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _cell(view: GraphView, term: object) -> Cell:
    from spkg.pages.formatting import format_literal

    if term is None:
        return Cell("")
    if isinstance(term, URIRef):
        return Cell(view.label(ox.NamedNode(str(term))), local_path(str(term)) or str(term))
    if isinstance(term, Literal) and term.datatype is not None:
        return Cell(format_literal(str(term), str(term.datatype)))
    return Cell(str(term))


def _run(view: GraphView, stored: StoredQuery, params: dict[str, str]) -> tuple[Answer, str]:
    """The answer as cells for the page, and as CSV (IRIs and lexical forms) for the file."""
    from spkg.queries import run_stored
    from spkg.store.oxigraph import OxigraphStore

    answer = Answer()
    out = io.StringIO()
    try:
        result = run_stored(OxigraphStore(store=view.store), stored, params, timeout=TIMEOUT,
                            limit=MAX_ROWS)
    except QueryError as problem:
        answer.error = str(problem)
        return answer, ""
    answer.columns = list(result.variables)
    answer.rows = [[_cell(view, t) for t in row] for row in result.rows]
    answer.truncated = result.truncated
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(answer.columns)
    writer.writerows([["" if t is None else str(t) for t in row] for row in result.rows])
    return answer, out.getvalue()


def precompute(view: GraphView, stored: StoredQuery, featured: set[str]) -> list[Precomputed]:
    """The answers the static page of ``stored`` shows (none when it cannot choose values)."""
    required = [spec for spec in stored.params if spec.required]
    base = f"/queries/{stored.name}"
    if not required:
        answer, text = _run(view, stored, {})
        return [Precomputed("as stored (no parameter chosen)", f"{base}/answer.csv", answer,
                            text)]
    if len(required) > 1:
        return []
    spec = required[0]
    taken: set[str] = set()
    found = []
    for value, label in _choices(view, spec, featured):
        answer, text = _run(view, stored, {spec.name: value})
        found.append(Precomputed(f"{spec.name} = {label}",
                                 f"{base}/{_slug(value, taken)}.csv", answer, text))
    return found


class _Page(Protocol):
    def __call__(self, path: str, template: str, **context: object) -> None: ...


def query_pages(view: GraphView, site_dir: Path, page: _Page) -> list[Path]:
    """Each stored query's page, with the answers worked out now; returns the CSV files."""
    from spkg.pages.graphview import iri_for_path
    from spkg.pages.home import countries
    from spkg.pages.query_forms import fields
    from spkg.pages.stored import stored_queries
    from spkg.queries.catalogue import catalogue

    featured = {iri_for_path(c.href) for c in countries(view) if c.href}
    stored = catalogue()
    written = []
    for listed in stored_queries():
        query = stored.get(listed.name)
        if query is None:
            continue
        answers = precompute(view, query, featured)
        for answer in answers:
            target = site_dir / answer.csv_path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(answer.csv_text, encoding="utf-8")
            written.append(target)
        page(f"/queries/{query.name}", "stored_query.html", q=query,
             fields=fields(view, query, {}), precomputed=answers)
    return written


def explanations(view: GraphView, renderer: Renderer, page: _Page) -> None:
    """Why each inferred fact the pages link to holds: one page per triple (no /explain here)."""
    from spkg.pages.explain import explain, justifier_for, page_context

    if not renderer.explained:
        return
    justifier = justifier_for(view.store)
    for key, (s, p, o) in sorted(renderer.explained.items()):
        verdict, lines = explain(justifier, s, p, o)
        page(f"/explain/{key}", "explain.html", **page_context(view, verdict, lines, s, p, o))
