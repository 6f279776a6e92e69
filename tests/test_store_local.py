"""The local stores: RdflibStore and OxigraphStore load, query, count and drop alike."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from spkg.dataset import new_dataset
from spkg.errors import QueryError, QueryTimeout
from spkg.store import open_store
from spkg.store.base import Store
from spkg.store.oxigraph import OxigraphStore

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")
A, B = URIRef(EX + "a"), URIRef(EX + "b")
LITERALS = [
    Literal("plain"),
    Literal("tagged", lang="en-GB"),
    Literal(42),
    Literal("2021-09", datatype=XSD.gYearMonth),
    Literal("2021-09-09", datatype=XSD.date),
    Literal("1.5", datatype=XSD.decimal),
    Literal(True),
    Literal("x", datatype=URIRef(EX + "custom")),
]


def sample() -> Dataset:
    dataset = new_dataset()
    g1 = dataset.graph(G1)
    for i, literal in enumerate(LITERALS):
        g1.add((A, URIRef(f"{EX}p{i}"), literal))
    dataset.graph(G2).add((B, RDFS.label, Literal("bee", lang="en")))
    dataset.graph(G2).add((B, RDFS.seeAlso, A))
    return dataset


@pytest.fixture(params=["rdflib", "oxigraph"])
def store(request: pytest.FixtureRequest) -> Store:
    opened = open_store(request.param)
    assert opened.load(sample()) == len(LITERALS) + 2
    return opened


def test_count_and_drop(store: Store) -> None:
    assert store.count() == len(LITERALS) + 2
    assert store.count(G2) == 2
    store.drop(G2)
    assert store.count(G2) == 0 and store.count() == len(LITERALS)
    store.drop()
    assert store.count() == 0


def test_the_default_graph_is_the_union(store: Store) -> None:
    result = store.query("SELECT ?o WHERE { ?b <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?a . "
                         "?a <http://example.org/p0> ?o }")
    assert result.rows == [(Literal("plain"),)]


def test_literals_come_back_as_rdflib_would_give_them(store: Store) -> None:
    result = store.query(
        "SELECT ?p ?o WHERE { GRAPH <http://example.org/g1> { ?s ?p ?o } } ORDER BY ?p"
    )
    assert [row[1] for row in result.rows] == LITERALS


def test_bindings_are_terms(store: Store) -> None:
    query = "SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    assert store.query(query, bindings={"l": Literal("bee", lang="en")}).rows == [(B,)]
    assert store.query(query, bindings={"l": Literal("bee")}).rows == []
    assert store.query(query, bindings={"s": A}).rows == []


def test_ask_construct_and_limit(store: Store) -> None:
    assert store.query("ASK { ?s ?p 42 }").boolean is True
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <http://example.org/g2> { ?s ?p ?o } }"
    graph = store.query(construct).graph
    assert isinstance(graph, Graph) and len(graph) == 2
    described = store.query("DESCRIBE <http://example.org/b>")
    assert described.kind == "DESCRIBE" and described.graph is not None
    cut = store.query("SELECT ?o WHERE { ?s ?p ?o }", limit=3)
    assert len(cut.rows) == 3 and cut.truncated
    whole = store.query("SELECT ?o WHERE { ?s ?p ?o }", limit=100)
    assert len(whole.rows) == len(LITERALS) + 2 and not whole.truncated


def test_a_failing_query_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("SELECT ?s WHERE { ?s ?p }")


def test_timeout(store: Store) -> None:
    # outlasts the limit on either store and ends a few seconds later (the worker thread
    # cannot be stopped, so keep its leftover work small): rdflib joins ~50k rows, oxigraph ~2.5M
    store.drop()
    bigger = new_dataset()
    for i in range(40):
        bigger.graph(G1).add((URIRef(f"{EX}s{i}"), RDFS.label, Literal(i)))
    store.load(bigger)
    patterns = 3 if store.name == "rdflib" else 4
    where = " . ".join(f"?s{i} ?p{i} ?o{i}" for i in range(patterns))
    started = time.perf_counter()
    with pytest.raises(QueryTimeout):
        store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", timeout=0.1)
    assert time.perf_counter() - started < 1.0


def test_oxigraph_loads_files_directly(tmp_path: Path) -> None:
    turtle = tmp_path / "a.ttl"
    turtle.write_text('<http://example.org/a> <http://example.org/p> "v" .\n')
    trig = tmp_path / "b.trig"
    trig.write_text(
        '<http://example.org/g> { <http://example.org/b> <http://example.org/p> "w" . }\n'
    )
    store = OxigraphStore()
    store.load_files([turtle, trig])
    assert store.count() == 2 and store.count(URIRef(EX + "g")) == 1
    rows = store.query("SELECT ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?o").rows
    assert rows == [(Literal("v"),), (Literal("w"),)]


def test_oxigraph_on_disk(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "db")
    store.load(sample())
    assert store.count() == len(LITERALS) + 2
