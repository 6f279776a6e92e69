"""Hold back the documents whose graphs violate a shape, so that the others are published.

One bad document must not stop a build of a thousand good ones. A violation is traced to
the document graphs it comes from; those graphs leave the dataset, reasoning runs again
without them (so no inferred triple rests on a held-back graph), and validation runs again.
This repeats until nothing is violated, or until a violation comes from no document (the
ontology or reference data): that one still stops the build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from spkg.namespace import BASE, CURATION_GRAPH, SPKG
from spkg.validate.report import Result, ValidationResult

# graph/ontology, graph/reference, graph/inferred, graph/curation: never held back
NOT_DOCUMENTS = BASE + "graph/"
Triple = tuple[Node, Node, Node]


@dataclass
class HeldBack:
    """A document left out of the build, and the violations that made it so."""

    document: URIRef
    file_name: str | None
    results: list[Result] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per violation: file [offsets of the sentence], shape, message, focus."""
        name = self.file_name or str(self.document)
        return [f"{name}{self._where(r)}: {_short(r.shape)}: {r.message} ({r.focus})"
                for r in self.results]

    def _where(self, result: Result) -> str:
        """The sentence's offsets, when the result's source is in this document."""
        source = result.source
        if source is None or source.document != self.document or source.start is None \
                or source.end is None:
            return ""
        return f" [{source.start}:{source.end}]"


def _short(node: Node) -> str:
    return "spkgsh:" + str(node).rsplit("#", 1)[-1] if "#" in str(node) else str(node)


def _graph_name(graph: Any) -> Node:
    name: Node = getattr(graph, "identifier", graph)
    return name


def _is_document(name: Node) -> bool:
    return (isinstance(name, URIRef) and not name.startswith(NOT_DOCUMENTS)
            and name != DATASET_DEFAULT_GRAPH_ID)


def _graphs_with(dataset: Dataset, pattern: tuple[Node | None, Node | None, Node | None]
                 ) -> set[URIRef]:
    found = set()
    for *_triple, graph in dataset.quads((*pattern, None)):
        name = _graph_name(graph)
        if _is_document(name):
            found.add(URIRef(str(name)))
    return found


def document_graphs(dataset: Dataset) -> set[URIRef]:
    return {URIRef(str(name)) for name in map(_graph_name, dataset.graphs()) if _is_document(name)}


def documents_of(dataset: Dataset, result: Result, documents: set[URIRef],
                 justify: Callable[[Triple], set[Node]] | None = None) -> set[URIRef]:
    """The document graphs (among ``documents``) a result comes from, most specific first.

    Every graph that asserts (focus, path, value) (one faulty triple read by three documents
    holds back all three at once); else, for an inferred triple, the graphs of the asserted
    triples it was inferred from (``justify``); else the document of the sentence the
    result's source statement names; else the graphs that assert (focus, path, any),
    anything about the focus, or a link to it.
    """
    path = result.path if isinstance(result.path, URIRef) else None
    if path is not None and result.value is not None:
        found = _graphs_with(dataset, (result.focus, path, result.value))
        if not found and justify is not None:
            premises = justify((result.focus, path, result.value))
            found = {URIRef(str(g)) for g in premises if _is_document(g)}
        if found:
            return found
    source = result.source
    if source is not None and isinstance(source.document, URIRef) \
            and source.document in documents:
        return {source.document}
    patterns: list[tuple[Node | None, Node | None, Node | None]] = []
    if path is not None:
        patterns.append((result.focus, path, None))
    patterns += [(result.focus, None, None), (None, None, result.focus)]
    for pattern in patterns:
        found = _graphs_with(dataset, pattern)
        if found:
            return found
    return set()


def premise_graphs(dataset: Dataset) -> Callable[[Triple], set[Node]]:
    """For an inferred triple, the graphs of the asserted triples it rests on (spkg why)."""
    from spkg.reason.explain import Justification, Justifier

    justifier: list[Justifier] = []  # built on first use: it copies the dataset

    def leaves(justification: Justification) -> set[Node]:
        if justification.status == "asserted":
            return set(justification.graphs)
        return {g for premise in justification.premises for g in leaves(premise)}

    def graphs(triple: Triple) -> set[Node]:
        if not justifier:
            justifier.append(Justifier(dataset))
        justification = justifier[0].explain(triple)
        return leaves(justification) if justification is not None else set()

    return graphs


def _file_name(dataset: Dataset, document: URIRef) -> str | None:
    name = dataset.graph(document).value(document, SPKG.fileName)
    return str(name) if name is not None else None


def blame(dataset: Dataset, violations: Iterable[Result]
          ) -> tuple[dict[URIRef, HeldBack], list[Result]]:
    """Each document's violations, and the violations that come from no document."""
    held: dict[URIRef, HeldBack] = {}
    orphans: list[Result] = []
    names = document_graphs(dataset)
    justify = premise_graphs(dataset)
    for result in violations:
        documents = documents_of(dataset, result, names, justify)
        if not documents:
            orphans.append(result)
        for document in sorted(documents, key=str):
            if document not in held:
                held[document] = HeldBack(document, _file_name(dataset, document))
            held[document].results.append(result)
    return held, orphans


def validate_holding_back(dataset: Dataset, *, validate: Callable[[Dataset], ValidationResult],
                          reason: Callable[[Dataset], object]) -> tuple[ValidationResult,
                                                                        list[HeldBack]]:
    """Validate ``dataset``, removing the graphs of the documents that violate a shape.

    ``reason`` re-infers the dataset after graphs are removed. Returns the last validation
    (of what stays) and the documents held back, in the order they were found. A violation
    from no document, or one in every document left, is not held back: it stays in the
    result, and the caller decides (the build stops before export).
    """
    held_back: list[HeldBack] = []
    while True:
        result = validate(dataset)
        violations = [r for r in result.results if r.severity == "Violation"]
        if not violations:
            return result, held_back
        held, orphans = blame(dataset, violations)
        documents = set(document_graphs(dataset)) - {CURATION_GRAPH}  # curation is no document
        if orphans or not held or set(held) >= documents:
            return result, held_back  # nothing would be left to publish: the caller stops
        for document in sorted(held, key=str):
            held_back.append(held[document])
            dataset.remove_graph(document)
        reason(dataset)
