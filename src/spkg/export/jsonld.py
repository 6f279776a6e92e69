"""A deterministic JSON-LD writer: sorted nodes, compact IRIs from the published context.

pyoxigraph writes JSON-LD in expanded form only and rdflib's writer is neither fast nor
stable for blank nodes, so spkg writes the flattened form itself.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby

import pyoxigraph as ox

from spkg.export.prefixes import compact
from spkg.export.terms import quad_sort_key

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact(term.value)


def _value(term: object) -> object:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _node_id(term)}
    assert isinstance(term, ox.Literal)
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": compact(term.datatype.value)}


def _nodes(quads: Sequence[ox.Quad]) -> list[dict[str, object]]:
    nodes: list[dict[str, object]] = []
    for subject, by_subject in groupby(quads, key=lambda q: q.subject):
        node: dict[str, object] = {"@id": _node_id(subject)}
        for predicate, by_predicate in groupby(by_subject, key=lambda q: q.predicate):
            objects = [q.object for q in by_predicate]
            if predicate.value == RDF_TYPE and all(isinstance(o, ox.NamedNode) for o in objects):
                node["@type"] = [compact(o.value) for o in objects]  # type: ignore[union-attr]
            else:
                node[compact(predicate.value)] = [_value(o) for o in objects]
        nodes.append(node)
    return nodes


def to_jsonld(quads: Sequence[ox.Quad], *, context: str = "context.jsonld") -> bytes:
    """Quads (sorted as terms.canonical sorts them) as JSON-LD referring to ``context``."""
    ordered = sorted(quads, key=quad_sort_key)
    top: list[dict[str, object]] = []
    for graph, in_graph in groupby(ordered, key=lambda q: q.graph_name):
        group = list(in_graph)
        if isinstance(graph, ox.DefaultGraph):
            top.extend(_nodes(group))
        else:
            top.append({"@id": _node_id(graph), "@graph": _nodes(group)})
    document = {"@context": context, "@graph": top}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
