"""Replace a build folder whole: write the new one beside it, then swap the two at once.

A build is written into ``<out>.new-<random>`` and exchanged with ``<out>`` by one
``renameat2(RENAME_EXCHANGE)`` call, so a reader opening ``<out>`` finds either the old
build or the new one, never a mix, and a process killed at any point leaves the old build
whole. Where the exchange is unsupported, two renames leave a moment with no ``<out>``;
a run that dies in between is repaired by the next (:func:`clean_leftovers`). Writers
take a lock beside the folder, so two builds into one folder run one after the other.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from spkg.errors import InputError

STAGING = ".new-"  # <out>.new-<random>: a build being written, or the old one after a swap
RETIRED = ".old-"  # <out>.old-<random>: the old build between the two fallback renames
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@lru_cache(maxsize=1)
def _renameat2() -> Any:
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not glibc ≥ 2.28
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    return function


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _siblings(out: Path, marker: str) -> list[Path]:
    return sorted(out.parent.glob(f"{out.name}{marker}*"))


def clean_leftovers(out: Path) -> None:
    """Remove what killed runs left beside ``out``; put back an old build a swap lost."""
    retired = _siblings(out, RETIRED)
    if not out.exists() and retired:
        os.rename(retired[-1], out)  # died between the two fallback renames
        retired = retired[:-1]
    for path in [*retired, *_siblings(out, STAGING)]:
        shutil.rmtree(path, ignore_errors=True)


def replace_dir(new: Path, out: Path) -> None:
    """Put the folder ``new`` in the place of ``out`` (which may not exist) at once."""
    if not out.exists():
        os.rename(new, out)
    elif exchange(new, out):
        shutil.rmtree(new)  # ``new`` now holds the old build
    else:
        retired = out.with_name(f"{out.name}{RETIRED}{secrets.token_hex(4)}")
        os.rename(out, retired)
        os.rename(new, out)
        shutil.rmtree(retired)
    _fsync_dir(out.parent)


_HELD: set[Path] = set()  # locks this process holds (flock would wait on itself)


@contextmanager
def writer_lock(out: Path) -> Iterator[None]:
    """Hold ``.<out>.lock`` beside ``out`` for the duration: one writer at a time."""
    out = Path(os.path.abspath(out))
    if out in _HELD:
        yield
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = out.parent / f".{out.name}.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        _HELD.add(out)
        yield
    finally:
        _HELD.discard(out)
        os.close(fd)


@contextmanager
def staged(out: Path, *, allowed: frozenset[str]) -> Iterator[Path]:
    """A fresh folder beside ``out`` to write a build into; on success it replaces ``out``.

    ``out`` must be missing, empty, or hold nothing but ``allowed`` names (a previous
    build): replacing a folder of other files would delete them.
    """
    out = Path(os.path.abspath(out))
    with writer_lock(out):
        clean_leftovers(out)
        check_replaceable(out, allowed)
        new = out.with_name(f"{out.name}{STAGING}{secrets.token_hex(4)}")
        new.mkdir()
        try:
            yield new
            replace_dir(new, out)
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise


def check_replaceable(out: Path, allowed: frozenset[str]) -> None:
    """Refuse to replace a folder that holds anything but ``allowed`` names."""
    if not out.exists():
        return
    if not out.is_dir():
        raise InputError("exists and is not a folder", path=out)
    foreign = sorted(p.name for p in out.iterdir()
                     if p.name not in allowed and not (p.name.startswith(".")
                                                       and p.name.endswith(".tmp")))
    if foreign:
        raise InputError(f"holds {foreign[0]!r}, which spkg does not write there; the folder "
                         "is replaced whole, so give a new or empty one", path=out)
