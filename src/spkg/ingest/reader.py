"""Bytes on disk → document text, refusing what is not a readable UTF-8 text document."""

from __future__ import annotations

from pathlib import Path

from spkg.errors import InputError


def read_text(path: Path) -> str:
    """The text of ``path``: UTF-8 (a leading BOM is dropped), not empty, not binary.

    Offsets everywhere else count code points of exactly this string.
    """
    if not path.exists():
        raise InputError("no such file", path=path)
    if not path.is_file():
        raise InputError("not a file", path=path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from error
    return decode_text(data, path)


def decode_text(data: bytes, path: Path) -> str:
    if not data.strip():
        raise InputError("empty document", path=path)
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(f"binary file (NUL byte at byte offset {offset})", path=path,
                         line=data.count(b"\n", 0, offset) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"not UTF-8: byte 0x{data[error.start]:02x} at byte offset {error.start}",
            path=path, line=line,
        ) from error
    return text.removeprefix("\ufeff")
