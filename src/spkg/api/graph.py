"""Open a build and read it: :func:`open`, :class:`Graph`, :func:`load_dataset`,
:func:`stored_queries`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

    from spkg.export.canonical import CanonicalDataset
    from spkg.queries.catalogue import StoredQuery
    from spkg.remote.push import PushReport
    from spkg.store.base import QueryResult
    from spkg.store.build_dir import Build, Manifest
    from spkg.validate.report import ValidationResult


def open(path: Path | str | None = None, *, progress: bool = False) -> Graph:
    """Open a build for reading: ``path``, else ``./dist`` if it holds one, else the bundled
    seeds' build (made on first use in the user's cache). ``progress`` says on standard
    error which build is read.

    >>> import spkg
    >>> with spkg.open() as graph:
    ...     graph.documents()[0]
    'https://w3id.org/spkg/id/document/000-d088c9348fb0c60c'
    """
    from spkg.store.resolve import open_build

    return Graph(open_build(as_path(path), progress=progress))


def load_dataset(graph: Path | str | None = None, *,
                 files: Sequence[Path | str] | None = None, inferred: bool = True,
                 progress: bool = False) -> Dataset:
    """The graph in memory as an rdflib Dataset, for the stages that work on one (reason,
    explain, why): the document graphs in ``files`` (TriG or N-Quads) with the bundled
    ontology and reference data, or else the build ``graph`` (found as :func:`open` finds
    it; its inferred graph too unless ``inferred=False``). ``progress`` says on standard
    error which build is read.

    >>> import spkg
    >>> seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))[:1]
    >>> dataset = spkg.load_dataset(files=seeds)
    >>> [str(g.identifier) for g in dataset.graphs() if "/document/" in str(g.identifier)]
    ['https://w3id.org/spkg/id/document/000-d088c9348fb0c60c']
    """
    if files:
        from spkg.dataset import load_asserted

        return load_asserted([Path(file) for file in files])
    from spkg.dataset import load_from_build
    from spkg.store.resolve import open_build

    with open_build(as_path(graph), progress=progress) as build:
        return load_from_build(build, with_inferred=inferred)


def stored_queries() -> list[StoredQuery]:
    """The stored queries (queries/*.rq), each with its summary and typed parameters.

    >>> import spkg
    >>> "results-by-sdg-target" in [q.name for q in spkg.stored_queries()]
    True
    """
    from spkg.queries import catalogue

    return list(catalogue().values())


class Graph:
    """A build opened read-only: its on-disk store, its dumps and its manifest.

    Use it as a context manager (or call :meth:`close`): the folder stays pinned while it
    is open, so a build swapped in meanwhile never mixes into what is read.
    """

    def __init__(self, opened: Build) -> None:
        self._build = opened

    @property
    def path(self) -> Path:
        """The build folder."""
        return self._build.folder

    @property
    def manifest(self) -> Manifest:
        """What the build was made from (inputs and their hashes) and what it holds."""
        return self._build.manifest

    @property
    def store(self) -> ox.Store:
        """The pyoxigraph store itself, read-only, for anything the facade does not cover."""
        return self._build.store

    def documents(self) -> list[str]:
        """The named graphs read from documents, one per document."""
        return sorted(self.manifest.documents)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the build, exactly as built."""
        return self._build.quads()

    def dataset(self, *, inferred: bool = True) -> Dataset:
        """The build's graphs as an rdflib Dataset, literals exactly as built; the inferred
        graph too unless ``inferred=False``.

        >>> import spkg
        >>> with spkg.open() as graph:
        ...     len(graph.dataset(inferred=False)) > 0
        True
        """
        from spkg.dataset import load_from_build

        return load_from_build(self._build, with_inferred=inferred)

    def sources(self) -> dict[str, Path]:
        """Where each document graph was read from: graph IRI → the source file."""
        return {iri: Path(entry["path"]) for iri, entry in self.manifest.documents.items()
                if "path" in entry}

    def query(
        self,
        sparql: str | None = None,
        *,
        stored: str | None = None,
        params: Mapping[str, str] | None = None,
        inferred: bool = True,
        timeout: float | None = 60.0,
        limit: int | None = None,
    ) -> QueryResult:
        """Run SPARQL text, or a stored query by name with ``params`` bound as RDF terms
        (a place, organisation or target by IRI, label or code, as the query declares).

        ``inferred=False`` leaves the inferred graph out. Raises :class:`spkg.QueryError`
        for a bad query, parameter or time-out.
        """
        from spkg.errors import QueryError
        from spkg.namespace import INFERRED_GRAPH
        from spkg.queries import find_query, run_stored, run_text
        from spkg.store.oxigraph import OxigraphStore

        if (sparql is None) == (stored is None):
            raise QueryError("give either SPARQL text or stored=NAME")
        if params and stored is None:
            raise QueryError("params work with stored queries only")
        store = OxigraphStore(store=self.store,
                              hide=[] if inferred else [str(INFERRED_GRAPH)])
        if stored is not None:
            return run_stored(store, find_query(stored), dict(params or {}),
                              timeout=timeout, limit=limit)
        return run_text(store, sparql or "", timeout=timeout, limit=limit)

    def validate(self, *, shapes: Path | str | None = None,
                 workers: int | None = None) -> ValidationResult:
        """Check the build's graphs against the SHACL shapes (the bundled ones by default)."""
        from spkg.validate import load_shapes, validate_dataset

        graph = load_shapes(as_path(shapes))
        return validate_dataset(self.dataset(), shapes=graph, workers=workers)

    def export(self, out: Path | str, *, base_url: str | None = None) -> list[Path]:
        """Write the dumps and the VoID/DCAT description into ``out``; URLs in the
        description come from ``base_url`` (default https://w3id.org/spkg/)."""
        from spkg.export.canonical import CanonicalDataset

        return write_dumps(CanonicalDataset.from_quads(self.quads()), Path(out),
                           base_url=base_url, endpoint=None, progress=False, shown_as=None)

    def push(self, endpoint: str, *, store: str = "generic", replace: bool = False,
             user: str | None = None, password: str | None = None,
             inferred: bool = True) -> PushReport:
        """Send every graph to a SPARQL 1.1 store (Oxigraph server, Virtuoso, Fuseki …),
        graph by graph, and compare what the store then holds with what was sent."""
        from spkg.remote.push import push_dataset
        from spkg.store.remote import RemoteStore

        dataset = self.dataset(inferred=inferred)
        with RemoteStore(endpoint, store=store, user=user, password=password) as remote:
            return push_dataset(dataset, remote, replace=replace, progress=False)

    def close(self) -> None:
        """Close the build's store (also on leaving a ``with`` block)."""
        self._build.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<spkg.Graph {self.path} ({len(self.manifest.documents)} documents)>"


def write_dumps(data: CanonicalDataset, folder: Path, *, base_url: str | None,
                endpoint: str | None, progress: bool, shown_as: Path | None) -> list[Path]:
    """The dumps and void.ttl of ``data`` in ``folder`` (Graph.export and export_graph)."""
    from spkg.export import export_canonical
    from spkg.export.void import DEFAULT_BASE_URL

    base = (base_url or DEFAULT_BASE_URL).rstrip("/") + "/"
    return export_canonical(data, folder, progress=progress,
                            endpoint=endpoint or base + "sparql",
                            download_base=base + "dist/", shown_as=shown_as)


def as_path(path: Path | str | None) -> Path | None:
    """``path`` as a Path, None kept (an argument left to its default)."""
    return Path(path) if path is not None else None


def as_paths(sources: Path | str | Sequence[Path | str]) -> list[Path]:
    """One path or several, as a list of Paths."""
    if isinstance(sources, (str, Path)):
        return [Path(sources)]
    return [Path(source) for source in sources]
