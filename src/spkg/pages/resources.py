"""A resource as RDF: the triples with it as subject, from every graph (asserted and inferred)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from spkg.formats import RDF_FORMATS
from spkg.pages.graphview import GraphView
from spkg.rdfcore.jsonld import to_jsonld
from spkg.rdfcore.syntax import to_bytes

_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples", "rdf": "RDF/XML"}


@dataclass(frozen=True)
class Alternate:
    name: str
    href: str
    media_type: str


def resource_alternates(path: str) -> list[Alternate]:
    return [Alternate(name, f"{path}.{fmt}", RDF_FORMATS[fmt].media_type)
            for fmt, name in _NAMES.items()]


def _sorted_triples(quads: list[ox.Quad]) -> list[ox.Triple]:
    return sorted({q.triple for q in quads},
                  key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def serialise_triples(triples: list[ox.Triple], fmt: str, *, context: str) -> bytes:
    if fmt == "jsonld":
        return to_jsonld([ox.Quad(t.subject, t.predicate, t.object) for t in triples],
                         context=context)
    return to_bytes(triples, RDF_FORMATS[fmt])


def rdf_for(view: GraphView, iri: str, fmt: str, *, context: str = "/context.jsonld") -> bytes:
    triples = _sorted_triples(view.quads_about(ox.NamedNode(iri)))
    return serialise_triples(triples, fmt, context=context)


def graph_turtle(view: GraphView, graph: str) -> bytes:
    quads = list(view.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    return serialise_triples(_sorted_triples(quads), "ttl", context="/context.jsonld")
