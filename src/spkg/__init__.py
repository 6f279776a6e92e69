"""spkg: the social protection knowledge graph.

The Python API is :mod:`spkg.api`, re-exported here whole (``spkg.open``, ``spkg.Graph``,
``spkg.build_graph``, ``spkg.validate_graph``, ``spkg.export_graph`` …; ``spkg.api.__all__``
lists them), with the errors it raises.
"""

from typing import TYPE_CHECKING, Any

from spkg import api, paths
from spkg.errors import InputError, QueryError, SpkgError
from spkg.store.refresh import register_builder

if TYPE_CHECKING:
    from spkg.api import *  # noqa: F403  (the facade, loaded on first use: __getattr__)


def _build(*args: Any, **kwargs: Any) -> Any:
    """spkg.build.build, imported on first call: the store calls it from below
    (spkg.store.refresh), and a command that never builds never imports it."""
    from spkg.build import build

    return build(*args, **kwargs)


register_builder(_build)


def __getattr__(name: str) -> Any:
    # the version is read from the installed metadata on first use: importlib.metadata
    # costs 0.06-0.1 s, a quarter of a whole `spkg query` on a build
    if name == "__version__":
        from spkg.version import __version__

        return __version__
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'spkg' has no attribute {name!r}")


# __version__ comes from __getattr__ (F405 cannot see it)
__all__ = [*api.__all__, "InputError", "QueryError", "SpkgError", "__version__", "paths"]  # noqa: F405
