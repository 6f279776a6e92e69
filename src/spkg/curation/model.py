"""Curation acts as plain data: who corrected what, when and why (docs/curation.md)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from spkg.errors import InputError
from spkg.namespace import BASE, SPKG, slugify

ACT_NS = BASE + "id/curation/"
CURATOR_NS = BASE + "id/curator/"

Fact = tuple[URIRef, URIRef, URIRef | Literal]

# act kind → its class in the ontology
KINDS: dict[str, URIRef] = {
    "reject": SPKG.Rejection,
    "add": SPKG.Addition,
    "merge": SPKG.Merge,
    "split": SPKG.Split,
    "dismiss": SPKG.Dismissal,
}
KIND_OF = {cls: kind for kind, cls in KINDS.items()}


class CurationError(InputError):
    """A curation file or command that cannot be understood."""


@dataclass(frozen=True)
class Anchor:
    """A span of a document's text, in code points, with the words it must hold."""

    document: URIRef
    start: int
    end: int
    exact: str


@dataclass
class Act:
    """One correction. Which fields matter depends on ``kind``:

    reject: ``facts`` (optionally only as read from ``documents[0]``);
    add: ``facts``, optionally ``anchor``; merge: ``keep`` and ``drop``;
    split: ``drop`` (the IRI split), ``keep`` (the new IRI), ``documents`` whose facts move,
    and ``facts`` about the new IRI; dismiss: ``item`` (a review-queue key).
    """

    kind: str
    by: str
    when: str  # xsd:dateTime, UTC
    why: str
    facts: list[Fact] = field(default_factory=list)
    documents: list[URIRef] = field(default_factory=list)
    anchor: Anchor | None = None
    keep: URIRef | None = None
    drop: URIRef | None = None
    item: str | None = None
    iri: URIRef = field(default_factory=lambda: URIRef(""))  # "" → minted
    file: Path | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        self.when = utc_text(self.when)
        if not str(self.iri):
            self.iri = self.minted_iri()

    def minted_iri(self) -> URIRef:
        """``id:curation/<kind>-<12 hex>`` from what the act says, who said it and when."""
        parts = [self.kind, self.by, self.when, self.why, str(self.keep), str(self.drop),
                 str(self.item), *sorted(" ".join(t.n3() for t in f) for f in self.facts),
                 *map(str, self.documents), repr(self.anchor)]
        digest = hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:12]
        return URIRef(f"{ACT_NS}{self.kind}-{digest}")

    def where(self) -> str:
        """``file:line`` of the act, for reports."""
        if self.file is None:
            return str(self.iri)
        return f"{self.file}:{self.line}" if self.line else str(self.file)


def utc_text(when: str) -> str:
    """An xsd:dateTime in UTC as ``2026-12-07T00:40:00Z``, however it was written."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(when.strip().replace("Z", "+00:00"))
    except ValueError:
        raise CurationError(f"not a date and time: {when!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def curator_iri(name: str) -> URIRef:
    return URIRef(CURATOR_NS + slugify(name))
