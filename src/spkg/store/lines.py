"""A build's canonical N-Quads read back as graphs of lines, without parsing a term.

``spkg.nq`` and ``ingested.nq`` are written by CanonicalDataset.nquads_lines: graph after
graph in IRI order, each graph's N-Triples lines sorted, the graph name appended. So each
line splits at its last two spaces into the N-Triples line and the graph name, and the
lines regroup into the CanonicalDataset they were written from (every quad of a build is
in a named graph; a default-graph line would read as a quad, so callers check there is
none). At a million quads this takes seconds where parsing took tens.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from spkg.errors import InputError
from spkg.export.canonical import CanonicalDataset, graph_iri
from spkg.rdfcore.terms import OxGraphName

TAIL = b" ."


def read_graphs(path: Path) -> dict[str, list[bytes]]:
    """The N-Triples lines of each graph (by IRI) of a canonical N-Quads file, in order."""
    graphs: dict[str, list[bytes]] = {}
    current: list[bytes] = []
    current_name = b""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None
    for number, line in enumerate(data.splitlines(), 1):
        head, name, dot = line.rsplit(b" ", 2)
        if dot != b"." or not (name.startswith(b"<") and name.endswith(b">")):
            raise InputError(f"line {number} is not a quad of a named graph (build it again)",
                             path=path)
        if name != current_name:
            current_name = name
            iri = name[1:-1].decode("utf-8")
            if iri in graphs:
                raise InputError(f"line {number}: graph {iri} is not contiguous "
                                 "(not written by spkg; build it again)", path=path)
            current = graphs[iri] = []
        current.append(head + TAIL)
    return graphs


def canonical(graphs: Mapping[str, list[bytes]]) -> CanonicalDataset:
    """The CanonicalDataset of graphs of sorted lines (empty graphs left out)."""
    return CanonicalDataset({ox.NamedNode(iri): lines for iri, lines in graphs.items() if lines})


def lines_of(data: CanonicalDataset) -> dict[str, list[bytes]]:
    """The graphs of ``data`` by IRI (each graph's lines, as they are)."""
    return {graph_iri(name): data.lines(name) for name in data.graph_names()}


def merge(old: list[bytes], add: Iterable[bytes] = (), drop: Iterable[bytes] = ()
          ) -> list[bytes]:
    """``old`` (sorted, distinct) with lines added and dropped, sorted and distinct again."""
    return sorted((set(old) | set(add)) - set(drop))


def graph_name(iri: str) -> OxGraphName:
    return ox.NamedNode(iri)


class GraphsOnDisk:
    """The graphs of a canonical N-Quads file, each read when asked for (by bisection).

    ``spkg add`` needs the background, the inferred graph and the few documents the new
    ones join; reading the lines of a million quads for them took seconds.
    """

    def __init__(self, path: Path) -> None:
        import mmap

        from spkg.store.sorted_blocks import nq_graphs

        self.path = path
        try:
            with path.open("rb") as handle:
                self._data: bytes | mmap.mmap = (
                    mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                    if path.stat().st_size else b"")
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", path=path) from None
        self._graphs = nq_graphs(self._data)

    def get(self, iri: str, default: list[bytes] | None = None) -> list[bytes]:
        """The graph's N-Triples lines, in order ([] where the file has none)."""
        from spkg.store.sorted_blocks import Unsplicable, graph_region

        try:
            start, end = graph_region(self._graphs, iri.encode("utf-8"))
        except Unsplicable as error:
            raise InputError(f"{error} (build it again)", path=self.path) from None
        suffix = len(iri.encode("utf-8")) + 5  # " <iri> ."
        return [line[:-suffix] + TAIL
                for line in bytes(self._data[start:end]).splitlines()] or (default or [])

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, str) and bool(self.get(iri))
