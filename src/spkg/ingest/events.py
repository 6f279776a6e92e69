"""Events read from sentences: their IRI, type, date and label, as Facts."""

from __future__ import annotations

from rdflib import RDF, RDFS, Literal, URIRef

from spkg.ingest.records import DateValue, Fact, Span
from spkg.namespace import SPKG, mint

EVENT_NAMES: dict[URIRef, str] = {
    SPKG.Adoption: "adoption",
    SPKG.Launch: "launch",
    SPKG.Notification: "notification",
    SPKG.Meeting: "meeting",
    SPKG.Training: "training",
    SPKG.Establishment: "establishment",
    SPKG.Announcement: "announcement",
    SPKG.Ratification: "ratification",
    SPKG.EntryIntoForce: "entry into force",
}


def event_iri(concerned: URIRef, event_class: URIRef, date: DateValue) -> URIRef:
    """``mint("event", "{concerned slug} {type} {date}")``: the same event from two texts is one."""
    slug = str(concerned).rstrip("/").rsplit("/", 1)[-1]
    return mint("event", f"{slug} {EVENT_NAMES[event_class]} {date.literal}")


def event_facts(
    event_class: URIRef,
    concerned: URIRef,
    concerned_label: str,
    date: DateValue,
    sentence: Span,
    words: tuple[Span, ...],
    role: URIRef = SPKG.concerns,
) -> tuple[URIRef, list[Fact]]:
    """The event's type, label, date (and end date), and what it concerns; ``role`` is
    the concerned's part in it (the body trained takes part in its training)."""
    iri = event_iri(concerned, event_class, date)
    name = EVENT_NAMES[event_class]
    label = f"{name[0].upper()}{name[1:]} of {concerned_label}, {date.literal}"
    if event_class == SPKG.Meeting:
        label = f"Meeting of {concerned_label}, {date.literal}"
    facts = [
        Fact(iri, RDF.type, event_class, sentence, words),
        Fact(iri, RDFS.label, Literal(label, lang="en"), sentence, words),
        Fact(iri, SPKG.date, date.literal, sentence, (date.span,)),
        Fact(iri, role, concerned, sentence, words),
    ]
    if date.end is not None:
        facts.append(Fact(iri, SPKG.endDate, date.end, sentence, (date.span,)))
    return iri, facts


def gathering_facts(
    event_class: URIRef,
    name: str,
    date: DateValue,
    sentence: Span,
    words: tuple[Span, ...],
) -> tuple[URIRef, list[Fact]]:
    """An event named by its own noun and date (``mint("event", "{name} {date}")``), as the
    entity stage names a lowercase gathering: "a training" of people, not of a body."""
    iri = mint("event", f"{name} {date.literal}")
    label = f"{name[0].upper()}{name[1:]}, {date.literal}"
    facts = [
        Fact(iri, RDF.type, event_class, sentence, words),
        Fact(iri, RDFS.label, Literal(label, lang="en"), sentence, words),
        Fact(iri, SPKG.date, date.literal, sentence, (date.span,)),
    ]
    if date.end is not None:
        facts.append(Fact(iri, SPKG.endDate, date.end, sentence, (date.span,)))
    return iri, facts
