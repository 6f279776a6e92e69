"""The Mention a recogniser yields, the Context it reads, and the registry of recognisers."""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import Literal, URIRef

from spkg.ingest import lexicon
from spkg.ingest.gazetteer import PLACE_CLASSES as _PLACES
from spkg.ingest.gazetteer import Entry, Gazetteer
from spkg.ingest.records import Span
from spkg.namespace import SPKG


@dataclass
class Mention:
    """Words in the text that name an entity."""

    span: Span
    text: str
    cls: URIRef | None
    reference: Entry | None = None
    acronym: str | None = None
    acronym_span: Span | None = None
    source: str = "name"
    # The name the entity gets when it differs from the words ("Government of Germany").
    name: str | None = None
    extra_classes: set[URIRef] = field(default_factory=set)
    country: str | None = None  # the country a nationality adjective named
    place: Entry | None = None  # the place a "Government of …" governs, a town's country
    guessed: bool = False  # the class is a default, not read from the words
    country_wide: bool = False  # a name every country has ("DWCP"): the IRI adds the country
    # Set by recognisers whose naming convention is not the name's slug: an event written
    # in lowercase is "<noun phrase>-<ISO date>" (docs/extraction.md).
    iri: URIRef | None = None
    date: Literal | None = None  # the date the words give an event ("on 12 June 2020")
    family: str | None = None  # the recogniser family that found it

    @property
    def label(self) -> str:
        return self.name or self.text

    @property
    def is_place(self) -> bool:
        return self.reference is not None and self.reference.is_place


_DONOR_BEFORE = re.compile(r"\b(?:Governments? of|Embassy of|funded by|financed by|from)"
                           r"\s+(?:the\s+)?$")
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z]+(?![\w-])")
_SENTENCE_END = re.compile(r"[.;!?](?=\s+[A-Z“\"'(•]|\s*$)|\n")


@dataclass
class Context:
    """What a recogniser reads: the text, the gazetteer and document-wide facts."""

    text: str
    gazetteer: Gazetteer
    # What a recogniser computes once per document and reads in every region (the dates
    # of named events), keyed by the recogniser's name.
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _country_hits(self) -> list[tuple[int, int, Entry]]:
        return [(start, end, entry) for start, end, entry in self.gazetteer.scan(self.text)
                if entry.cls == SPKG.Country]

    @cached_property
    def _country_words(self) -> list[tuple[int, int, Entry]]:
        """Where the text names a country, by name or by nationality adjective ("Lao",
        "Nepalese"), in text order."""
        found = list(self._country_hits)
        for word in _CAPITALISED.finditer(self.text):
            country = lexicon.demonyms().get(word.group(0).casefold())
            entry = self.gazetteer.lookup(country) if country else None
            if entry is not None and entry.cls == SPKG.Country:
                found.append((word.start(), word.end(), entry))
        return sorted(found, key=lambda hit: hit[0])

    @cached_property
    def countries(self) -> frozenset[URIRef]:
        """The countries the document names anywhere (by name, not by code), and the
        document's country however it is named ("the Lao Government")."""
        named = frozenset(entry.iri for _, _, entry in self._country_hits)
        return named | {self.country.iri} if self.country is not None else named

    @cached_property
    def country_counts(self) -> dict[URIRef, tuple[int, int]]:
        """Country → (how often the text names it, where first), by name or adjective
        ("Nepalese"), not counting donors ("the Government of Finland")."""
        counts: dict[URIRef, tuple[int, int]] = {}
        names = {start for start, _, _ in self._country_hits}
        for start, _, entry in self._country_words:
            if start in names and _DONOR_BEFORE.search(self.text, max(0, start - 30), start):
                continue  # an adjective counts even there ("the Nepalese Government's")
            count, first = counts.get(entry.iri, (0, start))
            counts[entry.iri] = (count + 1, min(first, start))
        return counts

    @cached_property
    def country(self) -> Entry | None:
        """The document's country: the one it names most often; the first named wins a tie
        (titles and datelines come first)."""
        counts = self.country_counts
        if not counts:
            return None
        best = min(counts, key=lambda iri: (-counts[iri][0], counts[iri][1]))
        return self.gazetteer.get(best)

    @cached_property
    def clear_country(self) -> Entry | None:
        """The document's country when the text leaves no doubt: named three times and
        more often than any other ("Office for Chad, Niger and Burkina Faso" has none)."""
        country = self.country
        if country is None:
            return None
        count = self.country_counts[country.iri][0]
        others = [n for iri, (n, _) in self.country_counts.items() if iri != country.iri]
        return country if count >= 3 and all(n < count for n in others) else None

    def country_words(self, regions: Iterable[Span]) -> tuple[int, int] | None:
        """The first words in ``regions`` that name the document's country, if any."""
        if self.country is None:
            return None
        spans = sorted(regions)
        for start, end, entry in self._country_words:
            if entry.iri == self.country.iri and any(
                    r.start <= start and end <= r.end for r in spans):
                return start, end
        return None

    @cached_property
    def _boundaries(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence-ending mark of the text, found once."""
        return [found.span() for found in _SENTENCE_END.finditer(self.text)]

    def sentence_end(self, offset: int, limit: int) -> int:
        """Where the sentence holding ``offset`` ends (at most ``limit``)."""
        marks = self._boundaries
        index = bisect.bisect_left(marks, (offset, -1))
        return min(marks[index][0], limit) if index < len(marks) else limit

    def sentence_start(self, offset: int, floor: int) -> int:
        """Where the sentence holding ``offset`` starts (at least ``floor``)."""
        marks = self._boundaries
        index = bisect.bisect_left(marks, (offset, -1)) - 1
        position = max(floor, marks[index][1]) if index >= 0 else floor
        while position < offset and self.text[position].isspace():
            position += 1
        return position


def country_of_adjective(word: str, gazetteer: Gazetteer) -> Entry | None:
    """The country a nationality adjective names: the demonyms table, else the adjective's
    stem ("Colombian" → Colombia, "Jordanian" → Jordan, "Nepalese" → Nepal, "Rwandan" →
    Rwanda) if it is a country."""
    known = lexicon.demonyms().get(word.casefold())
    if known is not None:
        return gazetteer.lookup(known, _PLACES)
    if len(word) < 5 or not word[0].isupper():
        return None
    for suffix, endings in (("ian", ("", "ia", "e")), ("ese", ("",)), ("an", ("a", "o", "")),
                            ("n", ("",)), ("i", ("",))):
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        for ending in endings:
            entry = gazetteer.lookup(stem + ending, _PLACES)
            if entry is not None and entry.cls == SPKG.Country:
                return entry
    return None


def common_name(entry: Entry) -> str:
    """A country's name as prose writes it, for the words of an IRI: the ISO label unless
    it is inverted ("Tanzania, United Republic of" → "Tanzania"), then the shortest of its
    other names that is not."""
    if ", " not in entry.label:
        return entry.label
    # not an acronym nor a short form with one ("DRC", "DR Congo"): an IRI spells names out
    names = [n for n in entry.names if ", " not in n and len(n) > 3
             and not any(len(word) > 1 and word.isupper() for word in n.split())]
    if names:
        return min(names, key=lambda n: (len(n), n))
    head, _, rest = entry.label.partition(", ")
    return f"{rest} {head}"  # "Congo, The Democratic Republic of the" read the right way round


# The language of a name kept in French, Spanish or Portuguese, told by its head or its
# kind; unknown words leave the name English.
_ROMANCE_WORDS = {
    "fr": frozenset({"étude", "études", "évaluation", "estimation", "revue", "analyse",
                     "rapport", "enquête", "cartographie", "diagnostic", "audit",
                     "actuarielle", "actuarielles", "actuariel", "actuariels",
                     "faisabilité"}),
    "es": frozenset({"estudio", "estudios", "valuación", "evaluación", "estimación",
                     "proyección", "proyecciones", "revisión", "diagnóstico", "análisis",
                     "informe", "encuesta", "mapeo", "auditoría", "actuariales",
                     "factibilidad", "viabilidad"}),
    "pt": frozenset({"estudo", "estudos", "avaliação", "estimativa", "projeção", "projeções",
                     "revisão", "análise", "relatório", "inquérito", "levantamento",
                     "mapeamento", "auditoria", "atuarial", "atuariais", "viabilidade"}),
}


def name_language(name: str) -> str | None:
    """"fr", "es" or "pt" for a name kept in that language ("étude de faisabilité"), else
    None: the first of its words that only one of the three languages has decides."""
    for word in name.casefold().split():
        for language, words in _ROMANCE_WORDS.items():
            if word in words:
                return language
    return None


def country_name_in(context: Context, country: Entry, name: str) -> str:
    """The country's name in the language of ``name``, for a study's IRI: "étude
    actuarielle" is the Algérie one, as a French text writes it; the English common name
    when the name is English or the reference graph has no label in its language."""
    language = name_language(name)
    if language is not None:
        for translation in sorted(country.translations):
            for label in context.gazetteer.labels(translation):
                if label.iri == country.iri and label.language == language:
                    # ISO's qualified forms as prose writes them: "Bolivia (Estado
                    # Plurinacional de)" → "Bolivia", "Tanzanie, République-Unie de" → "Tanzanie"
                    return label.text.split(" (", 1)[0].split(", ", 1)[0]
    return common_name(country)


# A lowercase word before a head noun ("national", "two-day", "stakeholders’"), never a
# function word: "the findings of a feasibility study" is tried again at "a feasibility …".
MODIFIER = (r"(?:(?!(?:of|a|an|the|and|or|to|in|on|for|with|by|from|at|as|is|was|were|are|"
            r"be|been|has|have|had|that|which|who|its|their|this|these|those)[ \t])"
            r"[a-z][a-z’'-]*)")

# What a gathering or a body is on, in lowercase: "on platform work", "on adaptive social
# protection" (up to the place, date or verb that follows).
_TOPIC_STOP = (r"(?:in|at|on|held|from|with|to|for|by|and|was|were|which|that|took|takes|"
               r"organi[sz]ed|convened|hosted|attended|chaired|brought|gathered)")
TOPIC = re.compile(
    # not an action ("a dialogue on extending social security to …": its object runs on)
    rf"[ \t]+on[ \t]+(?!(?:\d|the|a|an|its|their|this|these)\b|[a-z]+ing\b)"
    rf"(?:(?!{_TOPIC_STOP}[ \t,.])[a-z][a-z-]*[ \t]+){{0,4}}(?!{_TOPIC_STOP}\b)[a-z][a-z-]*"
    rf"(?=[ \t]*(?:[,.;]|[ \t]+{_TOPIC_STOP}\b))")
Recogniser = Callable[[Context, Span], Iterable[Mention]]
REGISTRY: dict[str, dict[str, Recogniser]] = {}  # family → name → function
FAMILIES = ("places", "events", "bodies", "documents", "sdg", "acronyms", "groups", "romance")


def recogniser(family: str, name: str | None = None) -> Callable[[Recogniser], Recogniser]:
    """Register a function as a recogniser of ``family``."""

    def register(function: Recogniser) -> Recogniser:
        REGISTRY.setdefault(family, {})[name or function.__name__] = function
        return function

    return register


def _load_families() -> None:
    for family in FAMILIES:
        importlib.import_module(f"spkg.ingest.mentions.{family}")


def find_mentions(context: Context, regions: Iterable[Span], *,
                  only: Iterable[str] | None = None,
                  skip: Iterable[str] = ()) -> Iterator[Mention]:
    """Every registered recogniser's mentions in ``regions`` (overlaps left to the caller)."""
    _load_families()
    wanted = set(only) if only is not None else set(REGISTRY)
    wanted -= set(skip)
    regions = list(regions)
    for family in sorted(wanted & set(REGISTRY)):
        for function in REGISTRY[family].values():
            for region in regions:
                for mention in function(context, region):
                    mention.family = family
                    yield mention
