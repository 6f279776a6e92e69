"""Towns and subdivisions of every country (data/reference/world/, spkg.ingest.world).

A name is read as a place when it is written with capitals (the automaton is
case-sensitive) and stands alone (not a word of a longer capitalised name such as
"Kampala Declaration"), and then:

- the place is in a country the document names: taken, unless the name is a common English
  word ("Victoria"), which needs a place cue before it ("in Victoria", "city of Victoria");
- otherwise only a large town (population >= BIG_TOWN) or a country's capital with a
  place cue before it ("a workshop in Geneva", "the office in Suva"), so that a town of
  another country does not come from a capitalised word of the text. (Word frequencies
  cannot tell "Geneva" from "Reading": both are frequent; the cue can.)

A type word next to a name that is only a word, or to the list it is in, makes it that
subdivision ("the Central and Eastern provinces"); a local name that is also a word is a
place when listed with another place ("St. Lucy and St. Peter").
Names are matched with or without accents, hyphens and abbreviations (spkg.ingest.world).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import fuzz, process
from rdflib import URIRef

from spkg.ingest.gazetteer import Entry, normalise_name
from spkg.ingest.mentions.base import Context, Mention, recogniser
from spkg.ingest.records import Span
from spkg.ingest.world import Hit, load_world_places
from spkg.namespace import SPKG

BIG_TOWN = 100_000
_PREPOSITIONS = (r"(?<![\w’'-])(?:in|at|from|to|near|across|of|city of|town of|district of|"
                 r"province of|region of|capital,?|à|en|dans|desde|hacia)")  # French, Spanish
_PLACE_CUE = re.compile(rf"(?:{_PREPOSITIONS}|[A-Za-z]+,)\s+(?:the\s+)?$")
# a town of another country needs a preposition: "In Zambia, Concord …" is no place
_FOREIGN_CUE = re.compile(rf"{_PREPOSITIONS}\s+(?:the\s+)?$")
_TYPE_WORDS = frozenset({"Province", "District", "County", "Region", "City", "Municipality",
                         "Division", "State", "Department", "Governorate", "Town", "Prefecture",
                         "Commune", "Township"})
# "Kachin and Shan States": a list's type word is plural
_TYPE_WORDS |= {"Counties", "Cities", "Municipalities"} | {
    f"{word}s" for word in _TYPE_WORDS if not word.endswith("y")}
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w’'-]*)")
_PREVIOUS_WORD = re.compile(r"([A-Z][\w’'-]*)[ \t]+$")
_CONNECTED = re.compile(r"(?:\b(?:of|for|on)\s+(?:the\s+)?)$")  # "Bank of Zambia", "… of Lima"


# Type words written after or before a list of subdivisions ("the Plateaux and Maritime regions",
# "the regions of Junín and San Martín", "les régions de Kara et des Savanes"), in the
# ILO's three languages, mapped to the type word the tables name subdivisions with.
_SUBDIVISION_TYPES = {
    "region": "Region", "regions": "Region", "région": "Region", "régions": "Region",
    "región": "Region", "regiones": "Region",
    "province": "Province", "provinces": "Province", "provincia": "Province",
    "provincias": "Province",
    "district": "District", "districts": "District", "distrito": "District",
    "distritos": "District",
    "department": "Department", "departments": "Department", "département": "Department",
    "départements": "Department", "departamento": "Department", "departamentos": "Department",
    "state": "State", "states": "State", "estado": "State", "estados": "State",
    "county": "County", "counties": "County", "parish": "Parish", "parishes": "Parish",
    "governorate": "Governorate", "governorates": "Governorate",
    "prefecture": "Prefecture", "prefectures": "Prefecture", "préfecture": "Prefecture",
    "préfectures": "Prefecture",
    "municipality": "Municipality", "municipalities": "Municipality",
    "municipio": "Municipality", "municipios": "Municipality",
}
_TYPE_ALTERNATIVES = "|".join(sorted(_SUBDIVISION_TYPES, key=len, reverse=True))
_LISTED_NAME = r"[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*"
_LIST_JOIN = r"[ \t]*(?:,|\band\b|\bet\b|\by\b|&)[ \t]*(?:(?:the|des|de|du|la|le|l’|l')[ \t]*)?"
# "… and Kara regions" / "Kara region": the type word after the name (and the rest of a list)
_TYPE_AFTER = re.compile(rf"(?:{_LIST_JOIN}{_LISTED_NAME})*[ \t]+(?i:({_TYPE_ALTERNATIVES}))\b")
# "the regions of Áncash, Ucayali and …": the type word before the list the name ends
_TYPE_BEFORE = re.compile(
    rf"\b(?i:({_TYPE_ALTERNATIVES}))[ \t]+(?:of|de|del|des|du)[ \t]+(?:(?:the|la|l’|l')[ \t]*)?"
    rf"(?:{_LISTED_NAME}{_LIST_JOIN})*$")
_JOINED = re.compile(rf"^{_LIST_JOIN}$")


@recogniser("places", "world-places")
def world_places(context: Context, region: Span) -> Iterator[Mention]:
    world = load_world_places()
    text = context.text
    hits = [hit for hit in world.scan(text, region.start, region.end)
            if _stands_alone(text, hit)]
    chosen: list[Entry | None] = []
    held: list[bool] = []  # a local name that is also a common word, without a cue
    for hit in hits:
        cue = bool(_PLACE_CUE.search(text, max(0, hit.start - 20), hit.start))
        foreign = cue and bool(_FOREIGN_CUE.search(text, max(0, hit.start - 20), hit.start))
        # a name the tables give a place of its own keeps it: annotators, like the text,
        # call "Dedza" in "Ntcheu, Dedza and Salima districts" Dedza
        entry = (_choose(context, hit, cue, foreign)
                 or _typed_subdivision(context, text, hit))
        chosen.append(entry)
        held.append(entry is None and _choose(context, hit, True) is not None)
    for index, hit in enumerate(hits):
        entry = chosen[index]
        if entry is None and held[index] and _listed_with_a_place(text, hits, chosen, index):
            entry = _choose(context, hit, True)  # "St. Lucy and St. Peter": a list
        if entry is None:
            continue
        country = context.gazetteer.get(entry.part_of) if entry.part_of is not None else None
        if country is not None and _unsure_country(context, hit, entry):
            country = None  # the town, but not a guess at its country
        yield Mention(Span(hit.start, hit.end), hit.name, entry.cls, entry, source="place",
                      place=country)


def _unsure_country(context: Context, hit: Hit, entry: Entry) -> bool:
    """Whether a town's country is a guess: towns of that name lie in several countries,
    and the one taken is neither the document's own country nor a capital. Of a town that
    Ruritania and a donor country both have, "trained in Santa Ana" in a text about
    Ruritania that names the donor does not tell which (no table lists every town)."""
    if entry.capital or len({e.part_of for e in hit.entries}) < 2:
        return False
    own = context.country
    return own is not None and entry.part_of != own.iri


def _typed_subdivision(context: Context, text: str, hit: Hit) -> Entry | None:
    """The subdivision of the document's countries a type word next to the name (or to the
    list it is in) makes it, for a name that is only a word: "the Central and Eastern
    provinces" are Central Province and Eastern Province."""
    after = _TYPE_AFTER.match(text, hit.end)
    before = None if after else _TYPE_BEFORE.search(text, max(0, hit.start - 160), hit.start)
    found = after or before
    if found is None:
        return None
    typed = f"{hit.name} {_SUBDIVISION_TYPES[found.group(1).casefold()]}"
    # the tables' own type word first; else the one subdivision of the document's countries
    # the name is (the text's type word may differ from ISO's: "the Lakes Region" for a
    # "Lakes Division")
    exact = next((e for e in load_world_places().named(typed)
                  if e.part_of in context.countries), None)
    subdivisions = {e.iri: e for e in hit.entries
                    if e.cls == SPKG.Province and e.part_of in context.countries}
    if exact is None and len(subdivisions) == 1:
        return next(iter(subdivisions.values()))
    return exact


def _listed_with_a_place(text: str, hits: list[Hit], chosen: list[Entry | None],
                         index: int) -> bool:
    """The hit is joined by a comma or "and" to a place found without help: a place of
    the document's country, or a large town or capital ("visits to Bangkok and Manila")."""
    for other in (index - 1, index + 1):
        if not 0 <= other < len(hits) or chosen[other] is None:
            continue
        first, second = sorted((hits[index], hits[other]), key=lambda h: h.start)
        if _JOINED.match(text[first.end : second.start]):
            return True
    return False


def _stands_alone(text: str, hit: Hit) -> bool:
    """Not one word of a longer capitalised name ("Nairobi Securities Exchange")."""
    following = _NEXT_WORD.match(text, hit.end)
    if following and following.group(1) not in _TYPE_WORDS:
        return False
    before = text[max(0, hit.start - 40) : hit.start]
    previous = _PREVIOUS_WORD.search(before)
    if previous and not _sentence_initial(text, hit.start - len(previous.group(0))):
        return False  # "the Lusaka Declaration" passes; "University Lusaka" does not
    return not (_CONNECTED.search(before) and _capitalised_before_connector(before))


def _sentence_initial(text: str, start: int) -> bool:
    # back over blanks from start, not text[:start].rstrip(): a copy of all the text before
    # each place name made finding places quadratic in a long document
    position = start
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    return position == 0 or text[position - 1] in ".!?:\n•"


def _capitalised_before_connector(before: str) -> bool:
    """"Bank of Zambia", "Municipality of Lima": the town belongs to a name before it."""
    words = re.sub(r"\s*\b(?:of|for|on)\s+(?:the\s+)?$", "", before).split()
    return bool(words) and words[-1][:1].isupper() and words[-1] not in {"In", "From", "At"}


def _choose(context: Context, hit: Hit, cue: bool, foreign_cue: bool | None = None
            ) -> Entry | None:
    local = [e for e in hit.entries if e.part_of in context.countries]
    own = context.country
    if own is not None:  # the document's own country's town before a donor country's
        local.sort(key=lambda e: e.part_of != own.iri)
    if local:
        # a place whose own name the words are beats one they are another name of (GeoNames
        # names the town of Jalal-Abad "Manas"; "Jalal-Abad" is first the province's name)
        key = normalise_name(hit.name)
        entry = next((e for e in local if normalise_name(e.label) == key), local[0])
        if cue or not entry.common_word:
            return entry
        # the same place may be listed under a plain name and, marked common, a word
        return next((e for e in local if e.iri == entry.iri and not e.common_word), None)
    biggest = hit.entries[0]
    if (cue if foreign_cue is None else foreign_cue) and (
            biggest.population >= BIG_TOWN or biggest.capital):
        # "a meeting in Geneva", "the ILO office in Suva": a place cue makes even a frequent
        # word one, for a large town or a country's capital
        return biggest
    return None


# "Sindhupalchok District", "Mwinilunga District": a place that no table lists, named with
# its type. The place is the name without the type word (as the tables name places whose
# bare name is unambiguous: "Turkana" for Turkana County), part of the document's country.
_TYPED_PLACE = re.compile(
    r"(?<![\w-])((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+)?)[ \t]+"
    r"(District|Province|County|Municipality|Governorate|Prefecture|Division)(?![\w-])")
_NOT_PLACE_NAMES = frozenset({
    "Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West",
    "Upper", "Lower", "Capital", "Federal", "Special", "Autonomous", "Metropolitan", "Greater",
    "Coastal", "Rural", "Urban", "New", "Each", "Every", "Pilot", "Target", "The", "This", "That",
    "Which", "Their", "Its", "Our", "Other", "Some", "Many", "All", "Several", "Selected",
    "Project", "Programme", "Health", "Labour", "Education", "School", "Police", "Court",
    "Council", "Office", "Administration", "Government", "Provincial", "District", "County"})


@recogniser("places", "typed-place")
def typed_places(context: Context, region: Span) -> Iterator[Mention]:
    country = context.country
    if country is None:
        return
    text = context.text
    for match in _TYPED_PLACE.finditer(text, region.start, region.end):
        name = match.group(1)
        if any(word in _NOT_PLACE_NAMES for word in re.split(r"[ -]", name)):
            continue
        if _NEXT_WORD.match(text, match.end()) or context.gazetteer.lookup(name) is not None:
            continue  # "Kasese District Council"; a name the reference data knows otherwise
        previous = _PREVIOUS_WORD.search(text[max(0, match.start() - 40) : match.start()])
        if previous and not _sentence_initial(text, match.start() - len(previous.group(0))):
            continue  # "the Ministry Sindhupalchok District …": inside a longer name
        yield Mention(Span(match.start(), match.end()), match.group(0), SPKG.Place,
                      source="place", name=name, place=country)


# "Pétion-Ville" for GeoNames' "Pétionville", "Grand'Anse" for ISO's "Grande’Anse": a compound
# name (hyphen or apostrophe between capitalised parts) that the tables write joined or
# with a letter more. Compared without spaces, hyphens and apostrophes, among the places
# of the document's countries only, so that a compound word of the text is not a town.
# "Mazar-e-Sharif", "Dar-es-Salaam": a short lowercase particle may join the parts.
_COMPOUND = re.compile(r"(?<![\w’'-])[A-Z]\w*(?:[’'-](?:[a-z]{1,3}[’'-])?[A-Z]\w*)+(?![\w’'-])")
COMPOUND_SIMILARITY = 90.0  # rapidfuzz ratio of the compact forms ("grandanse"/"grandeanse")


@recogniser("places", "compound-place")
def compound_places(context: Context, region: Span) -> Iterator[Mention]:
    countries = context.countries
    if not countries:
        return
    text = context.text
    # (a press release's dateline in capitals, "LIMA (ILO News)", is not matched: the
    # annotated batches mostly leave it out)
    for match in _COMPOUND.finditer(text, region.start, region.end):
        entry = _compact_place(match.group(), countries)
        if entry is None or not _stands_alone(
                text, Hit(match.start(), match.end(), match.group(), (entry,))):
            continue
        yield Mention(Span(match.start(), match.end()), match.group(), entry.cls, entry,
                      source="place",
                      place=context.gazetteer.get(entry.part_of)
                      if entry.part_of is not None else None)


def _compact(name: str) -> str:
    return normalise_name(name).replace(" ", "")


@lru_cache(maxsize=64)
def _compact_index(countries: frozenset[URIRef]) -> dict[str, Entry]:
    """Compact name → place, for the places of ``countries`` (most populous first wins)."""
    index: dict[str, Entry] = {}
    places = sorted((e for e in load_world_places().entries if e.part_of in countries),
                    key=lambda e: -e.population)
    for entry in places:
        for name in entry.names:
            index.setdefault(_compact(name), entry)
    return index


@lru_cache(maxsize=64)
def _compact_keys(countries: frozenset[URIRef]) -> list[str]:
    """The compact names of ``_compact_index``, listed once for the fuzzy match."""
    return list(_compact_index(countries))


def _compact_place(name: str, countries: frozenset[URIRef]) -> Entry | None:
    return _compact_key_place(_compact(name), countries)


@lru_cache(maxsize=4096)  # the same words recur across a document: one fuzzy match each
def _compact_key_place(key: str, countries: frozenset[URIRef]) -> Entry | None:
    index = _compact_index(countries)
    if key in index or len(key) < 6:
        return index.get(key)
    close = process.extractOne(key, _compact_keys(countries), scorer=fuzz.ratio,
                               score_cutoff=COMPOUND_SIMILARITY)
    if close is None or close[0][0] != key[0] or close[0][-1] != key[-1]:
        return None
    return index[close[0]]


# A news dateline: the town in capitals that opens a press release's first paragraph,
# before the news service's name or the date: "MAPUTO (ILO News) –", "PORT OF SPAIN,
# Trinidad and Tobago (ILO News) –", "NOUAKCHOTT, le 5 mai 2022 (BIT Info) –".
_DATELINE_TOWN = re.compile(
    r"^[ \t]*(?P<town>[A-ZÀ-Ý][A-ZÀ-Ý'’-]*(?:[ \t]+[A-ZÀ-Ý][A-ZÀ-Ý'’-]*){0,5})"
    # "(ILO News)", "(BIT Info)", and the Spanish/Portuguese order "(Noticias OIT)"
    r"(?=[ \t]*(?:,[^(\n]{0,60})?\((?:[A-ZÀ-Ý][a-zà-ÿ]+[ \t]+)?(?:ILO|OIT|BIT)\b[^)\n]{0,30}\))",
    re.MULTILINE)


def _named_elsewhere(text: str, dateline: re.Match[str]) -> bool:
    """Whether the text names the dateline's town again, in any case: the prose's mention
    is then the one read (the batches annotated before fresh-7 left such datelines out)."""
    town = re.escape(dateline.group("town"))
    return any(m.start() != dateline.start("town")
               for m in re.finditer(rf"(?<![\w-]){town}(?![\w-])", text, re.IGNORECASE))


@recogniser("places", "dateline-place")
def dateline_places(context: Context, region: Span) -> Iterator[Mention]:
    """The dateline's town, a place of the document's country, when the text names it
    nowhere else (the tables' names compared letter-folded and case-folded: the dateline
    writes them in capitals)."""
    countries = context.countries
    if not countries:
        return
    text = context.text
    for match in _DATELINE_TOWN.finditer(text, region.start, region.end):
        entry = _compact_index(countries).get(_compact(match.group("town")))
        if entry is None or _named_elsewhere(text, match):
            continue
        yield Mention(Span(match.start("town"), match.end("town")), match.group("town"),
                      entry.cls, entry, source="place",
                      place=context.gazetteer.get(entry.part_of)
                      if entry.part_of is not None else None)


# "a consultation in Kirakira, Makira", "un atelier à Natitingou, Atacora": a town no table lists,
# after a place preposition and before a subdivision of the document's country in
# apposition; it is a place in that subdivision.
_TOWN_IN_SUBDIVISION = re.compile(
    r"(?<![\w’'-])(?:in|at|à|en|em)[ \t]+(?P<town>[A-Z][a-zà-ÿ'’-]{2,})"
    r",[ \t]+(?P<area>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")


@recogniser("places", "town-in-subdivision")
def towns_in_subdivisions(context: Context, region: Span) -> Iterator[Mention]:
    countries = context.countries
    if not countries:
        return
    text = context.text
    world = load_world_places()
    for match in _TOWN_IN_SUBDIVISION.finditer(text, region.start, region.end):
        town = match.group("town")
        if world.named(town) or context.gazetteer.lookup(town) is not None or (
                town.casefold() in _NOT_TOWNS):
            continue  # a known place is the scan's; a month or a name is no town
        area = next((e for e in world.named(match.group("area"))
                     if e.cls == SPKG.Province and e.part_of in countries), None)
        if area is None:
            continue
        yield Mention(Span(match.start("town"), match.end("town")), town, SPKG.Place,
                      source="place", name=town, place=area)


# words after "in" that are no town, capitalised as they are ("in January, Malaita …")
_NOT_TOWNS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero", "febrero",
    "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre", "addition", "particular", "practice", "total", "short"})
