"""Which kind a document is, from its first lines: one of the three ILO forms spkg knows,
else a web page (a title and its prose), so that no text is refused for its form."""

from __future__ import annotations

import re
from pathlib import Path

from spkg.errors import InputError

RESULT_RECORD = "result-record"
COUNTRY_PAGE = "country-page"
PRESS_RELEASE = "press-release"
WEB_PAGE = "web-page"  # any other text: its title and its prose are read
KINDS = (RESULT_RECORD, COUNTRY_PAGE, PRESS_RELEASE, WEB_PAGE)

# Only the opening of a document decides, so a copy cut off early is still recognised.
_HEAD_LINES = 12
_RECORD_START = re.compile(r"^(?:Result achieved|R[ée]sultat obtenu|Resultado alcanzado)\b",
                           re.IGNORECASE)
_HEADER_LINE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\s*\|?\s*[A-Z]{3}\d{3}\b")
# The header as the ILO's English, French and Spanish sites print it
DATELINE = re.compile(r"^\s*(?:Press release|Communiqué de presse|Comunicado de prensa)\s*\|",
                      re.IGNORECASE)
# "DAKAR (ILO News) – …": the news dateline of a press release copied without its header
_NEWS_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .,'’-]+\s*\((?:ILO News|OIT Info|OIT Noticias)\)")
# "Social protection in X", "Protection sociale au X", "Protección social en X"
_COUNTRY_TITLE = re.compile(
    r"^(?:Social (?:security|protection) in"
    r"|(?:Protection|S[ée]curit[ée]) sociale (?:au|aux|en|à|dans)"
    r"|(?:Protecci[óo]n|Seguridad) social en)\s+\S", re.IGNORECASE)
_PHOTO_LINE = re.compile(r"(?:©\s*(?:ILO|OIT)\b|^(?:See more photos|Voir plus de photos"
                         r"|Ver m[áa]s fotos))", re.IGNORECASE)


def _head(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[:_HEAD_LINES]


def detect_kind(text: str, path: Path | None = None) -> str:
    """"result-record", "country-page", "press-release", else "web-page"; InputError only
    for a text with no words at all."""
    head = _head(text)
    if not head:
        raise InputError("the document holds no text", path=path)
    if head and (_RECORD_START.match(head[0]) or (_HEADER_LINE.match(head[0])
                 and len(head) > 1 and _RECORD_START.match(head[1]))):
        return RESULT_RECORD
    if any(DATELINE.match(line) or _NEWS_DATELINE.match(line) for line in head):
        return PRESS_RELEASE
    if head and (_COUNTRY_TITLE.match(head[0]) or any(_PHOTO_LINE.search(ln) for ln in head[1:4])):
        return COUNTRY_PAGE
    return WEB_PAGE
