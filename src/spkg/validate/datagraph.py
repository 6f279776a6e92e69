"""What pySHACL sees: the data graph to validate and the ontology graph mixed into it.

The data graph holds the document graphs and the inferred graph, each under its own name
(SPARQL constraints compare a statement with the graph it sits in), plus the slice of the
reference vocabularies that the documents point at: an sh:class check on an SDG target or an
instrument needs that resource's type visible as data. Only the ontology goes in as
pySHACL's ``ont_graph``, which mixes its class hierarchy (without it a resource typed only
by a subclass is targeted by nothing) and its disjointness axioms into the data graph. The
rest of the reference graph (7,000 SDG KOS triples) stays out: it declares no class
hierarchy spkg relies on, and the KOS's own sdgo ontology labels the SDG classes differently
from ontology/spkg.ttl, which would read as a duplicate-label violation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from spkg.dataset import bind_prefixes
from spkg.errors import InputError
from spkg.namespace import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH

BACKGROUND = (ONTOLOGY_GRAPH, REFERENCE_GRAPH)


class PreparedQueryDataset(Dataset):
    """A Dataset that parses each distinct SPARQL text once.

    pySHACL sends a SPARQL constraint's text again for every focus node, and rdflib parses
    it every time (35 ms for the queries in shapes/, more than most evaluations take).
    Only ``query`` is changed: the data and every other method are the Dataset's own.
    """

    def __init__(self) -> None:
        super().__init__(default_union=True)
        self._prepared: dict[str, Query] = {}

    def query(
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Any = None,
        initBindings: Any = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        if isinstance(query_object, str) and not initNs:
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)


@dataclass(frozen=True)
class ValidationInput:
    data: Dataset
    ontology: Graph
    asserted_triples: int  # document (and other non-background) triples, inferred excluded


def _copy_graphs(source: Dataset, target: Dataset) -> tuple[int, set[Node]]:
    """Copy every graph read from data (not background, not inferred).

    Returns the triple count and every IRI those graphs mention.
    """
    asserted = 0
    nodes: set[Node] = set()
    default_name = source.default_graph.identifier
    for graph in source.graphs():
        name = graph.identifier
        if name in (*BACKGROUND, INFERRED_GRAPH) or len(graph) == 0:
            continue
        into = target.default_graph if name == default_name else target.graph(name)
        for s, p, o in graph:
            into.add((s, p, o))
            nodes.add(s)
            if isinstance(o, URIRef):
                nodes.add(o)
        asserted += len(graph)
    return asserted, nodes


def _inferred_about(source: Dataset, nodes: set[Node], target: Graph) -> None:
    """Copy what reasoning says about the resources the data mentions.

    Inferences about reference-only resources (every country of the world, every SDG
    indicator) are the reference data's business and would only slow validation down.
    """
    inferred = source.graph(INFERRED_GRAPH)
    if len(inferred) == 0:
        return
    for node in nodes:
        for p, o in inferred.predicate_objects(node):
            target.add((node, p, o))


def _reference_slice(source: Dataset, nodes: set[Node], target: Graph) -> None:
    """Copy the reference descriptions of the resources the data points at.

    The resources those descriptions link to (C102 from a contingency that cites it) come
    along too, so that sh:class on the copied links sees what they point at, and shapes
    that target them see their whole description.
    """
    reference = source.graph(REFERENCE_GRAPH)
    if len(reference) == 0:
        return
    linked: set[Node] = set()
    for node in nodes:
        for p, o in reference.predicate_objects(node):
            target.add((node, p, o))
            if isinstance(o, URIRef) and o not in nodes:
                linked.add(o)
    for node in linked:
        for p, o in reference.predicate_objects(node):
            target.add((node, p, o))


def prepare(dataset: Dataset) -> ValidationInput:
    """Split ``dataset`` into pySHACL's data graph and ontology graph; refuse an empty one."""
    data = PreparedQueryDataset()
    bind_prefixes(data)
    asserted, nodes = _copy_graphs(dataset, data)
    if asserted == 0:
        raise InputError("nothing to validate: the dataset has no document triples")
    _inferred_about(dataset, nodes, data.graph(INFERRED_GRAPH))
    _reference_slice(dataset, nodes, data.graph(REFERENCE_GRAPH))
    ontology = Graph()
    ontology += dataset.graph(ONTOLOGY_GRAPH)
    return ValidationInput(data, ontology, asserted)
