"""using-graph-uri / using-named-graph-uri written into an update's text: only before a
top-level WHERE, never inside strings, IRIs, comments or braces; refused where the protocol
says so. The rewritten update runs in pyoxigraph with the dataset the protocol asked for."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from spkg.errors import QueryError
from spkg.server.update_dataset import DatasetConflict, apply_dataset

G1, G2 = "http://example.org/g1", "http://example.org/g2"


def test_no_parameters_leaves_the_update_alone() -> None:
    text = "INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }"
    assert apply_dataset(text, [], []) == text


def test_clauses_go_before_each_top_level_where() -> None:
    text = ("PREFIX ex: <http://example.org/where#>\n"
            "# a comment that says WHERE\n"
            "CLEAR SILENT GRAPH ex:where ;\n"
            "INSERT { ?s ex:note \"WHERE } {\" ; ex:n '''WHERE''' } WHERE { ?s ?p ?o "
            "FILTER(?o < 3) } ;\n"
            "DELETE { ?s ?p ?o } INSERT { ?s ?p 2 } WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?r } }")
    out = apply_dataset(text, [G1], [G2])
    clause = f"USING <{G1}> USING NAMED <{G2}> WHERE"
    assert out.count(clause) == 2
    assert out.count("USING") == 4
    assert out.replace(f"USING <{G1}> USING NAMED <{G2}> ", "") == text
    ox.Store().update(out)  # still SPARQL


@pytest.mark.parametrize("text", [
    f"INSERT {{ ?s ?p 1 }} USING <{G1}> WHERE {{ ?s ?p ?o }}",
    f"INSERT {{ ?s ?p 1 }} USING NAMED <{G1}> WHERE {{ ?s ?p ?o }}",
    f"with <{G1}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    "DELETE WHERE { ?s ?p ?o }",
])
def test_refused(text: str) -> None:
    with pytest.raises(DatasetConflict):
        apply_dataset(text, [G2], [])


def test_not_an_iri_is_refused() -> None:
    with pytest.raises(QueryError):
        apply_dataset("INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", ["> } DROP ALL ; <"], [])


def test_the_dataset_is_the_one_asked_for() -> None:
    store = ox.Store()
    for graph in (G1, G2):
        store.add(ox.Quad(ox.NamedNode(graph + "#s"), ox.NamedNode("http://example.org/p"),
                          ox.Literal("x"), ox.NamedNode(graph)))
    update = ("INSERT { GRAPH <http://example.org/out> { ?s a <http://example.org/Seen> } } "
              "WHERE { ?s ?p ?o }")
    store.update(apply_dataset(update, [G2], []))
    seen = {str(q.subject)[1:-1] for q in store.quads_for_pattern(
        None, None, None, ox.NamedNode("http://example.org/out"))}
    assert seen == {G2 + "#s"}
