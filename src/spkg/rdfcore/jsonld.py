"""A deterministic JSON-LD writer: sorted nodes, compact IRIs from the published context.

pyoxigraph writes JSON-LD in expanded form only and rdflib's writer is neither fast nor
stable for blank nodes, so spkg writes the flattened form itself.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import IO

import pyoxigraph as ox

from spkg.prefixes import compact
from spkg.rdfcore.terms import OxGraphName, quad_sort_key

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


def _nodes(quads: Iterable[ox.Quad]) -> list[dict[str, object]]:
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


def write_jsonld(out: IO[bytes], graphs: Iterable[tuple[OxGraphName, Iterable[ox.Quad]]],
                 *, context: str = "context.jsonld") -> None:
    """Write graphs, each with its quads grouped by subject then predicate, as one JSON-LD
    document referring to ``context``: one node per line, a named graph's nodes between
    its opening and closing lines.

    Written graph by graph, so only one graph's nodes are ever in memory. A line per node
    rather than json.dumps(indent=...): the indenting encoder is pure Python and took half
    of a 100k export, and a node per line is what grep and diff want anyway.
    """
    out.write(b'{\n "@context": ' + _json(context) + b',\n "@graph": [')
    separator = b"\n  "
    for graph, quads in graphs:
        nodes = _nodes(quads)
        if isinstance(graph, ox.DefaultGraph):
            for node in nodes:
                out.write(separator + _json(node))
                separator = b",\n  "
            continue
        out.write(separator + b'{"@id": ' + _json(_node_id(graph)) + b', "@graph": [')
        out.write(b",".join(b"\n   " + _json(node) for node in nodes))
        out.write(b"\n  ]}" if nodes else b"]}")
        separator = b",\n  "
    out.write(b"\n ]\n}\n")


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def to_jsonld(quads: Sequence[ox.Quad], *, context: str = "context.jsonld") -> bytes:
    """Quads in any order as JSON-LD referring to ``context`` (the resource pages' form)."""
    ordered = sorted(quads, key=quad_sort_key)
    buffer = io.BytesIO()
    write_jsonld(buffer, groupby(ordered, key=lambda q: q.graph_name), context=context)
    return buffer.getvalue()
