"""A result record's outcomes: one per numbered item of its summary ("(1) … (2) …"), else
one, each with the words of the summary that state it. Read by the record fields and by
the prose stage alike (neither imports the other)."""

from __future__ import annotations

import re

from rdflib import URIRef

from spkg.ingest.records import Document, Section, Span
from spkg.namespace import mint

NUMBERED = (
    re.compile(r"(?:^|(?<=\s))\((?P<n>\d{1,2})\)\s+"),  # (1) … (2) …
    re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})[.)]\s+(?=\S)"),  # 1. … 2. …
)


def outcome_items(document: Document, summary: Section) -> list[Span]:
    """The numbered outcomes of a summary ("(1) … (2) …", "1. … 2. …"), or the whole."""
    text = summary.body.text(document.text)
    for pattern in NUMBERED:
        markers = list(pattern.finditer(text))
        numbers = [int(m["n"]) for m in markers]
        if len(markers) >= 2 and numbers == list(range(1, len(markers) + 1)):
            items = []
            ends = [m.start() for m in markers[1:]] + [len(text)]
            for marker, end in zip(markers, ends, strict=True):
                item = text[marker.end() : end].rstrip(" \n;,")
                item = item.removesuffix(" and").rstrip(" ;,")
                start = summary.body.start + marker.end()
                if item:
                    items.append(Span(start, start + len(item)))
            return items
    return [summary.body] if summary.body.end > summary.body.start else []


def outcome_iris(document: Document, items: int) -> list[URIRef]:
    """One outcome per numbered item of the summary ("-1", "-2", …), else one."""
    slug = str(document.iri).rsplit("/", 1)[-1]
    if items > 1:
        return [mint("outcome", f"{slug}-{n}") for n in range(1, items + 1)]
    return [mint("outcome", slug)]


def outcome_summaries(document: Document) -> list[tuple[URIRef, Span]]:
    """Each outcome of a result record with the words of the summary that state it."""
    summary = document.section("outcome-summary")
    items = outcome_items(document, summary) if summary else []
    return list(zip(outcome_iris(document, len(items)), items, strict=False))
