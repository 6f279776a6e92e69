"""Rules the fast engine leaves out, run in Python: property chains (prp-spo2) and disjointness.

reasonable 0.4.4 skips owl:propertyChainAxiom without a word and never reports an
individual that falls into two disjoint classes; these functions fill both gaps and run
the same way over owlrl's closure, so both engines report clashes identically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, RDFS, URIRef
from rdflib.term import Node

from spkg.reason.filtering import Triple

_TYPE = RDF.type
_SUBCLASS, _SUBPROPERTY = RDFS.subClassOf, RDFS.subPropertyOf
_SCHEMA_PREDICATES = frozenset({_SUBCLASS, _SUBPROPERTY, RDFS.domain, RDFS.range})


@dataclass(frozen=True, order=True)
class Clash:
    """An individual typed with two disjoint classes: the graph is inconsistent there."""

    individual: Node
    first: Node
    second: Node

    def message(self) -> str:
        return (f"{self.individual} is typed both {self.first} and {self.second}, "
                "which the ontology declares disjoint")


def chain_closure(triples: Iterable[Triple], chains: list[tuple[URIRef, tuple[URIRef, ...]]],
                  ) -> set[Triple]:
    """Triples that prp-spo2 adds to ``triples`` (to a fixpoint over the chain rules alone)."""
    if not chains:
        return set()
    wanted = {step for _, steps in chains for step in steps} | {p for p, _ in chains}
    by_predicate: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        if p in wanted:
            by_predicate[p][s].add(o)
    added: set[Triple] = set()
    changed = True
    while changed:
        changed = False
        for prop, steps in chains:
            for start in list(by_predicate[steps[0]]):
                frontier = set(by_predicate[steps[0]][start])
                for step in steps[1:]:
                    index = by_predicate[step]
                    frontier = {o for node in frontier for o in index.get(node, ())}
                    if not frontier:
                        break
                known = by_predicate[prop][start]
                for end in frontier - known:
                    known.add(end)
                    added.add((start, prop, end))
                    changed = True
    return added


def find_clashes(triples: Iterable[Triple], disjoint: set[frozenset[Node]]) -> list[Clash]:
    """Individuals typed with both classes of a disjoint pair (cax-dw, cax-adc)."""
    if not disjoint:
        return []
    disjoint_classes = {c for pair in disjoint for c in pair}
    types: dict[Node, set[Node]] = defaultdict(set)
    for s, p, o in triples:
        if p == _TYPE and o in disjoint_classes:
            types[s].add(o)
    clashes = []
    for individual, classes in types.items():
        if len(classes) < 2:
            continue
        ordered = sorted(classes, key=str)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if frozenset((first, second)) in disjoint:
                    clashes.append(Clash(individual, first, second))
    return sorted(clashes)


def domain_range_closure(triples: Iterable[Triple]) -> set[Triple]:
    """What scm-dom1/2 and scm-rng1/2 add: domains and ranges widened along the class and
    property hierarchies (reasonable 0.4.4 does not run these schema rules)."""
    superclasses: dict[Node, set[Node]] = defaultdict(set)
    superproperties: dict[Node, set[Node]] = defaultdict(set)
    stated: dict[Node, set[tuple[Node, Node]]] = defaultdict(set)  # kind → {(property, class)}
    for s, p, o in triples:
        if p not in _SCHEMA_PREDICATES:
            continue
        if p == _SUBCLASS:
            superclasses[s].add(o)
        elif p == _SUBPROPERTY:
            superproperties[s].add(o)
        else:
            stated[p].add((s, o))
    added: set[Triple] = set()
    for kind, pairs in stated.items():
        known = set(pairs)
        changed = True
        while changed:
            changed = False
            for prop, cls in list(known):
                wider = {(prop, sup) for sup in superclasses.get(cls, ())}
                wider |= {(sub, cls) for sub, sups in superproperties.items() if prop in sups}
                for pair in wider - known:
                    known.add(pair)
                    added.add((pair[0], kind, pair[1]))
                    changed = True
    return added
