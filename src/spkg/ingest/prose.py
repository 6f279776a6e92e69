"""Entities and relations from a document's prose and bullets, as Facts.

    mentions (entities.py) → entities with IRIs (linking.py) → type/label facts (here)
                                                          → relation facts (relations.py)
"""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from spkg.ingest.detect import RESULT_RECORD
from spkg.ingest.entities import Mention, MentionFinder
from spkg.ingest.fields import outcome_summaries
from spkg.ingest.gazetteer import PLACE_CLASSES, Gazetteer
from spkg.ingest.linking import Entity, link_mentions
from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES, class_from_head
from spkg.ingest.records import Document, Fact, Span
from spkg.ingest.relations import RelationReader, document_country
from spkg.namespace import ORG, SPKG, mint

# Sections whose lines are read by the record parser, or are no prose at all.
NON_PROSE_SECTIONS = frozenset({
    "caption", "photo-link", "dateline", "header", "keywords", "partners", "in-partnership",
    "principles", "indicator", "sdg", "coverage", "key-resources", "linked-projects",
})


def prose_regions(document: Document) -> list[Span]:
    """The spans extraction reads: every section body except boilerplate and record fields."""
    if not document.sections:
        return [Span(0, len(document.text))]
    return [s.body for s in document.sections
            if s.name not in NON_PROSE_SECTIONS and s.body.end > s.body.start]


def extract_prose(document: Document, gazetteer: Gazetteer) -> list[Fact]:
    """Every entity mentioned in the prose, typed and labelled, and the relations stated."""
    regions = prose_regions(document)
    mentions = MentionFinder(document.text, gazetteer).find(regions)
    entities = link_mentions(mentions, gazetteer)
    _name_offices(entities, document_country(entities, gazetteer))
    facts = [fact for entity in entities for fact in entity_facts(document, entity, gazetteer)]
    facts += RelationReader(document, entities, gazetteer).read(regions)
    facts += _outcome_interventions(document, entities)
    return _unique(facts)


def _outcome_interventions(document: Document, entities: list[Entity]) -> list[Fact]:
    """A result is the outcome of the intervention its summary names first ("The Mazdoor Ka
    EHSAAS programme … was launched"); a summary naming none (only a body or a government)
    gives nothing."""
    if document.kind != RESULT_RECORD:
        return []
    facts: list[Fact] = []
    for outcome, summary in outcome_summaries(document):
        named = sorted(((m, e) for e in entities if e.cls in INTERVENTION_CLASSES
                        for m in e.mentions
                        if summary.start <= m.span.start and m.span.end <= summary.end),
                       key=lambda pair: pair[0].span.start)
        if named:
            mention, entity = named[0]
            facts.append(Fact(outcome, SPKG.outcomeOf, entity.iri,
                              document.sentence_at(mention.span.start), (mention.span,)))
    return facts


def _name_offices(entities: list[Entity], country: str) -> None:
    """"the Prime Minister" of a document about Pakistan is the Prime Minister of Pakistan;
    its "DWCP (2016-22)" is the Pakistan Decent Work Country Programme 2016-22."""
    if not country:
        return
    for entity in entities:
        if any(m.source == "office" for m in entity.mentions):
            entity.names.add(entity.label)
            entity.label = f"{entity.label} of {country}"
            entity.iri = mint("organisation", entity.label)
        elif any(m.country_wide for m in entity.mentions) and entity.reference is None:
            entity.names.add(entity.label)
            entity.label = f"{country} {entity.label}"
            entity.iri = mint(entity.kind, entity.label)


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
            inside = [entry for _, _, entry in gazetteer.scan(mention.text) if entry.is_place]
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


def _unique(facts: list[Fact]) -> list[Fact]:
    """The first fact for each triple (the mapping reifies each triple once)."""
    seen: set[tuple[URIRef, URIRef, object]] = set()
    kept: list[Fact] = []
    for fact in facts:
        key = (fact.subject, fact.predicate, fact.object)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept
