"""Plain records that ingestion stages pass along: no RDF graph yet, only IRIs and literals.

A document is read and split (Document, Section, sentences as Spans); extractors turn
it into Facts, each naming the sentence it was read from and the exact words; mapping
turns Facts into triples plus their provenance.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef


@dataclass(frozen=True, order=True)
class Span:
    """Characters [start, end) of a document's text, counted in Python code points."""

    start: int
    end: int

    def text(self, document_text: str) -> str:
        return document_text[self.start : self.end]


@dataclass(frozen=True)
class Section:
    """A part of a document under one heading ("Outcome achieved", "Key resources", …).

    ``name`` is the normalised heading ("outcome-summary", "outcome-achieved",
    "ilo-contribution", "partners", "sdg", "in-partnership", "principles",
    "keywords", "body", …); ``heading`` and ``body`` are spans of the text.
    """

    name: str
    heading: Span | None
    body: Span


@dataclass(frozen=True)
class Fact:
    """One statement read from a document.

    ``sentence`` is the sentence (or line) it was read from; ``words`` are the exact
    words that express it (the entity mentions), used to highlight the source.
    """

    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    sentence: Span
    words: tuple[Span, ...] = ()


@dataclass
class Document:
    """A source document as read from disk, before extraction."""

    path: Path
    text: str
    kind: str  # "result-record" | "country-page" | "press-release"
    iri: URIRef
    sha256: str
    sections: list[Section] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return self.path.name

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds ``offset`` (the whole line when no sentence does)."""
        # sentences are sorted and do not overlap: the last one starting at or before offset
        index = bisect.bisect_right(self.sentences, Span(offset, len(self.text) + 1)) - 1
        if index >= 0 and self.sentences[index].start <= offset < self.sentences[index].end:
            return self.sentences[index]
        line_start = self.text.rfind("\n", 0, offset) + 1
        line_end = self.text.find("\n", offset)
        return Span(line_start, len(self.text) if line_end < 0 else line_end)

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


@dataclass(frozen=True)
class DateValue:
    """A date read from text, as precise as the text: xsd:date, xsd:gYearMonth or xsd:gYear."""

    literal: Literal
    span: Span
    end: Literal | None = None  # for ranges such as "25-26 Sept 2018"


@dataclass(frozen=True)
class NumberValue:
    """A number read from text ("51,100,000", "٥١٬١٠٠٬٠٠٠", "27.3 million")."""

    value: int
    span: Span
