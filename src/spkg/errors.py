"""The one exception hierarchy of spkg.

The CLI turns every SpkgError into a single line (``file:line: message``) and a
non-zero exit code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path


class SpkgError(Exception):
    """A problem the user can fix: bad input, a missing file, an unreachable store."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(SpkgError):
    """A document or data file that cannot be read or understood."""


class RdfParseError(InputError):
    """An RDF file (Turtle, TriG, …) that does not parse."""


class QueryError(SpkgError):
    """A stored or ad-hoc SPARQL query that is unknown, ill-formed or ill-parameterised."""


class QueryTimeout(QueryError):
    """A query that ran past its time limit."""


class StoreError(SpkgError):
    """A triple store that is unreachable, refuses a request or loses data."""


class ValidationFailed(SpkgError):
    """The graph does not conform to the shapes (used by build to stop before export)."""

    exit_code = 1
