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

import functools
from dataclasses import dataclass
from typing import Any

from rdflib import Dataset, Graph, URIRef, Variable
from rdflib.namespace import NamespaceManager, split_uri
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import IdentifiedNode, Node

from spkg.errors import InputError
from spkg.namespace import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.prefixes import bind_prefixes

BACKGROUND = (ONTOLOGY_GRAPH, REFERENCE_GRAPH)


@functools.lru_cache(maxsize=256)
def _prepare(text: str) -> Query:
    """A query's algebra, which does not depend on the data it runs on."""
    return prepareQuery(text)


class PreparedQueryDataset(Dataset):
    """A Dataset that parses each distinct SPARQL text once.

    pySHACL sends a SPARQL constraint's text again for every focus node, and rdflib parses
    it every time (35 ms for the queries in shapes/, more than most evaluations take).
    The parses are kept for the process (``_prepare``), so each validation after the first
    parses none. Only ``query`` is changed: the data and every other method are the
    Dataset's own.
    """

    def __init__(self, store: Any = "default") -> None:
        super().__init__(store=store, default_union=True)

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
            query_object = _prepare(query_object)
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)


class BoundPrefixesOnly(NamespaceManager):
    """A namespace manager that does not remember every namespace it is asked about.

    pySHACL writes a description for every failed check, inner checks of sh:or and sh:not
    included, and rdflib's ``normalizeUri`` inserts each new namespace into a trie that it
    scans linearly: with one namespace per document, a fifth of the validation time at 100k
    triples. An unbound namespace prints as ``<IRI>`` either way, so skipping the trie for
    those changes no output.
    """

    def normalizeUri(self, rdfTerm: str) -> str:
        try:
            namespace = URIRef(split_uri(rdfTerm)[0])
        except ValueError:
            return super().normalizeUri(rdfTerm)
        if self.store.prefix(namespace) is None:
            return f"?{rdfTerm}" if isinstance(rdfTerm, Variable) else f"<{rdfTerm}>"
        return super().normalizeUri(rdfTerm)


@dataclass(frozen=True)
class ValidationInput:
    data: Dataset
    ontology: Graph
    asserted_triples: int  # document (and other non-background) triples, inferred excluded


NOT_DATA = (*BACKGROUND, INFERRED_GRAPH)


def _data_graph_names(dataset: Dataset) -> list[IdentifiedNode]:
    """Every graph read from data: not background, not inferred, not empty."""
    return [g.identifier for g in dataset.graphs()
            if g.identifier not in NOT_DATA and len(g) > 0]


def data_triples(dataset: Dataset) -> int:
    return sum(len(dataset.graph(name)) for name in _data_graph_names(dataset))


def in_data(dataset: Dataset, node: Node) -> bool:
    """Whether a graph read from data mentions ``node`` (as subject or object)."""
    for pattern in ((node, None, None), (None, None, node)):
        for *_, graph in dataset.quads(pattern):
            if getattr(graph, "identifier", graph) not in NOT_DATA:
                return True
    return False


Triples = list[tuple[Node, Node, Node]]


def _inferred_about_data(dataset: Dataset) -> Triples:
    """What reasoning says about the resources the data mentions.

    Inferences about reference-only resources (every country of the world, every SDG
    indicator) are the reference data's business and would only slow validation down.
    """
    inferred = dataset.graph(INFERRED_GRAPH)
    return [(node, p, o) for node in set(inferred.subjects()) if in_data(dataset, node)
            for p, o in inferred.predicate_objects(node)]


def _reference_slice(dataset: Dataset) -> Triples:
    """The reference descriptions of the resources the data points at.

    The resources those descriptions link to (C102 from a contingency that cites it) come
    along too, so that sh:class on the copied links sees what they point at, and shapes
    that target them see their whole description.
    """
    reference = dataset.graph(REFERENCE_GRAPH)
    described = {node for node in set(reference.subjects()) if in_data(dataset, node)}
    linked = {o for node in described for o in reference.objects(node)
              if isinstance(o, URIRef)} - described
    return [(node, p, o) for node in described | linked
            for p, o in reference.predicate_objects(node)]


def _slices(dataset: Dataset) -> tuple[Triples, Triples]:
    return _inferred_about_data(dataset), _reference_slice(dataset)


def new_data_graph(store: Any = "default") -> PreparedQueryDataset:
    data = PreparedQueryDataset(store)
    data.namespace_manager = BoundPrefixesOnly(data, bind_namespaces="none")
    bind_prefixes(data)
    return data


def _add_slices(data: Dataset, inferred: Triples, reference: Triples) -> None:
    inferred_graph, reference_graph = data.graph(INFERRED_GRAPH), data.graph(REFERENCE_GRAPH)
    for triple in inferred:
        inferred_graph.add(triple)
    for triple in reference:
        reference_graph.add(triple)


def _ontology_of(dataset: Dataset) -> Graph:
    ontology = Graph()
    ontology += dataset.graph(ONTOLOGY_GRAPH)
    return ontology


def prepare(dataset: Dataset) -> ValidationInput:
    """A copy of ``dataset`` shaped for pySHACL: data graphs, slices and the ontology apart.

    Refuses a dataset without data triples.
    """
    names = _data_graph_names(dataset)
    asserted = sum(len(dataset.graph(name)) for name in names)
    if asserted == 0:
        raise InputError("nothing to validate: the dataset has no document triples")
    data = new_data_graph()
    default_name = dataset.default_graph.identifier
    for name in names:
        into = data.default_graph if name == default_name else data.graph(name)
        for triple in dataset.graph(name):
            into.add(triple)
    _add_slices(data, *_slices(dataset))
    return ValidationInput(data, _ontology_of(dataset), asserted)


def prepare_in_place(dataset: Dataset) -> ValidationInput:
    """``dataset`` itself shaped for pySHACL: background and inferred graphs swapped for slices.

    Copies nothing but the slices; for a forked worker, whose changes the parent never sees.
    """
    asserted = data_triples(dataset)
    inferred, reference = _slices(dataset)
    ontology = _ontology_of(dataset)
    for name in NOT_DATA:
        dataset.remove_graph(name)
    data = new_data_graph(dataset.store)
    _add_slices(data, inferred, reference)
    return ValidationInput(data, ontology, asserted)
