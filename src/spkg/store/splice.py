"""The dumps of a build changed in a few graphs, made from the old dumps instead of anew.

A quad dump (TriG, JSON-LD) is a header, one block per graph in the order of their IRIs,
and a footer, and a graph's block depends on that graph's triples only (the serialisers
start afresh at each graph). So the new dump is the old one with the blocks of the
changed graphs written anew and those of new graphs inserted in their place; the blocks
of the other graphs are copied byte for byte. A dump whose graphs did not change at all is
copied whole, whatever its syntax. Union dumps (Turtle, N-Triples, RDF/XML of several
graphs) interleave the graphs' triples subject by subject: they are written anew.

Where the old dump does not have the expected number of blocks (written by another
version), it is written anew too: splicing only ever saves time.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from spkg.export.canonical import CanonicalDataset, graph_iri
from spkg.export.dumps import DumpSpec, part_graphs, write_dump

# Where a graph's block starts: TriG writes "<iri> {" at the start of a line (its triples
# are indented), the JSON-LD writer '  {"@id": ' (its nodes are indented by three).
_BLOCK = {"trig": re.compile(rb"^(<[^\n]*> \{\n)", re.MULTILINE),
          "jsonld": re.compile(rb'^  (\{"@id": )', re.MULTILINE)}
# What ends the last block: TriG's last "}\n"; JSON-LD's closing of the graph list.
_FOOTER = {"trig": b"", "jsonld": b"\n ]\n}\n"}
_SEPARATOR = {"trig": b"", "jsonld": b",\n  "}
# Union dumps: one block per subject, in the order of the sorted N-Triples lines. Turtle
# starts a subject's block at the start of a line (its predicates are indented, prefixes
# start with "@"); RDF/XML with one tab and an element (its properties have two tabs).
_SUBJECT = {"ttl": re.compile(rb"^([^@\s])", re.MULTILINE),
            "rdf": re.compile(rb"^(\t<[^/])", re.MULTILINE)}
_SUBJECT_FOOTER = {"ttl": b"", "rdf": b"</rdf:RDF>"}
Existed = Callable[[bytes, str], bool]  # whether a subject (N-Triples text) was in a part


class Splicer:
    """``reuse`` for export_canonical: dumps of ``data`` from those of ``old_folder``.

    ``old_graphs``: the graph IRIs of the old build, in order; ``changed``: the IRIs of the
    graphs that are new or whose triples changed.
    """

    def __init__(self, old_folder: Path, old_graphs: Sequence[str], data: CanonicalDataset,
                 changed: set[str], *, subjects: set[bytes] | None = None,
                 existed: Existed | None = None) -> None:
        self.old_folder = old_folder
        self.old_graphs = list(old_graphs)
        self.data = data
        self.changed = changed
        self.subjects = subjects  # the subjects (N-Triples text) whose triples changed
        self.existed = existed
        self.spliced: list[str] = []
        # a part's sorted lines and subjects, shared by its Turtle and RDF/XML dumps
        self._union: dict[str, tuple[list[bytes], dict[bytes, tuple[int, int]]]] = {}

    def __call__(self, spec: DumpSpec, out: IO[bytes]) -> bool:
        names = [graph_iri(n) for n in part_graphs(self.data, spec.part)]
        old_path = self.old_folder / spec.file_name
        if not old_path.is_file():
            return False
        if not self.changed & set(names):
            out.write(old_path.read_bytes())  # no graph of this part changed
            self.spliced.append(spec.file_name)
            return True
        if spec.format in _SUBJECT and self.subjects is not None and self.existed is not None:
            spliced = self._splice_subjects(spec, old_path.read_bytes(), names)
        elif spec.format in _BLOCK:
            old_names = [g for g in self.old_graphs if _selected(spec, g)]
            spliced = self._splice(spec, old_path.read_bytes(), old_names, names)
        else:
            return False
        if spliced is None:
            return False
        out.write(spliced)
        self.spliced.append(spec.file_name)
        return True

    def _splice(self, spec: DumpSpec, old: bytes, old_names: list[str], names: list[str]
                ) -> bytes | None:
        starts = [m.start(1) for m in _BLOCK[spec.format].finditer(old)]
        footer, separator = _FOOTER[spec.format], _SEPARATOR[spec.format]
        if len(starts) != len(old_names) or not old.endswith(footer) or not starts:
            return None
        header = old[:starts[0]]
        ends = [start - len(separator) for start in starts[1:]] + [len(old) - len(footer)]
        blocks = {name: old[start:end] for name, start, end in zip(old_names, starts, ends,
                                                                    strict=True)}
        parts = [blocks[name] if name in blocks and name not in self.changed
                 else self._block(spec, name) for name in names]
        return header + separator.join(parts) + footer

    def _block(self, spec: DumpSpec, name: str) -> bytes:
        """One graph's block, as the dump's writer writes it alone (header and footer off)."""
        alone = CanonicalDataset({n: self.data.lines(n) for n in self.data.select([name])})
        buffer = io.BytesIO()
        write_dump(buffer, alone, spec, None)
        written = buffer.getvalue()
        match = _BLOCK[spec.format].search(written)
        assert match is not None, f"{spec.file_name}: no block for {name}"
        footer = _FOOTER[spec.format]
        return written[match.start(1):len(written) - len(footer)]


    def _splice_subjects(self, spec: DumpSpec, old: bytes, names: list[str]) -> bytes | None:
        """A union dump with the blocks of the changed subjects written anew, in place."""
        assert self.subjects is not None and self.existed is not None
        if spec.part not in self._union:
            merged = self.data.merged_lines(self.data.select(names))
            self._union[spec.part] = merged, _subject_ranges(merged)
        lines, ranges = self._union[spec.part]
        starts = [m.start(1) for m in _SUBJECT[spec.format].finditer(old)]
        footer = _SUBJECT_FOOTER[spec.format]
        kept = [s for s in ranges if s not in self.subjects or self.existed(s, spec.part)]
        if len(starts) != len(kept) or not old.endswith(footer) or not starts:
            return None
        ends = [*starts[1:], len(old) - len(footer)]
        blocks = {s: old[a:b] for s, a, b in zip(kept, starts, ends, strict=True)}
        changed = [s for s in ranges if s in self.subjects]
        fresh = self._subject_blocks(spec, [line for s in changed
                                            for line in lines[slice(*ranges[s])]])
        if len(fresh) != len(changed):
            return None
        blocks.update(zip(changed, fresh, strict=True))
        return old[:starts[0]] + b"".join(blocks[s] for s in ranges) + footer

    def _subject_blocks(self, spec: DumpSpec, lines: list[bytes]) -> list[bytes]:
        """The blocks of the subjects of ``lines`` (sorted), written by one call."""
        buffer = io.BytesIO()
        write_dump(buffer, self.data, spec, lines)
        written = buffer.getvalue()
        starts = [m.start(1) for m in _SUBJECT[spec.format].finditer(written)]
        ends = [*starts[1:], len(written) - len(_SUBJECT_FOOTER[spec.format])]
        return [written[a:b] for a, b in zip(starts, ends, strict=True)]


def _subject_ranges(lines: list[bytes]) -> dict[bytes, tuple[int, int]]:
    """Each subject of sorted N-Triples lines, in order, and the slice of its lines."""
    ranges: dict[bytes, tuple[int, int]] = {}
    start, previous = 0, b""
    for index, line in enumerate(lines):
        subject = line.split(b" ", 1)[0]
        if subject != previous:
            if previous:
                ranges[previous] = (start, index)
            start, previous = index, subject
    if previous:
        ranges[previous] = (start, len(lines))
    return ranges


def _selected(spec: DumpSpec, graph: str) -> bool:
    from spkg.export.dumps import SELECTORS

    return SELECTORS[spec.part](graph)
