"""Run pySHACL over several processes, each evaluating a share of the shapes.

pySHACL is pure Python and single-threaded; on a large graph validation is the slowest
stage of a build. Shapes are independent of one another — a result depends on one shape
and the whole data graph — so splitting the *shapes* (never the data: cross-document
constraints such as one English label per entity must see everything) gives the same
results as one run. The workers are forked after the data graph is built, so they read it
without copying or parsing it again.

Each task runs the shapes graph with the sh:target* triples of every other targeted shape
removed: the shapes it reaches through sh:property, sh:node or sh:or stay in place, as do
blank-node identities, so results name their source shapes exactly as a single run does.

The data graph is not copied at all: each worker swaps the background graphs of its own
(copy-on-write) view of the dataset for the slices validation reads (datagraph.py).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from spkg.glibc import signal_when_parent_dies
from spkg.validate.datagraph import ValidationInput, prepare_in_place
from spkg.validate.hoisting import TARGET_PREDICATES

Triple = tuple[Node, Node, Node]

# Set in the parent just before forking (the dataset and shapes) and in each worker when it
# starts (its validation input); the parent's own objects are never changed.
_dataset: Any = None
_shapes: Graph | None = None
_input: ValidationInput | None = None
_parent_pid = 0


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def targeted_shapes(shapes: Graph) -> list[Node]:
    """Shapes with an explicit target: the units of work (ordered for determinism)."""
    found: set[Node] = set()
    for predicate in TARGET_PREDICATES:
        found.update(shapes.subjects(predicate, None))
    return sorted(found, key=str)


def _focus_count(data: Any, shapes: Graph, shape: Node) -> int:
    """How many focus nodes ``shape`` has in ``data``, a Dataset (explicit targets only)."""
    def matches(pattern: tuple[Node | None, Node | None, Node | None]) -> int:
        return sum(1 for _ in data.quads((*pattern, None)))  # every graph, not the default

    count = 0
    for cls in shapes.objects(shape, SH.targetClass):
        count += matches((None, RDF.type, cls))
    for predicate in shapes.objects(shape, SH.targetSubjectsOf):
        count += matches((None, predicate, None))
    for predicate in shapes.objects(shape, SH.targetObjectsOf):
        count += matches((None, predicate, None))
    count += sum(1 for _ in shapes.objects(shape, SH.targetNode))
    return count


def longest_first(data: Any, shapes: Graph) -> list[Node]:
    """Targeted shapes, the likely slowest first, so no long task starts last.

    A SPARQL constraint runs one query per focus node and outweighs core constraints on
    far more nodes; otherwise the cost follows the number of focus nodes.
    """
    def cost(shape: Node) -> tuple[bool, int]:
        return (shapes.value(shape, SH.sparql) is not None, _focus_count(data, shapes, shape))

    return sorted(targeted_shapes(shapes), key=cost, reverse=True)


def _start_worker() -> None:
    global _input
    _die_with_parent()
    _input = prepare_in_place(_dataset)


def _die_with_parent() -> None:
    """Linux: end this worker when the process that forked it dies (killed on a timeout,
    out of memory) instead of leaving it holding a copy of the data."""
    if not signal_when_parent_dies():
        return
    if os.getppid() != _parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _run_share(share: Sequence[Node]) -> tuple[bool, list[Triple]]:
    """Validate with only ``share``'s targets in place; return conformance and report triples."""
    import pyshacl

    assert _shapes is not None and _input is not None
    keep = set(share)
    hidden = [(s, p, o) for p in TARGET_PREDICATES for s, o in _shapes.subject_objects(p)
              if s not in keep]
    for triple in hidden:
        _shapes.remove(triple)
    try:
        conforms, report, _text = pyshacl.validate(
            _input.data, shacl_graph=_shapes, ont_graph=_input.ontology, inference="none",
            inplace=True)
    finally:
        for triple in hidden:
            _shapes.add(triple)
    return bool(conforms), list(report)


def merge_reports(parts: Iterable[tuple[bool, list[Triple]]]) -> Graph:
    """One sh:ValidationReport holding every part's results."""
    merged = Graph()
    report = BNode()
    conforms = True
    merged.add((report, RDF.type, SH.ValidationReport))
    for part_conforms, triples in parts:
        conforms = conforms and part_conforms
        heads = {s for s, p, o in triples if p == RDF.type and o == SH.ValidationReport}
        for s, p, o in triples:
            if s in heads:
                if p == SH.result:
                    merged.add((report, p, o))
                continue
            merged.add((s, p, o))
    merged.add((report, SH.conforms, Literal(conforms)))
    return merged


def validate_in_workers(dataset: Any, shapes: Graph, workers: int) -> Graph:
    """pySHACL's report for ``dataset``, computed by ``workers`` forked processes.

    Every targeted shape is one task, handed out as workers free up, so one slow shape
    (a SPARQL constraint over every document) does not hold back a fixed share. A worker
    that dies (out of memory, killed) fails the validation instead of hanging it.
    """
    global _dataset, _shapes, _parent_pid
    tasks = [(shape,) for shape in longest_first(dataset, shapes)]
    _dataset, _shapes, _parent_pid = dataset, shapes, os.getpid()
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_run_share, tasks))
    finally:
        _dataset = _shapes = None
    return merge_reports(parts)
