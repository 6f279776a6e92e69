"""Find the sentence a validation result comes from, through the rdf:Statement provenance.

docs/contract.md: each extracted triple is reified once as an rdf:Statement with
prov:wasDerivedFrom a spkg:Sentence, whose selectors give the offsets and the exact text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from spkg.namespace import OA, SPKG


@dataclass(frozen=True)
class Source:
    """Where a triple was read: the document, its file, the sentence's offsets and words."""

    document: Node | None
    file_name: str | None
    sentence: Node
    start: int | None
    end: int | None
    quote: str | None
    statement: Node  # the rdf:Statement, or the span itself when the result names a span


def _statements(graph: Graph, subject: Node, predicate: Node | None,
                obj: Node | None) -> Iterator[Node]:
    for statement in graph.subjects(RDF.subject, subject):
        if predicate is not None and (statement, RDF.predicate, predicate) not in graph:
            continue
        if obj is not None and (statement, RDF.object, obj) not in graph:
            continue
        yield statement


def _offset(value: Node | None) -> int | None:
    return int(value) if isinstance(value, Literal) and str(value).isdigit() else None


def _span_source(graph: Graph, span: Node, statement: Node) -> Source:
    document = graph.value(span, OA.hasSource)
    start = end = None
    quote = None
    for selector in graph.objects(span, OA.hasSelector):
        if (selector, RDF.type, OA.TextPositionSelector) in graph:
            start_value = graph.value(selector, OA.start)
            end_value = graph.value(selector, OA.end)
            start = _offset(start_value)
            end = _offset(end_value)
        elif (selector, RDF.type, OA.TextQuoteSelector) in graph:
            exact = graph.value(selector, OA.exact)
            quote = str(exact) if exact is not None else None
    file_name = graph.value(document, SPKG.fileName) if document is not None else None
    return Source(document, str(file_name) if file_name is not None else None,
                  span, start, end, quote, statement)


def _from_statement(graph: Graph, statement: Node) -> Source | None:
    sentence = graph.value(statement, PROV.wasDerivedFrom)
    return _span_source(graph, sentence, statement) if sentence is not None else None


def find_source(graph: Graph, focus: Node, path: Node | None, value: Node | None) -> Source | None:
    """The most specific sentence behind a result.

    In order: the statement of (focus, path, value); the statement or span the result names
    as its value; the statements that typed or labelled the focus node; those of the value;
    a statement whose object is the focus node.
    """
    if isinstance(path, URIRef) and value is not None:
        for statement in _statements(graph, focus, path, value):
            found = _from_statement(graph, statement)
            if found:
                return found
    if value is not None and (value, RDF.type, RDF.Statement) in graph:
        return _from_statement(graph, value)
    if value is not None and (value, OA.hasSource, None) in graph:
        return _span_source(graph, value, value)
    if isinstance(path, URIRef):
        for statement in _statements(graph, focus, path, None):
            found = _from_statement(graph, statement)
            if found:
                return found
    for node in (focus, value):
        if not isinstance(node, URIRef):
            continue
        for predicate in (RDF.type, RDFS.label):
            for statement in _statements(graph, node, predicate, None):
                found = _from_statement(graph, statement)
                if found:
                    return found
    # last, a statement that links to the focus node: where a wrongly linked entity came from
    for statement in graph.subjects(RDF.object, focus):
        found = _from_statement(graph, statement)
        if found:
            return found
    return None
