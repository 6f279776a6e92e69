"""Publish the graph: :func:`export_graph` (dumps, VoID/DCAT, static site),
:func:`push_graph` (to a SPARQL 1.1 store) and :func:`serve_graph` (the endpoint and pages)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from spkg.api.graph import Graph, as_path, load_dataset, open, write_dumps

if TYPE_CHECKING:
    import argparse

    from rdflib import Dataset

    from spkg.remote.push import PushReport
    from spkg.server.curation_pages import CurationSite


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
    source = None if files else resolve_build(as_path(graph), progress=progress)
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
        written = write_dumps(data, folder, base_url=base_url, endpoint=endpoint,
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


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or name (then nothing else can reach it).

    >>> from spkg.api.publishing import is_loopback
    >>> is_loopback("127.0.0.1"), is_loopback("0.0.0.0")
    (True, False)
    """
    from spkg.server.guard import is_loopback as loopback

    return loopback(host)


def acceptor_count(requested: int | None) -> int:
    """How many acceptor processes `spkg serve` starts: ``requested``, else one per core
    (at most four)."""
    from spkg.server.acceptors import default_count

    return default_count() if requested is None else requested


def started_by_supervisor() -> bool:
    """Whether this process is an acceptor a supervisor started (its port bound already)."""
    import os

    from spkg.server.acceptors import FD_VARIABLE

    return FD_VARIABLE in os.environ


def supervise_acceptors(args: argparse.Namespace, count: int, *, sandbox: bool) -> None:
    """Bind the port and run ``count`` acceptors, each `spkg serve` with ``args`` (the
    parsed command line) on the inherited socket, until stopped."""
    from spkg.server.acceptors import supervise

    supervise(args, count, sandbox=sandbox)


def check_url(url: str, what: str = "URL") -> str:
    """``url`` if it is an absolute http(s) URL with a host; else :class:`spkg.SpkgError`,
    one line naming ``what`` (the option or argument) and the likely fix.

    >>> from spkg.api.publishing import check_url
    >>> check_url("example.org:80", "--base-url")
    Traceback (most recent call last):
    spkg.errors.StoreError: --base-url 'example.org:80' is not an http(s) URL (no scheme: ...)
    """
    from spkg.remote.presets import check_url as check

    return check(url, what)
