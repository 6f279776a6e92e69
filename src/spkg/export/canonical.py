"""A dataset in canonical form: RDFC-1.0 blank node labels, each graph as sorted N-Triples lines.

Lines of bytes rather than Python quad objects: a list of 1.2 million pyoxigraph quads took
~0.7 KB a quad and sorting it by a tuple of four strings ~2 KB more, which made export the
peak of a million-triple build. A line is its own sort key, and turns back into quads by
streaming it through pyoxigraph's parser. Same input, same lines: the basis of
byte-for-byte reproducible dumps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Dataset

from spkg.rdfcore.terms import OxGraphName, graph_name_to_ox, to_ox

DEFAULT_GRAPH = ""  # the graph IRI a selector sees for the default graph
TERM_CACHE_SIZE = 100_000


def graph_iri(name: OxGraphName) -> str:
    """A graph name as the string selectors compare: its IRI, '' for the default graph."""
    return DEFAULT_GRAPH if isinstance(name, ox.DefaultGraph) else name.value


class CanonicalDataset:
    """Every graph of a dataset as sorted N-Triples lines (no newline), graphs in IRI order."""

    def __init__(self, lines_by_graph: dict[OxGraphName, list[bytes]]) -> None:
        self._graphs = dict(sorted(lines_by_graph.items(),
                                   key=lambda item: graph_iri(item[0])))

    @classmethod
    def from_quads(cls, quads: Iterable[ox.Quad]) -> CanonicalDataset:
        by_graph: dict[OxGraphName, list[ox.Triple]] = defaultdict(list)
        for quad in quads:
            by_graph[quad.graph_name].append(quad.triple)
        builder = _Builder()
        for name, triples in by_graph.items():
            builder.add_graph(name, triples)
        return builder.finish()

    @classmethod
    def from_rdflib(cls, dataset: Dataset) -> CanonicalDataset:
        """Convert an rdflib Dataset, graph by graph (the lines take a tenth of its memory)."""
        cache: dict[object, object] = {}  # predicates, classes, entities repeat: convert once

        def term(node: object) -> object:
            converted = cache.get(node)
            if converted is None:
                if len(cache) > TERM_CACHE_SIZE:
                    cache.clear()
                converted = cache[node] = to_ox(node)  # type: ignore[arg-type]
            return converted

        builder = _Builder()
        for graph in list(dataset.graphs()):
            builder.add_graph(graph_name_to_ox(graph.identifier),
                              (ox.Triple(term(s), term(p), term(o))  # type: ignore[arg-type]
                               for s, p, o in graph))
        return builder.finish()

    def __len__(self) -> int:
        return sum(len(lines) for lines in self._graphs.values())

    def graph_names(self) -> list[OxGraphName]:
        return list(self._graphs)

    def select(self, keep: Iterable[str] | None = None) -> list[OxGraphName]:
        """The graph names whose IRI is in ``keep`` (every graph when None), in order."""
        if keep is None:
            return self.graph_names()
        wanted = set(keep)
        return [name for name in self._graphs if graph_iri(name) in wanted]

    def lines(self, name: OxGraphName) -> list[bytes]:
        return self._graphs[name]

    def nquads_lines(self, names: Iterable[OxGraphName]) -> Iterator[bytes]:
        """The quads of these graphs as N-Quads lines (no newline), in canonical order."""
        for name in names:
            lines = self._graphs[name]
            if isinstance(name, ox.DefaultGraph):
                yield from lines
                continue
            suffix = b" " + str(name).encode("utf-8") + b" ."
            for line in lines:
                yield line[:-2] + suffix  # a line ends " ."

    def quads(self, names: Iterable[OxGraphName] | None = None) -> Iterator[ox.Quad]:
        """The quads of these graphs (all when None), parsed back graph by graph."""
        for name in self.graph_names() if names is None else names:
            text = b"\n".join(self.nquads_lines([name]))
            yield from ox.parse(text, format=ox.RdfFormat.N_QUADS)

    def merged_lines(self, names: Iterable[OxGraphName]) -> list[bytes]:
        """The union of these graphs as distinct N-Triples lines, sorted."""
        unique: set[bytes] = set()
        for name in names:
            unique.update(self._graphs[name])
        return sorted(unique)


class _Builder:
    """Collects N-Triples lines graph by graph; quads with blank nodes wait for RDFC-1.0.

    A blank node's canonical label depends only on the quads that mention blank nodes, so
    only those go through pyoxigraph's Dataset (about 1 KB a quad): the rest are written
    out as text at once.
    """

    def __init__(self) -> None:
        self.lines: dict[OxGraphName, list[bytes]] = defaultdict(list)
        self.blank: list[ox.Quad] = []

    def add_graph(self, name: OxGraphName, triples: Iterable[ox.Triple]) -> None:
        def without_blank_nodes() -> Iterator[ox.Triple]:
            for triple in triples:
                if (isinstance(name, ox.BlankNode) or isinstance(triple.subject, ox.BlankNode)
                        or isinstance(triple.object, ox.BlankNode)):
                    self.blank.append(ox.Quad(triple.subject, triple.predicate, triple.object,
                                              name))
                else:
                    yield triple

        self.lines[name].extend(_ntriples(without_blank_nodes()))

    def finish(self) -> CanonicalDataset:
        relabelled = ox.Dataset(self.blank)
        relabelled.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        by_graph: dict[OxGraphName, list[ox.Triple]] = defaultdict(list)
        for quad in relabelled:
            by_graph[quad.graph_name].append(quad.triple)
        for name, triples in by_graph.items():
            self.lines[name].extend(_ntriples(triples))
        return CanonicalDataset({name: sorted(set(lines))
                                 for name, lines in self.lines.items() if lines})


def _ntriples(triples: Iterable[ox.Triple]) -> list[bytes]:
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").splitlines()
