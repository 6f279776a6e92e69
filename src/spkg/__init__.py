"""spkg: the social protection knowledge graph.

The Python API is :mod:`spkg.api`, re-exported here: ``spkg.open``, ``spkg.build_graph``,
``spkg.read_documents``, ``spkg.load_dataset``, ``spkg.add_documents``, ``spkg.remove_documents``,
``spkg.stored_queries``, ``spkg.export_graph``, ``spkg.push_graph``, ``spkg.serve_graph``
and ``spkg.Graph``.
"""

from typing import Any

from spkg import paths
from spkg.api import (
    Graph,
    add_documents,
    build_graph,
    export_graph,
    load_dataset,
    open,
    push_graph,
    read_documents,
    remove_documents,
    serve_graph,
    stored_queries,
)
from spkg.errors import InputError, QueryError, SpkgError
from spkg.store.refresh import register_builder


def _build(*args: Any, **kwargs: Any) -> Any:
    """spkg.build.build, imported on first call: the store calls it from below
    (spkg.store.refresh), and a command that never builds never imports it."""
    from spkg.build import build

    return build(*args, **kwargs)


register_builder(_build)


def __getattr__(name: str) -> str:
    # the version is read from the installed metadata on first use: importlib.metadata
    # costs 0.06-0.1 s, a quarter of a whole `spkg query` on a build
    if name == "__version__":
        from spkg.version import __version__

        return __version__
    raise AttributeError(f"module 'spkg' has no attribute {name!r}")


__all__ = ["Graph", "InputError", "QueryError", "SpkgError", "__version__", "add_documents",
           "build_graph", "export_graph", "load_dataset", "open", "paths", "push_graph",
           "read_documents", "remove_documents", "serve_graph", "stored_queries"]
