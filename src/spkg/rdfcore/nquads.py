"""Read an N-Quads file into an rdflib Dataset with pyoxigraph's parser.

rdflib's N-Quads parser takes a second or more for a build's 20,000 quads; pyoxigraph's
reads them in hundredths, and turning its terms into rdflib's costs a fraction of what
rdflib spends. The result is what rdflib's parser gives, term for term, except where
pyoxigraph reads a line differently: it drops an explicit ^^xsd:string and lowercases
language tags, and it refuses IRIs that rdflib takes. A file with either of the first two
(a canonical dump has neither), or that pyoxigraph refuses, is read by rdflib instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# where pyoxigraph's reading would differ from rdflib's (two searches: one regex is slower)
_EXPLICIT_STRING = f"^^<{_XSD_STRING}>".encode()
_UPPERCASE_TAG = re.compile(rb'"@[a-z0-9-]*[A-Z]')


def read_nquads(dataset: Dataset, path: Path, *, skip: Iterable[URIRef] = ()) -> None:
    """Add the quads of the N-Quads file ``path`` to ``dataset``, but those of ``skip``."""
    data = path.read_bytes()
    skipped = {str(name) for name in skip}
    if _EXPLICIT_STRING not in data and not _UPPERCASE_TAG.search(data):
        try:
            quads = ox.parse(data, format=ox.RdfFormat.N_QUADS)
            _add(dataset, quads, skipped)
            return
        except SyntaxError:
            pass  # rdflib takes some lines pyoxigraph refuses (or reports them itself)
    dataset.parse(data=data, format="nquads")
    for name in skipped:
        dataset.remove_graph(URIRef(name))


def _add(dataset: Dataset, quads: Iterable[ox.Quad], skipped: set[str]) -> None:
    terms: dict[object, Node] = {}  # one rdflib term per distinct term, fresh blank nodes

    def term(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        found = terms.get(node)
        if found is None:
            found = terms[node] = _to_rdflib(node)
        return found

    rows: list[tuple[Node, Node, Node, ox.NamedNode | ox.BlankNode | ox.DefaultGraph]] = []
    for quad in quads:  # read whole before anything is added: a syntax error adds nothing
        name = quad.graph_name
        if isinstance(name, ox.NamedNode) and name.value in skipped:
            continue
        rows.append((term(quad.subject), term(quad.predicate),  # type: ignore[arg-type]
                     term(quad.object), name))  # type: ignore[arg-type]
    graphs: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, Graph] = {}
    for name in dict.fromkeys(row[3] for row in rows):
        graphs[name] = dataset.graph(DATASET_DEFAULT_GRAPH_ID
                                     if isinstance(name, ox.DefaultGraph)
                                     else term(name))  # type: ignore[arg-type]
    # the store's own addN: the Dataset's makes a Graph object for every quad
    dataset.store.addN((s, p, o, graphs[g]) for s, p, o, g in rows)


def _to_rdflib(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode()
    if not isinstance(node, ox.Literal):  # a quoted triple: rdflib's parser says what it thinks
        raise SyntaxError(f"not a term rdflib holds: {node}")
    if node.language:
        return Literal(node.value, lang=node.language)
    datatype = node.datatype.value
    if datatype == _XSD_STRING:
        return Literal(node.value)
    return Literal(node.value, datatype=URIRef(datatype))
