"""Validate some focus nodes of a graph: what `spkg add` checks of the documents it adds.

A SHACL result belongs to one focus node and depends on the triples its shape reads from
there. The shapes of shapes/ read a focus node's own triples, one step further to its
values (their type for sh:class, their description for sh:node and the SPARQL checks), and
the spans that point at a document; so adding documents can only change the results of the
nodes they mention. ``validate_focus`` runs the same shapes as validate_dataset on a data
graph the caller assembles around those nodes (see spkg.store.incremental), restricted to
them (pySHACL's ``focus_nodes``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from spkg.errors import SpkgError
from spkg.validate.datagraph import new_data_graph
from spkg.validate.hoisting import TARGET_PREDICATES, hoisted
from spkg.validate.report import Result, read_results
from spkg.validate.shapes import Shapes, load_shapes


def validate_focus(data: Dataset, ontology: Graph, focus: Iterable[Node], *,
                   shapes: Shapes | None = None) -> list[Result]:
    """The results of ``focus`` (IRIs; other nodes are never targeted) in ``data``."""
    import pyshacl

    shapes = shapes or load_shapes()
    nodes: list[str | URIRef] = sorted({n for n in focus if isinstance(n, URIRef)}, key=str)
    if not nodes:
        return []
    graph = new_data_graph()
    for context in data.graphs():
        into = graph.graph(context.identifier)
        for triple in context:
            into.add(triple)
    try:
        with _focus_as_set():
            _conforms, report, _text = pyshacl.validate(
                graph, shacl_graph=hoisted(shapes.graph), ont_graph=ontology,
                inference="none", inplace=True, focus_nodes=nodes)
    except Exception as error:  # pySHACL reports bad shapes with many exception types
        raise SpkgError(f"SHACL validation failed: {' '.join(str(error).split())[:300]}"
                        ) from error
    return read_results(report, shapes, graph)


@contextmanager
def _focus_as_set() -> Iterator[None]:
    """pySHACL tests every target of every shape for membership in the focus list: 500
    focus nodes made that 230 s of a 290 s validation. A frozenset answers the same."""
    from pyshacl.validator import Validator

    original = Validator.make_executor

    def make_executor(self: Any) -> Any:
        executor = original(self)
        if executor.focus_nodes:
            executor.focus_nodes = frozenset(executor.focus_nodes)  # type: ignore[assignment]
        return executor

    Validator.make_executor = make_executor  # type: ignore[method-assign]
    try:
        yield
    finally:
        Validator.make_executor = original  # type: ignore[method-assign]


_TOWARDS_THIS = re.compile(r"(<[^>\s]+>|[A-Za-z][\w-]*:[\w-]*)\s+\$this\b")


def inbound_predicates(shapes: Shapes | None = None) -> set[URIRef]:
    """The predicates a Violation shape reads towards its focus node: sh:inversePath, and
    the predicate before ``$this`` in a SPARQL constraint (``?span oa:hasSource $this``).

    Only those of a focus node's incoming triples can change a violation of it; the rest
    (thousands for a country every document names) can be left out of the data graph.
    """
    graph = hoisted((shapes or load_shapes()).graph)
    found: set[URIRef] = set()
    for top in {s for p in TARGET_PREDICATES for s in graph.subjects(p, None)}:
        if graph.value(top, SH.severity) not in (None, SH.Violation):
            continue
        for node in _reachable(graph, top):
            for path in graph.objects(node, SH.inversePath):
                if isinstance(path, URIRef):
                    found.add(path)
            for select in graph.objects(node, SH.select):
                found.update(_predicates_before_this(graph, str(select)))
    return found


def _reachable(graph: Graph, start: Node) -> set[Node]:
    """``start`` and every node its triples lead to (nested shapes, lists, paths)."""
    seen, todo = {start}, [start]
    while todo:
        for o in graph.objects(todo.pop()):
            if not isinstance(o, Literal) and o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def _predicates_before_this(graph: Graph, text: str) -> set[URIRef]:
    found: set[URIRef] = set()
    for name in _TOWARDS_THIS.findall(text):
        if name.startswith("<"):
            found.add(URIRef(name[1:-1]))
            continue
        try:
            found.add(URIRef(graph.namespace_manager.expand_curie(name)))
        except ValueError:
            continue  # a variable's name or an unknown prefix: not a predicate
    return found
