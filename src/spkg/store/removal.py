"""`spkg remove` of documents without rebuilding the graph: the stages on what changed.

A full build of the remaining documents differs from the old build only in the removed
graphs, the inferred graph, and the dumps, store and manifest made from them:

- labels: the names the removed documents gave may have decided another graph's
  rdfs:label (spkg.labels). The remaining graphs' names, as ingested, are reconciled again;
  where that would rewrite a remaining graph, this path gives up.
- reasoning: what the removed documents' group (with every document they join) inferred
  is a candidate to go. The remaining documents that could infer a candidate again (every
  group that mentions its rarest term: OWL 2 RL rules bring in no new terms) are closed
  over the closed background; a candidate none of them infers goes. A triple a removed
  document asserted that a remaining group infers joins the inferred graph.
- validation: the shapes run on the nodes the removed graphs mention that remain, over
  their surroundings without the removed triples; a violation hands over to the full build.

Where an assumption does not hold, NotIncremental says why and the caller runs the full
build instead (the same result).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from spkg.dataset import new_dataset
from spkg.namespace import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.progress import Progress
from spkg.reason.delta import ClosedBackground
from spkg.reason.filtering import Triple, keep_inferred, normalise_triple
from spkg.store.build_dir import INGESTED_FILE, Build
from spkg.store.incremental import (
    _LABELS,
    INFERRED,
    NOT_DOCUMENTS,
    NotIncremental,
    _check,
    _graph_of,
    _group,
    _line,
    _quad,
    _quads,
    _rdf,
    _triples,
)
from spkg.store.lines import GraphsOnDisk, merge

AUTHORITIES = {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)}


@dataclass
class Removal:
    """What `spkg remove` changed, and where the time went."""

    documents: dict[str, dict[str, str]]  # every document of the new build
    removed: dict[str, list[bytes]]  # the removed graphs' lines, as published
    removed_ingested: dict[str, list[bytes]]  # and as ingested
    inferred_old: list[bytes]
    inferred_new: list[bytes]
    focus_nodes: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    store_remove: list[ox.Quad] = field(default_factory=list)
    store_add: list[ox.Quad] = field(default_factory=list)
    store: ox.Store | None = None  # the old build's, for country_given

    def country_given(self, country: str) -> bool:
        """Whether a graph of the new build still says something is in ``country``."""
        from spkg.export.void import SPKG_COUNTRY

        if self.store is None:
            return False
        gone = set(self.removed)
        retracted = {line for line in self.inferred_old} - set(self.inferred_new)
        for quad in self.store.quads_for_pattern(None, ox.NamedNode(SPKG_COUNTRY),
                                                 ox.NamedNode(country), None):
            graph = _graph_of(quad)
            if not graph or graph in gone:
                continue
            if graph != INFERRED or _line(_triple_of(quad)) not in retracted:
                return True
        return False

    def dates_given(self) -> set[str]:
        """The lexical forms of every date the new build states (VoID's period)."""
        from spkg.export.void import DATE_PREDICATES

        gone = set(self.removed)
        retracted = {line for line in self.inferred_old} - set(self.inferred_new)
        dates: set[str] = set()
        for predicate in DATE_PREDICATES:
            for quad in self.store.quads_for_pattern(None, ox.NamedNode(predicate), None,
                                                     None) if self.store else ():
                graph = _graph_of(quad)
                if (not graph or graph in gone or not isinstance(quad.object, ox.Literal)
                        or (graph == INFERRED and _line(_triple_of(quad)) in retracted)):
                    continue
                dates.add(quad.object.value)
        return dates


def remove(build: Build, gone: set[str], *, engine: str, allow_invalid: bool,
           progress: bool = True, curation: Iterable[Path] = ()) -> Removal:
    """The new build's data when the document graphs ``gone`` leave ``build``."""
    stages: dict[str, float] = {}
    clock = [time.perf_counter()]

    def timed(stage: str) -> None:
        now = time.perf_counter()
        stages[stage] = now - clock[0]
        clock[0] = now

    _check(build, {}, curation)
    meter = Progress("remove", enabled=progress)
    old = GraphsOnDisk(build.nquads)
    ingested = GraphsOnDisk(build.path(INGESTED_FILE))
    removed = {name: old.get(name) for name in sorted(gone)}
    if any(b"_:" in line for lines in removed.values() for line in lines):
        raise NotIncremental("a removed graph has blank nodes (their canonical labels are "
                             "global)")
    store = build.store
    triples = [t for lines in removed.values() for t in _triples(lines)]
    timed("read")
    _check_labels(store, ingested, triples, gone)
    timed("labels")

    background = [t for part in (ONTOLOGY_GRAPH, REFERENCE_GRAPH)
                  for t in _triples(old.get(str(part), []))]
    closed = ClosedBackground.of(background, engine)
    background_nodes = {n for s, _p, o in background for n in (s, o)}
    inferred_lines = old.get(INFERRED)
    inferred_set = set(inferred_lines)
    from spkg.reason.engines import close

    rest = _group(store, old, triples, closed, gone, seeded=False,
                  change="the removal touches")
    base = [*closed.triples, *closed.added]
    before = close([*base, *triples, *rest], engine)
    asserted = {normalise_triple(t) for t in (*closed.triples, *triples, *rest)}
    candidates = {t for t in keep_inferred(before.added, asserted) if _line(t) in inferred_set}
    subjects = {s for s, _p, _o in triples}
    candidates |= {(s, RDF.type, OWL.Nothing) for s in subjects
                   if _line((s, RDF.type, OWL.Nothing)) in inferred_set}
    asserted_gone = {normalise_triple(t) for t in triples}
    readd = {t for t in asserted_gone if not _asserted_elsewhere(store, old, t, gone)}
    keys = {_key(t, background_nodes, store, gone) for t in (*candidates, *readd)}
    seeds = [t for graph in sorted({g for k in keys for g in _mentioning(store, k, gone)})
             for t in _triples(old.get(graph))]
    after_group = _group(store, old, [*rest, *seeds], closed, gone,
                         change="the removal touches")
    after = close([*base, *after_group], engine)
    after_asserted = {normalise_triple(t) for t in (*closed.triples, *after_group)}
    inferred_after = set(keep_inferred(after.added, after_asserted))
    from_background = {normalise_triple(t) for t in closed.added}
    kept = inferred_after | from_background
    retracted = {t for t in candidates if t not in kept and not _clashes(
        t, store, gone, inferred_after, from_background, closed)}
    added = {t for t in readd if t in kept}
    meter.note(f"{len(gone)} documents, {len(triples)} triples; reasoning over "
               f"{len(triples) + len(rest)} and {len(after_group)} group triples: "
               f"{len(retracted)} no longer inferred, {len(added)} inferred now")
    timed("reason")

    focus: set[Node] = {n for s, _p, o in triples for n in (s, o) if isinstance(n, URIRef)}
    focus |= {s for s, _p, _o in retracted}
    focus = {n for n in focus if _still_mentioned(store, n, gone)}
    focus |= _pointing_at_retyped(store, gone, triples, retracted)
    if not allow_invalid:
        _validate(store, old, gone, retracted, added, focus)
    timed("validate")

    documents = {iri: dict(entry) for iri, entry in build.manifest.documents.items()
                 if iri not in gone}
    store_remove = [q for name in gone
                    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name))]
    store_remove += [_quad(t, URIRef(INFERRED)) for t in retracted]
    store_add = [_quad(t, URIRef(INFERRED)) for t in added]
    inferred_new = merge(inferred_lines, map(_line, added), map(_line, retracted))
    timed("splice")
    return Removal(documents, removed, {name: ingested.get(name) for name in sorted(gone)},
                   inferred_lines, inferred_new, len(focus), stages, store_remove, store_add,
                   store)


def _triple_of(quad: ox.Quad) -> Triple:
    return (_rdf(quad.subject), _rdf(quad.predicate), _rdf(quad.object))


def _check_labels(store: ox.Store, ingested: GraphsOnDisk, triples: list[Triple],
                  gone: set[str]) -> None:
    """Raise NotIncremental where the remaining graphs' labels, reconciled again without
    the removed graphs' names, are not the ones they hold now."""
    from spkg.labels import reconcile_labels

    entities = {s for s, p, o in triples
                if p in _LABELS and isinstance(o, Literal) and o.language}
    work = new_dataset()
    now: dict[str, set[Triple]] = {}
    for entity in entities:
        for predicate in _LABELS:
            for quad in _quads(store, entity, predicate):
                graph = _graph_of(quad)
                triple = (entity, predicate, _rdf(quad.object))
                if graph in AUTHORITIES:
                    work.graph(URIRef(graph)).add(triple)
                elif graph and graph not in NOT_DOCUMENTS and graph not in gone:
                    now.setdefault(graph, set()).add(triple)
    prefixes = {entity.n3().encode("utf-8") + b" " for entity in entities}
    for graph in now:
        target = work.graph(URIRef(graph))
        lines = [line for line in ingested.get(graph) if line.startswith(tuple(prefixes))]
        for s, p, o in _triples(lines):
            if p in _LABELS:
                target.add((s, p, o))
    reconcile_labels(work, entities)
    changed = [graph for graph, held in now.items()
               if {t for t in work.graph(URIRef(graph)) if t[1] in _LABELS} != held]
    if changed:
        raise NotIncremental(f"labels of {len(changed)} documents of the build would change")


def _mentioning(store: ox.Store, node: Node, gone: set[str]) -> set[str]:
    """The remaining document graphs with ``node`` as a subject or an object."""
    if isinstance(node, Literal):
        return set()
    found = {_graph_of(q) for q in _quads(store, node)}
    found |= {_graph_of(q) for q in _quads(store, o=node)}
    return {g for g in found if g and g not in NOT_DOCUMENTS and g not in gone}


def _still_mentioned(store: ox.Store, node: Node, gone: set[str]) -> bool:
    """Whether a remaining document graph has ``node`` as a subject or an object (stops at
    the first: a place every document names has hundreds of thousands of quads)."""
    if isinstance(node, Literal):
        return False
    for found in (_quads(store, node), _quads(store, o=node)):
        for quad in found:
            graph = _graph_of(quad)
            if graph and graph not in NOT_DOCUMENTS and graph not in gone:
                return True
    return False


def _key(triple: Triple, background_nodes: set[Node], store: ox.Store, gone: set[str]
         ) -> Node:
    """The term of ``triple`` the fewest remaining documents mention: any group that
    could infer the triple mentions each of its terms (rules bring in no new terms)."""
    s, _p, o = triple
    terms = [t for t in (s, o) if isinstance(t, URIRef) and t not in background_nodes]
    if terms:
        return terms[0]
    choices: list[Node] = [t for t in (s, o) if isinstance(t, URIRef)] or [s]
    return min(choices, key=lambda t: len(_mentioning(store, t, gone)))


def _asserted_elsewhere(store: ox.Store, old: GraphsOnDisk, triple: Triple, gone: set[str]
                        ) -> bool:
    """Whether a remaining graph (not the inferred one) asserts ``triple``, exact terms."""
    line = _line(triple)
    for quad in _quads(store, *triple):
        graph = _graph_of(quad)
        if (graph and graph != INFERRED and graph not in gone
                and (graph in AUTHORITIES or line in set(old.get(graph)))):
            return True
    return False


def _clashes(triple: Triple, store: ox.Store, gone: set[str], inferred_after: set[Triple],
             from_background: set[Triple], closed: ClosedBackground) -> bool:
    """Whether ``triple`` is an owl:Nothing typing that the remaining graph still implies."""
    from spkg.reason.completion import find_clashes

    node, predicate, value = triple
    if predicate != RDF.type or value != OWL.Nothing:
        return False
    types = {_rdf(q.object) for q in _quads(store, node, RDF.type)
             if _graph_of(q) not in ("", INFERRED) and _graph_of(q) not in gone}
    types |= {o for s, p, o in (*inferred_after, *from_background) if s == node and p == RDF.type}
    return bool(find_clashes([(node, RDF.type, t) for t in types], closed.disjoint))


def _pointing_at_retyped(store: ox.Store, gone: set[str], triples: list[Triple],
                         retracted: set[Triple]) -> set[Node]:
    """The remaining nodes whose value lost a type: a shape may ask a value's class."""
    lost = {(s, o) for s, p, o in (*triples, *retracted) if p == RDF.type}
    pointing: set[Node] = set()
    for node, cls in lost:
        still = any(_graph_of(q) not in ("", *gone)
                    and (_graph_of(q) != INFERRED or (node, RDF.type, cls) not in retracted)
                    for q in _quads(store, node, RDF.type, cls))
        if not still:
            pointing |= {_rdf(q.subject) for q in _quads(store, o=node)
                         if _graph_of(q) not in ("", *gone, *AUTHORITIES)
                         and isinstance(q.subject, ox.NamedNode)}
    return pointing


def _validate(store: ox.Store, old: GraphsOnDisk, gone: set[str], retracted: set[Triple],
              added: set[Triple], focus: set[Node]) -> None:
    """Run the shapes on the remaining nodes the removal touched, without what it took."""
    from spkg.store.incremental import _add_reference_slice
    from spkg.validate.focus import validate_focus

    data = _neighbourhood(store, gone, retracted, added, focus)
    reference = Graph()
    for triple in _triples(old.get(str(REFERENCE_GRAPH), [])):
        reference.add(triple)
    _add_reference_slice(data, reference)
    ontology = Graph()
    for triple in _triples(old.get(str(ONTOLOGY_GRAPH), [])):
        ontology.add(triple)
    violations = [r for r in validate_focus(data, ontology, focus) if r.severity == "Violation"]
    if violations:
        first = violations[0]
        raise NotIncremental(f"{len(violations)} violations (first: {first.message} at "
                             f"{first.focus}); the full build decides what to hold back")


def _neighbourhood(store: ox.Store, gone: set[str], retracted: set[Triple],
                   added: set[Triple], focus: set[Node]) -> Dataset:
    """Every remaining graph's triples about the focus nodes and their values, and those
    pointing at them that a shape reads (as spkg.store.incremental gathers them)."""
    from spkg.validate.focus import inbound_predicates

    data = new_dataset()
    inbound = inbound_predicates()
    values: set[Node] = set()

    def copy(quad: ox.Quad) -> None:
        graph = _graph_of(quad)
        if graph in ("", *AUTHORITIES) or graph in gone:
            return
        triple = (_rdf(quad.subject), _rdf(quad.predicate), _rdf(quad.object))
        if graph != INFERRED or triple not in retracted:
            data.graph(URIRef(graph)).add(triple)

    for node in focus:
        about = list(_quads(store, node))
        values.update(_rdf(q.object) for q in about if isinstance(q.object, ox.NamedNode))
        for quad in [*about, *(q for p in inbound for q in _quads(store, None, p, node))]:
            copy(quad)
    for quad in (q for node in values - focus for q in _quads(store, node)):
        copy(quad)
    for triple in added:
        data.graph(URIRef(INFERRED)).add(triple)
    return data
