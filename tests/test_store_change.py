"""Which lines of a changed subject each part holds, read from the store and checked
against the old build's exact N-Triples (spkg.store.change)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from spkg.export.dumps import INFERRED
from spkg.store.change import subject_changes
from spkg.store.sorted_blocks import Unsplicable, nt_lines

DOC = "https://w3id.org/spkg/id/document/a"
NEW = "https://w3id.org/spkg/id/document/b"


def line(s: str, p: str, o: str) -> bytes:
    return f"<http://x/{s}> <http://x/{p}> {o} .".encode()


def build(quads: list[tuple[bytes, str]]) -> tuple[ox.Store, bytes]:
    store = ox.Store()
    for text, graph in quads:
        for triple in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
            store.add(ox.Quad(triple.subject, triple.predicate, triple.object,
                              ox.NamedNode(graph)))
    union = b"".join(t + b"\n" for t in sorted({t for t, _g in quads}))
    return store, union


def test_parts_before_and_after() -> None:
    kept, inferred = line("s", "p", '"1"'), line("s", "q", "<http://x/o>")
    store, union = build([(kept, DOC), (inferred, INFERRED), (kept, INFERRED + "x")])
    added = line("s", "r", '"2"')
    changes = subject_changes(nt_lines(union), store, added={NEW: [added, inferred]},
                              removed={INFERRED: [inferred]})
    change = changes[b"<http://x/s>"]
    assert change.old["inferred"] == [inferred] and change.new["inferred"] == []
    assert change.old["documents"] == sorted([kept])
    assert change.new["documents"] == sorted([kept, added, inferred])
    assert change.new["all"] == sorted({kept, added, inferred})  # moved, not gone


def test_a_literal_the_store_keeps_otherwise_is_refused() -> None:
    exact = line("s", "p", '"15"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>')
    store, union = build([(exact, DOC)])
    with pytest.raises(Unsplicable, match="as written"):
        subject_changes(nt_lines(union), store, added={NEW: [line("s", "r", '"2"')]},
                        removed={})


def test_a_change_that_does_not_fit_is_refused() -> None:
    kept = line("s", "p", '"1"')
    store, union = build([(kept, DOC)])
    with pytest.raises(Unsplicable, match="does not fit"):
        subject_changes(nt_lines(union), store, added={DOC: [kept]}, removed={})
