"""Assemble the dataset: ontology, reference vocabularies and document graphs as named graphs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, URIRef

from spkg import paths
from spkg.namespace import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.prefixes import bind_prefixes
from spkg.rdfio import parse_into

if TYPE_CHECKING:
    from spkg.rdfcore import parsecache
    from spkg.store.build_dir import Build

BACKGROUND_GRAPHS = (ONTOLOGY_GRAPH, REFERENCE_GRAPH)


def new_dataset() -> Dataset:
    # default_union lets a query without GRAPH see every named graph at once.
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    return dataset


def background_files() -> list[Path]:
    """Every file the background is made of: ontology, reference data, their patches."""
    from spkg.patches import patch_files

    return [paths.ontology_file(), *paths.reference_files(), *patch_files()]


def load_background(dataset: Dataset, *, use_cache: bool = True) -> None:
    """Add the ontology and every reference vocabulary, each into its named graph.

    The parse is kept in the user's cache, keyed by the files' bytes (spkg.rdfcore.parsecache):
    parsing them takes most of a second, reading the cached copy a fraction of it.
    """
    from spkg.rdfcore import parsecache

    parsed = (parsecache.load_or_parse("background", background_files(), _parse_background)
              if use_cache else _parse_background())
    parsecache.add_to(dataset, parsed)


def _parse_background() -> parsecache.Parsed:
    from spkg.patches import apply_patches  # third-party faults, corrected (docs/validation.md)
    from spkg.rdfcore.parsecache import Parsed, quads_of

    scratch = new_dataset()
    before = set(scratch.namespaces())
    parse_into(scratch, paths.ontology_file(), graph=ONTOLOGY_GRAPH)
    for path in paths.reference_files():
        parse_into(scratch, path, graph=REFERENCE_GRAPH)
    apply_patches(scratch.graph(REFERENCE_GRAPH))
    bound = [(prefix, str(iri)) for prefix, iri in scratch.namespaces()
             if (prefix, iri) not in before]
    return Parsed(quads_of(scratch, BACKGROUND_GRAPHS), bound)


def document_graph_files() -> list[Path]:
    """The committed graphs ingested from the bundled documents."""
    return sorted(paths.graphs_dir().glob("*.trig"))


def load_files(dataset: Dataset, files: Iterable[Path]) -> None:
    """Add data files: TriG/N-Quads keep their graph names, triples go to the default graph."""
    for path in files:
        parse_into(dataset, Path(path))


def load_asserted(files: Iterable[Path] | None = None) -> Dataset:
    """Ontology + reference + document graphs (the committed ones unless ``files`` is given).

    Given files are read first: a syntax error in one is reported before any other work.
    """
    dataset = new_dataset()
    if files is None:
        load_background(dataset)
        load_files(dataset, document_graph_files())
    else:
        load_files(dataset, files)
        load_background(dataset)
    return dataset


def document_graphs(dataset: Dataset) -> list[URIRef]:
    """Names of the graphs that hold facts read from documents."""
    skip = {*BACKGROUND_GRAPHS, INFERRED_GRAPH, dataset.default_graph.identifier}
    return sorted(
        g.identifier  # type: ignore[misc]
        for g in dataset.graphs()
        if g.identifier not in skip and len(g) > 0
    )


def count_triples(dataset: Dataset, graph_names: Iterable[URIRef]) -> int:
    return sum(len(dataset.graph(name)) for name in graph_names)


def load_built(files: Iterable[Path] | None = None, *, with_inferred: bool = True) -> Dataset:
    """The dataset every command works on by default: asserted graphs plus the inferred graph.

    Reasoning results are cached on the inputs' content, so this is cheap after the first run.
    """
    dataset = load_asserted(files)
    if with_inferred:
        from spkg.reason import add_inferred

        add_inferred(dataset, progress=False)
    return dataset


def load_from_build(build: Build, *, with_inferred: bool = True) -> Dataset:
    """A build's graphs as an rdflib Dataset (the inferred graph too unless told not).

    Read from the build's N-Quads dump, which keeps every literal's datatype exactly.
    """
    from spkg.rdfcore.nquads import read_nquads

    dataset = new_dataset()
    read_nquads(dataset, build.nquads, skip=() if with_inferred else (INFERRED_GRAPH,))
    return dataset
