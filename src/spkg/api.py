"""spkg from Python: build a knowledge graph from ILO texts, open it, and ask it questions.

A small, typed, keyword-only facade over the stages (ingest, reason, validate, query,
export, push, serve), in the style of pyoxigraph's API. Everything here is re-exported
from :mod:`spkg`, and every example below runs as a test (tests/test_api.py).

Open a build (``./dist`` when it holds one, else the bundled seeds' build, made once) and
ask one of the stored questions, its parameters bound as RDF terms:

>>> import spkg
>>> with spkg.open() as graph:
...     answer = graph.query(stored="located-in", params={"place": "Pakistan"})
>>> "thing" in answer.variables and len(answer.rows) > 0
True

Or any SPARQL:

>>> with spkg.open() as graph:
...     graph.query("ASK { ?s a <https://w3id.org/spkg/ontology#Programme> }").boolean
True

Build a graph from a folder of one's own documents (plain UTF-8 ``.txt`` files):

>>> import pathlib, shutil, tempfile
>>> docs = pathlib.Path(tempfile.mkdtemp())
>>> _ = shutil.copy(spkg.paths.sources_dir() / "001_0844c7bbfea795f9.txt", docs)
>>> summary = spkg.build_graph(docs, out=docs / "out")
>>> summary.documents, summary.violations
(1, 0)
>>> with spkg.open(docs / "out") as graph:
...     graph.documents()
['https://w3id.org/spkg/id/document/001-0844c7bbfea795f9']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

    from spkg.build import BuildSummary
    from spkg.ingest.pipeline import IngestResult
    from spkg.queries.catalogue import StoredQuery
    from spkg.remote.push import PushReport
    from spkg.store.base import QueryResult
    from spkg.store.build_dir import Build, Manifest
    from spkg.store.update import UpdateSummary
    from spkg.validate.report import ValidationResult

# Names that no submodule of spkg has: importing spkg.build or spkg.ingest sets those
# attributes of the package to the modules, which would hide functions of the same name.
__all__ = ["Graph", "add_documents", "build_graph", "load_dataset", "open", "read_documents",
           "remove_documents", "stored_queries"]


def build_graph(
    sources: Path | str | Sequence[Path | str],
    *,
    out: Path | str = "dist",
    engine: str | None = None,
    allow_invalid: bool = False,
    curation: Path | str | None = None,
    progress: bool = False,
) -> BuildSummary:
    """Ingest documents, reason, validate and write the build (store, dumps, manifest).

    ``sources``: files or folders of ``.txt`` documents. A document whose graph violates a
    shape is held back (``summary.held_back``); ``allow_invalid`` exports it anyway. The
    folder ``out`` is replaced whole, never left half written.
    """
    from spkg.build import build as run_build

    return run_build(Path(out), sources=_paths(sources), engine=engine,
                     allow_invalid=allow_invalid, progress=progress,
                     curation=Path(curation) if curation is not None else None)


def read_documents(sources: Path | str | Sequence[Path | str], *,
           strict: bool = False) -> IngestResult:
    """Read documents into one named graph each (no reasoning, no validation).

    >>> import spkg
    >>> result = spkg.read_documents(spkg.paths.sources_dir() / "000_d088c9348fb0c60c.txt")
    >>> len(result.documents)
    1
    """
    from spkg.ingest import ingest_paths

    return ingest_paths(_paths(sources), strict=strict, progress=False)


def open(path: Path | str | None = None, *, progress: bool = False) -> Graph:
    """Open a build for reading: ``path``, else ``./dist`` if it holds one, else the bundled
    seeds' build (made on first use in the user's cache)."""
    from spkg.store.build_dir import Build
    from spkg.store.resolve import resolve_build

    folder = resolve_build(Path(path) if path is not None else None, progress=progress)
    return Graph(Build(folder))


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

    with open_build(Path(graph) if graph is not None else None, progress=progress) as build:
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
        from spkg.dataset import load_from_build
        from spkg.validate import load_shapes, validate_dataset

        graph = load_shapes(Path(shapes) if shapes is not None else None)
        return validate_dataset(load_from_build(self._build), shapes=graph, workers=workers)

    def export(self, out: Path | str, *, base_url: str | None = None) -> list[Path]:
        """Write the dumps and the VoID/DCAT description into ``out``; URLs in the
        description come from ``base_url`` (default https://w3id.org/spkg/)."""
        from spkg.export import export_canonical
        from spkg.export.canonical import CanonicalDataset
        from spkg.export.void import DEFAULT_BASE_URL

        base = (base_url or DEFAULT_BASE_URL).rstrip("/") + "/"
        data = CanonicalDataset.from_quads(self.quads())
        return export_canonical(data, Path(out), progress=False, endpoint=base + "sparql",
                                download_base=base + "dist/")

    def push(self, endpoint: str, *, store: str = "generic", replace: bool = False,
             user: str | None = None, password: str | None = None,
             inferred: bool = True) -> PushReport:
        """Send every graph to a SPARQL 1.1 store (Oxigraph server, Virtuoso, Fuseki …),
        graph by graph, and compare what the store then holds with what was sent."""
        from spkg.dataset import load_from_build
        from spkg.remote.push import push_dataset
        from spkg.store.remote import RemoteStore

        dataset = load_from_build(self._build, with_inferred=inferred)
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


def add_documents(graph: Path | str, sources: Path | str | Sequence[Path | str], *,
        curation: Path | str | None = None) -> UpdateSummary:
    """Ingest new or changed documents into the build in ``graph``; the result equals a
    full build of the same documents. The folder is swapped whole."""
    from spkg.store.update import add_documents as add

    return add(Path(graph), _paths(sources), progress=False,
                         curation=Path(curation) if curation is not None else None)


def remove_documents(graph: Path | str, documents: Sequence[str]) -> UpdateSummary:
    """Take documents (graph IRI, source path or file name) out of the build in ``graph``,
    with everything that was inferred from them."""
    from spkg.store.update import remove_documents as remove

    return remove(Path(graph), list(documents), progress=False)


def _paths(sources: Path | str | Sequence[Path | str]) -> list[Path]:
    if isinstance(sources, (str, Path)):
        return [Path(sources)]
    return [Path(source) for source in sources]

