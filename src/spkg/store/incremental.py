"""`spkg add` of new documents without rebuilding the graph: the stages on what changed.

A full build of the old documents plus the new ones differs from the old build only in
(a) the new documents' graphs, (b) the inferred graph, (c) the dumps, store and manifest
made from them. Each is computed here from the old build and the new graphs alone:

- labels: spkg.labels picks one label per entity and language from the names each graph
  gives, whatever the order; the names other graphs give the new documents' entities are
  read from the store. Where the choice would rewrite an old graph, this path gives up.
- reasoning: the new documents' group (with every old document they join) is closed over
  the closed background (spkg.reason.delta); the old inferred graph keeps the rest.
- validation: the shapes run on the nodes the new graphs and inferences mention, over a
  data graph of those nodes, their neighbours and the reference slice (spkg.validate.focus).
  A violation hands over to the full build, which decides what to hold back.
- output: the old build's canonical lines with the changed graphs spliced in (store.lines)
  are published like a build's (spkg.store.publish): same lines, same bytes.

Where an assumption does not hold (a replaced document, curation in play, blank nodes or
axioms in a new graph, a changed ontology or reference, another spkg version), ``add``
raises NotIncremental with the reason, and the caller runs the full build instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from spkg.dataset import new_dataset
from spkg.export.canonical import CanonicalDataset
from spkg.namespace import CURATION_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.progress import Progress
from spkg.rdfcore.terms import to_ox, to_rdflib
from spkg.reason.delta import ClosedBackground, Delta, delta, has_schema, uses
from spkg.reason.filtering import Triple
from spkg.store.build_dir import INGESTED_FILE, Build, input_entry
from spkg.store.lines import GraphsOnDisk, canonical, lines_of, merge, read_graphs
from spkg.store.sorted_blocks import mapped, nt_lines, subject_lines
from spkg.version import __version__

INFERRED = str(INFERRED_GRAPH)
NOT_DOCUMENTS = {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH), INFERRED, str(CURATION_GRAPH)}
NTRIPLES_DUMP = "spkg.nt"  # the union of every graph: sorted, distinct lines
# Above this many triples in the new documents' group the full build is no slower.
GROUP_LIMIT = 200_000


class NotIncremental(Exception):
    """This addition needs the full build; the message says why."""


@dataclass
class Addition:
    """What `spkg add` changed, and where the time went."""

    documents: dict[str, Path | dict[str, str]]  # every document of the new build
    graphs: dict[str, list[bytes]]  # the new document graphs' lines (labels reconciled)
    ingested: dict[str, list[bytes]]  # the same graphs as ingested
    inferred_old: list[bytes]  # the inferred graph's lines, before and after
    inferred_new: list[bytes]
    inferred_added: int = 0
    inferred_retracted: int = 0
    focus_nodes: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    store_remove: list[ox.Quad] = field(default_factory=list)  # what the store loses
    store_add: list[ox.Quad] = field(default_factory=list)  # and gains

    def changed(self) -> set[str]:
        """The graphs new or changed."""
        inferred = {INFERRED} if self.inferred_old != self.inferred_new else set()
        return set(self.graphs) | inferred

    def subjects(self) -> set[bytes]:
        """The subjects (N-Triples text) of every changed triple."""
        changed = {*self.inferred_old} ^ {*self.inferred_new}
        return {line.split(b" ", 1)[0] for lines in (*self.graphs.values(), changed)
                for line in lines}

    def whole(self, build: Build) -> tuple[CanonicalDataset, CanonicalDataset, list[str]]:
        """The new build's every graph and its ingested graphs, and the old graph IRIs in
        order: the old build read whole, for writing the dumps anew."""
        old = read_graphs(build.nquads)
        names = list(old)
        old.update(self.graphs)
        old[INFERRED] = self.inferred_new
        ingested = read_graphs(build.path(INGESTED_FILE))
        ingested.update(self.ingested)
        return canonical(old), canonical(ingested), names


def add(build: Build, graphs: Mapping[str, Graph], sources: Mapping[str, Path], *,
        engine: str, allow_invalid: bool, progress: bool = True,
        curation: Iterable[Path] = ()) -> Addition:
    """The new build's data when the documents ``graphs`` (as ingested) join ``build``."""
    stages: dict[str, float] = {}
    clock = [time.perf_counter()]

    def timed(stage: str) -> None:
        now = time.perf_counter()
        stages[stage] = now - clock[0]
        clock[0] = now

    _check(build, graphs, curation)
    meter = Progress("add", enabled=progress)
    old = GraphsOnDisk(build.nquads)
    if any(name in old for name in graphs):
        raise NotIncremental("a new document's graph is already in the build")
    timed("read")
    store = build.store
    final = _reconciled(store, graphs)
    new_triples = [t for name in graphs for t in final.graph(URIRef(name))]
    timed("labels")

    # The ontology and reference as this build holds them: the files are unchanged since
    # (_check), and parsing the build's lines takes a tenth of parsing the Turtle again.
    background_data = new_dataset()
    for part in (ONTOLOGY_GRAPH, REFERENCE_GRAPH):
        target = background_data.graph(part)
        for triple in _triples(old.get(str(part), [])):
            target.add(triple)
    background = [t for part in (ONTOLOGY_GRAPH, REFERENCE_GRAPH)
                  for t in background_data.graph(part)]
    closed = ClosedBackground.of(background, engine)
    group = _group(store, old, new_triples, closed)
    inferred_lines = old.get(INFERRED)
    inferred_before = set(inferred_lines)
    change = delta(closed, group, new_triples, engine,
                   asserted_elsewhere=_asserted_in(store, build.path(NTRIPLES_DUMP)),
                   inferred_before=lambda t: _line(t) in inferred_before,
                   types_elsewhere=_types_in(store))
    meter.note(f"{len(graphs)} documents, {len(new_triples)} triples; reasoning over "
               f"{len(group)} group triples: {len(change.added)} inferred, "
               f"{len(change.retracted)} no longer inferred")
    timed("reason")

    focus = _focus(new_triples, change)
    if not allow_invalid:
        _validate(store, background_data, final, change, focus)
    timed("validate")

    as_ingested = new_dataset()
    for name, graph in graphs.items():
        target = as_ingested.graph(URIRef(name))
        for triple in graph:
            target.add(triple)
    documents: dict[str, Path | dict[str, str]] = dict(build.manifest.documents)
    documents.update(sources)
    remove = [_quad(t, INFERRED_GRAPH) for t in change.retracted]
    add = [_quad(t, c.identifier) for c in final.graphs() for t in c]
    add += [_quad(t, INFERRED_GRAPH) for t in change.added]
    inferred_new = merge(inferred_lines, map(_line, change.added), map(_line, change.retracted))
    timed("splice")
    return Addition(documents, lines_of(CanonicalDataset.from_rdflib(final)),
                    lines_of(CanonicalDataset.from_rdflib(as_ingested)), inferred_lines,
                    inferred_new, len(change.added), len(change.retracted), len(focus), stages,
                    remove, add)


def existed_in(store: ox.Store) -> Callable[[bytes, str], bool]:
    """Whether a subject (N-Triples text) had a triple in a dump part of the old build."""
    from spkg.export.dumps import SELECTORS

    def existed(subject: bytes, part: str) -> bool:
        if not subject.startswith(b"<"):
            return True  # a blank node: never a changed subject here (_check)
        term = ox.NamedNode(subject[1:-1].decode("utf-8"))
        return any(SELECTORS[part](_graph_of(q))
                   for q in store.quads_for_pattern(term, None, None, None))

    return existed


def _check(build: Build, graphs: Mapping[str, Graph], curation: Iterable[Path]) -> None:
    """Raise NotIncremental unless every assumption of this path holds."""
    from spkg.store.publish import background_inputs

    manifest = build.manifest
    if manifest.spkg_version != __version__:
        raise NotIncremental(f"built by spkg {manifest.spkg_version}")
    if list(curation) or any(e.get("kind") == "curation" for e in manifest.inputs):
        raise NotIncremental("curation is applied across documents")
    recorded = {(e.get("path"), e.get("sha256")) for e in manifest.inputs}
    for path in background_inputs():
        entry = input_entry(path)
        if (entry["path"], entry["sha256"]) not in recorded:
            raise NotIncremental(f"{path.name} changed since the build")
    if not build.path(INGESTED_FILE).is_file():
        raise NotIncremental(f"no {INGESTED_FILE}")
    for name, graph in graphs.items():
        _check_graph(name, graph, manifest.documents)
    if next(iter(build.store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
        raise NotIncremental("the build has triples in the default graph")


def _check_graph(name: str, graph: Graph, known: Mapping[str, object]) -> None:
    if name in known:
        raise NotIncremental(f"{name} replaces a document of the build")
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        raise NotIncremental(f"{name} has blank nodes (their canonical labels are global)")
    if has_schema(graph):
        raise NotIncremental(f"{name} states class or property axioms")


_TERMS: dict[object, Node] = {}


def _rdf(term: object) -> Node:
    found = _TERMS.get(term)
    if found is None:
        if len(_TERMS) > 100_000:
            _TERMS.clear()
        found = _TERMS[term] = to_rdflib(term)  # type: ignore[arg-type]
    return found


def _line(triple: Triple) -> bytes:
    """A triple's canonical N-Triples line (as the build's dumps write it)."""
    ox_triple = ox.Triple(*map(to_ox, triple))  # type: ignore[arg-type]
    return (ox.serialize([ox_triple], format=ox.RdfFormat.N_TRIPLES) or b"").rstrip(b"\n")


def _quads(store: ox.Store, s: Node | None = None, p: Node | None = None,
           o: Node | None = None) -> Iterator[ox.Quad]:
    """The store's quads matching rdflib terms (None: any), in every graph."""
    def ox_term(node: Node | None) -> Any:
        return None if node is None else to_ox(node)

    return iter(store.quads_for_pattern(ox_term(s), ox_term(p), ox_term(o), None))


def _triples(lines: list[bytes]) -> list[Triple]:
    """N-Triples lines of the build as rdflib triples (blank nodes keep their labels)."""
    quads = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    return [(_rdf(q.subject), _rdf(q.predicate), _rdf(q.object)) for q in quads]


def _quad(triple: Triple, graph: Node) -> ox.Quad:
    s, p, o = (to_ox(term) for term in triple)
    name: Any = to_ox(graph)
    return ox.Quad(s, p, o, name)  # type: ignore[arg-type]


def _graph_of(quad: ox.Quad) -> str:
    name = quad.graph_name
    return name.value if isinstance(name, ox.NamedNode) else ""


_LABELS = (RDFS.label, SKOS.altLabel, SKOS.prefLabel)


def _reconciled(store: ox.Store, graphs: Mapping[str, Graph]) -> Dataset:
    """The new graphs with their labels reconciled against every graph of the build."""
    from spkg.labels import reconcile_labels

    work = new_dataset()
    for name, graph in graphs.items():
        target = work.graph(URIRef(name))
        for triple in graph:
            target.add(triple)
    entities = {s for graph in graphs.values() for s, p, o in graph
                if p in _LABELS and isinstance(o, Literal) and o.language}
    for entity in entities:
        for predicate in _LABELS:
            for quad in _quads(store, entity, predicate):
                graph_name = _graph_of(quad)
                if graph_name and graph_name != INFERRED and graph_name not in graphs:
                    work.graph(URIRef(graph_name)).add(
                        (entity, predicate, _rdf(quad.object)))
    changed = {str(c.graph) for c in reconcile_labels(work, entities)} - set(graphs)
    if changed:
        raise NotIncremental(f"labels of {len(changed)} documents of the build would change")
    final = new_dataset()
    for name in graphs:
        target = final.graph(URIRef(name))
        for triple in work.graph(URIRef(name)):
            target.add(triple)
    return final


def _documents_using(store: ox.Store, node: Node, closed: ClosedBackground
                     ) -> dict[str, bool]:
    """The old document graphs that use ``node`` in a joining triple → whether they anchor it."""
    found: dict[str, bool] = {}
    if isinstance(node, Literal):
        return found
    for quad in _quads(store, node):
        graph = _graph_of(quad)
        if graph not in NOT_DOCUMENTS and _rdf(quad.predicate) in closed.joining.predicates:
            found[graph] = True
    for quad in _quads(store, o=node):
        graph = _graph_of(quad)
        predicate = _rdf(quad.predicate)
        if graph not in NOT_DOCUMENTS and predicate in closed.joining.predicates:
            found[graph] = found.get(graph, False) or predicate in closed.joining.both_ends
    found.pop("", None)
    return found


def _group(store: ox.Store, old: GraphsOnDisk, new_triples: list[Triple],
           closed: ClosedBackground, gone: set[str] | frozenset[str] = frozenset(), *,
           seeded: bool = True, change: str = "the new documents join") -> list[Triple]:
    """The triples of every old document (but those in ``gone``) the group of
    ``new_triples`` takes in, transitively; with ``seeded``, ``new_triples`` too."""
    group = list(new_triples) if seeded else []
    members: set[str] = set()
    todo = [new_triples]
    seen_nodes: set[Node] = set()
    while todo:
        triples = todo.pop()
        used, anchored = uses(triples, closed.joining)
        for node in used - seen_nodes:
            seen_nodes.add(node)
            for graph, anchors in _documents_using(store, node, closed).items():
                if graph in members or graph in gone or not (anchors or node in anchored):
                    continue
                members.add(graph)
                theirs = _triples(old.get(graph, []))
                group.extend(theirs)
                todo.append(theirs)
                if len(group) > GROUP_LIMIT:
                    raise NotIncremental(f"{change} a group of over {GROUP_LIMIT:,} triples")
    return group


def _asserted_in(store: ox.Store, union: Path) -> Callable[[Triple], bool]:
    """Whether a graph of the build but the inferred one asserts a triple (exact terms).

    Asked only of triples the inferred graph does not hold (spkg.reason.delta), so a
    triple of ``union`` (the old build's spkg.nt, every graph's lines) is asserted."""
    def asserted(triple: Triple) -> bool:
        s, p, o = triple
        if isinstance(o, Literal) and o.datatype is not None:
            # the store keeps derived XSD types as their base type: compare exact lines
            line = _line(triple)
            with mapped(union) as data:
                return line in subject_lines(nt_lines(data), line.split(b" ", 1)[0])
        return any(_graph_of(q) not in ("", INFERRED)
                   for q in _quads(store, s, p, o))

    return asserted


def _types_in(store: ox.Store) -> Callable[[Node], set[Node]]:
    def types(node: Node) -> set[Node]:
        if isinstance(node, Literal):
            return set()
        return {_rdf(q.object) for q in _quads(store, node, RDF.type)}

    return types


def _focus(new_triples: list[Triple], change: Delta) -> set[Node]:
    """The nodes whose validation results the addition may change."""
    nodes: set[Node] = set()
    for s, _p, o in new_triples:
        nodes.add(s)
        if isinstance(o, URIRef):
            nodes.add(o)
    nodes.update(s for s, _p, _o in change.added)
    return nodes


def _validate(store: ox.Store, background: Dataset, final: Dataset, change: Delta,
              focus: set[Node]) -> None:
    """Run the shapes on the focus nodes; a violation hands over to the full build."""
    from spkg.validate.focus import validate_focus

    data = _neighbourhood(store, final, change, focus)
    _add_reference_slice(data, background.graph(REFERENCE_GRAPH))
    ontology = Graph()
    ontology += background.graph(ONTOLOGY_GRAPH)
    violations = [r for r in validate_focus(data, ontology, focus) if r.severity == "Violation"]
    if violations:
        first = violations[0]
        raise NotIncremental(f"{len(violations)} violations (first: {first.message} at "
                             f"{first.focus}); the full build decides what to hold back")


def _neighbourhood(store: ox.Store, final: Dataset, change: Delta, focus: set[Node]
                   ) -> Dataset:
    """The new graphs and inferences, and every graph's triples about the focus nodes and
    their values, and those pointing at them that a Violation shape reads (what the shapes
    read from a focus node: see spkg.validate.focus)."""
    from spkg.validate.focus import inbound_predicates

    inbound = inbound_predicates()
    data = _with_inferred(final, change)
    values: set[Node] = {o for _s, _p, o, _g in data.quads((None, None, None, None))
                         if isinstance(o, URIRef)}

    def copy(quad: ox.Quad) -> None:
        graph = _graph_of(quad)
        if graph in ("", str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)):
            return  # the reference slice comes exact from the files
        triple = (_rdf(quad.subject), _rdf(quad.predicate), _rdf(quad.object))
        if graph != INFERRED or triple not in change.retracted:
            data.graph(URIRef(graph)).add(triple)

    for node in focus:
        for quad in _quads(store, node):
            copy(quad)
            if isinstance(quad.object, ox.NamedNode):
                values.add(_rdf(quad.object))
        for quad in (q for p in inbound for q in _quads(store, None, p, node)):
            copy(quad)
    for node in values - focus:
        for quad in _quads(store, node):
            copy(quad)
    return data


def _with_inferred(final: Dataset, change: Delta) -> Dataset:
    """A copy of the new graphs, with the new inferences in the inferred graph."""
    data = new_dataset()
    for context in final.graphs():
        target = data.graph(context.identifier)
        for triple in context:
            target.add(triple)
    inferred = data.graph(INFERRED_GRAPH)
    for triple in change.added:
        inferred.add(triple)
    return data


def _add_reference_slice(data: Dataset, reference: Graph) -> None:
    """The reference descriptions of what the data mentions, and of what they link to (as
    spkg.validate.datagraph slices them for a full validation)."""
    mentioned = {term for s, _p, o, _g in data.quads((None, None, None, None))
                 for term in (s, o)}
    described = {n for n in mentioned if (n, None, None) in reference}
    linked = {o for n in described for o in reference.objects(n) if isinstance(o, URIRef)}
    sliced = data.graph(REFERENCE_GRAPH)
    for node in described | linked:
        for p, o in reference.predicate_objects(node):
            sliced.add((node, p, o))
