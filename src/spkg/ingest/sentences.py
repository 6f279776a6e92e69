"""Sentence spans of a document: pysbd for prose, one span per line or bullet item for lists.

pysbd (``char_span=True``) gives correct offsets on the seeds' prose, typographic quotes
included, but it does not know that "•" starts a new item: a bullet list becomes one long
"sentence", or an item is glued to the next. So each section is first cut into lines and
bullet items, and only the prose inside an item goes to pysbd. Its spans are checked against
the text and a span that does not match is replaced by the whole item, never trusted blindly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from spkg.ingest.records import Section, Span
from spkg.ingest.sections import BULLET, LINE_SECTIONS, lines_of

_INLINE_BULLET = re.compile(r"\s•\s")


@cache
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _items(text: str, span: Span) -> Iterator[Span]:
    """Lines of ``span``, and inside a line its "•" items, without the bullet marks."""
    for line in lines_of(text[span.start : span.end]):
        start, end = span.start + line.start, span.start + line.end
        marker = BULLET.match(line.text)
        if marker:
            start += marker.end()
        cuts = [start, *(m.start() + 1 for m in _INLINE_BULLET.finditer(text, start, end)), end]
        for item_start, item_end in pairwise(cuts):
            if item_start < item_end and text[item_start] == "•":
                item_start += 1
            item = _trimmed(text, item_start, item_end)
            if item:
                yield item


def _prose_sentences(text: str, item: Span) -> Iterator[Span]:
    chunk = text[item.start : item.end]
    position = 0
    for piece in _segmenter().segment(chunk):
        start, end = piece.start, piece.end
        if chunk[start:end] != piece.sent or start < position:
            # pysbd lost its place: fall back to the rest of the item as one sentence.
            rest = _trimmed(text, item.start + position, item.end)
            if rest:
                yield rest
            return
        span = _trimmed(text, item.start + start, item.start + end)
        if span:
            yield span
        position = end
    rest = _trimmed(text, item.start + position, item.end)
    if rest:
        yield rest


def split_sentences(text: str, sections: list[Section]) -> list[Span]:
    """Sentences (and list lines) of every section, headings included, in text order."""
    spans: set[Span] = set()
    for section in sections:
        if section.heading is not None:
            spans.add(section.heading)
        for item in _items(text, section.body):
            if section.name in LINE_SECTIONS:
                spans.add(item)
            else:
                spans.update(_prose_sentences(text, item))
    return sorted(spans)
