"""Facts about entities themselves: type, label, other names, and the place a name or a
"Government of …" states; and a partners-line name linked like a prose mention (so that a
partner and the same body named in prose are one IRI)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from spkg.ingest import lexicon
from spkg.ingest.entities import capitalised_spans
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
    english = None if reference is not None else _english_name(name, document.text)
    if english is not None:  # "Caisse nationale de sécurité sociale": the prose's NSSF
        cls = class_from_head(english) or cls
    if cls not in ORGANISATION_CLASSES:
        cls = ORG.Organization
    mention = Mention(words, name, reference.cls if reference else cls, reference,
                      name=english)
    if cls == SPKG.Government:
        governed = name.split(" of ", 1)[-1]
        place = gazetteer.lookup(governed, PLACE_CLASSES)
        if place is not None:
            mention.name, mention.place = f"Government of {place.label}", place
    entity = link_mentions([mention], gazetteer)[0]
    facts = [Fact(f.subject, f.predicate, f.object, sentence, f.words or (words,))
             for f in entity_facts(document, entity, gazetteer)]
    return entity.iri, facts


# Words a name's meaning does not rest on, in English, French, Spanish and Portuguese.
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le",
                         "les", "del", "los", "las", "el", "et", "y", "e", "da", "do", "dos",
                         "das", "a", "à", "au", "aux", "en", "para", "pour", "por"})
_CAPITALS = r"[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*"
_LIST_TAIL = re.compile(rf"(?:,[ \t]+{_CAPITALS})*,?[ \t]+and[ \t]+{_CAPITALS}")
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")


def _meaning(name: str) -> frozenset[str]:
    """What a name says, whatever its language: its words but connectors, each in English
    where the glossary knows it, cut to five letters so that cognates and adjectives meet
    ("nationale"/"national", "hondureño"/"Honduran"); word order left out."""
    glossary = lexicon.institution_words()
    keys = set()
    for word in _WORD.findall(name.casefold()):
        word = re.sub(r"^[ld][’']", "", word)  # "l'agriculture", "d'assurance"
        if word in _CONNECTORS:
            continue
        word = glossary.get(word, word)
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        keys.add(plain[:5])
    return frozenset(keys)


@lru_cache(maxsize=8)
def _organisation_names(text: str) -> dict[frozenset[str], str]:
    """The meaning of each capitalised organisation name of a text → the name (a meaning
    two different names share is left out: it would not say which)."""
    names: dict[frozenset[str], str] = {}
    shared: set[frozenset[str]] = set()
    for start, end in capitalised_spans(text, Span(0, len(text))):
        words = re.sub(r"^(?:the|The)\s+", "", text[start:end])
        if class_from_head(words) not in ORGANISATION_CLASSES:
            continue
        tail = _LIST_TAIL.match(text, end)
        if tail and not any(class_from_head(item) for item in re.split(
                r",\s+|\s+and\s+", tail.group(0)) if item):
            # "Ministry of Labour, Employment and Social Security": a list in its complement
            words += tail.group(0)
        meaning = _meaning(words)
        if len(meaning) < 2:
            continue
        if names.setdefault(meaning, words) != words:
            shared.add(meaning)
    return {meaning: words for meaning, words in names.items() if meaning not in shared}


def _english_name(name: str, text: str) -> str | None:
    """The name the text gives in English to the body ``name`` names in French, Spanish or
    Portuguese (a partners line in the language of the country, prose in English)."""
    found = _organisation_names(text).get(_meaning(name))
    return found if found is not None and found != name else None
