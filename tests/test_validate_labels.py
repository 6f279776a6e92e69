"""Two documents naming one thing differently: one rdfs:label, the other names skos:altLabel.

The documents in validate_data/labels/ are press releases that write one board's name with
and without a hyphen ("Home-Based", "Home Based"): the extractor mints one IRI for both.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from spkg.dataset import document_graphs, load_background, new_dataset
from spkg.labels import choose, reconcile_labels, statement_iri_of
from spkg.namespace import REFERENCE_GRAPH, mint

DATA = Path(__file__).parent / "validate_data" / "labels"
BOARD = mint("organisation", "Punjab Home Based Workers Welfare Board")
HYPHEN = Literal("Punjab Home-Based Workers Welfare Board", lang="en")
SPACE = Literal("Punjab Home Based Workers Welfare Board", lang="en")

Triple = tuple[Node, Node, Node]
Entries = list[tuple[URIRef, Triple]]  # a document graph: its name with each triple


@pytest.fixture(scope="module")
def ingested() -> dict[str, Entries]:
    """Each document's graph as read by ingestion, not yet reconciled, by file name."""
    from spkg.ingest import ingest_paths

    result = ingest_paths(sorted(DATA.glob("*.txt")), progress=False)
    graphs: dict[str, Entries] = {}
    for name in document_graphs(result.dataset):
        triples = list(result.dataset.graph(name))
        graphs[result.sources[name].name] = [(name, t) for t in triples]
    return graphs


def _dataset(graphs: list[Entries]) -> Dataset:
    dataset = new_dataset()
    load_background(dataset)
    for graph in graphs:
        for name, triple in graph:
            dataset.graph(name).add(triple)
    return dataset


def _quads(dataset: Dataset) -> set[tuple[object, ...]]:
    """The document graphs' quads (background blank nodes differ from load to load)."""
    return {(s, p, o, name) for name in document_graphs(dataset)
            for s, p, o in dataset.graph(name)}


def test_the_documents_give_the_board_two_labels(ingested: dict) -> None:
    """The premise of this file: without reconciliation the union has two English labels."""
    dataset = _dataset(list(ingested.values()))
    assert set(dataset.objects(BOARD, RDFS.label)) == {HYPHEN, SPACE}


def test_the_most_used_name_becomes_the_label(ingested: dict) -> None:
    dataset = _dataset(list(ingested.values()))
    changes = reconcile_labels(dataset)
    assert set(dataset.objects(BOARD, RDFS.label)) == {HYPHEN}  # two documents of three
    assert set(dataset.objects(BOARD, SKOS.altLabel)) >= {SPACE}
    (change,) = [c for c in changes if c.entity == BOARD]
    assert (change.old, change.new, change.name) == (RDFS.label, SKOS.altLabel, SPACE)
    graph = dataset.graph(URIRef(str(change.graph)))
    assert (BOARD, SKOS.altLabel, SPACE) in graph and (BOARD, RDFS.label, SPACE) not in graph
    # its provenance follows: the statement reifies the altLabel, under the IRI the
    # contract gives that triple, and still names its sentence
    (statement,) = graph.subjects(RDF.object, SPACE)
    assert graph.value(statement, RDF.predicate) == SKOS.altLabel
    assert statement_iri_of(graph, statement, (BOARD, SKOS.altLabel, SPACE)) == statement
    assert reconcile_labels(dataset) == []  # done once is done


def test_statement_iris_are_recomputed_as_ingestion_mints_them(ingested: dict) -> None:
    dataset = _dataset(list(ingested.values()))
    checked = 0
    for name in document_graphs(dataset):
        graph = dataset.graph(name)
        for statement in graph.subjects(RDF.type, RDF.Statement):
            s, p, o = (graph.value(statement, term) for term in (RDF.subject, RDF.predicate,
                                                                  RDF.object))
            assert s is not None and p is not None and o is not None
            assert statement_iri_of(graph, statement, (s, p, o)) == statement
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("order", list(itertools.permutations(["a.txt", "b.txt", "c.txt"])),
                         ids="-".join)
def test_one_at_a_time_in_any_order_gives_the_same_graphs(ingested: dict,
                                                          order: tuple[str, ...]) -> None:
    at_once = _dataset(list(ingested.values()))
    reconcile_labels(at_once)
    one_by_one = _dataset([])
    for file_name in order:
        graph = ingested[file_name]
        for name, triple in graph:
            one_by_one.graph(name).add(triple)
        touched = {s for _, (s, _p, _o) in graph}  # what `spkg add` passes: the new IRIs
        reconcile_labels(one_by_one, iris=touched)
    assert _quads(one_by_one) == _quads(at_once)


def test_a_reference_name_wins_over_any_count() -> None:
    dataset = new_dataset()
    place = URIRef("https://w3id.org/spkg/id/place/test")
    dataset.graph(REFERENCE_GRAPH).add((place, RDFS.label, Literal("Testland", lang="en")))
    for doc in ("d1", "d2"):
        dataset.graph(URIRef(f"https://w3id.org/spkg/id/document/{doc}")).add(
            (place, RDFS.label, Literal("Republic of Testland", lang="en")))
    reconcile_labels(dataset)
    assert set(dataset.objects(place, RDFS.label)) == {Literal("Testland", lang="en")}
    assert set(dataset.graph(REFERENCE_GRAPH)) == {
        (place, RDFS.label, Literal("Testland", lang="en"))}


def test_ties_go_to_the_longer_then_the_smaller_name() -> None:
    one, two = URIRef("urn:g:1"), URIRef("urn:g:2")
    acronym, full = Literal("PWF", lang="en"), Literal("Pakistan Workers Federation", lang="en")
    assert choose({one: {acronym: {RDFS.label}}, two: {full: {RDFS.label}}}) == full
    assert choose({two: {full: {RDFS.label}}, one: {acronym: {RDFS.label}}}) == full
    b, a = Literal("Board B", lang="en"), Literal("Board A", lang="en")
    assert choose({one: {b: {RDFS.label}}, two: {a: {RDFS.label}}}) == a


def test_a_build_of_the_two_documents_has_no_violation(tmp_path: Path) -> None:
    from spkg.build import build

    summary = build(tmp_path / "out", sources=[DATA / "a.txt", DATA / "b.txt"], progress=False)
    assert summary.violations == 0
    dump = Dataset()
    dump.parse(tmp_path / "out" / "spkg.nq", format="nquads")
    labels = {o for _s, _p, o, _g in dump.quads((BOARD, RDFS.label, None, None))}
    assert len(labels) == 1
