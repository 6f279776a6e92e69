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
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

    from spkg.build import BuildSummary
    from spkg.export.canonical import CanonicalDataset
    from spkg.ingest.pipeline import IngestResult
    from spkg.queries.catalogue import StoredQuery
    from spkg.remote.push import PushReport
    from spkg.server.curation_pages import CurationSite
    from spkg.store.base import QueryResult
    from spkg.store.build_dir import Build, Manifest
    from spkg.store.update import UpdateSummary
    from spkg.validate.report import ValidationResult

# Names that no submodule of spkg has: importing spkg.build or spkg.ingest sets those
# attributes of the package to the modules, which would hide functions of the same name.
__all__ = ["Graph", "add_documents", "build_graph", "export_graph", "load_dataset", "open",
           "push_graph", "read_documents", "remove_documents", "serve_graph", "stored_queries"]


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
    seeds' build (made on first use in the user's cache). ``progress`` says on standard
    error which build is read."""
    from spkg.store.resolve import open_build

    return Graph(open_build(Path(path) if path is not None else None, progress=progress))


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

        graph = load_shapes(Path(shapes) if shapes is not None else None)
        return validate_dataset(self.dataset(), shapes=graph, workers=workers)

    def export(self, out: Path | str, *, base_url: str | None = None) -> list[Path]:
        """Write the dumps and the VoID/DCAT description into ``out``; URLs in the
        description come from ``base_url`` (default https://w3id.org/spkg/)."""
        from spkg.export.canonical import CanonicalDataset

        return _write_dumps(CanonicalDataset.from_quads(self.quads()), Path(out),
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


def export_graph(out: Path | str, *, graph: Path | str | None = None,
                 files: Sequence[Path | str] | None = None, site: bool = False,
                 base_url: str | None = None, endpoint: str | None = None,
                 progress: bool = False) -> list[Path]:
    """Write the dumps (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML), the VoID/DCAT
    description and the JSON-LD context into ``out``, and with ``site`` the resource pages
    as a static site in ``out/site``; return the files written.

    The data: the document graphs in ``files`` with the bundled ontology and reference data,
    reasoned over; else the build ``graph`` (found as :func:`open` finds it). ``out`` is
    written beside and swapped in whole; a folder holding another build is refused, and so
    is one holding other files. URLs in void.ttl come from ``base_url`` (default
    https://w3id.org/spkg/): the endpoint ``BASE/sparql`` unless ``endpoint`` is given, the
    downloads under ``BASE/dist/``.

    >>> import pathlib, tempfile
    >>> import spkg
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "dumps"
    >>> written = spkg.export_graph(out, base_url="https://example.org/sp/")
    >>> sorted(path.name for path in written if path.name.startswith("spkg."))
    ['spkg.jsonld', 'spkg.nq', 'spkg.nt', 'spkg.rdf', 'spkg.trig', 'spkg.ttl']
    >>> "<https://example.org/sp/sparql>" in (out / "void.ttl").read_text()
    True
    """
    from spkg.export.canonical import CanonicalDataset
    from spkg.store.build_dir import is_build
    from spkg.store.publish import check_output
    from spkg.store.resolve import resolve_build

    output = Path(out)
    source = None if files else resolve_build(_path(graph), progress=progress)
    _refuse_other_build(output, source)
    if not is_build(output):
        check_output(output)  # before the work: other files there would be deleted
    if files:
        from spkg.server.load import load_quads

        data = CanonicalDataset.from_quads(load_quads([Path(file) for file in files]))
    else:
        with open(source, progress=progress) as opened:
            data = CanonicalDataset.from_quads(opened.quads())
    with _export_target(output) as folder:
        written = _write_dumps(data, folder, base_url=base_url, endpoint=endpoint,
                               progress=progress, shown_as=output)
        if site:
            from spkg.site import write_site

            written += write_site(list(data.quads()), folder / "site", progress=progress,
                                  shown_as=output / "site")
    return written


def push_graph(url: str, *, files: Sequence[Path | str] | None = None, inferred: bool = True,
               store: str = "generic", query_url: str | None = None,
               update_url: str | None = None, gsp_url: str | None = None,
               user: str | None = None, password: str | None = None, auth: str | None = None,
               timeout: float = 60.0, retries: int = 5, replace: bool = False,
               batch_size: int = 10_000, blank_nodes: str = "replace",
               progress: bool = False) -> PushReport:
    """Send the graph to a SPARQL 1.1 store and check what it then holds, graph by graph.

    The graph: the bundled ontology and reference data with the committed document graphs
    (or ``files``), reasoned over (``inferred=False``: the asserted graphs only). ``store``
    is the endpoint layout (``oxigraph``, ``virtuoso``, ``fuseki`` or ``generic``);
    ``query_url``, ``update_url`` and ``gsp_url`` override it. ``replace`` drops each graph
    before sending it; ``blank_nodes="skolemise"`` merges graphs with blank nodes instead.
    Requests are retried ``retries`` times on connection errors and 5xx. The report's
    ``ok`` is false when a count check failed; a store that fails raises
    :class:`spkg.SpkgError`, and so does a bad URL, before anything is loaded:

    >>> import spkg
    >>> spkg.push_graph("127.0.0.1:7878")
    Traceback (most recent call last):
    spkg.errors.StoreError: store URL '127.0.0.1:7878' is not an http(s) URL (no scheme: ...)
    """
    from spkg.dataset import load_built
    from spkg.remote.http import RetryPolicy
    from spkg.remote.push import push_dataset
    from spkg.store.remote import RemoteStore

    remote = RemoteStore(url, store=store, query_url=query_url, update_url=update_url,
                         gsp_url=gsp_url, user=user, password=password, auth=auth,
                         timeout=timeout, retry=RetryPolicy(tries=max(1, retries)))
    dataset = load_built([Path(file) for file in files] if files else None,
                         with_inferred=inferred)
    with remote:
        return push_dataset(dataset, remote, replace=replace, batch_size=batch_size,
                            progress=progress, blank_nodes=blank_nodes)


def serve_graph(*, graph: Path | str | None = None, files: Sequence[Path | str] | None = None,
                host: str = "127.0.0.1", port: int = 8000, allow_update: bool = False,
                timeout: float = 10.0, max_rows: int = 10_000, max_body: int = 1_000_000,
                max_query: int = 65_536, max_answer: int = 16_000_000,
                stream_after: int = 1_048_576, answer_cache: int = 0, workers: int = 2,
                allow_hosts: Sequence[str] = (), token: str | None = None,
                sandbox: bool = True, curation: Path | str | None = None, by: str | None = None,
                progress: bool = False) -> None:
    """Serve the graph until stopped: the SPARQL 1.1 Protocol at ``/sparql`` and a page for
    every spkg IRI (docs/how-to/serve.md says what each option limits).

    The graph: the build ``graph`` (found as :func:`open` finds it; its store is opened
    read-only, not loaded), else the document graphs in ``files``. ``answer_cache`` is in
    bytes (0: off); ``allow_hosts`` are Host names served besides the bound address and
    loopback names; ``token`` is the Bearer token updates need. ``curation`` is the file
    the review page's buttons write (default: curation.ttl beside the build's documents),
    ``by`` the curator the acts name. Raises :class:`spkg.SpkgError` when the server cannot
    start; a limit that is not positive is refused before anything is loaded:

    >>> import spkg
    >>> spkg.serve_graph(workers=0)
    Traceback (most recent call last):
    spkg.errors.InputError: timeout, max_rows, ... and workers must be positive
    """
    from spkg.errors import InputError, SpkgError
    from spkg.server.app import build_state, create_app
    from spkg.server.guard import allowed_hosts
    from spkg.server.run import serve
    from spkg.server.state import ServerConfig

    if min(timeout, max_rows, max_body, max_query, max_answer, stream_after, workers) <= 0:
        raise InputError("timeout, max_rows, max_body, max_query, max_answer, stream_after "
                         "and workers must be positive")
    config = ServerConfig(timeout=timeout, max_rows=max_rows, max_body=max_body,
                          allow_update=allow_update, workers=workers, max_query=max_query,
                          max_answer=max_answer, stream_after=stream_after,
                          answer_cache=max(0, answer_cache), sandbox=sandbox,
                          hosts=allowed_hosts(host, list(allow_hosts)), update_token=token)
    if files:
        from spkg.server.load import load_quads

        state = build_state(load_quads([Path(file) for file in files]), config)
        folder, sources, documents = None, {}, {}
    else:  # the build's on-disk store, opened read-only: starting is opening, not loading
        from spkg.store.build_dir import STORE_DIR

        with open(graph, progress=progress) as opened:
            folder, sources = opened.path, opened.sources()
            documents = opened.manifest.documents
        state = build_state(None, config, store_path=folder / STORE_DIR)
    state.extra["curation"] = _curation_site(folder, files, sources, documents,
                                             curation=curation, by=by)
    try:
        started = serve(create_app(state), host=host, port=port, sandbox=config.sandbox)
    finally:
        state.close()
    if not started:
        raise SpkgError(f"could not listen on {host}:{port}")


def _curation_site(folder: Path | None, files: Sequence[Path | str] | None,
                   sources: dict[str, Path], documents: dict[str, dict[str, str]], *,
                   curation: Path | str | None, by: str | None) -> CurationSite:
    """Where the pages' curation buttons write, and the graphs their acts are checked
    against (loaded on the first /review, not at start)."""
    from spkg.curation.acts import default_curator
    from spkg.server.curation_pages import CurationSite, default_file

    def load() -> tuple[Dataset, dict[str, Path]]:
        if folder is None:
            return load_dataset(files=files), {}
        from spkg.store.build_dir import Build

        with Graph(Build(folder)) as opened:
            return opened.dataset(inferred=False), sources

    file = Path(curation) if curation is not None else default_file(documents)
    return CurationSite(file=file, by=(by or default_curator()).strip(), load=load)


def _write_dumps(data: CanonicalDataset, folder: Path, *, base_url: str | None,
                 endpoint: str | None, progress: bool, shown_as: Path | None) -> list[Path]:
    from spkg.export import export_canonical
    from spkg.export.void import DEFAULT_BASE_URL

    base = (base_url or DEFAULT_BASE_URL).rstrip("/") + "/"
    return export_canonical(data, folder, progress=progress,
                            endpoint=endpoint or base + "sparql",
                            download_base=base + "dist/", shown_as=shown_as)


@contextmanager
def _export_target(output: Path) -> Iterator[Path]:
    """Where to write: a folder beside ``output`` swapped in whole (a killed export leaves
    the old one), or, into the build being exported, the build itself, file by file."""
    from spkg.store.build_dir import is_build
    from spkg.store.publish import build_outputs
    from spkg.store.swap import staged

    if is_build(output):  # the same build (others are refused): its own dumps again
        yield output
        return
    with staged(output, allowed=build_outputs()) as folder:
        yield folder


def _refuse_other_build(output: Path, source: Path | None) -> None:
    """Dumps written into a build folder from other data would disagree with its store."""
    from spkg.errors import InputError
    from spkg.store.build_dir import is_build

    if is_build(output) and (source is None or source.resolve() != output.resolve()):
        raise InputError("holds a build; its dumps change with `spkg build`, `spkg add` and "
                         "`spkg remove` (export to another folder)", path=output)


def _path(path: Path | str | None) -> Path | None:
    return Path(path) if path is not None else None


def _paths(sources: Path | str | Sequence[Path | str]) -> list[Path]:
    if isinstance(sources, (str, Path)):
        return [Path(sources)]
    return [Path(source) for source in sources]

