"""Run SPARQL as `spkg query` does: on a build's on-disk store, on RDF files or on a remote
endpoint, and render the answer as a table, CSV, TSV, JSON or Markdown.

On a build the answers stay pyoxigraph terms, so that this path never imports rdflib (its
import alone costs more than most stored queries); every import here is made on first use.

>>> import spkg
>>> "located-in" in spkg.query_listing()
True
>>> stored = spkg.find_stored_query("located-in")
>>> spkg.check_query_params(stored, {"place": "Pakistan"})
>>> store = spkg.open_query_store()
>>> answer = spkg.run_query(store, stored=stored, params={"place": "Pakistan"}, limit=1)
>>> len(answer.rows)
1
>>> spkg.render_answer(answer, "csv").splitlines()[0]
'thing,thingLabel,kind,in,inLabel'
>>> spkg.cells_cut(answer, 200)
0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spkg.queries.catalogue import StoredQuery
    from spkg.store.base import QueryResult, Store

LOCAL_STORES = ("rdflib", "oxigraph", "auto")
REMOTE_STORES = ("oxigraph", "virtuoso", "fuseki", "generic")


def query_listing() -> str:
    """The stored queries (queries/*.rq), their summaries and parameters, as text."""
    from spkg.queries.listing import listing

    return listing()


def find_stored_query(name: str) -> StoredQuery:
    """The stored query called ``name`` (QueryError naming the known ones if none is)."""
    from spkg.queries import find_query

    return find_query(name)


def check_query_params(stored: StoredQuery, params: Mapping[str, str]) -> None:
    """A required parameter left out, found before any graph is opened (QueryError)."""
    from spkg.errors import QueryError
    from spkg.queries.runner import _describe

    for spec in stored.params:
        if spec.required and not params.get(spec.name) and not spec.default:
            raise QueryError(f"{stored.name}: missing parameter {spec.name!r} "
                             f"({_describe(spec)}); give -p {spec.name}=VALUE")


def open_query_store(*, graph: Path | str | None = None,
                     files: Sequence[Path | str] | None = None, endpoint: str | None = None,
                     kind: str | None = None, user: str | None = None,
                     password: str | None = None, timeout: float = 60.0,
                     inferred: bool = True, progress: bool = False) -> Store:
    """The store a query runs on: ``endpoint`` (``kind``: one of REMOTE_STORES), else the
    RDF ``files`` (``kind``: rdflib, the default, oxigraph or auto), else the build in
    ``graph`` (``./dist`` or the bundled seeds' build; oxigraph, or rdflib in memory)."""
    from spkg.errors import QueryError

    if endpoint:
        from spkg.store import open_store

        flavour = kind or "generic"
        if flavour not in REMOTE_STORES:
            raise QueryError(f"--store with --endpoint must be one of {', '.join(REMOTE_STORES)}")
        return open_store("remote", endpoint=endpoint, store=flavour, user=user,
                          password=password, timeout=timeout)
    kind = kind or ("rdflib" if files else "oxigraph")
    if kind not in LOCAL_STORES:
        raise QueryError(f"--store must be one of {', '.join(LOCAL_STORES)} "
                         "(or give --endpoint for a remote store)")
    if not files:
        return _build_store(graph, kind, inferred=inferred, progress=progress)
    return _files_store([Path(path) for path in files], kind)


def _build_store(graph: Path | str | None, kind: str, *, inferred: bool,
                 progress: bool) -> Store:
    """A build's on-disk store opened read-only, or (rdflib) its graphs loaded in memory."""
    from spkg.store.resolve import open_build

    build = open_build(Path(graph) if graph is not None else None, progress=progress)
    if kind == "rdflib":
        from spkg.dataset import load_from_build
        from spkg.store.memory import RdflibStore

        return RdflibStore(load_from_build(build, with_inferred=inferred))
    from spkg.store.oxigraph import OxigraphStore

    hide: list[str] = []
    if not inferred:
        from spkg.namespace import INFERRED_GRAPH

        hide.append(str(INFERRED_GRAPH))
    store = OxigraphStore(store=build.store, hide=hide, terms="oxigraph", read_only=True)
    store.build = build  # type: ignore[attr-defined]  # keeps the folder pinned
    return store


def _files_store(data: list[Path], kind: str) -> Store:
    """RDF files loaded into a store in memory."""
    if kind == "oxigraph":
        from spkg.store.oxigraph import OxigraphStore

        direct = OxigraphStore()
        direct.load_files(data)  # straight into oxigraph, without rdflib
        return direct
    from spkg import dataset as spkg_dataset

    dataset = spkg_dataset.new_dataset()
    spkg_dataset.load_files(dataset, data)
    if kind == "auto":
        from spkg.store.auto import choose_store

        kind = choose_store(sum(len(g) for g in dataset.graphs()))
    if kind == "rdflib":
        from spkg.store.memory import RdflibStore

        return RdflibStore(dataset)
    from spkg.store import open_store

    store = open_store("oxigraph")
    store.load(dataset)
    return store


def run_query(store: Store, *, stored: StoredQuery | None = None, text: str = "",
              params: Mapping[str, str] | None = None, source: str | None = None,
              timeout: float | None = None, limit: int | None = None) -> QueryResult:
    """Run ``stored`` with ``params`` bound as RDF terms, else the SPARQL ``text`` (read
    from ``source``, named in errors), at most ``limit`` rows."""
    from spkg.queries import run_stored, run_text

    if stored is not None:
        return run_stored(store, stored, params, timeout=timeout, limit=limit)
    return run_text(store, text, source=source, timeout=timeout, limit=limit)


def render_answer(result: QueryResult, fmt: str, *, width: int | None = None) -> str:
    """The answer as table, csv, tsv, json or md (a table's widest cells cut to ``width``)."""
    from spkg.queries.formats import render

    return render(result, fmt, width=width)


def cells_cut(result: QueryResult, width: int) -> int:
    """How many of a table's cells ``width`` columns cut."""
    from spkg.queries.formats import cut_cells

    return cut_cells(result, width)
