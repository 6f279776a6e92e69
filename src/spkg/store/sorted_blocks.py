"""Blocks of a dump file in the order of their keys, found by bisection over byte offsets.

Every dump of a build is written in a known order: N-Triples lines sorted, N-Quads lines
by graph then line, TriG and JSON-LD by graph IRI, Turtle and RDF/XML by subject (the
order of the sorted N-Triples lines). So the block of a key, or the place where it would
go, is found by bisecting the file's bytes: at a byte offset, find the next block start,
read its key, compare. A change of a few blocks then costs a few dozen probes and a copy
of the bytes between them, not a parse of the file.

Keys are bytes compared as bytes; a caller gives each block's key in the order the file
was written in (see the key functions below).
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class Unsplicable(Exception):
    """The old file is not as expected: write the dump anew (splicing only saves time)."""


Key = Callable[[bytes | mmap.mmap, int], bytes]


class SortedBlocks:
    """The blocks of ``data[begin:end]``; ``starts`` finds the first block start from an
    offset; ``key(data, start)`` reads a block's key."""

    def __init__(self, data: bytes | mmap.mmap, *, begin: int, end: int,
                 starts: Callable[[int], int], key: Key) -> None:
        self.data = data
        self.begin = begin
        self.end = end
        self._starts = starts
        self._key = key

    def next_start(self, pos: int) -> int:
        """The first block start at or after ``pos`` (``end`` when there is none)."""
        found = self._starts(max(pos, self.begin))
        return self.end if found < 0 or found >= self.end else found

    def key(self, start: int) -> bytes:
        return self._key(self.data, start)

    def lower_bound(self, key: bytes, lo: int | None = None) -> int:
        """The first block whose key is ``>= key`` (``end`` if none), searching from ``lo``."""
        return self._bisect(lambda k: k >= key, lo)

    def upper_bound(self, key: bytes, lo: int | None = None) -> int:
        """The first block whose key is ``> key`` (``end`` if none), searching from ``lo``."""
        return self._bisect(lambda k: k > key, lo)

    def _bisect(self, wanted: Callable[[bytes], bool], lo: int | None) -> int:
        low = self.begin if lo is None else lo
        high = self.end
        while low < high:
            mid = (low + high) // 2
            start = self.next_start(mid)
            if start == self.end or wanted(self.key(start)):
                high = mid
            else:
                low = start + 1
        return self.next_start(low)


@contextmanager
def mapped(path: Path) -> Iterator[bytes | mmap.mmap]:
    """The file's bytes, mapped (an empty file gives b"")."""
    with path.open("rb") as handle:
        if path.stat().st_size == 0:
            yield b""
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            yield data


def line_starts(data: bytes | mmap.mmap) -> Callable[[int], int]:
    """Where the first line at or after an offset starts."""
    def starts(pos: int) -> int:
        if pos == 0 or data[pos - 1:pos] == b"\n":
            return pos
        found = data.find(b"\n", pos)
        return -1 if found < 0 else found + 1

    return starts


def pattern_starts(data: bytes | mmap.mmap, pattern: re.Pattern[bytes]) -> Callable[[int], int]:
    """Where the first match of ``pattern`` (its group 1) at or after an offset starts."""
    def starts(pos: int) -> int:
        match = pattern.search(data, pos)
        return -1 if match is None else match.start(1)

    return starts


def marker_starts(data: bytes | mmap.mmap, marker: bytes, *, not_then: bytes = b""
                  ) -> Callable[[int], int]:
    """Where the first line at or after an offset that starts with ``marker`` (and not with
    ``marker`` and a byte of ``not_then``) starts: a find in C, where a regex search was
    ten times slower over the long blocks of a TriG graph."""
    def wanted(at: int) -> bool:
        following = data[at + len(marker):at + len(marker) + 1]
        return not (following and following in not_then)

    def starts(pos: int) -> int:
        if pos == 0 and data[:len(marker)] == marker and wanted(0):
            return 0
        at = max(pos - 1, 0)
        while True:
            found = data.find(b"\n" + marker, at)
            if found < 0:
                return -1
            if wanted(found + 1):
                return found + 1
            at = found + 1

    return starts


def subject_starts(data: bytes | mmap.mmap, *, indent: bytes = b"") -> Callable[[int], int]:
    """Where the first line at or after an offset that starts a Turtle subject starts:
    ``indent`` then neither a space, a tab, nor "@" (a prefix)."""
    lines = line_starts(data)
    skip = (b" ", b"\t", b"@", b"\n", b"}")

    def starts(pos: int) -> int:
        at = lines(pos)
        while 0 <= at < len(data):
            if data[at:at + len(indent)] == indent and \
                    data[at + len(indent):at + len(indent) + 1] not in skip:
                return at
            following = data.find(b"\n", at)
            at = -1 if following < 0 else following + 1
        return -1

    return starts


def line_at(data: bytes | mmap.mmap, start: int) -> bytes:
    end = data.find(b"\n", start)
    return bytes(data[start:end if end >= 0 else len(data)])


def line_key(data: bytes | mmap.mmap, start: int) -> bytes:
    """An N-Triples line is its own key."""
    return line_at(data, start)


def graph_key(data: bytes | mmap.mmap, start: int) -> bytes:
    """An N-Quads line's graph IRI (the last term: IRIs hold no space)."""
    line = line_at(data, start)
    if not line.endswith(b"> ."):
        raise Unsplicable(f"not a quad of a named graph: {line[:80]!r}")
    return line[line.rindex(b" <") + 2:-3]


def nt_lines(data: bytes | mmap.mmap) -> SortedBlocks:
    return SortedBlocks(data, begin=0, end=len(data), starts=line_starts(data), key=line_key)


def nq_graphs(data: bytes | mmap.mmap) -> SortedBlocks:
    return SortedBlocks(data, begin=0, end=len(data), starts=line_starts(data), key=graph_key)


def graph_region(blocks: SortedBlocks, iri: bytes) -> tuple[int, int]:
    """The byte range of a graph's lines in canonical N-Quads (empty where it has none)."""
    start = blocks.lower_bound(iri)
    return start, blocks.upper_bound(iri, start)


def subject_lines(blocks: SortedBlocks, subject: bytes) -> list[bytes]:
    """The lines of sorted N-Triples whose subject is ``subject`` (N-Triples text)."""
    prefix = subject + b" "
    position = blocks.lower_bound(prefix)
    found: list[bytes] = []
    while position < blocks.end:
        line = line_at(blocks.data, position)
        if not line.startswith(prefix):
            break
        found.append(line)
        position += len(line) + 1
    return found
