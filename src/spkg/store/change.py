"""What an addition changes, subject by subject, in each part of a build.

A dump of a part (every graph, the asserted ones, the inferred one, …) holding the union of
its graphs changes only in the blocks of the subjects whose triples changed, and VoID's
statistics only by those subjects' lines. So for each such subject this reads its lines in
every graph of the old build from the store (which says which graph holds a triple), checks
them against the old ``spkg.nt`` (the exact text: the store keeps some literals in a
canonical form), and applies the change graph by graph. A subject the check fails for (a
literal the store rewrote, a blank node) raises Unsplicable: the caller writes anew.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from spkg.export.dumps import SELECTORS
from spkg.store.sorted_blocks import SortedBlocks, Unsplicable, subject_lines

PARTS = tuple(SELECTORS)


@dataclass
class SubjectChange:
    """A subject's sorted lines in each part's union, before and after."""

    old: dict[str, list[bytes]]
    new: dict[str, list[bytes]]


def subject_of(line: bytes) -> bytes:
    """A line's subject (N-Triples text); subjects hold no space."""
    return line.split(b" ", 1)[0]


def subject_changes(nt: SortedBlocks, store: ox.Store, added: Mapping[str, list[bytes]],
                    removed: Mapping[str, list[bytes]], *, whole: Collection[str] = ()
                    ) -> dict[bytes, SubjectChange]:
    """Each subject of the added or removed lines (graph IRI → lines), in order, with its
    lines in every part before and after. ``nt``: the old build's spkg.nt; ``whole``: the
    graphs ``removed`` lists every line of (their exact text: not read from the store)."""
    touched: dict[bytes, dict[str, tuple[set[bytes], set[bytes]]]] = {}
    for sign, lines_by_graph in ((0, added), (1, removed)):
        for graph, lines in lines_by_graph.items():
            for line in lines:
                by_graph = touched.setdefault(subject_of(line), {})
                by_graph.setdefault(graph, (set(), set()))[sign].add(line)
    changes: dict[bytes, SubjectChange] = {}
    for subject in sorted(touched, key=lambda s: s + b" "):
        before = _graph_lines(store, subject)
        for graph in whole:
            if graph in touched[subject]:
                before[graph] = set(touched[subject][graph][1])
            else:
                before.pop(graph, None)
        union = {line for lines in before.values() for line in lines}
        if union != set(subject_lines(nt, subject)):
            raise Unsplicable(f"the store does not hold {subject[:80]!r}'s lines as written")
        after = {graph: set(lines) for graph, lines in before.items()}
        for graph, (plus, minus) in touched[subject].items():
            held = after.setdefault(graph, set())
            if minus - held or plus & held:
                raise Unsplicable(f"{graph}: the change does not fit the old graph")
            held -= minus
            held |= plus
        changes[subject] = SubjectChange(_parts(before), _parts(after))
    return changes


def _parts(by_graph: Mapping[str, set[bytes]]) -> dict[str, list[bytes]]:
    return {part: sorted({line for graph, lines in by_graph.items() if selected(graph)
                          for line in lines})
            for part, selected in SELECTORS.items()}


def _graph_lines(store: ox.Store, subject: bytes) -> dict[str, set[bytes]]:
    """The N-Triples lines of a subject in each graph of the store."""
    if not (subject.startswith(b"<") and subject.endswith(b">")):
        raise Unsplicable(f"a blank node subject {subject[:80]!r}")
    triples: dict[str, list[ox.Triple]] = {}
    node = ox.NamedNode(subject[1:-1].decode("utf-8"))
    for quad in store.quads_for_pattern(node, None, None, None):
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise Unsplicable("a triple in the default graph")
        if isinstance(quad.object, ox.BlankNode):
            raise Unsplicable(f"a blank node object of {subject[:80]!r}")
        triples.setdefault(quad.graph_name.value, []).append(quad.triple)
    return {graph: set((ox.serialize(found, format=ox.RdfFormat.N_TRIPLES) or b"").splitlines())
            for graph, found in triples.items()}
