"""Which build a command reads: ``--graph DIR``, else ./dist, else the bundled seeds' build.

The seeds' build is made on first use in the user's cache folder, named by the spkg version
and a hash of everything it is made from, so a changed ontology or seed makes a new one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spkg import paths
from spkg.store.build_dir import Build, is_build

DEFAULT_BUILD = Path("dist")


def seed_inputs() -> list[Path]:
    """The files the seeds' build is made from: document graphs, ontology, reference (and
    its patches), shapes, and the curation beside the seeds, if any."""
    from spkg.curation import default_curation_files
    from spkg.dataset import document_graph_files
    from spkg.patches import patch_files

    return [*document_graph_files(), paths.ontology_file(), *paths.reference_files(),
            *patch_files(), *sorted(paths.shapes_dir().glob("*.ttl")),
            *default_curation_files([paths.sources_dir()])]


def seeds_build_dir() -> Path:
    import hashlib  # here: only the seeds' build needs it, and `spkg query` starts fast

    from spkg.version import __version__  # read on first use only: importlib.metadata is slow

    digest = hashlib.sha256()
    root = paths.resource_root()
    for path in seed_inputs():
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return paths.cache_dir() / f"seeds-{__version__}-{digest.hexdigest()[:16]}"


def seeds_build(*, progress: bool = True) -> Path:
    """The seeds' build in the cache, made now (atomically, one process at a time) if missing."""
    folder = seeds_build_dir()
    if is_build(folder):
        return folder
    from spkg.store.swap import writer_lock

    with writer_lock(folder):
        if not is_build(folder):  # another process may have made it while we waited
            from spkg.dataset import document_graph_files
            from spkg.store.refresh import full_build

            if progress:
                print(f"[graph] first use: building the bundled seeds into {folder}",
                      file=sys.stderr)
            # the bundled data is read even if a shape it breaks is being worked on
            full_build(folder, graph_files=document_graph_files(), allow_invalid=True,
                       progress=False)
    return folder


def resolve_build(graph: Path | None = None, *, progress: bool = True) -> Path:
    """The build folder to read; ``graph`` must be one when given."""
    if graph is not None:
        folder = Path(graph)
    elif is_build(DEFAULT_BUILD):
        folder = DEFAULT_BUILD
    else:
        folder = seeds_build(progress=progress)
    return folder


def open_build(graph: Path | None = None, *, progress: bool = True) -> Build:
    """The build a command reads, opened; says which on standard error."""
    folder = resolve_build(graph, progress=progress)
    build = Build(folder)
    if progress:
        counts = build.manifest.counts
        print(f"[graph] reading {folder} ({counts.get('quads', 0)} quads, "
              f"{counts.get('document_graphs', 0)} documents, built "
              f"{build.manifest.built_at})", file=sys.stderr)
    return build
