"""The axioms of the ontology that the Python rules need: property chains and disjoint classes."""

from __future__ import annotations

from itertools import combinations

from rdflib import OWL, RDF, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node


def property_chains(graph: Graph) -> list[tuple[URIRef, tuple[URIRef, ...]]]:
    """``(p, (p1, …, pn))`` for every ``p owl:propertyChainAxiom (p1 … pn)`` (rule prp-spo2)."""
    chains = []
    for prop, head in graph.subject_objects(OWL.propertyChainAxiom):
        steps = tuple(Collection(graph, head))
        if isinstance(prop, URIRef) and steps and all(isinstance(s, URIRef) for s in steps):
            chains.append((prop, tuple(URIRef(str(s)) for s in steps)))
    return sorted(chains)


def disjoint_pairs(graph: Graph) -> set[frozenset[Node]]:
    """Pairs of disjoint classes: owl:disjointWith (cax-dw) and owl:AllDisjointClasses (cax-adc)."""
    pairs: set[frozenset[Node]] = set()
    for a, b in graph.subject_objects(OWL.disjointWith):
        pairs.add(frozenset((a, b)))
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        for head in graph.objects(axiom, OWL.members):
            members = list(Collection(graph, head))
            pairs.update(frozenset(pair) for pair in combinations(members, 2))
    return {pair for pair in pairs if len(pair) == 2}


def disjointness_axiom(graph: Graph, a: Node, b: Node) -> tuple[str, Node | None]:
    """Which rule and axiom make ``a`` and ``b`` disjoint (for explanations)."""
    if (a, OWL.disjointWith, b) in graph or (b, OWL.disjointWith, a) in graph:
        return "cax-dw", None
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        for head in graph.objects(axiom, OWL.members):
            members = set(Collection(graph, head))
            if a in members and b in members:
                return "cax-adc", axiom
    return "cax-dw", None
