"""A new file made of an old one's bytes and a few replaced ranges, written in one pass."""

from __future__ import annotations

import mmap
from collections.abc import Iterable
from typing import IO

CHUNK = 8 << 20  # copy large unchanged ranges in pieces: no whole-file bytes in memory

Edit = tuple[int, int, bytes]  # replace data[start:end] by the bytes (start == end: insert)


def write_edited(out: IO[bytes], data: bytes | mmap.mmap, edits: Iterable[Edit]) -> None:
    """``data`` with each edit applied; edits in file order (same start: in the order given).

    Overlapping edits are a caller's bug, and refused.
    """
    cursor = 0
    for start, end, text in sorted(edits, key=lambda edit: edit[0]):
        if start < cursor:
            raise ValueError(f"overlapping edits at byte {start}")
        copy_range(out, data, cursor, start)
        out.write(text)
        cursor = end
    copy_range(out, data, cursor, len(data))


def copy_range(out: IO[bytes], data: bytes | mmap.mmap, start: int, end: int) -> None:
    for at in range(start, end, CHUNK):
        out.write(data[at:min(at + CHUNK, end)])
