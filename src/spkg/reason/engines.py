"""The two OWL 2 RL engines behind one function: owlrl (reference) and reasonable (fast).

``close(triples, engine)`` returns what the engine adds to ``triples`` — literals
normalised, nothing filtered yet — and the engine's own warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import OWL, RDF, Graph, Namespace

from spkg.errors import SpkgError
from spkg.reason.completion import chain_closure, domain_range_closure
from spkg.reason.filtering import Triple, normalise_triple
from spkg.reason.schema import property_chains

ENGINES = ("owlrl", "reasonable")
# owlrl writes inconsistencies into the graph as resources of this vocabulary.
OWLRL_ERRORS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")


class UnknownEngine(SpkgError):
    """An --engine name that is not one of ENGINES."""


@dataclass
class Closure:
    added: set[Triple]
    messages: list[str] = field(default_factory=list)


def close(triples: Sequence[Triple], engine: str) -> Closure:
    if engine == "owlrl":
        return _close_owlrl(triples)
    if engine == "reasonable":
        return _close_reasonable(triples)
    raise UnknownEngine(f"unknown reasoning engine {engine!r} (known: {', '.join(ENGINES)})")


def _close_owlrl(triples: Sequence[Triple]) -> Closure:
    import owlrl

    graph = Graph()
    for triple in triples:
        graph.add(triple)
    before = {normalise_triple(t) for t in triples}
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(graph)
    messages: list[str] = []
    for node in list(graph.subjects(RDF.type, OWLRL_ERRORS.ErrorMessage)):
        messages.extend(str(m) for m in graph.objects(node, OWLRL_ERRORS.error))
        graph.remove((node, None, None))
    added = {t for t in map(normalise_triple, graph) if t not in before}  # type: ignore[arg-type]
    return Closure(added, sorted(messages))


def _close_reasonable(triples: Sequence[Triple]) -> Closure:
    """reasonable, then prp-spo2 and scm-dom/scm-rng in Python, fed back until nothing is added."""
    import reasonable

    schema = Graph()
    for triple in triples:
        if _is_chain_syntax(triple):
            schema.add(triple)
    chains = property_chains(schema)
    known = {normalise_triple(t) for t in triples}
    before = set(known)
    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(list(triples))
    while True:
        output = {normalise_triple(t) for t in reasoner.reason()}
        known |= output
        extra = (chain_closure(known, chains) | domain_range_closure(known)) - known
        if not extra:
            break
        known |= extra
        reasoner.from_graph(list(extra))
    return Closure(known - before)


_CHAIN_SYNTAX = frozenset({OWL.propertyChainAxiom, RDF.first, RDF.rest})


def _is_chain_syntax(triple: Triple) -> bool:
    """Triples that spell a property chain: the axiom and its RDF list cells."""
    return triple[1] in _CHAIN_SYNTAX
