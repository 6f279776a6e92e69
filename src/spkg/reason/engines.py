"""The two OWL 2 RL engines behind one function: owlrl (reference) and reasonable (fast).

``close(triples, engine)`` returns what the engine adds to ``triples`` — literals
normalised, nothing filtered yet — and the engine's own warnings.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Graph, Namespace

from spkg.errors import SpkgError
from spkg.reason.completion import chain_closure, domain_range_closure
from spkg.reason.filtering import Triple, normalise_triple
from spkg.reason.schema import property_chains

ENGINES = ("owlrl", "reasonable")
# seconds spent in each part of the fast engine, for the benchmark
TIMINGS: dict[str, float] = defaultdict(float)
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
    added = {t for t in map(normalise_triple, graph) if t not in before}
    return Closure(added, sorted(messages))


def _close_reasonable(triples: Sequence[Triple]) -> Closure:
    """reasonable, then prp-spo2 and scm-dom/scm-rng in Python, until nothing is added.

    What a chain adds is closed again: with everything when the chained property joins
    with other triples (partition.joining_predicates), else with the schema alone, which is
    enough for the one-premise rules (domain, range, sub-property, inverse, subclass) and
    far cheaper than converting the whole closure back to rdflib terms once more.
    """
    import reasonable

    from spkg.reason.partition import joining_predicates

    schema = Graph()
    for triple in triples:
        if is_schema_triple(triple):
            schema.add(triple)
    chains = property_chains(schema)
    joining = joining_predicates(schema).predicates
    known = set(map(normalise_triple, triples))
    before = set(known)
    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(list(triples))
    known.update(_reason(reasoner))
    while True:
        started = time.perf_counter()
        chained = chain_closure(known, chains) - known
        widened = domain_range_closure(t for t in known if t[1] in _SCHEMA_PREDICATES) - known
        TIMINGS["python rules"] += time.perf_counter() - started
        known |= widened  # schema only: the types it implies are there already (cax-sco)
        if not chained:
            break
        known |= chained
        if any(p in joining for _, p, _ in chained):
            reasoner.from_graph(list(chained))
            known.update(_reason(reasoner))
        else:
            local = reasonable.PyReasoner()
            local.from_graph([*schema, *chained])
            known.update(_reason(local))
    return Closure(known - before)


def _reason(reasoner: object) -> Iterator[Triple]:
    started = time.perf_counter()
    with _iris_already_checked():
        output = reasoner.reason()  # type: ignore[attr-defined]
    TIMINGS["reasonable"] += time.perf_counter() - started
    return map(normalise_triple, output)


_SCHEMA_PREDICATES = frozenset({RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range})
_SCHEMA_NAMESPACES = (str(RDFS), str(OWL), str(RDF))
_NOT_SCHEMA = frozenset({OWL.sameAs, OWL.differentFrom, RDF.subject, RDF.predicate, RDF.object,
                         RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy})
_INSTANCE_TYPES = frozenset({OWL.Thing, OWL.NamedIndividual, RDFS.Resource, RDF.Statement})


def is_schema_triple(triple: Triple) -> bool:
    """Class and property axioms, declarations and the RDF lists they use."""
    _, p, o = triple
    if p == RDF.type:
        return str(o).startswith(_SCHEMA_NAMESPACES) and o not in _INSTANCE_TYPES
    return str(p).startswith(_SCHEMA_NAMESPACES) and p not in _NOT_SCHEMA


@contextmanager
def _iris_already_checked() -> Iterator[None]:
    """reasonable hands every triple of the closure back as new rdflib terms, and rdflib
    re-checks each IRI for illegal characters: a third of the fast engine's time at 100k
    triples. The IRIs came from rdflib terms that were checked when parsed, so the check is
    switched off while the output is converted (single-threaded: the CLI does nothing else)."""
    import rdflib.term

    original = rdflib.term._is_valid_uri
    rdflib.term._is_valid_uri = _always_valid
    try:
        yield
    finally:
        rdflib.term._is_valid_uri = original


def _always_valid(uri: str) -> bool:
    return True


