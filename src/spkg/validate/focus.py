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

from collections.abc import Iterable

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from spkg.errors import SpkgError
from spkg.validate.datagraph import new_data_graph
from spkg.validate.hoisting import hoisted
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
        _conforms, report, _text = pyshacl.validate(
            graph, shacl_graph=hoisted(shapes.graph), ont_graph=ontology, inference="none",
            inplace=True, focus_nodes=nodes)
    except Exception as error:  # pySHACL reports bad shapes with many exception types
        raise SpkgError(f"SHACL validation failed: {' '.join(str(error).split())[:300]}"
                        ) from error
    return read_results(report, shapes, graph)
