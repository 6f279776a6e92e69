"""Binding parameters with a VALUES block: where it goes, how values are written, and parity
with rdflib's initBindings on every stored query."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql.parser import parseQuery

from spkg.errors import QueryError
from spkg.queries import catalogue
from spkg.queries.golden import example_params, fixture_dataset
from spkg.queries.runner import bind_parameters
from spkg.rdfcore.values import check_syntax, insert_values, query_form, where_brace_offset
from spkg.store.memory import RdflibStore

X = URIRef("http://example.org/x")


@pytest.mark.parametrize(
    ("query", "marker"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", "WHERE {"),
        ("select ?s { ?s ?p ?o }", "select ?s {"),
        ("PREFIX ex: <http://ex.org/a#b> SELECT ?s WHERE { ?s ex:p ?o }", "WHERE {"),
        ("PREFIX ex: <http://ex.org/> SELECT ?s FROM ex:where { ?s ?p ?o }", "ex:where {"),
        ("# a comment with { braces }\nSELECT ?s WHERE { ?s ?p '{' }", "WHERE {"),
        ("SELECT (COUNT(?s) AS ?n) WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "WHERE {"),
        ("ASK { ?s ?p ?o }", "ASK {"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "WHERE {"),
        ("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", "} {"),
        ("DESCRIBE ?s WHERE { ?s ?p ?o }", "WHERE {"),
        ('SELECT ?s WHERE { ?s ?p """a } b""" }', "WHERE {"),
    ],
)
def test_values_go_first_in_the_top_level_where_group(query: str, marker: str) -> None:
    assert where_brace_offset(query) == query.index(marker) + len(marker) - 1
    bound = insert_values(query, {"s": X})
    parseQuery(bound)
    assert "VALUES (?s) { (<http://example.org/x>) }" in bound


def test_short_construct_where_is_refused() -> None:
    with pytest.raises(QueryError, match="CONSTRUCT WHERE"):
        insert_values("CONSTRUCT WHERE { ?s ?p ?o }", {"s": X})


def test_values_keep_the_line_numbers() -> None:
    query = "SELECT ?s\nWHERE {\n ?s ?p ?o }"
    assert insert_values(query, {"s": X}).count("\n") == query.count("\n")


def test_a_hostile_literal_stays_one_literal() -> None:
    evil = Literal('x" } } ; DROP ALL ; SELECT * { "')
    bound = insert_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": evil})
    parsed = parseQuery(bound)
    assert "DROP" not in str(parsed[1]).split("'")[0]  # still one SELECT query
    assert evil.n3() in bound


def test_typed_and_tagged_literals_are_written_as_n3() -> None:
    bound = insert_values(
        "SELECT * WHERE { ?a ?b ?c }",
        {"a": Literal("2021", datatype=XSD.gYear), "b": Literal("x", lang="en")},
    )
    assert '("2021"^^<http://www.w3.org/2001/XMLSchema#gYear> "x"@en)' in bound


@pytest.mark.parametrize(
    "bindings",
    [{"s": BNode()}, {"s": URIRef("http://ex.org/a b")}, {"s": URIRef("http://ex.org/>")},
     {"1bad": X}, {"s x": X}],
)
def test_unsafe_values_and_names_are_refused(bindings: dict) -> None:
    with pytest.raises(QueryError):
        insert_values("SELECT ?s WHERE { ?s ?p ?o }", bindings)


def test_syntax_errors_name_line_and_column() -> None:
    with pytest.raises(QueryError) as caught:
        check_syntax("SELECT ?s\nWHERE { ?s ?p }", source="x.rq")
    assert caught.value.line == 2
    assert str(caught.value).startswith("x.rq:2: column ")


def test_query_form() -> None:
    assert query_form("PREFIX a: <http://a/> ask { ?s ?p ?o }") == "ASK"
    with pytest.raises(QueryError):
        query_form("INSERT DATA { <a:b> <a:c> <a:d> }")


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_values_and_init_bindings_agree(name: str) -> None:
    """The two binding strategies give the same answer on the same rdflib store."""
    store = RdflibStore(fixture_dataset())
    stored = catalogue()[name]
    bindings = bind_parameters(stored, example_params(stored), store)
    with_init = store.query(stored.text, bindings=bindings)
    with_values = store.query(insert_values(stored.text, bindings))
    assert with_init.variables == with_values.variables
    assert with_init.rows == with_values.rows
