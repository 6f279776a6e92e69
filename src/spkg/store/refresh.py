"""The full build as the store calls it: registered from above, never imported from here.

The store makes a build in two places: the bundled seeds' build on first use
(spkg.store.resolve) and the full path of `spkg add` / `spkg remove` (spkg.store.update).
The build pipeline (spkg.build) sits above the stages, the store among them, so the store
may not import it (the layers contract in pyproject.toml): the package root registers it
here instead (spkg/__init__.py), as a function that imports it on first call, so that a
command which never builds never pays for importing it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spkg.errors import SpkgError

if TYPE_CHECKING:
    from spkg.build import BuildSummary

BuildFunction = Callable[..., "BuildSummary"]
_REGISTERED: list[BuildFunction] = []


def register_builder(function: BuildFunction) -> None:
    """Make ``function`` (spkg.build.build's signature) the build the store runs."""
    _REGISTERED[:] = [function]


def full_build(*args: Any, **kwargs: Any) -> BuildSummary:
    """Run the registered build (spkg.build.build) with these arguments."""
    if not _REGISTERED:
        raise SpkgError("no build pipeline registered: import spkg (it registers spkg.build)")
    return _REGISTERED[0](*args, **kwargs)
