"""What documents added to a built graph add to its inferred graph, without closing it again.

A build's inferred graph is the closure of the background (ontology + reference) joined
with the closure of each group of documents over the closed background (partition.py says
why the groups may be closed apart: rules join instance triples only through joining
predicates, and a group holds every document that shares a joining node). Documents added
to a build form their own group with the documents they join; closing that group over the
closed background gives every triple the additions can bring. The rest of the inferred
graph stays: adding triples takes no inference away (OWL 2 RL is monotonic), except that a
triple the new documents assert is asserted now, no longer inferred.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rdflib import OWL, RDF, Graph, Literal
from rdflib.term import Node

from spkg.reason import _background_closure
from spkg.reason.completion import find_clashes
from spkg.reason.engines import close, is_schema_triple
from spkg.reason.filtering import Triple, keep_inferred, normalise_triple
from spkg.reason.partition import Joining, joining_predicates
from spkg.reason.schema import disjoint_pairs


@dataclass
class ClosedBackground:
    """The ontology and reference triples, what closing them adds, and what that implies."""

    triples: list[Triple]
    added: set[Triple]
    joining: Joining
    disjoint: set[frozenset[Node]]

    @classmethod
    def of(cls, background: Sequence[Triple], engine: str, *, use_cache: bool = True
           ) -> ClosedBackground:
        added = _background_closure(background, engine, use_cache=use_cache)
        graph = Graph()
        for triple in (*background, *added):
            graph.add(triple)
        return cls(list(background), added, joining_predicates(graph), disjoint_pairs(graph))


@dataclass
class Delta:
    added: set[Triple] = field(default_factory=set)  # inferred now, not before
    retracted: set[Triple] = field(default_factory=set)  # inferred before, asserted now
    clashes: int = 0


def uses(triples: Iterable[Triple], joining: Joining) -> tuple[set[Node], set[Node]]:
    """The nodes these triples use in a joining triple, and those on its joining side."""
    used: set[Node] = set()
    anchored: set[Node] = set()
    for s, p, o in triples:
        if p not in joining.predicates:
            continue
        used.add(s)
        anchored.add(s)
        if not isinstance(o, Literal):
            used.add(o)
            if p in joining.both_ends:
                anchored.add(o)
    return used, anchored


def has_schema(triples: Iterable[Triple]) -> bool:
    """Whether any triple is schema (a class or property axiom): those change every group."""
    return any(is_schema_triple(t) for t in triples)


def delta(background: ClosedBackground, group: Sequence[Triple], new: Sequence[Triple],
          engine: str, *, asserted_elsewhere: Callable[[Triple], bool],
          inferred_before: Callable[[Triple], bool],
          types_elsewhere: Callable[[Node], set[Node]]) -> Delta:
    """The change to the inferred graph when the triples ``new`` join a build.

    ``group``: every triple of the group the new documents fall in (theirs included);
    ``asserted_elsewhere``: whether a graph of the build, but the inferred one, asserts a
    triple; ``inferred_before``: whether the build's inferred graph holds it;
    ``types_elsewhere``: a node's types in the build, asserted or inferred (for the
    disjointness check, which full reasoning runs over the whole graph).
    """
    closed = [*background.triples, *background.added]
    result = close([*closed, *group], engine)
    asserted_here = {normalise_triple(t) for t in (*background.triples, *group)}
    change = Delta()
    for triple in keep_inferred(result.added, asserted_here):
        if not inferred_before(triple) and not asserted_elsewhere(triple):
            change.added.add(triple)
    change.retracted = {t for t in map(normalise_triple, new) if inferred_before(t)}
    individuals = {s for s, p, _o in (*new, *change.added) if p == RDF.type}
    typed: list[Triple] = [(node, RDF.type, cls) for node in individuals
                           for cls in types_elsewhere(node)]
    typed += [t for t in (*new, *change.added) if t[1] == RDF.type]
    for clash in find_clashes(typed, background.disjoint):
        nothing = (clash.individual, RDF.type, OWL.Nothing)
        change.clashes += 1
        if not inferred_before(nothing):
            change.added.add(nothing)
    return change
