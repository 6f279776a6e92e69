"""Facts about entities themselves: type, label, other names, and the place a name or a
"Government of …" states; and a partners-line name linked like a prose mention (so that a
partner and the same body named in prose are one IRI)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from spkg.ingest import lexicon
from spkg.ingest.entities import capitalised_spans
from spkg.ingest.gazetteer import (
    PLACE_CLASSES,
    Entry,
    Gazetteer,
    country_holding,
    normalise_name,
    spellings,
)
from spkg.ingest.linking import Entity, link_mentions
from spkg.ingest.mentions import Mention
from spkg.ingest.mentions.base import country_of_adjective
from spkg.ingest.naming import ORGANISATION_CLASSES, class_from_head
from spkg.ingest.records import Document, Fact, Span
from spkg.ingest.world import load_world_places
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
        return _reference_place(document, entity, gazetteer)
    facts: list[Fact] = []
    for mention in entity.mentions:
        place = mention.place
        if place is None and mention.country is not None:
            place = gazetteer.lookup(mention.country, PLACE_CLASSES)
        if place is None and mention.source in {"name", "romance-name"}:
            place = _place_in_name(mention.text, entity, document.text, gazetteer)
        if place is None and mention.source == "name" and entity.cls in ORGANISATION_CLASSES:
            place = _adjective_in_name(mention.text, gazetteer)
        if place is not None and place.cls == SPKG.Country and entity.cls == SPKG.Place:
            # "Voinjama, Lofa County": in the subdivision, and (as the guide has every town)
            # in the country too
            area = _subdivision_after(document.text, mention, place)
            if area is not None:
                facts.append(Fact(entity.iri, SPKG.locatedIn, place.iri,
                                  document.sentence_at(mention.span.start), (mention.span,)))
                place = area
        if place is not None and is_ilo_unit(entity) and not named_outside(
                place, entity, document.text, gazetteer):
            break  # "the ILO Office for Ghana and Togo": a seat the text does not name
        if place is not None:
            sentence = document.sentence_at(mention.span.start)
            facts.append(Fact(entity.iri, SPKG.locatedIn, place.iri, sentence, (mention.span,)))
            break
    return facts


# A nationality adjective opening a name or its complement: "Ruritanian Academy of …",
# "South Ruritanian Pension Agency", "Union of Ruritanian Employers" (not "Indian Ocean …")
_ADJECTIVE_IN_NAME = re.compile(
    r"(?:^(?:the\s+)?|\bof\s+(?:the\s+)?)(?P<one>[A-Z][a-z]+)(?:\s+(?P<two>[A-Z][a-z]+))?"
    r"(?=\s+[A-Z])(?!\s+(?:Ocean|Sea|Gulf|Peninsula|Basin)\b)")


def _adjective_in_name(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The country an organisation's English name holds by its nationality adjective (the
    guide: "the country its English name holds, name or demonym")."""
    for match in _ADJECTIVE_IN_NAME.finditer(name):
        one, two = match["one"], match["two"]
        if two is not None:
            known = lexicon.demonyms().get(f"{one} {two}".casefold())
            entry = gazetteer.lookup(known, PLACE_CLASSES) if known else None
            if entry is not None and entry.cls == SPKG.Country:
                return entry
        entry = country_of_adjective(one, gazetteer)
        if entry is not None and entry.cls == SPKG.Country:
            return entry
    return None


# A unit of the ILO by its name ("ILO Country Office for …", "Bureau de l'OIT pour …")
_ILO_UNIT = re.compile(r"^(?:ILO|OIT|BIT)\b|\b(?:de\s+l['’]OIT|du\s+BIT|de\s+la\s+OIT|da\s+OIT)\b")


def is_ilo_unit(entity: Entity) -> bool:
    return _ILO_UNIT.search(entity.label) is not None


def named_outside(place: Entry, entity: Entity, text: str, gazetteer: Gazetteer) -> bool:
    """Whether the text names ``place`` other than inside ``entity``'s mentions: a place
    named only inside an ILO office's name is no entity, so the office is not placed there
    (an office for the text's own country is, the country being named elsewhere)."""
    inside = [m.span for m in entity.mentions]
    return any(entry.iri == place.iri and not any(s.start <= start < s.end for s in inside)
               and not _IN_ILO_NAME.search(text, max(0, start - 160), start)
               for start, _, entry in _scanned(text, gazetteer))


# The words of an ILO unit's name before a country it holds: "ILO Office for Mexico and ",
# "ILO Decent Work Team for South Asia and Country Office for "
_IN_ILO_NAME = re.compile(r"\b(?:ILO|OIT|BIT)\s+(?:[A-Z][\w'’-]*\s+){0,8}(?:for|pour|para|em)\s+"
                          r"(?:(?:[A-Z][\w'’-]*|and|et|y|e|for|of|the|pour|para|de|du|des|la|"
                          r"le|el|l['’])[ \t]*,?[ \t]+){0,12}$")


@lru_cache(maxsize=4)
def _scanned(text: str, gazetteer: Gazetteer) -> tuple[tuple[int, int, Entry], ...]:
    return tuple(gazetteer.scan(text))


# A town's subdivision in apposition: "Osorno, región de Los Lagos", "Kirakira, Makira",
# "Kumasi, in the Ashanti Region", "Thiès, région de Thiès"
_APPOSED = re.compile(r",\s*(?:in\s+)?(?:the\s+)?(?:(?:region|province|department|state|district|"
                      r"county|región|provincia|departamento|estado|distrito|région|département|"
                      r"província|região)\s+(?:of\s+|de\s+la\s+|de\s+l['’]|del\s+|de\s+|du\s+|"
                      r"da\s+|do\s+)?)?(?:la\s+|le\s+|el\s+|les\s+)?")


def _subdivision_after(text: str, mention: Mention, country: Entry) -> Entry | None:
    """The subdivision of ``country`` a town's mention is followed by, in apposition: the
    town is located there (the finer place the text states), not in the country."""
    apposed = _APPOSED.match(text, mention.span.end)
    if apposed is None:
        return None
    for hit in load_world_places().scan(text, apposed.end(), min(len(text), apposed.end() + 60)):
        if hit.start != apposed.end():
            break
        return next((e for e in hit.entries
                     if e.cls == SPKG.Province and e.part_of == country.iri), None)
    return None


# A name in French, Spanish or Portuguese: their connectors, and none of English's
_NATIONAL = re.compile(r"(?i)\b(?:du|des|de|del|da|do|dos|das|la|le|les|el|los|las|et|y)\b")
_ENGLISH = re.compile(r"(?i)\b(?:of|the|and|for)\b")


def _place_in_name(name: str, entity: Entity, text: str, gazetteer: Gazetteer) -> Entry | None:
    """The place a name holds. A law or scheme named after its country ("the Testland
    Pension Act") is not said to be located there; one named after a province or town is.
    An organisation is located in the country its name holds spelt as in English ("… du
    Niger", not "… de Guinée"); a name holding several countries (an office for a
    subregion) says nothing; a short name a named country's longer one holds ("Congo" in a
    text about the DR Congo) is that country in an English name, nothing in a national one."""
    organisation = entity.cls in ORGANISATION_CLASSES
    inside = [(name[start:end], entry) for start, end, entry in gazetteer.scan(name)
              if entry.is_place and (organisation or entry.cls != SPKG.Country)]
    if not inside:
        return None
    if organisation and len({e.iri for _, e in inside if e.cls == SPKG.Country}) > 1:
        return None
    words, place = inside[0]
    if place.cls != SPKG.Country:
        return place
    # accents kept: "Haïti" and "Sénégal" are the French spellings, not the English ones
    english = {spelling.casefold() for n in (*place.names, place.label)
               for spelling in spellings(n)}
    if words.casefold() not in english:
        return None  # "Confédération … de Guinée": the French spelling
    holder = country_holding(place, _named_countries(text, gazetteer))
    if holder is None:
        return place
    national = _NATIONAL.search(name) is not None and _ENGLISH.search(name) is None
    return None if national else holder


# a country named as the complement of a capitalised name ("Fédération … du Congo"),
# not by itself
_COMPLEMENT = re.compile(r"(?:[A-Z][\w'’-]*\s+of(?:\s+the)?|\w[\w'’-]*\s+(?:du|de|des|del|da|do|"
                         r"dos|das))\s+$")


def _complemented(text: str, start: int) -> bool:
    """Whether the country name at ``start`` completes a capitalised name ("Fédération …
    du Congo"): searched in the 100 characters before it, as a search from the text's
    start for every name made this grow with the square of the text's length."""
    return _COMPLEMENT.search(text, max(0, start - 100), start) is not None


@lru_cache(maxsize=8)
def _named_countries(text: str, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """The countries a text names by themselves (in its prose, not inside a name)."""
    found = {entry.iri: entry for start, _, entry in gazetteer.scan(text)
             if entry.cls == SPKG.Country and not _complemented(text, start)}
    return tuple(found.values())


def _reference_place(document: Document, entity: Entity, gazetteer: Gazetteer) -> list[Fact]:
    """A known organisation (a donor) is located in the country its English name holds, by
    name or nationality adjective ("Luxembourg Agency for …", "Swiss Agency for …"), as the
    annotation guides count it; the reference data says nothing of where it is."""
    reference = entity.reference
    if reference is None or reference.cls not in ORGANISATION_CLASSES or not entity.mentions:
        return []
    # its preferred label only: "Deutsche Gesellschaft …" holds no English spelling, though
    # an altLabel translates it; a two-word brand ("Irish Aid") the annotations leave be
    words = reference.label.split()
    if len(words) < 3:
        return []
    country = lexicon.demonyms().get(words[0].casefold())
    place = gazetteer.lookup(country, PLACE_CLASSES) if country else None
    place = place or _country_named_in(reference.label, gazetteer)
    if place is None or place.cls != SPKG.Country:
        return []
    first = entity.mentions[0]
    return [Fact(entity.iri, SPKG.locatedIn, place.iri, document.sentence_at(first.span.start),
                 (first.span,))]


def _country_named_in(name: str, gazetteer: Gazetteer) -> Entry | None:
    """The one country whose English name is a run of ``name``'s words."""
    key = f" {normalise_name(name)} "
    found = {e.iri: e for n, e in _country_names(gazetteer).items() if f" {n} " in key}
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=2)
def _country_names(gazetteer: Gazetteer) -> dict[str, Entry]:
    return {normalise_name(n): e for e in gazetteer.entries.values() if e.cls == SPKG.Country
            for n in (*e.names, e.label) if len(n) > 3}


def organisation_fact_for_name(
    name: str, document: Document, sentence: Span, words: Span, gazetteer: Gazetteer,
    prose: Callable[[], list[Entity]] | None = None,
) -> tuple[URIRef, list[Fact]]:
    """The organisation a partners-line name stands for, linked like a prose mention;
    ``prose`` gives the prose's entities, asked for only when the name is an acronym."""
    cls = class_from_head(name)
    reference = gazetteer.lookup(name)
    if reference is not None and reference.cls not in ORGANISATION_CLASSES:
        reference = None
    if reference is None and prose is not None:
        defined = _prose_acronym(name, prose)
        if defined is not None:  # "Partners: MTEJ, CRPS": the bodies the prose introduced
            return defined.iri, []
    english = None if reference is not None else _english_name(name, document.text)
    if english is not None:  # "Office national de sécurité sociale": the prose's NSSO
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


# An acronym by itself: capitals (and digits), maybe hyphenated ("UNTA-CS", "MoLSD")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Z0-9]+)*")


def _prose_acronym(name: str, prose: Callable[[], list[Entity]]) -> Entity | None:
    """The one organisation the prose names in full with ``name`` as its acronym ("the
    Instituto Nacional de Segurança Social (INSS)"), for a partners line of acronyms."""
    if not _ACRONYM.fullmatch(name) or sum(c.isupper() for c in name) < 2:
        return None
    found = [e for e in prose() if e.cls in ORGANISATION_CLASSES and name in e.acronyms
             and any(m.text != name for m in e.mentions)]
    return found[0] if len(found) == 1 else None


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
            # "Ministry of Labour, Youth and Vocational Training": a list in its complement
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
