"""Bytes on disk → document text, refusing what is not a readable UTF-8 text document.

Every refusal is an InputError naming the file and saying what to do; nothing here raises
anything else for any bytes or any file name.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from spkg.errors import InputError

# The default size limit; `spkg ingest --max-bytes` or SPKG_MAX_BYTES change it.
DEFAULT_MAX_BYTES = 10_000_000
MAX_BYTES_ENV = "SPKG_MAX_BYTES"

# Files that are documents but not plain text, by their first bytes, with what to do.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF: convert it to text first (for example: pdftotext -layout FILE)"),
    (b"PK\x03\x04", "a ZIP-based document (Word .docx, OpenDocument, EPUB …): "
                    "save it as plain text (.txt) first"),
    (b"\xd0\xcf\x11\xe0", "a Word .doc file: save it as plain text (.txt) first"),
    (b"{\\rtf", "an RTF document: save it as plain text (.txt) first"),
    (b"\xff\xfe", "UTF-16 text: save it as UTF-8"),
    (b"\xfe\xff", "UTF-16 text: save it as UTF-8"),
)
# Suffixes of such documents: a folder's files with these are refused by name, not ignored.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".htm",
                               ".html"})
_HTML = re.compile(rb"^\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)

# Control characters, decided one by one. Tab, LF and CR stay. The characters that Python's
# str.splitlines() (and so the section splitter) treats as line ends become "\n", so every
# stage agrees on lines; every other C0/C1 control, DEL and the noncharacters U+FFFE/U+FFFF
# (which no RDF/XML output may hold, and on which pysbd's list pass crashes) become a space.
# One character for one keeps every offset: spans count code points of the text as read.
_LINE_ENDS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = {
    code: " " for code in [*range(0x01, 0x09), *range(0x0e, 0x20), *range(0x7f, 0xa0),
                           0xfffe, 0xffff]
}
_CONTROLS.update({ord(char): "\n" for char in _LINE_ENDS})


def max_bytes_from_env() -> int:
    """The size limit: SPKG_MAX_BYTES if set (e.g. "20MB"), else DEFAULT_MAX_BYTES."""
    value = os.environ.get(MAX_BYTES_ENV)
    if not value:
        return DEFAULT_MAX_BYTES
    try:
        return parse_size(value)
    except ValueError as error:
        raise InputError(f"{MAX_BYTES_ENV}={value!r}: {error}") from None


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


def parse_size(text: str) -> int:
    """"10MB" → 10000000, "500k" → 500000, "2048" → 2048 (decimal units)."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError("not a size (say e.g. 10MB, 500kB or 2048)")
    size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size < 1:
        raise ValueError("the size limit must be at least 1 byte")
    return size


def describe_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def read_text(path: Path, *, max_bytes: int | None = None) -> str:
    """The text of ``path``: UTF-8 (a leading BOM is dropped), not empty, not binary,
    at most ``max_bytes`` (default: max_bytes_from_env()).

    Offsets everywhere else count code points of exactly this string.
    """
    return decode_text(read_bytes(path, max_bytes=max_bytes), path)


def read_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path``, refused before reading when over the size limit."""
    limit = max_bytes if max_bytes is not None else max_bytes_from_env()
    try:
        if not path.exists():
            raise InputError("no such file", path=path)
        if not path.is_file():
            raise InputError("not a file", path=path)
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"too large: {describe_size(size)}, over the limit of "
                             f"{describe_size(limit)} (--max-bytes or {MAX_BYTES_ENV})",
                             path=path)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=path) from error
    if len(data) > limit:  # grew while we looked
        raise InputError(f"too large: over the limit of {describe_size(limit)}", path=path)
    return data


def not_text(data: bytes, path: Path) -> str | None:
    """Why ``data`` is a document of another format (what to do), or None."""
    for signature, reason in _SIGNATURES:
        if data.startswith(signature):
            return reason
    suffix = path.suffix.lower()
    if _HTML.match(data[:512]) or suffix in (".htm", ".html"):
        return "an HTML page: save it as plain text (.txt) first"
    if suffix in DOCUMENT_SUFFIXES:
        return f"a {suffix[1:].upper()} file: save it as plain text (.txt) first"
    return None


def decode_text(data: bytes, path: Path) -> str:
    other = not_text(data, path)
    if other:
        raise InputError(other, path=path)
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
            f"not UTF-8: byte 0x{data[error.start]:02x} at byte offset {error.start} "
            "(save the file as UTF-8)",
            path=path, line=line,
        ) from error
    text = text.removeprefix("\ufeff").translate(_CONTROLS)
    if not text.strip():
        raise InputError("empty document (only blanks and control characters)", path=path)
    return text
