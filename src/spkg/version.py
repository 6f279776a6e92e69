"""The package version, read once from the installed metadata (pyproject.toml is its source).

A core module of its own so that stages (the reasoning cache key, VoID, page footers) can name
the version without importing the package root, which imports the whole API.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spkg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
