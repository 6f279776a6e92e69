"""What the home page lists: countries, interventions, ILO results and documents, each with the
kind, date and country a reader sorts them by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from spkg.pages.formatting import format_literal
from spkg.pages.graphview import DCTERMS, SPKG, GraphView, local_path, sparql_prefixes
from spkg.pages.stored import StoredQuery

_PREFIXES = "\n" + sparql_prefixes("spkg", "dcterms", "rdfs", "org")


@dataclass
class Row:
    label: str
    href: str | None
    kind: str = ""
    date: str = ""  # shown ('March 2021'); sort_date sorts
    countries: list[tuple[str, str | None]] = field(default_factory=list)
    sort_date: str = ""
    count: int = 0


def _named(view: GraphView, term: object) -> tuple[str, str | None]:
    assert isinstance(term, ox.NamedNode)
    return view.label(term), local_path(term.value)


def _date(term: object) -> tuple[str, str]:
    if isinstance(term, ox.Literal):
        return format_literal(term.value, term.datatype.value), term.value
    return "", ""


def _kind(view: GraphView, thing: ox.NamedNode, within: tuple[str, ...]) -> str:
    for name in within:
        if any(True for _ in view.store.quads_for_pattern(
                thing, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode(SPKG + name), None)):
            return view.label(ox.NamedNode(SPKG + name))
    return ""


def _rows(view: GraphView, query: str, kinds: tuple[str, ...]) -> list[Row]:
    rows: dict[str, Row] = {}
    for s in view.select(_PREFIXES + query):
        thing = s["thing"]
        if not isinstance(thing, ox.NamedNode):
            continue
        label, href = _named(view, thing)
        row = rows.get(thing.value)
        if row is None:
            shown, sort = _date(s["date"])
            row = rows[thing.value] = Row(label, href, _kind(view, thing, kinds), shown,
                                          sort_date=sort)
        country = s["country"]
        if isinstance(country, ox.NamedNode) and _named(view, country) not in row.countries:
            row.countries.append(_named(view, country))
    return sorted(rows.values(), key=lambda r: (r.sort_date == "", r.sort_date, r.label.lower()))


def countries(view: GraphView) -> list[Row]:
    """Countries that documents are about, with how many documents."""
    found = []
    for s in view.select(_PREFIXES + """SELECT ?country (COUNT(DISTINCT ?doc) AS ?n) WHERE {
            ?doc spkg:country ?country . ?country a spkg:Country } GROUP BY ?country"""):
        label, href = _named(view, s["country"])
        found.append(Row(label, href, count=int(s["n"].value)))
    return sorted(found, key=lambda r: r.label.lower())


INTERVENTION_KINDS = ("Programme", "Scheme", "CountryProgramme", "Law", "Policy", "Strategy",
                      "Intervention")


def interventions(view: GraphView) -> list[Row]:
    """Programmes, laws and policies, with their first dated event and their country (where
    they are, or where the body that adopted, implemented or developed them is)."""
    rows = _rows(view, """SELECT ?thing ?country (MIN(?d) AS ?date) WHERE {
        ?thing a spkg:Intervention .
        OPTIONAL { ?event spkg:concerns ?thing ; spkg:date ?d }
        OPTIONAL { { ?thing spkg:locatedIn ?country }
                   UNION { ?thing spkg:adoptedBy|spkg:implementedBy|spkg:developedBy ?body .
                           ?body spkg:locatedIn|org:subOrganizationOf ?country }
                   ?country a spkg:Country } }
        GROUP BY ?thing ?country""", INTERVENTION_KINDS)
    return rows


def results(view: GraphView) -> list[Row]:
    return _rows(view, """SELECT ?thing ?country ?date WHERE {
        ?thing a spkg:Outcome .
        OPTIONAL { ?thing spkg:year ?date }
        OPTIONAL { ?thing spkg:reportedIn/spkg:country ?country } }""", ("Outcome",))


DOCUMENT_KINDS = ("ResultRecord", "CountryPage", "PressRelease", "SourceDocument")


def documents(view: GraphView) -> list[Row]:
    """Every document graph (typed or not: a build without reasoning has no inferred types)."""
    rows = []
    for graph in view.document_graphs():
        title = view.first_object(graph, DCTERMS + "title")
        label = title.value if isinstance(title, ox.Literal) else view.label(graph)
        shown, sort = _date(view.first_object(graph, DCTERMS + "date"))
        countries = sorted({_named(view, c) for c in view.objects(graph, SPKG + "country")
                            if isinstance(c, ox.NamedNode)})
        rows.append(Row(label, local_path(graph.value), _kind(view, graph, DOCUMENT_KINDS)
                        or "document", shown, countries, sort))
    return sorted(rows, key=lambda r: (r.sort_date == "", r.sort_date, r.label.lower()))


def home_context(view: GraphView, queries: list[StoredQuery]) -> dict[str, Any]:
    """What home.html shows, on the server and in the static site."""
    from spkg.pages.views import class_counts

    return {
        "classes": class_counts(view),
        "countries": countries(view),
        "interventions": interventions(view),
        "results": results(view),
        "documents": documents(view),
        "queries": queries,
    }
