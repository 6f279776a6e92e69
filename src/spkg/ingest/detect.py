"""Which of the three known kinds a document is, from its first lines."""

from __future__ import annotations

import re
from pathlib import Path

from spkg.errors import InputError

RESULT_RECORD = "result-record"
COUNTRY_PAGE = "country-page"
PRESS_RELEASE = "press-release"
KINDS = (RESULT_RECORD, COUNTRY_PAGE, PRESS_RELEASE)

# Only the opening of a document decides, so a copy cut off early is still recognised.
_HEAD_LINES = 12
_RECORD_START = re.compile(r"^(?:Result achieved|R[ée]sultat obtenu|Resultado alcanzado)\b",
                           re.IGNORECASE)
_HEADER_LINE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\s+[A-Z]{3}\d{3}\b")
DATELINE = re.compile(r"^\s*Press release\s*\|", re.IGNORECASE)
_COUNTRY_TITLE = re.compile(r"^Social (?:security|protection) in\s+\S", re.IGNORECASE)
_PHOTO_LINE = re.compile(r"(?:©\s*ILO\s*$|^See more photos)", re.IGNORECASE)


def _head(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[:_HEAD_LINES]


def detect_kind(text: str, path: Path | None = None) -> str:
    """"result-record", "country-page" or "press-release"; InputError for anything else."""
    head = _head(text)
    if head and (_RECORD_START.match(head[0]) or (_HEADER_LINE.match(head[0])
                 and len(head) > 1 and _RECORD_START.match(head[1]))):
        return RESULT_RECORD
    if any(DATELINE.match(line) for line in head):
        return PRESS_RELEASE
    if head and (_COUNTRY_TITLE.match(head[0]) or any(_PHOTO_LINE.search(ln) for ln in head[1:4])):
        return COUNTRY_PAGE
    raise InputError(
        "not a known kind of document (expected a result record starting 'Result achieved', "
        "a country page or a press release with a 'Press release |' dateline)",
        path=path,
    )
