"""The canonical form export writes from: blank node labels as RDFC-1.0 gives them on the whole
dataset (though only quads with blank nodes are canonicalised), graphs and lines sorted, and
the streamed JSON-LD equal to the whole document dumped at once."""

from __future__ import annotations

import io
import json
from itertools import groupby

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from spkg.export.canonical import CanonicalDataset, graph_iri
from spkg.rdfcore import jsonld

EX = "http://example.org/"


def _n(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


QUADS = [
    ox.Quad(_n("s"), _n("p"), ox.Literal("text with\nnewline"), _n("g1")),
    ox.Quad(_n("s"), _n("p"), ox.Literal("same triple, other graph"), _n("g2")),
    ox.Quad(_n("s"), _n("list"), ox.BlankNode("x"), _n("g1")),
    ox.Quad(ox.BlankNode("x"), _n("first"), ox.Literal("1", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")), _n("g1")),
    ox.Quad(ox.BlankNode("x"), _n("seenIn"), _n("g2"), _n("g2")),  # one blank node, two graphs
    ox.Quad(ox.BlankNode("y"), _n("p"), ox.Literal("y", language="en")),
    ox.Quad(_n("a"), _n("p"), _n("b")),
    ox.Quad(_n("in-blank-graph"), _n("p"), _n("b"), ox.BlankNode("g")),
]


def _whole_dataset_labels() -> set[ox.Quad]:
    data = ox.Dataset(QUADS)
    data.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(data)


def test_blank_node_labels_are_those_of_the_whole_dataset() -> None:
    data = CanonicalDataset.from_quads(QUADS)
    assert set(data.quads()) == _whole_dataset_labels()
    assert len(data) == len(QUADS)


def test_graphs_and_lines_are_sorted_and_input_order_does_not_matter() -> None:
    data = CanonicalDataset.from_quads(QUADS)
    names = [graph_iri(n) if not isinstance(n, ox.BlankNode) else "_:" for n in data.graph_names()]
    assert names[0] == ""  # the default graph first
    for name in data.graph_names():
        assert data.lines(name) == sorted(data.lines(name))
    backwards = CanonicalDataset.from_quads(reversed(QUADS))
    assert list(backwards.nquads_lines(backwards.graph_names())) == list(
        data.nquads_lines(data.graph_names()))


def test_from_rdflib_equals_from_quads() -> None:
    dataset = Dataset()
    g1 = dataset.graph(URIRef(EX + "g1"))
    g1.add((URIRef(EX + "s"), URIRef(EX + "list"), BNode("x")))
    g1.add((BNode("x"), URIRef(EX + "first"), Literal("one", lang="en")))
    dataset.add((URIRef(EX + "a"), URIRef(EX + "p"), URIRef(EX + "b")))
    expected = CanonicalDataset.from_quads([
        ox.Quad(_n("s"), _n("list"), ox.BlankNode("q"), _n("g1")),
        ox.Quad(ox.BlankNode("q"), _n("first"), ox.Literal("one", language="en"), _n("g1")),
        ox.Quad(_n("a"), _n("p"), _n("b")),
    ])
    data = CanonicalDataset.from_rdflib(dataset)
    assert list(data.nquads_lines(data.graph_names())) == list(
        expected.nquads_lines(expected.graph_names()))


def test_merged_lines_are_the_distinct_triples_of_the_graphs() -> None:
    data = CanonicalDataset.from_quads([*QUADS, ox.Quad(_n("a"), _n("p"), _n("b"), _n("g2"))])
    merged = data.merged_lines(data.graph_names())
    assert merged == sorted(set(merged))
    assert merged.count(b"<http://example.org/a> <http://example.org/p> "
                        b"<http://example.org/b> .") == 1


def test_streamed_jsonld_is_the_whole_document_one_node_per_line() -> None:
    ordered = sorted(QUADS, key=jsonld.quad_sort_key)
    top: list[dict[str, object]] = []
    for graph, quads in groupby(ordered, key=lambda q: q.graph_name):
        nodes = jsonld._nodes(list(quads))
        if isinstance(graph, ox.DefaultGraph):
            top.extend(nodes)
        else:
            top.append({"@id": jsonld._node_id(graph), "@graph": nodes})
    written = jsonld.to_jsonld(QUADS, context="c.jsonld")
    assert json.loads(written) == {"@context": "c.jsonld", "@graph": top}
    node_lines = [line for line in written.decode("utf-8").splitlines()
                  if line.lstrip().startswith('{"@id"') and '"@graph"' not in line]
    subjects = sum(len(element["@graph"]) if "@graph" in element else 1  # type: ignore[arg-type]
                   for element in top)
    assert len(node_lines) == subjects
    empty = io.BytesIO()
    jsonld.write_jsonld(empty, [], context="c.jsonld")
    assert json.loads(empty.getvalue()) == {"@context": "c.jsonld", "@graph": []}
