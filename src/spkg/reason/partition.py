"""Split the documents into groups that can be reasoned over one at a time.

Most inferences are local to one document plus the ontology and reference data, so the
background (ontology + reference) is closed once and every group of documents is closed
over it, instead of closing everything at once.

Which documents must share a group: the rules the ontology uses join two instance triples
only through a *joining* predicate (transitive, a property-chain step, functional,
inverse-functional, symmetric, owl:sameAs, a sub-property of one, or an inverse of one),
and only where the shared node is the subject of one of them (a predicate with an inverse,
or a symmetric or inverse-functional one, also joins at its object). So a node ties together
the documents that use it in a joining triple when at least one of them has it on the
joining side; nodes that documents only point at (SDG targets, places, concepts) tie
nothing, since the triples they join with are in the background every group sees. Types
need no grouping: cax-sco works on one type triple, and disjointness clashes are checked
over the merged result.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, Graph, Literal
from rdflib.term import Node

from spkg.reason.filtering import Triple
from spkg.reason.schema import property_chains

_JOINING_TYPES = (OWL.TransitiveProperty, OWL.FunctionalProperty,
                  OWL.InverseFunctionalProperty, OWL.SymmetricProperty)
_BOTH_ENDS_TYPES = (OWL.InverseFunctionalProperty, OWL.SymmetricProperty)


@dataclass(frozen=True)
class Joining:
    predicates: frozenset[Node]   # a rule may join two triples of these
    both_ends: frozenset[Node]    # … at the object as well as the subject


def joining_predicates(background: Graph) -> Joining:
    """The joining predicates declared by the (closed) ontology and reference data."""
    base: set[Node] = {OWL.sameAs}
    both: set[Node] = {OWL.sameAs}
    for kind in _JOINING_TYPES:
        base.update(background.subjects(RDF.type, kind))
    for kind in _BOTH_ENDS_TYPES:
        both.update(background.subjects(RDF.type, kind))
    for _, steps in property_chains(background):
        base.update(steps)
    # A sub-property of a joining predicate joins too (partOf ⊑ locatedIn); so does an inverse.
    changed = True
    while changed:
        changed = False
        for sub, sup in background.subject_objects(RDFS.subPropertyOf):
            if sup in base and sub not in base:
                base.add(sub)
                changed = True
        for a, b in background.subject_objects(OWL.inverseOf):
            for x, y in ((a, b), (b, a)):
                if x in base and y not in base:
                    base.add(y)
                    changed = True
    for a, b in background.subject_objects(OWL.inverseOf):
        both.update(p for p in (a, b) if p in base)
    return Joining(frozenset(base), frozenset(both & base))


class _UnionFind:
    def __init__(self, items: Iterable[Node]):
        self.parent = {item: item for item in items}

    def find(self, item: Node) -> Node:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb), key=str)
            self.parent[high] = low


def components(documents: Mapping[Node, Sequence[Triple]], joining: Joining
               ) -> list[list[Node]]:
    """Groups of document graphs that must be reasoned over together, each sorted, in order."""
    users: dict[Node, set[Node]] = defaultdict(set)   # node → documents using it in a join
    anchored: set[Node] = set()                        # nodes on a joining side somewhere
    for name, triples in documents.items():
        for s, p, o in triples:
            if p not in joining.predicates:
                continue
            users[s].add(name)
            anchored.add(s)
            if not isinstance(o, Literal):
                users[o].add(name)
                if p in joining.both_ends:
                    anchored.add(o)
    groups = _UnionFind(documents)
    for node in anchored:
        names = sorted(users[node], key=str)
        for other in names[1:]:
            groups.union(names[0], other)
    by_root: dict[Node, list[Node]] = {}
    for name in documents:
        by_root.setdefault(groups.find(name), []).append(name)
    return sorted((sorted(g, key=str) for g in by_root.values()), key=lambda g: str(g[0]))


def stable_batches(groups: list[list[Node]], sizes: Mapping[Node, int], limit: int
                   ) -> list[list[Node]]:
    """Groups spread over about total/limit batches by a hash of their first document.

    A group stays in its batch when other documents come and go (unless the number of
    batches changes), so after `spkg add` only the batches holding changed documents are
    closed again; the others' closures come from the cache.
    """
    total = sum(sizes[name] for group in groups for name in group)
    count = max(1, -(-total // max(limit, 1)))
    buckets: list[list[Node]] = [[] for _ in range(count)]
    for group in groups:
        digest = hashlib.sha256(str(group[0]).encode("utf-8")).digest()
        buckets[int.from_bytes(digest[:8], "big") % count].extend(group)
    return [bucket for bucket in buckets if bucket]


def batches(groups: list[list[Node]], sizes: Mapping[Node, int], limit: int) -> list[list[Node]]:
    """Pack groups, in order, into batches of at most ``limit`` triples (big groups stay whole)."""
    packed: list[list[Node]] = []
    current: list[Node] = []
    current_size = 0
    for group in groups:
        size = sum(sizes[name] for name in group)
        if current and current_size + size > limit:
            packed.append(current)
            current, current_size = [], 0
        current.extend(group)
        current_size += size
    if current:
        packed.append(current)
    return packed
