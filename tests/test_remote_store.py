"""RemoteStore and push_dataset against real Oxigraph and Virtuoso servers on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD
from servers import oxigraph_server, virtuoso_server  # noqa: F401  (fixtures)

from spkg.push import push_dataset
from spkg.store.remote import RemoteStore

pytestmark = pytest.mark.server

ID = "https://w3id.org/spkg/id/"
ONT = "https://w3id.org/spkg/ontology#"
DOC_A = URIRef(ID + "document/a")
DOC_B = URIRef(ID + "document/b")
COUNT_PROPERTY = URIRef(ONT + "characterCount")


def sample_dataset(*, documents: int = 2, per_document: int = 30, blank: bool = True) -> Dataset:
    """Named graphs with the literal kinds the real data has, and one blank node."""
    dataset = Dataset(default_union=True)
    for number, name in enumerate([DOC_A, DOC_B][:documents]):
        graph = dataset.graph(name)
        for index in range(per_document):
            subject = URIRef(f"{ID}programme/p{number}-{index}")
            graph.add((subject, RDFS.label, Literal(f"programme {index}", lang="en")))
            graph.add((subject, COUNT_PROPERTY, Literal(index)))
        graph.add((name, URIRef("http://purl.org/dc/terms/date"),
                   Literal("2021-08-02", datatype=XSD.date)))
        graph.add((name, URIRef(ONT + "share"), Literal(Decimal("0.25"))))
        if not blank:
            continue
        node = BNode()
        graph.add((name, URIRef(ONT + "note"), node))
        graph.add((node, RDFS.label, Literal("anonymous", lang="es")))
    return dataset


@pytest.fixture(params=["oxigraph", "virtuoso"])
def store(request: pytest.FixtureRequest) -> Iterator[RemoteStore]:
    server = request.getfixturevalue(f"{request.param}_server")
    remote = RemoteStore(server.url, store=server.kind, user=getattr(server, "user", None),
                         password=getattr(server, "password", None), timeout=30)
    remote.drop()  # every spkg graph a previous test left
    try:
        yield remote
    finally:
        remote.close()


def test_push_sends_every_graph_and_the_counts_match(store: RemoteStore) -> None:
    dataset = sample_dataset(blank=False)
    report = push_dataset(dataset, store, batch_size=7, progress=False)
    assert report.ok
    assert report.triples_sent == sum(len(dataset.graph(g)) for g in (DOC_A, DOC_B))
    assert report.batches > 2
    assert store.graph_counts([DOC_A, DOC_B]) == {
        str(DOC_A): len(dataset.graph(DOC_A)), str(DOC_B): len(dataset.graph(DOC_B))}


def test_counts_thousands_of_graphs(store: RemoteStore) -> None:
    # a million-triple push has ~5,200 document graphs; Virtuoso rejected them in one VALUES
    push_dataset(sample_dataset(blank=False), store, progress=False)
    names = [URIRef(f"{ID}document/absent-{n}") for n in range(6000)] + [DOC_A]
    counts = store.graph_counts(names)
    assert len(counts) == 6001
    assert counts[str(DOC_A)] == len(sample_dataset(blank=False).graph(DOC_A))
    assert sum(counts.values()) == counts[str(DOC_A)]


@pytest.mark.parametrize("blank_nodes", ["replace", "skolemise"])
def test_merge_rerun_with_blank_nodes_adds_nothing(store: RemoteStore, blank_nodes: str) -> None:
    first = push_dataset(sample_dataset(), store, batch_size=7, progress=False,
                         blank_nodes=blank_nodes)
    # A fresh dataset has new blank node ids; a re-run must still add nothing.
    second = push_dataset(sample_dataset(), store, batch_size=7, progress=False,
                          blank_nodes=blank_nodes)
    if blank_nodes == "skolemise":
        assert first.skolemised == second.skolemised == 2
    else:
        assert first.whole_graphs == second.whole_graphs == 2
    assert second.ok
    assert [check.after for check in second.checks] == [check.after for check in first.checks]
    assert store.count() == first.triples_sent


def test_blank_node_keeps_its_scope_across_the_push(store: RemoteStore) -> None:
    push_dataset(sample_dataset(), store, batch_size=3, progress=False)
    result = store.query(f"""SELECT ?label WHERE {{ GRAPH <{DOC_A}> {{
        <{DOC_A}> <{ONT}note> ?node . ?node <{RDFS.label}> ?label FILTER(isBlank(?node)) }} }}""")
    assert result.rows == [(Literal("anonymous", lang="es"),)]


def test_replace_drops_what_the_graph_held(store: RemoteStore) -> None:
    push_dataset(sample_dataset(per_document=30), store, progress=False)
    smaller = sample_dataset(per_document=5)
    report = push_dataset(smaller, store, replace=True, progress=False)
    assert report.ok
    assert store.count(DOC_A) == len(smaller.graph(DOC_A))


def test_default_graph_is_the_union_of_the_spkg_graphs(store: RemoteStore) -> None:
    report = push_dataset(sample_dataset(), store, progress=False)
    # No GRAPH clause: the stored queries rely on this seeing every graph. (Virtuoso's
    # default graph also holds its system graphs, hence the filter on our subjects.)
    result = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o "
                         f"FILTER(STRSTARTS(STR(?s), '{ID}') || isBlank(?s)) }}")
    assert int(result.rows[0][0].toPython()) == report.triples_sent  # type: ignore[union-attr]


def test_select_returns_typed_terms_and_binds_parameters(store: RemoteStore) -> None:
    push_dataset(sample_dataset(), store, progress=False)
    query = f"""SELECT ?doc ?date ?share WHERE {{
        ?doc <http://purl.org/dc/terms/date> ?date ; <{ONT}share> ?share }}"""
    result = store.query(query, bindings={"doc": DOC_B})
    assert result.variables == ["doc", "date", "share"]
    assert len(result.rows) == 1
    doc, date, share = result.rows[0]
    assert doc == DOC_B
    assert date == Literal("2021-08-02", datatype=XSD.date)
    assert isinstance(share, Literal)
    assert share.datatype == XSD.decimal and share.toPython() == Decimal("0.25")


def test_bound_parameter_reaches_inside_an_aggregate(store: RemoteStore) -> None:
    push_dataset(sample_dataset(), store, progress=False)
    query = f"SELECT (COUNT(?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x <{COUNT_PROPERTY}> ?c }} }}"
    result = store.query(query, bindings={"g": DOC_A})
    assert int(result.rows[0][0].toPython()) == 30  # type: ignore[union-attr]


def test_ask_construct_and_limit(store: RemoteStore) -> None:
    push_dataset(sample_dataset(), store, progress=False)
    assert store.query(f"ASK {{ ?s <{COUNT_PROPERTY}> 3 }}").boolean is True
    assert store.query(f"ASK {{ ?s <{COUNT_PROPERTY}> 3000 }}").boolean is False
    built = store.query(f"CONSTRUCT {{ ?s <{COUNT_PROPERTY}> ?c }} WHERE "
                        f"{{ ?s <{COUNT_PROPERTY}> ?c FILTER(?c < 5) }}")
    assert isinstance(built.graph, Graph)
    assert len(built.graph) == 10
    limited = store.query(f"SELECT ?s WHERE {{ ?s <{COUNT_PROPERTY}> ?c }}", limit=4)
    assert len(limited.rows) == 4 and limited.truncated


def test_drop_one_graph(store: RemoteStore) -> None:
    push_dataset(sample_dataset(), store, progress=False)
    store.drop(DOC_A)
    assert store.count(DOC_A) == 0
    assert store.count(DOC_B) > 0
    assert store.graphs() == [str(DOC_B)]


def test_small_graphs_share_requests_where_the_store_takes_quads(store: RemoteStore) -> None:
    dataset = Dataset(default_union=True)
    for number in range(10):
        graph = dataset.graph(URIRef(f"{ID}document/small-{number}"))
        for index in range(5):
            graph.add((URIRef(f"{ID}programme/s{number}-{index}"), COUNT_PROPERTY,
                       Literal(index)))
    report = push_dataset(dataset, store, batch_size=20, progress=False)
    assert report.ok and report.triples_sent == 50
    # Oxigraph takes N-Quads at /store: 20 + 20 + 10; Virtuoso's graph CRUD one graph each.
    assert report.batches == (3 if store.accepts_quads else 10)
    assert store.accepts_quads == (store.kind == "oxigraph")


def test_rerun_compares_content_and_a_changed_value_is_reported(store: RemoteStore) -> None:
    """Counts alone said "match" after a merge that kept the old value beside the new."""
    push_dataset(sample_dataset(blank=False), store, progress=False)
    again = push_dataset(sample_dataset(blank=False), store, progress=False)
    assert again.ok and not again.with_extra
    assert all(check.compared and check.not_sent == check.not_held == 0
               for check in again.checks)  # every literal kind compares equal as stored
    changed = sample_dataset(blank=False)
    changed.graph(DOC_A).set((DOC_A, URIRef(ONT + "share"), Literal(Decimal("0.5"))))
    report = push_dataset(changed, store, progress=False)
    assert report.ok  # nothing sent is missing…
    assert [check.graph for check in report.with_extra] == [str(DOC_A)]  # …but 0.25 stayed
    assert report.with_extra[0].example == (
        f'<{DOC_A}> <{ONT}share> "0.25"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    assert "counts match" not in report.summary() and "--replace" in report.summary()
    replaced = push_dataset(changed, store, replace=True, progress=False)
    assert replaced.ok and not replaced.with_extra
    assert "counts match" in replaced.summary()
