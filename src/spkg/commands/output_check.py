"""Output paths checked before any work starts: a mistake there is one line, exit 2."""

from __future__ import annotations

from pathlib import Path

from spkg.errors import InputError


def _blocking_parent(path: Path) -> Path | None:
    """The first existing ancestor of ``path`` that is not a folder, if any."""
    for parent in path.absolute().parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None


def check_output_folder(path: Path) -> None:
    """``path`` can be made (or is) a folder."""
    if path.exists() and not path.is_dir():
        raise InputError("exists and is not a folder", path=path)
    blocking = _blocking_parent(path)
    if blocking is not None:
        raise InputError(f"cannot be written: {blocking} is a file, not a folder", path=path)


def check_output_file(path: Path) -> None:
    """``path`` can be written as a file (it may exist; it is replaced whole)."""
    if path.is_dir():
        raise InputError("is a folder; give a file name", path=path)
    blocking = _blocking_parent(path)
    if blocking is not None:
        raise InputError(f"cannot be written: {blocking} is a file, not a folder", path=path)
