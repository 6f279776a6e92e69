"""OWL 2 RL reasoning whose results stay apart from the asserted graphs.

``infer`` returns the inferred triples only, filtered (see filtering.py);
``add_inferred`` puts them in the INFERRED_GRAPH of a dataset. ``reason`` does the
work and also returns the disjointness clashes, engine warnings and whether the cache hit.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import OWL, RDF, BNode, Dataset, Graph, URIRef
from rdflib.term import Node

from spkg.namespace import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.progress import Progress
from spkg.reason import cache
from spkg.reason.completion import Clash, find_clashes
from spkg.reason.engines import ENGINES, close
from spkg.reason.filtering import Triple, keep_inferred, normalise_triple
from spkg.reason.partition import components, joining_predicates, stable_batches
from spkg.reason.schema import disjoint_pairs

__all__ = ["DEFAULT_ENGINE", "ENGINES", "Clash", "Inference", "add_inferred", "infer", "reason"]

log = logging.getLogger(__name__)

# The engine used when none is named. reasonable (completed with prp-spo2 and the
# disjointness check) infers the same triples as owlrl on the seeds: tests/test_reason_parity.py.
DEFAULT_ENGINE = "reasonable"
# Document triples per reasoning batch of the fast engine; below it the graph is closed whole.
PARTITION_TRIPLES = 200_000
BACKGROUND = (ONTOLOGY_GRAPH, REFERENCE_GRAPH)


@dataclass
class Inference:
    graph: Graph
    clashes: list[Clash]
    warnings: list[str]
    engine: str
    cache_hit: bool
    batches: int = 1
    seconds: float = 0.0
    input_triples: int = 0
    dropped: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def infer(dataset: Dataset, *, engine: str = DEFAULT_ENGINE, use_cache: bool = True,
          progress: bool = True) -> Graph:
    """OWL 2 RL inferences over ontology + reference + documents: new, non-trivial ones only."""
    result = reason(dataset, engine=engine, use_cache=use_cache, progress=progress)
    _log_problems(result)
    return result.graph


def add_inferred(dataset: Dataset, *, engine: str = DEFAULT_ENGINE, use_cache: bool = True,
                 progress: bool = True) -> int:
    """Replace the dataset's inferred graph with fresh inferences; returns its size."""
    result = reason(dataset, engine=engine, use_cache=use_cache, progress=progress)
    _log_problems(result)
    target = dataset.graph(INFERRED_GRAPH)
    target.remove((None, None, None))
    for triple in result.graph:
        target.add(triple)
    return len(result.graph)


def _log_problems(result: Inference) -> None:
    """infer() and add_inferred() return no Inference, so clashes go to the log."""
    for clash in result.clashes:
        log.warning(clash.message())
    for message in result.warnings:
        log.warning("%s: %s", result.engine, message)


def input_graphs(dataset: Dataset) -> dict[Node, list[Triple]]:
    """Every graph that reasoning reads: all but the inferred graph (and empty ones)."""
    graphs: dict[Node, list[Triple]] = {}
    for graph in dataset.graphs():
        if graph.identifier == INFERRED_GRAPH:
            continue
        triples = list(graph)
        if triples:
            graphs.setdefault(graph.identifier, []).extend(triples)
    return graphs


def reason(dataset: Dataset, *, engine: str = DEFAULT_ENGINE, use_cache: bool = True,
           progress: bool = True, partition_triples: int = PARTITION_TRIPLES) -> Inference:
    """Close the dataset under OWL 2 RL with ``engine``; see the module docstring."""
    if engine not in ENGINES:
        from spkg.reason.engines import UnknownEngine

        raise UnknownEngine(f"unknown reasoning engine {engine!r} (known: {', '.join(ENGINES)})")
    started = time.perf_counter()
    bar = Progress("reason", enabled=progress)
    graphs = input_graphs(dataset)
    total = sum(len(t) for t in graphs.values())
    digests = {name: cache.graph_digest(triples) for name, triples in graphs.items()}
    key = cache.cache_key(digests, engine)
    timings = {"hash": time.perf_counter() - started}
    asserted = {normalise_triple(t) for triples in graphs.values() for t in triples}
    schema = _schema_graph(graphs)

    cached = cache.load(key) if use_cache else None
    if cached is not None:
        bar.note(f"cache hit ({len(cached.triples)} inferred triples, engine {engine})")
        inferred_triples = set(cached.triples)
        warnings = cached.warnings
        n_batches = 0
        dropped = 0
    else:
        bar.note(f"closing {total} triples with {engine}")
        close_started = time.perf_counter()
        added, warnings, n_batches = _close_all(graphs, engine, partition_triples, bar,
                                                use_cache=use_cache, digests=digests)
        timings["close"] = time.perf_counter() - close_started
        inferred_triples = set(keep_inferred(added, asserted))
        dropped = len(added) - len(inferred_triples)
    clash_started = time.perf_counter()
    clashes = find_clashes(_union(asserted, inferred_triples), disjoint_pairs(schema))
    timings["clashes"] = time.perf_counter() - clash_started
    # An individual in two disjoint classes is in their (empty) intersection: owl:Nothing.
    inferred_triples.update((c.individual, RDF.type, OWL.Nothing) for c in clashes)
    if cached is None and use_cache:
        cache.store(key, inferred_triples, warnings)
    graph = Graph()
    _bind(graph)
    for triple in inferred_triples:
        graph.add(triple)
    seconds = bar.finish(f"{len(graph)} inferred triples")
    return Inference(graph, clashes, list(warnings), engine, cached is not None, n_batches,
                     seconds, total, dropped, timings)


def _union(a: set[Triple], b: set[Triple]) -> list[Triple]:
    return [*a, *b]


def _schema_graph(graphs: dict[Node, list[Triple]]) -> Graph:
    """The triples that declare disjointness, from whichever graph holds them."""
    wanted = {OWL.disjointWith, OWL.members, RDF.first, RDF.rest}
    rdf_type, all_disjoint = RDF.type, OWL.AllDisjointClasses
    schema = Graph()
    for triples in graphs.values():
        for s, p, o in triples:
            if p in wanted or (p == rdf_type and o == all_disjoint):
                schema.add((s, p, o))
    return schema


def _close_all(graphs: dict[Node, list[Triple]], engine: str, partition_triples: int,
               bar: Progress, *, use_cache: bool, digests: dict[Node, str]
               ) -> tuple[set[Triple], list[str], int]:
    """Everything the engine adds: whole graph, or per batch of documents over the background.

    Each batch's closure is cached on its documents and the background, so a batch whose
    documents did not change is not closed again.
    """
    documents = {name: t for name, t in graphs.items() if name not in BACKGROUND}
    doc_total = sum(len(t) for t in documents.values())
    if engine == "owlrl" or doc_total <= partition_triples:
        every = [t for triples in graphs.values() for t in triples]
        result = close(every, engine)
        return result.added, result.messages, 1
    background = [t for name in BACKGROUND for t in graphs.get(name, [])]
    background_added = _background_closure(background, engine, use_cache=use_cache)
    closed_background = [*background, *background_added]
    background_graph = Graph()
    for triple in closed_background:
        background_graph.add(triple)
    groups = components(documents, joining_predicates(background_graph))
    plan = stable_batches(groups, {n: len(t) for n, t in documents.items()}, partition_triples)
    added = set(background_added)
    messages: list[str] = []
    background_key: dict[Node, str] = {URIRef("background"): cache.graph_digest(background)}
    for number, batch in enumerate(plan, 1):
        key = cache.cache_key({**background_key, **{name: digests[name] for name in batch}},
                              engine, purpose="batch")
        cached = cache.load(key) if use_cache else None
        if cached is not None:
            bar.note(f"batch {number}/{len(plan)}: {len(batch)} graphs, cached")
            added.update(cached.triples)
            messages.extend(cached.warnings)
            continue
        triples = [t for name in batch for t in documents[name]]
        bar.note(f"batch {number}/{len(plan)}: {len(batch)} graphs, {len(triples)} triples")
        result = close([*closed_background, *triples], engine)
        # Triples with a blank node are left out as trivial in the end (filtering.py), and
        # would not keep their identity through the cache's N-Triples: dropped here.
        kept = {t for t in result.added if not any(isinstance(term, BNode) for term in t)}
        added |= kept
        messages.extend(result.messages)
        if use_cache:
            cache.store(key, kept, sorted(set(result.messages)))
    return added, sorted(set(messages)), len(plan)


def _background_closure(background: Sequence[Triple], engine: str, *, use_cache: bool
                        ) -> set[Triple]:
    """The ontology + reference closure, computed once and cached on its own."""
    key = cache.cache_key({URIRef("background"): cache.graph_digest(background)}, engine,
                          purpose="background")
    cached = cache.load(key) if use_cache else None
    if cached is not None:
        return set(cached.triples)
    # Blank nodes are dropped: a cached copy could not be joined to the ontology's own lists.
    added = {t for t in close(background, engine).added
             if not any(isinstance(term, BNode) for term in t)}
    if use_cache:
        cache.store(key, added, [])
    return added


def _bind(graph: Graph) -> None:
    from spkg.prefixes import bind_prefixes

    bind_prefixes(graph)
