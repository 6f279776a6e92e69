"""Entities and relations from a document's prose and bullets, as Facts.

    regions (sections) → mentions (entities.py) → entities with IRIs (linking.py)
        → type/label facts (entity_facts.py) → relation facts (relations.py)

Each stage takes the previous one's output; none calls back into an earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import URIRef

from spkg.ingest.detect import RESULT_RECORD
from spkg.ingest.entities import MentionFinder
from spkg.ingest.entity_facts import entity_facts, organisation_fact_for_name
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import Entity, link_mentions
from spkg.ingest.naming import INTERVENTION_CLASSES
from spkg.ingest.outcomes import outcome_summaries
from spkg.ingest.records import Document, Fact, Span
from spkg.ingest.relations import document_country, read_relations
from spkg.namespace import SPKG, mint

# Sections whose lines are read by the record parser, or are no prose at all.
NON_PROSE_SECTIONS = frozenset({
    "caption", "photo-link", "dateline", "header", "keywords", "partners", "partnerships",
    "in-partnership",
    "principles", "indicator", "sdg", "coverage", "key-resources", "linked-projects",
})


def prose_regions(document: Document) -> list[Span]:
    """The spans extraction reads: every section body except boilerplate and record fields."""
    if not document.sections:
        return [Span(0, len(document.text))]
    return [s.body for s in document.sections
            if s.name not in NON_PROSE_SECTIONS and s.body.end > s.body.start]


def extract_prose(document: Document, gazetteer: Gazetteer, *,
                  disabled: Iterable[str] = ()) -> list[Fact]:
    """Every entity mentioned in the prose, typed and labelled, and the relations stated
    (by every relation rule but those named in ``disabled``)."""
    regions, entities = prose_entities(document, gazetteer)
    facts = [fact for entity in entities for fact in entity_facts(document, entity, gazetteer)]
    facts += read_relations(document, entities, gazetteer, regions, disabled=disabled)
    facts += _outcome_interventions(document, entities)
    return _unique(facts)


def prose_entities(document: Document, gazetteer: Gazetteer) -> tuple[list[Span], list[Entity]]:
    """The prose regions, and the entities their mentions name (linked, offices named)."""
    regions = prose_regions(document)
    mentions = MentionFinder(document.text, gazetteer).find(regions)
    entities = link_mentions(mentions, gazetteer)
    _name_offices(entities, document_country(entities, gazetteer))
    return regions, entities


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


__all__ = ["extract_prose", "organisation_fact_for_name", "prose_entities", "prose_regions"]
