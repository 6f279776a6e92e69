"""Names of the reference graph's resources, for linking mentions to known IRIs.

Every resource of data/reference/*.ttl and the UN SDG KOS that carries an rdfs:label,
skos:prefLabel, skos:altLabel or skos:notation is indexed under each of its names,
normalised (case, punctuation, "&"/"and", hyphens), and under a compact form without
spaces so that "UN DESA" finds "UNDESA" and "R 202" finds "R202".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from spkg import paths
from spkg.ingest.name_scan import NameScanner, straight_apostrophes
from spkg.namespace import ORG, SDGO, SPKG

# The most specific class wins when a resource has several types.
CLASS_PRIORITY: tuple[URIRef, ...] = (
    SPKG.Convention,
    SPKG.Recommendation,
    SPKG.Instrument,
    SPKG.Country,
    SPKG.Province,
    SPKG.Territory,
    SPKG.Place,
    SPKG.UNAgency,
    SPKG.Donor,
    SPKG.Funder,
    SPKG.Government,
    SPKG.Ministry,
    SPKG.SocialSecurityInstitution,
    SPKG.WorkersOrganisation,
    SPKG.EmployersOrganisation,
    SPKG.Forum,
    SPKG.ExpertGroup,
    SPKG.GovernmentBody,
    SPKG.Body,
    ORG.Organization,
    SPKG.CountryProgramme,
    SPKG.Scheme,
    SPKG.Programme,
    SPKG.Strategy,
    SPKG.Policy,
    SPKG.Law,
    SPKG.Project,
    SPKG.Study,
    SPKG.Contingency,
    SPKG.PopulationGroup,
    SPKG.PolicyArea,
    SPKG.R202Principle,
    SDGO.Target,
    SDGO.Goal,
    SKOS.Concept,
)
PLACE_CLASSES = frozenset({SPKG.Country, SPKG.Province, SPKG.Territory, SPKG.Place})
# Classes whose names are searched for in running text. Concepts (population groups,
# contingencies, principles, SDG titles) are common words or whole sentences: they are
# looked up only where a relation rule expects one, not scanned for.
SCANNED_CLASSES = frozenset(CLASS_PRIORITY[: CLASS_PRIORITY.index(SPKG.Contingency)])
FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio (0-100) for spelling variants ("Baluchistan")
_NAME_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.notation)
# The ILO's three languages, and Portuguese (Lusophone offices): documents name countries and
# agencies in their own words ("Tchad", "Organización Internacional del Trabajo").
_SCANNED_LANGUAGES = frozenset({None, "en", "fr", "es", "pt"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Abbreviated words of place names: "St. Elizabeth" is Saint Elizabeth, "Mt. Hagen" Mount Hagen.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount"}
_ABBREVIATED = re.compile(rf"\b({'|'.join(_ABBREVIATIONS)}) (?=[a-z])")
# The spelled-out forms and the abbreviations texts write for them, as written in names.
_SPELLED_OUT = {"Saint": ("St.", "St"), "Sainte": ("Ste.", "Ste"), "Mount": ("Mt.", "Mt")}
_SPELLED_IN = {short: word for word, (_, short) in _SPELLED_OUT.items()}
_SPELLED_OUT_WORD = re.compile(r"\b(Saint|Sainte|Mount)(?= [A-Z])")
_ABBREVIATED_WORD = re.compile(r"\b(St|Ste|Mt)\.?(?= [A-Z])")
# a word that makes a longer place name its own: capitalised, a letter and two more
_OWN_WORD = re.compile(r"[A-Z][a-zà-ÿ]{2,}\.?")
_WORDS = re.compile(r"[\s-]+")
_ARTICLES = frozenset({"The", "Los", "Las", "Les", "Del", "Der", "Die", "Das"})
_CAPITALISED_PARTS = re.compile(r"(?<![\w-])[A-Z][^\s-]*(?:-[A-Z][^\s-]*)+(?![\w-])")


@lru_cache(maxsize=1 << 14)  # pure, and asked for each name many times over
def normalise_name(name: str) -> str:
    """A lookup key: casefolded ASCII words ("Mazdoor-ka-Ehsaas" → "mazdoor ka ehsaas",
    "St. Elizabeth" → "saint elizabeth")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.casefold().replace("&", " and ").replace("'s ", "s ").replace("'", "")
    text = _NON_WORD.sub(" ", text).strip()
    text = _ABBREVIATED.sub(lambda m: _ABBREVIATIONS[m.group(1)] + " ", text)
    return text[4:] if text.startswith("the ") else text


class _LetterFolding(dict[int, int]):
    """str.translate table: an accented Latin letter → its base letter, one character for
    one, so that offsets in the folded text are offsets in the text ("Junín" → "Junin")."""

    def __missing__(self, code: int) -> int:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        base = decomposed[0] if decomposed else chr(code)
        folded = ord(base) if base.isascii() and base.isalpha() else code
        if chr(code) in "’‘`´":
            folded = ord("'")
        self[code] = folded
        return folded


_FOLDING = _LetterFolding()


@lru_cache(maxsize=8)  # a document's text is folded once, not once per region scanned
def fold_letters(text: str) -> str:
    """``text`` with accents dropped letter by letter (same length, same offsets)."""
    return text if text.isascii() else text.translate(_FOLDING)


def spellings(name: str) -> set[str]:
    """The ways a text writes a proper name, for scanners that match names as written (the
    key of each is the name's normalise_name key): "Port-Vila" also as "Port Vila",
    "Saint Elizabeth" also as "St. Elizabeth" and "St Elizabeth" (and the other way)."""
    found = {name}
    # only words whose every part is capitalised: "Ille-et-Vilaine" keeps its hyphens
    found.add(_CAPITALISED_PARTS.sub(lambda m: m.group().replace("-", " "), name))
    for written in tuple(found):
        spelled = _ABBREVIATED_WORD.sub(lambda m: _SPELLED_IN[m.group(1)], written)
        found.add(spelled)
        found.add(_SPELLED_OUT_WORD.sub(lambda m: _SPELLED_OUT[m.group(1)][0], spelled))
        found.add(_SPELLED_OUT_WORD.sub(lambda m: _SPELLED_OUT[m.group(1)][1], spelled))
    return found


def compact_name(name: str) -> str:
    return normalise_name(name).replace(" ", "")


@dataclass
class Entry:
    """One reference resource: its IRI, most specific class, preferred label and all names."""

    iri: URIRef
    cls: URIRef
    label: str
    names: set[str] = field(default_factory=set)
    # French and Spanish altLabels: looked up and scanned, never used to word an IRI
    translations: set[str] = field(default_factory=set)
    notations: set[str] = field(default_factory=set)
    part_of: URIRef | None = None  # spkg:partOf, for places
    # Places of every country come from generated tables (spkg.ingest.world), not from the
    # reference graph: a document that names one must type and label it itself.
    in_reference: bool = True
    population: int = 0
    common_word: bool = False  # the name is also a common English word ("Victoria")
    capital: bool = False  # the capital of its country (GeoNames)

    @property
    def is_place(self) -> bool:
        return self.cls in PLACE_CLASSES


@dataclass(frozen=True)
class Label:
    """One name of a reference resource as the graph gives it, in any language."""

    iri: URIRef
    text: str
    language: str | None
    predicate: URIRef  # rdfs:label, skos:prefLabel, skos:altLabel or skos:notation


class Gazetteer:
    """Names → reference entries; exact, compact and fuzzy lookups and a text scanner.

    ``labels``: every name in every language (Entry names are the English ones), for the
    record fields' lookups of concepts, goals and principles (spkg.ingest.vocab); one index,
    one normaliser (normalise_name) for the prose and the fields alike.
    """

    def __init__(self, entries: Iterable[Entry], labels: Iterable[Label] = ()) -> None:
        self.entries: dict[URIRef, Entry] = {}
        self._labels: dict[str, list[Label]] = {}
        for label in labels:
            self._labels.setdefault(normalise_name(label.text), []).append(label)
        self._by_key: dict[str, list[Entry]] = {}
        self._by_compact: dict[str, list[Entry]] = {}
        self._by_notation: dict[str, list[Entry]] = {}
        self._choices: dict[frozenset[URIRef] | None, list[str]] = {}
        for entry in entries:
            self.add(entry)
        self._scanner: NameScanner | None = None
        self._scan_names: dict[str, list[Entry]] = {}
        self._covering: Callable[[], Iterable[str]] | None = None

    def cover_with(self, names: Callable[[], Iterable[str]]) -> None:
        """Longer place names (towns, subdivisions) that hide the reference places inside
        them: "Port of Spain" is no mention of Spain, nor "Nueva Guinea" of Guinea. Called
        when the scanner is first built, so that the names may be loaded lazily."""
        self._covering = names
        self._scanner = None

    def add(self, entry: Entry) -> None:
        self.entries[entry.iri] = entry
        for name in entry.names | entry.translations:
            if _is_code(name):  # "TO", "KP", "ILO": a code, never the word "to"
                self._by_notation.setdefault(name, []).append(entry)
                continue
            key = normalise_name(name)
            if key:
                self._by_key.setdefault(key, []).append(entry)
                self._by_compact.setdefault(key.replace(" ", ""), []).append(entry)
        for notation in entry.notations:  # codes match only as written: "KP", not "Kp"
            self._by_notation.setdefault(notation.replace(" ", ""), []).append(entry)
        self._scanner = None
        self._choices = {}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, iri: URIRef) -> Entry | None:
        return self.entries.get(iri)

    def lookup(self, name: str, classes: Iterable[URIRef] | None = None) -> Entry | None:
        """The entry named exactly ``name`` (after normalisation), optionally of given classes.

        Labels come first, then the compact form ("UNDESA"), then codes written exactly as
        the reference writes them ("R202", "PAK").
        """
        wanted = set(classes) if classes is not None else None
        key = normalise_name(name)
        for candidates in (
            self._by_key.get(key, []),
            self._by_compact.get(key.replace(" ", ""), []),
            self._by_notation.get(name.strip().replace(" ", ""), []),
        ):
            for entry in candidates:
                if wanted is None or entry.cls in wanted:
                    return entry
        return None

    def labels(self, name: str) -> list[Label]:
        """The labels, in any language, that are ``name`` once normalised (graph order)."""
        return self._labels.get(normalise_name(name), [])

    def fuzzy(self, name: str, classes: Iterable[URIRef] | None = None) -> Entry | None:
        """The closest entry when the names differ only by spelling (ratio ≥ FUZZY_THRESHOLD)."""
        exact = self.lookup(name, classes)
        if exact is not None:
            return exact
        key = normalise_name(name)
        if len(key) < 6:  # short names and codes differ by one letter too easily
            return None
        wanted = frozenset(classes) if classes is not None else None
        close = process.extract(key, self._fuzzy_choices(wanted), scorer=fuzz.ratio,
                                score_cutoff=FUZZY_THRESHOLD, limit=5)
        best = next((found for found, _, _ in close if _same_shape(key, found)), None)
        if best is None:
            return None
        return next(e for e in self._by_key[best] if wanted is None or e.cls in wanted)

    def _fuzzy_choices(self, wanted: frozenset[URIRef] | None) -> list[str]:
        """The keys a fuzzy lookup compares with (built once per set of classes)."""
        if wanted not in self._choices:
            self._choices[wanted] = [
                key for key, entries in self._by_key.items()
                if len(key) >= 6 and any(wanted is None or e.cls in wanted for e in entries)]
        return self._choices[wanted]

    def scan(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Occurrences of scanned names in ``text`` (longest first at each position)."""
        scanner = self._name_scanner()
        for start, end in scanner.scan(text):
            found = straight_apostrophes(text[start:end])
            entries = self._scan_names.get(found) or self._scan_names.get(found.casefold())
            # A place's name is a proper noun: "la réunion" (a meeting) is not Réunion
            if entries and not (entries[0].cls in PLACE_CLASSES and found[:1].islower()):
                yield start, end, entries[0]

    def _name_scanner(self) -> NameScanner:
        if self._scanner is not None:
            return self._scanner
        names: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            if entry.cls not in SCANNED_CLASSES and entry.cls != SPKG.PopulationGroup:
                continue
            scanned = entry.names
            if entry.cls == SPKG.PopulationGroup:  # "Children" is a word; "rural workers" a group
                scanned = {n for n in scanned if " " in n.strip()}
            if entry.cls in PLACE_CLASSES:  # "St. Lucia", "Guinea Bissau" as texts write them
                scanned = {spelling for n in scanned for spelling in spellings(n)}
            for name in scanned | entry.translations | _scannable_notations(entry):
                # Short names are acronyms and codes: match them case-sensitively only.
                key = straight_apostrophes(name if _exact_case(name) else name.casefold())
                names.setdefault(key, []).append(entry)
        self._scan_names = names
        self._scanner = NameScanner(exact=[n for n in names if _exact_case(n)],
                                    folded=[n for n in names if not _exact_case(n)])
        if self._covering is not None:
            self._add_covering_names()
        return self._scanner

    def _add_covering_names(self) -> None:
        """Scan the covering names as names of nothing: the scanner keeps the longest name
        at each start, so "PORT OF SPAIN" (a dateline, in any case) hides "SPAIN"."""
        assert self._covering is not None and self._scanner is not None
        # only names with a word a place's name starts with are scanned (a few thousand)
        starts = {_WORDS.split(key.casefold())[0] for key, entries in self._scan_names.items()
                  if entries and entries[0].is_place}
        covering = [name for name in self._covering()
                    if not starts.isdisjoint(_WORDS.split(name.casefold()))
                    and self._covers_a_place(name)]
        added = [key for key in (straight_apostrophes(name.casefold()) for name in covering)
                 if key not in self._scan_names]
        if not added:
            return
        for key in added:
            self._scan_names[key] = []  # found, and yielded as nothing
        names = self._scan_names
        self._scanner = NameScanner(exact=[n for n in names if _exact_case(n)],
                                    folded=[n for n in names if not _exact_case(n)])

    def _covers_a_place(self, name: str) -> bool:
        """``name`` holds a scanned place's name beside a word of its own ("Port of Spain",
        "Mexico City"); not only an article, a possessive or an acronym ("La Réunion",
        "Saint Lucia's", "Hong Kong SAR"), which still name the place inside."""
        assert self._scanner is not None
        for start, end in self._scanner.scan(name):
            found = name[start:end]
            entries = self._scan_names.get(found) or self._scan_names.get(found.casefold())
            if not entries or not entries[0].is_place or (start, end) == (0, len(name)):
                continue
            rest = name[:start] + " " + name[end:]
            if any(_OWN_WORD.fullmatch(word) and word not in _ARTICLES
                   for word in _WORDS.split(rest)):
                return True
        return False


def _exact_case(name: str) -> bool:
    return len(name) <= 4 or name.isupper()


def _is_code(name: str) -> bool:
    return len(name) <= 5 and name.isupper() and " " not in name


def _scannable_notations(entry: Entry) -> set[str]:
    # Instrument notations ("C102") are unambiguous in prose; country codes ("PAK") are not:
    # they are also words and document-local acronyms, so they are resolved only on lookup.
    return entry.notations if entry.cls in {SPKG.Convention, SPKG.Recommendation} else set()


def _indexed(value: Literal, predicate: URIRef) -> bool:
    if value.language not in _SCANNED_LANGUAGES:
        return False
    # Other-language names are alternatives only; an entry's label stays English
    return value.language in (None, "en") or predicate == SKOS.altLabel


def _add_translated_preflabels(graph: Graph, entries: dict[URIRef, Entry]) -> None:
    """French and Spanish prefLabels ("trabajadores rurales"@es) name the same things in
    the ILO's other languages: looked up like altLabels, never an entry's label."""
    for subject, value in sorted(graph.subject_objects(SKOS.prefLabel)):
        entry = entries.get(subject) if isinstance(subject, URIRef) else None
        if (entry is not None and isinstance(value, Literal)
                and value.language in _SCANNED_LANGUAGES - {None, "en"}):
            entry.translations.add(str(value))


def entries_from_graph(graph: Graph) -> list[Entry]:
    entries: dict[URIRef, Entry] = {}
    for predicate in _NAME_PREDICATES:
        for subject, value in sorted(graph.subject_objects(predicate)):
            if not isinstance(subject, URIRef) or not isinstance(value, Literal):
                continue
            if not _indexed(value, predicate):
                continue
            entry = entries.get(subject)
            if entry is None:
                entry = Entry(subject, _most_specific_class(graph, subject), str(value))
                entries[subject] = entry
            if predicate == SKOS.notation and value.datatype is None:
                entry.notations.add(str(value))
            elif value.language not in (None, "en"):
                entry.translations.add(str(value))
            else:
                entry.names.add(str(value))
            if predicate == SKOS.prefLabel:
                entry.label = str(value)
    _add_translated_preflabels(graph, entries)
    for entry in entries.values():
        whole = graph.value(entry.iri, SPKG.partOf)
        entry.part_of = whole if isinstance(whole, URIRef) else None
    return list(entries.values())


def labels_from_graph(graph: Graph) -> list[Label]:
    """Every literal name of every resource, in every language, in a stable order."""
    return [Label(subject, str(value), value.language, predicate)
            for predicate in _NAME_PREDICATES
            for subject, value in sorted(graph.subject_objects(predicate))
            if isinstance(subject, URIRef) and isinstance(value, Literal)]


def _most_specific_class(graph: Graph, subject: URIRef) -> URIRef:
    types = set(graph.objects(subject, RDF.type))
    return next((c for c in CLASS_PRIORITY if c in types), SKOS.Concept)


def reference_graph(files: Iterable[Path] | None = None) -> Graph:
    """The reference data's triples (the bundled files by default), read through the parse
    cache (spkg.rdfcore.parsecache: keyed by the files' bytes, so never stale)."""
    from spkg.rdfcore.parsecache import cached_graph

    return cached_graph("gazetteer-reference",
                        list(paths.reference_files() if files is None else files))


@cache
def bundled_reference_graph() -> Graph:
    """The bundled reference data, parsed once per process (read it, never change it)."""
    return reference_graph()


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled reference data (built once per process)."""
    graph = bundled_reference_graph()
    gazetteer = Gazetteer(entries_from_graph(graph), labels_from_graph(graph))
    gazetteer.cover_with(_world_place_names)
    return gazetteer


def _world_place_names() -> set[str]:
    """Every name of every town and subdivision, as texts write them. Read from the world
    tables' name columns here, not through spkg.ingest.world, which builds on this module
    (its rows need the gazetteer's countries); a malformed row is world's to report."""
    names: set[str] = set()
    for table in ("subdivisions.tsv", "cities.tsv"):
        columns: list[str] = []
        text = (paths.reference_dir() / "world" / table).read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if line.startswith("slug\t"):
                columns = fields
                continue
            row = dict(zip(columns, fields, strict=False))
            for name in (row.get("label", ""), *row.get("names", "").split("|")):
                if name:
                    names.update(spellings(name))
    return names


def country_holding(found: Entry, named: Iterable[Entry]) -> Entry | None:
    """The one country of ``named`` (those a document names) whose longer name holds
    ``found``'s short one as words, when ``found`` is not named itself: "Congo" inside an
    organisation's name, in a text about the Democratic Republic of the Congo, is the DR
    Congo, not the Republic of the Congo."""
    countries = {entry.iri: entry for entry in named}
    if found.iri in countries:
        return None
    short = {f" {normalise_name(name)} " for name in (*found.names, found.label)}
    holding = [country for country in countries.values() if any(
        part in name and part != name for part in short
        for name in (f" {normalise_name(n)} " for n in (*country.names, *country.translations)))]
    return holding[0] if len(holding) == 1 else None


def _same_shape(a: str, b: str) -> bool:
    """Spellings of one name keep its words and each word's first and last letter
    ("Baluchistaan" / "Balochistan"); "San Martin" is not "San Marino"."""
    words_a, words_b = a.split(), b.split()
    return len(words_a) == len(words_b) and all(
        x[0] == y[0] and x[-1] == y[-1] for x, y in zip(words_a, words_b, strict=True))
