"""The reference vocabularies validated whole, once per content.

Document validation sees only the slice of the reference graph that the documents point at
(datagraph.py). Every other reference resource (the countries no document names, the SDG
indicators) is in the dump too, so it is checked here: the whole reference graph, with the
ontology's class hierarchy, against the same shapes. The report is cached on the content of
the reference graph (patches applied), the ontology and the shapes: it changes only when one
of them does, and checking it costs seconds.

Results whose focus node a document mentions are left to the document validation, which
sees that node's reference description together with what the documents say about it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import cast

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from spkg.atomic import atomic_write_bytes
from spkg.namespace import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.validate.shapes import Shapes

FORMAT_VERSION = "1"  # bump when what goes into the check changes


def _key(dataset: Dataset, shapes: Shapes) -> str:
    from spkg.reason.cache import graph_digest

    # The shapes by their files' bytes: canonicalising their blank nodes took seconds.
    shapes_digest = shapes.digest or graph_digest(shapes.graph)
    digest = hashlib.sha256()
    digest.update(f"background validation {FORMAT_VERSION} pyshacl {pyshacl.__version__}\n"
                  f"shapes {shapes_digest}\n".encode())
    for graph in (dataset.graph(REFERENCE_GRAPH), dataset.graph(ONTOLOGY_GRAPH)):
        digest.update(graph_digest(graph).encode() + b"\n")
    return digest.hexdigest()


def _validate(dataset: Dataset, shapes: Graph) -> Graph:
    from spkg.validate.datagraph import new_data_graph

    data = new_data_graph()
    into = data.graph(REFERENCE_GRAPH)
    for triple in dataset.graph(REFERENCE_GRAPH):
        into.add(triple)
    ontology = Graph()
    ontology += dataset.graph(ONTOLOGY_GRAPH)
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
                                                inference="none", inplace=True)
    return cast(Graph, report)  # pyshacl is untyped: its report graph


def reference_report(dataset: Dataset, shapes: Shapes, evaluated: Graph, *,
                     use_cache: bool = True) -> Graph:
    """pySHACL's report on the whole reference graph of ``dataset`` (cached on content).

    ``evaluated`` is the shapes graph pySHACL runs (hoisted.py), ``shapes`` what it came from.
    """
    from spkg.reason.cache import cache_dir

    path = cache_dir() / "validate" / f"{_key(dataset, shapes)}.nt"
    if use_cache and path.is_file():
        cached = Graph()
        try:
            return cached.parse(path, format="nt")
        except Exception:  # a damaged entry is a miss: it is rewritten below
            pass
    report = _validate(dataset, evaluated)
    if use_cache:
        atomic_write_bytes(path, report.serialize(format="nt", encoding="utf-8"))
    return report


def _subtree(graph: Graph, node: Node) -> list[tuple[Node, Node, Node]]:
    """The triples of ``node`` and of the blank nodes it reaches (a result and its paths)."""
    triples, todo, seen = [], [node], {node}
    while todo:
        subject = todo.pop()
        for p, o in graph.predicate_objects(subject):
            triples.append((subject, p, o))
            if isinstance(o, BNode) and o not in seen:
                seen.add(o)
                todo.append(o)
    return triples


def results_outside(report: Graph, mentioned: Callable[[Node], bool]) -> Graph:
    """The results of ``report`` whose focus node no document mentions, as a report graph."""
    kept = Graph()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        if focus is not None and not mentioned(focus):
            for triple in _subtree(report, result):
                kept.add(triple)
    return kept


def merge_into(report: Graph, extra: Graph) -> None:
    """Add the results of ``extra`` to ``report``, whose sh:conforms then tells the truth."""
    added = list(extra.subjects(RDF.type, SH.ValidationResult))
    if not added:
        return
    root = report.value(None, RDF.type, SH.ValidationReport, any=True)
    for triple in extra:
        report.add(triple)
    if root is not None:
        for result in added:
            report.add((root, SH.result, result))
        report.set((root, SH.conforms, Literal(False)))
