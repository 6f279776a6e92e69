"""Facts about entities themselves: type, label, other names, and the place a name or a
"Government of …" states; and a partners-line name linked like a prose mention (so that a
partner and the same body named in prose are one IRI)."""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from spkg.ingest.gazetteer import PLACE_CLASSES, Gazetteer
from spkg.ingest.linking import Entity, link_mentions
from spkg.ingest.mentions import Mention
from spkg.ingest.naming import ORGANISATION_CLASSES, class_from_head
from spkg.ingest.records import Document, Fact, Span
from spkg.namespace import ORG, SPKG


def entity_facts(document: Document, entity: Entity, gazetteer: Gazetteer) -> list[Fact]:
    """rdf:type and, unless the reference data labels it, rdfs:label and skos:altLabel."""
    first = entity.mentions[0]
    sentence = document.sentence_at(first.span.start)
    facts = [Fact(entity.iri, RDF.type, entity.cls, sentence, (first.span,))]
    facts += [Fact(entity.iri, RDF.type, extra, sentence, (first.span,))
              for extra in sorted(entity.extra_classes - {entity.cls})]
    if entity.reference is None:
        facts.append(Fact(entity.iri, RDFS.label, Literal(entity.label, lang="en"), sentence,
                          (first.span,)))
        for name in sorted(entity.names | entity.acronyms):
            shown = _mention_of(entity, name) or first
            facts.append(Fact(entity.iri, SKOS.altLabel, Literal(name, lang="en"),
                              document.sentence_at(shown.span.start), (shown.span,)))
    facts += _places_of(document, entity, gazetteer)
    return facts


def _mention_of(entity: Entity, name: str) -> Mention | None:
    for mention in entity.mentions:
        if name in (mention.text, mention.acronym, mention.label):
            return mention
    return None


def _places_of(document: Document, entity: Entity, gazetteer: Gazetteer) -> list[Fact]:
    """Where a government governs, whose a ministry is, and places inside a name."""
    if entity.reference is not None:
        return []
    facts: list[Fact] = []
    for mention in entity.mentions:
        place = mention.place
        if place is None and mention.country is not None:
            place = gazetteer.lookup(mention.country, PLACE_CLASSES)
        if place is None and mention.source == "name":
            # A law or scheme named after its country ("the Testland Pension Act") is not
            # said to be located there; one named after a province or town is.
            inside = [entry for _, _, entry in gazetteer.scan(mention.text) if entry.is_place
                      and (entity.cls in ORGANISATION_CLASSES or entry.cls != SPKG.Country)]
            place = inside[0] if inside else None
        if place is not None:
            sentence = document.sentence_at(mention.span.start)
            facts.append(Fact(entity.iri, SPKG.locatedIn, place.iri, sentence, (mention.span,)))
            break
    return facts


def organisation_fact_for_name(
    name: str, document: Document, sentence: Span, words: Span, gazetteer: Gazetteer
) -> tuple[URIRef, list[Fact]]:
    """The organisation a partners-line name stands for, linked like a prose mention."""
    cls = class_from_head(name)
    reference = gazetteer.lookup(name)
    if reference is not None and reference.cls not in ORGANISATION_CLASSES:
        reference = None
    if cls not in ORGANISATION_CLASSES:
        cls = ORG.Organization
    mention = Mention(words, name, reference.cls if reference else cls, reference)
    if cls == SPKG.Government:
        governed = name.split(" of ", 1)[-1]
        place = gazetteer.lookup(governed, PLACE_CLASSES)
        if place is not None:
            mention.name, mention.place = f"Government of {place.label}", place
    entity = link_mentions([mention], gazetteer)[0]
    facts = [Fact(f.subject, f.predicate, f.object, sentence, f.words or (words,))
             for f in entity_facts(document, entity, gazetteer)]
    return entity.iri, facts
