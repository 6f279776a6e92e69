"""Where the served data lives on disk: the store the query workers open.

Two sources. A built store directory (``store_path``, what ``spkg build`` writes beside
its dumps) is opened read-only as it is, or, when updates are allowed, checkpointed into a
private working copy so the build itself is never changed by a client. Quads (the bundled
seeds, or ``--data`` files) are bulk-loaded once into a private on-disk store, which every
worker then opens instead of loading its own copy.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from spkg.errors import SpkgError


@dataclass
class Prepared:
    snapshot: Path  # what readers open first (replaced by the writer's first snapshot)
    work: Path | None  # the writer's store, when updates are allowed
    union: bool  # queries see the union of the graphs (no materialised merge)
    pages: ox.Store | None  # a store for the pages, when the snapshot cannot serve them


def _bulk_load(files: Iterable[tuple[Path, ox.RdfFormat]], target: Path) -> None:
    store = ox.Store(str(target))
    for path, fmt in files:
        store.bulk_load(path=str(path), format=fmt)
    store.flush()
    del store
    gc.collect()  # closes RocksDB: the directory may then be opened read-only elsewhere


# The default graph as the RDF merge of the named graphs: a set, so a triple that is in two
# graphs matches once (pyoxigraph's union view would match it once per graph). Written by
# the bulk loader, which drops the repeats: the same INSERT … WHERE { GRAPH ?g … } as an
# update on RocksDB took 7.5 s at 111k quads.
NAMED_GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def from_quads(quads: Iterable[ox.Quad], workdir: Path, *, allow_update: bool) -> Prepared:
    """A read-only server materialises the default graph as the merge of the named graphs;
    with updates allowed it is pyoxigraph's live union, which sees every update."""
    nquads = workdir / "dataset.nq"
    ox.serialize(quads, output=str(nquads), format=ox.RdfFormat.N_QUADS)
    work = workdir / "work"
    if allow_update:
        _bulk_load([(nquads, ox.RdfFormat.N_QUADS)], work)
        nquads.unlink()
        return Prepared(work, work, union=True, pages=None)
    # The pages keep a store without the merged copies, so no statement shows twice.
    pages = ox.Store()
    pages.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    merged = workdir / "merged.nt"
    triples = pages.query(NAMED_GRAPH_TRIPLES)
    assert isinstance(triples, ox.QueryTriples)
    triples.serialize(output=str(merged), format=ox.RdfFormat.N_TRIPLES)
    _bulk_load([(nquads, ox.RdfFormat.N_QUADS), (merged, ox.RdfFormat.N_TRIPLES)], work)
    nquads.unlink()
    merged.unlink()
    return Prepared(work, None, union=False, pages=pages)


def from_store(store_path: Path, workdir: Path, *, allow_update: bool) -> Prepared:
    """A built store: queries see the union of its graphs, as ``spkg query`` does."""
    if not store_path.is_dir():
        raise SpkgError("not a store directory", path=store_path)
    try:
        built = ox.Store.read_only(str(store_path))
    except OSError as error:
        raise SpkgError(f"cannot open the store: {error}", path=store_path) from error
    if not allow_update:
        return Prepared(store_path, None, union=True, pages=built)
    work = workdir / "work"
    built.backup(str(work))  # a RocksDB checkpoint: hard links where it can
    del built
    return Prepared(work, work, union=True, pages=None)
