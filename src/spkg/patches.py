"""Corrections to third-party reference data, applied when the reference graph is loaded.

A patch is a SPARQL Update file of data/reference/patches/ made of DELETE DATA and
INSERT DATA operations on the graph it is run against (no GRAPH clauses), each change with
its reason in a comment beside it. The published files stay unchanged; what spkg changes in
them is written down, and read by any SPARQL 1.1 store the same way.

A patch that deletes a triple the data does not hold is stale (the source was corrected, or
changed under it): that is an error naming the file, never a silent no-op.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.plugins.sparql.processor import prepareUpdate

from spkg import paths
from spkg.errors import InputError

_ALLOWED = {"DeleteData", "InsertData"}


def patch_files() -> list[Path]:
    """Every patch, in a stable order."""
    return sorted((paths.reference_dir() / "patches").glob("*.ru"))


def apply_patch(graph: Graph, path: Path) -> None:
    """Run one patch file against ``graph``; refuse other operations and stale deletions."""
    try:
        update = prepareUpdate(path.read_text(encoding="utf-8"))
    except Exception as error:  # pyparsing's errors are not one type
        raise InputError(f"not a SPARQL Update: {' '.join(str(error).split())[:200]}",
                         path=path) from error
    for operation in update.algebra:
        if operation.name not in _ALLOWED or any(operation.quads.values()):
            raise InputError("a patch holds only DELETE DATA and INSERT DATA, without GRAPH",
                             path=path)
        if operation.name == "DeleteData":
            missing = [t for t in operation.triples if t not in graph]
            if missing:
                s, p, o = missing[0]
                raise InputError(f"stale patch: the data has no {s.n3()} {p.n3()} {o.n3()}",
                                 path=path)
    graph.update(update)


def apply_patches(graph: Graph) -> list[Path]:
    """Apply every patch of data/reference/patches/ to the reference graph; returns them."""
    files = patch_files()
    for path in files:
        apply_patch(graph, path)
    return files
