"""Stored queries as forms: a picker per parameter (countries, instruments, … from the data)
and the answer as a table of cells, for the server's query pages and the static site's."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from spkg.pages.graphview import GraphView
from spkg.queries.catalogue import ParamSpec, StoredQuery
from spkg.queries.params import DEFAULT_RANGES, expand_name

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
