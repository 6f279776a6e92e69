"""The explicit context every relation rule reads: the document's entity mentions in order
(indexed, so that finding those of a sentence costs a bisection, not a scan), the dates of
a sentence (read once), cue words, the focus a pronoun refers to, and the Facts so far.

Rules never call each other: what one rule leaves for another (a meeting a later sentence
refers to, a study it named) is state here, declared by the rules that give and need it
(spkg.ingest.rules.registry)."""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import XSD, Literal, URIRef

from spkg.ingest import lexicon
from spkg.ingest.cues import TOGETHER_WITH as TOGETHER_WITH  # the rules read it from here
from spkg.ingest.events import event_facts
from spkg.ingest.gazetteer import PLACE_CLASSES, Entry, Gazetteer, country_holding
from spkg.ingest.linking import Entity
from spkg.ingest.mentions import Mention
from spkg.ingest.mentions.acronyms import ROMANCE_HEADS
from spkg.ingest.naming import BODY_CLASSES, INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.normalise import find_dates
from spkg.ingest.outcomes import outcome_summaries
from spkg.ingest.records import DateValue, Document, Fact, Span
from spkg.ingest.rules.prefilter import Cue, CueBook
from spkg.namespace import SPKG, mint

PROVINCES = frozenset({SPKG.Province, SPKG.Territory})
SUBJECT_CLASSES = INTERVENTION_CLASSES | BODY_CLASSES | {SPKG.Project}
# "The policy will …": the last entity of these classes.
ANAPHORS: dict[str, frozenset[URIRef]] = {
    "programme": frozenset({SPKG.Programme, SPKG.Scheme, SPKG.CountryProgramme, SPKG.Project}),
    "initiative": frozenset({SPKG.Programme, SPKG.Scheme}),
    "pilot": frozenset({SPKG.Programme, SPKG.Scheme}),
    "scheme": frozenset({SPKG.Scheme, SPKG.Programme}), "card": frozenset({SPKG.Scheme}),
    "regime": frozenset({SPKG.Scheme, SPKG.Programme}),
    "law": frozenset({SPKG.Law}), "act": frozenset({SPKG.Law}), "decree": frozenset({SPKG.Law}),
    "decree-law": frozenset({SPKG.Law}),  # "The decree-law has been in force since …"
    "proclamation": frozenset({SPKG.Law}), "sub-decree": frozenset({SPKG.Law}),
    "ordinance": frozenset({SPKG.Law}), "prakas": frozenset({SPKG.Law}),
    "statute": frozenset({SPKG.Law}), "amendment": frozenset({SPKG.Law}),
    "regulation": frozenset({SPKG.Law}), "code": frozenset({SPKG.Law}),
    "decision": frozenset({SPKG.Law}),  # "Decision No. 9 …. The decision amends …"
    "bill": frozenset({SPKG.Law}), "agreement": frozenset({SPKG.Policy}),
    "framework": frozenset({SPKG.Policy}), "plan": frozenset({SPKG.Strategy}),
    "policy": frozenset({SPKG.Policy, SPKG.Strategy}), "strategy": frozenset({SPKG.Strategy}),
    "project": frozenset({SPKG.Project}), "forum": frozenset({SPKG.Forum}),
    "group": frozenset({SPKG.ExpertGroup}), "council": frozenset({SPKG.GovernmentBody}),
    "taskforce": frozenset({SPKG.ExpertGroup, SPKG.Body, SPKG.GovernmentBody}),
    "task-force": frozenset({SPKG.ExpertGroup, SPKG.Body, SPKG.GovernmentBody}),
    "commission": frozenset({SPKG.GovernmentBody}), "board": frozenset({SPKG.GovernmentBody}),
    "authority": frozenset({SPKG.GovernmentBody}), "committee": frozenset({SPKG.Body}),
    "study": frozenset({SPKG.Study}), "assessment": frozenset({SPKG.Study}),
    "review": frozenset({SPKG.Study}), "valuation": frozenset({SPKG.Study}),
    "analysis": frozenset({SPKG.Study}), "evaluation": frozenset({SPKG.Study}),
    "diagnostic": frozenset({SPKG.Study}), "report": frozenset({SPKG.Study}),
}
# Head nouns of French, Spanish and Portuguese names that, as common nouns, name the benefit
# a programme pays ("la pensión", "el bono"), not the programme: no English anaphor either.
_BENEFIT_HEADS = frozenset({"pensión", "pension", "bono", "asignación", "couverture"})


def _romance_anaphors() -> dict[str, str]:
    """French, Spanish and Portuguese nouns that point back ("la ley", "le projet", "o
    programa") → the English noun of ANAPHORS with the same classes. Derived from the
    multilingual head words of names (mentions.acronyms.ROMANCE_HEADS: "ley" heads a Law):
    the English noun is the class's own name ("law"); a word the institution glossary
    translates into another English word ("sistema" → "system") is no such noun."""
    glossary = lexicon.institution_words()
    found: dict[str, str] = {}
    for word, cls in ROMANCE_HEADS.items():
        # a cognate of the same class first ("décret" → "decree", "régime" → "regime")
        stem = _plain(word)[:4]
        cognates = sorted(noun for noun, classes in ANAPHORS.items()
                          if cls in classes and _plain(noun)[:4] == stem)
        english = cognates[0] if cognates else str(cls).rsplit("#", 1)[-1].casefold()
        if (english in ANAPHORS and cls in ANAPHORS[english] and word not in _BENEFIT_HEADS
                and glossary.get(word, english) == english):
            found[word] = english
    return found


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode()


# Every noun that points back, in English (itself) and in the other three languages.
ROMANCE_ANAPHORS = _romance_anaphors()
ANAPHOR_NOUNS: dict[str, str] = {**ROMANCE_ANAPHORS, **{noun: noun for noun in ANAPHORS}}


def anaphor_key(noun: str) -> str | None:
    """The ANAPHORS noun a written noun stands for ("Ley" → "law", "Amendments" →
    "amendment"), or None."""
    word = noun.casefold()
    return ANAPHOR_NOUNS.get(word) or (ANAPHOR_NOUNS.get(word[:-1]) if len(word) > 3 else None)


# A subject that points back, opening a sentence: "It", "This …", "The (new) programme",
# "Le projet", "Cette loi", "El proyecto", "Esta ley", "O programa", "A lei", "Le projet de
# loi" (a bill), "Elle", "Ella". Portuguese "O"/"A" take only a noun English lacks ("A
# programme …" is English, and indefinite).
_ROMANCE_DETERMINER = (r"(?:Le|La|Ce|Cet|Cette|Ledit|Ladite|El|Este|Esta|Dicho|Dicha|Esse|"
                       r"Essa|(?P<pt>O|A))\s+|L['’]")
_ROMANCE_ADJECTIVE = (r"(?:nouve(?:au|l|lle)|nuev[oa]|nov[oa]|même|mism[oa]|mesm[oa]|"
                      r"présent[e]?|presente|futur[e]?|futur[oa])\s+")
_ANAPHOR_OPENING = re.compile(
    # "This work", "This support", "This initiative": the focus, its noun read with it
    r"\s*(?:This\s+(?!(?:is|was|has|had|will|would|year|month|week)\b)(?:new\s+|draft\s+)?"
    r"(?P<this>[a-z][\w-]*)\b|"
    r"(?:It|This|Il|Elle|Celui-ci|Celle-ci|Ella|Ele|Ela)\b(?!\s+[\w-]+\s+de\s+)|"
    # Spanish and Portuguese drop the pronoun: "Fue elaborada por …", "Foi criado em …"
    r"(?=(?:Fue|Fueron|Ha\s+sido|Han\s+sido|Será|Foi|Foram|Tem\s+sido)\s)|"
    r"(?:The|This)\s+(?:new\s+|draft\s+)?(?P<en>[\w-]+)\b|"
    rf"(?:{_ROMANCE_DETERMINER})(?:{_ROMANCE_ADJECTIVE})?(?P<ro>[^\W\d_][\w-]*)\b"
    r"(?P<bill>\s+de\s+(?:loi|ley|lei)\b)?)")


# A time adverbial before the subject: "From 1 October 2019 it …", "In 2023, it …",
# "Depuis 2021, il …", "Desde 2020, el programa …", "Em março de 2021, o programa …"; the
# date itself is what find_dates reads, and a bare date needs its comma ("March 2022, …").
_DATE_PREPOSITION = re.compile(
    r"\s*(?P<word>(?:(?:In\s+force|Effective|Applicable|En\s+vigueur|Vigente)\s+"
    r"(?:since|from|as\s+of|depuis\s+le|desde\s+el)|In|On|From|Since|As\s+of|By|Starting|"
    r"Beginning|Depuis|Dès|"
    r"À\s+partir\s+du?|En|Desde|A\s+partir\s+del?|Em|Début|Fin)\s+(?:le\s+|el\s+|o\s+)?)?")
_AFTER_DATE = re.compile(r"\s*(?P<comma>,)\s*|\s+")
_DATE_BACK = re.compile(r"(?:that|this|the\s+same)\s+(?:date|day|year|month)|"
                        r"(?:cette|la\s+même)\s+date|(?:esa|esta|la\s+misma)\s+fecha|"
                        r"(?:essa|esta|a\s+mesma)\s+data")


def _after_date_adverbial(text: str, start: int, end: int) -> int:
    """Where the subject starts after an opening time adverbial, else ``start``."""
    preposition = _DATE_PREPOSITION.match(text, start, end)
    if preposition is None:
        return start
    at = preposition.end()
    # "From that date it …", "Desde esa fecha, …": a date the text gave before
    back = _DATE_BACK.match(text, at, end)
    if back is not None and preposition.group("word") is not None:
        after = _AFTER_DATE.match(text, back.end(), end)
        return after.end() if after is not None else start
    # the date must open the phrase: read only the next few words, not the whole sentence
    dates = find_dates(text[at : min(end, at + 40)], at)
    if not dates or dates[0].span.start != at:
        return start
    after = _AFTER_DATE.match(text, dates[0].span.end, end)
    if after is None or (preposition.group("word") is None and after.group("comma") is None):
        return start  # "2023 saw …": a bare date with no comma is the subject itself
    return after.end()


def anaphor_opening(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    """Where a subject that points back ends, and its ANAPHORS noun (None for a pronoun
    such as "It", "This", "Elle": the previous subject); None when the sentence opens with
    no such subject (or with a noun that points at nothing, "Le gouvernement"). A leading
    time adverbial ("In 2023, it …") stands before the subject."""
    opening, shift = _ANAPHOR_OPENING.match(text, start, end), 0
    if opening is None:
        after = _after_date_adverbial(text, start, end)
        if after != start and after < end:
            # the subject is written in lower case after the adverbial: "In 2023, it …";
            # only the rest of the sentence is copied, not the document
            raised = text[after].upper() + text[after + 1 : end]
            opening, shift = _ANAPHOR_OPENING.match(raised), after
    if opening is None:
        return None
    stop = opening.end() + shift
    if opening.group("bill"):  # "Le projet de loi", "El proyecto de ley": a bill
        return stop, "bill"
    english, romance = opening.group("en"), opening.group("ro")
    if opening.group("this") is not None:
        # "This study": the last study; "This work", "This support": the focus
        return stop, ANAPHOR_NOUNS.get(opening.group("this"))
    if english is not None:
        return stop, english.casefold()
    if romance is None:
        return stop, None
    if opening.group("pt") and romance.casefold() in ANAPHORS:
        return None  # "A programme was …": English, and indefinite
    key = ANAPHOR_NOUNS.get(romance.casefold())
    return (stop, key) if key is not None else None


# Events the entity stage names (workshops, conferences, disasters) and those rules make.
EVENT_CLASSES = frozenset({SPKG.Event, SPKG.Meeting, SPKG.Training, SPKG.Launch})
SUPPORTED_CLASSES = SUBJECT_CLASSES | ORGANISATION_CLASSES | {SPKG.Study}
# "and" and the articles in lists of names, in English, French, Spanish and Portuguese
# ("A et l'B", "A, el B y C", "pelo A e pela B"; Portuguese "a"/"as" only after "e", below)
LIST_AND = r"(?:and|et|y|e)"
ARTICLE = r"(?:the\s+|l['’]|la\s+|le\s+|les\s+|el\s+|los\s+|las\s+|o\s+|os\s+|pel[oa]s?\s+)"
# ", a OIT": Portuguese "a"/"as" after a comma, before a capitalised name only (English
# ", a national body" is an apposition)
_PORTUGUESE_ARTICLE_GAP = re.compile(r"\)?\s*(?:\([^)]*\)\s*)?,\s*as?\s+")
# What French, Spanish and Portuguese lists repeat after "and": "de A et de B", "do A e da B"
_REPEATED = r"de|du|des|del|d[oa]s?|pel[oa]s?|a|as"
# "in Lusaka", "à Bamako", "en Lima": the preposition right before where something happened
AT_PLACE = r"\b(?:in|at|à|en)\s+(?:the\s+)?(?:city\s+of\s+)?$"
# Whom a text covers, in French and Spanish: "les travailleurs à Bamako" is not where it was
WHOM_FR_ES = (r"travailleu\w*|trabajador\w*|couverture|cobertura|personnes|personas|ménages|"
              r"hogares|bénéficiaires|beneficiari\w*|familles|familias|régimes?|regímen\w*|"
              r"programas?|étend\w*|exten\w*|couvr\w*|cubr\w*")


# Every rule's cue patterns, compiled once, with the words each needs (shared by documents).
CUES = CueBook()


@dataclass(slots=True)
class Placed:
    """An entity mention inside a sentence, with its offset in the sentence text."""

    mention: Mention
    entity: Entity
    # The mention's offsets, read once: in_span compares them ~10^5 times per megabyte.
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.start, self.end = self.mention.span.start, self.mention.span.end


def is_place(placed: Placed) -> bool:
    """A place mention: a country, subdivision or town (reference data or a place class)."""
    reference = placed.entity.reference
    return placed.entity.cls in PLACE_CLASSES or (reference is not None and reference.is_place)



class Facts(list[Fact]):
    """The facts the rules read, with each sentence's at hand: rules that look at what was
    read in their sentence ask once per sentence, and a scan of every fact would make a
    document's reading grow with the square of its length."""

    def __init__(self) -> None:
        super().__init__()
        self._by_sentence: dict[Span, list[Fact]] = {}

    def append(self, fact: Fact) -> None:
        super().append(fact)
        self._by_sentence.setdefault(fact.sentence, []).append(fact)

    def extend(self, facts: Iterable[Fact]) -> None:
        for fact in facts:
            self.append(fact)

    def __iadd__(self, facts: Iterable[Fact]) -> Facts:  # type: ignore[override,misc]
        self.extend(facts)
        return self

    def of(self, sentence: Span) -> list[Fact]:
        """The facts read from ``sentence``, in the order they were read."""
        return self._by_sentence.get(sentence, [])


class Context:
    """What the rules of one document share: its text, entities, state and Facts."""

    def __init__(self, document: Document, entities: list[Entity], gazetteer: Gazetteer) -> None:
        self.document = document
        self.text = document.text
        self.gazetteer = gazetteer
        self.entities = entities
        # an "implied" mention (the ILO inside the name of one of its units) makes the entity
        # but is no actor of its sentence
        self.placed = sorted(
            (Placed(m, e) for e in entities for m in e.mentions if m.source != "implied"),
            key=lambda p: p.start)
        self.starts = [p.start for p in self.placed]  # bisected by in_span
        for placed in minister_mentions(self.text, entities):  # "Le ministre du Travail a …"
            index = bisect.bisect_right(self.starts, placed.start)
            self.placed.insert(index, placed)
            self.starts.insert(index, placed.start)
        self._dates: dict[Span, list[DateValue]] = {}
        # in_span's answers for this sentence: cleared by remember() and register()
        self._spans: dict[tuple[int, int, frozenset[URIRef] | None], list[Placed]] = {}
        self._words_span: Span | None = None  # the sentence ``cues`` last read, its cue words
        self._words: tuple[set[str], set[str]] = (set(), set())
        self._words_version = -1
        self._by_name: dict[str, list[int]] | None = None  # entity indices by casefolded name
        self.facts = Facts()
        self.rule = ""  # the rule running now: each Fact's origin is kept beside it
        self.origins: list[str] = []
        self.focus: Placed | None = None
        self.previous: Span | None = None  # the sentence read before this one, in its region
        self.recent: dict[URIRef, Placed] = {}  # the last entity of each class, for "the policy"
        self.recent_named: dict[str, Placed] = {}  # the last whose name has the word ("decree")
        self._made_event: Placed | None = None  # a launch a rule made in this sentence
        self.last_meeting: URIRef | None = None
        self.named_events: set[URIRef] = set()  # events the entity stage named
        self.studies: list[tuple[URIRef, set[str]]] = []
        self.country = document_country(entities, gazetteer)
        # the reference entry of every country the document names, read once per document
        # (location rules ask it for each organisation; rebuilding it each time was quadratic)
        self.named_countries = [e.reference for e in entities
                                if e.reference is not None and e.reference.cls == SPKG.Country]

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal, sentence: Span,
            *words: Span | None) -> None:
        self.facts.append(Fact(s, p, o, sentence, tuple(w for w in words if w is not None)))
        self.origins.append(self.rule)

    def in_span(self, span: Span, classes: Iterable[URIRef] | None = None) -> list[Placed]:
        """Mentions inside ``span`` in text order: a bisection, then only those mentions.
        Rules ask the same question of a sentence many times (in_span(sentence,
        ORGANISATION_CLASSES)): answers for no classes or a frozenset of them are kept until
        the sentence is done or a mention is added; each caller gets its own list."""
        if classes is None or isinstance(classes, frozenset):
            key = (span.start, span.end, classes)
            found = self._spans.get(key)
            if found is None:
                found = self._spans[key] = self._in_span(span, classes)
            return list(found)
        return self._in_span(span, classes)

    def _in_span(self, span: Span, classes: Iterable[URIRef] | None) -> list[Placed]:
        low = bisect.bisect_left(self.starts, span.start)
        end = span.end
        high = bisect.bisect_left(self.starts, end, lo=low)
        if classes is None:
            return [p for p in self.placed[low:high] if p.end <= end]
        wanted = classes if isinstance(classes, (set, frozenset)) else set(classes)
        return [p for p in self.placed[low:high] if p.end <= end and p.entity.cls in wanted]

    def named(self, names: Iterable[str]) -> list[Entity]:
        """The document's entities whose label or a full name is one of ``names`` (compared
        casefolded), in ``self.entities`` order: an index built once, where a scan of every
        entity for each mention grows with the square of the document."""
        if self._by_name is None:
            self._by_name = {}
            for index, entity in enumerate(self.entities):
                for name in {n.casefold() for n in (entity.label, *entity.names)}:
                    self._by_name.setdefault(name, []).append(index)
        found = sorted({i for n in names for i in self._by_name.get(n.casefold(), ())})
        return [self.entities[i] for i in found]

    def overlapping(self, span: Span, classes: Iterable[URIRef]) -> list[Placed]:
        """Mentions of ``classes`` that share a character with ``span`` (names are short:
        only those starting up to 200 characters before it are looked at)."""
        wanted = set(classes)
        low = bisect.bisect_left(self.starts, span.start - 200)
        high = bisect.bisect_left(self.starts, span.end, lo=low)
        return [p for p in self.placed[low:high]
                if p.end > span.start and p.entity.cls in wanted]

    def before(self, sentence: Span, position: int, classes: Iterable[URIRef]) -> Placed | None:
        found = self.in_span(Span(sentence.start, position), classes)
        return found[-1] if found else None

    def after(self, position: int, sentence: Span, classes: Iterable[URIRef]) -> Placed | None:
        found = self.in_span(Span(position, sentence.end), classes)
        return found[0] if found else None

    def listed_before(self, sentence: Span, position: int,
                      classes: Iterable[URIRef] = ORGANISATION_CLASSES) -> list[Placed]:
        """The organisations listed right before a verb: "A, B and the C signed …" (the
        last one ends where the verb starts, give or take an acronym and an adverb)."""
        found = self.in_span(Span(sentence.start, position), classes)
        if not found or not re.fullmatch(
                r"\)?\s*(?:\([^)]*\)\s*)?(?:also\s+|jointly\s+|together\s+)?",
                self.text[found[-1].end : position]):
            return []
        listed = [found[-1]]
        for placed in reversed(found[:-1]):
            gap = self.text[placed.end : listed[0].start]
            if not re.fullmatch(rf"\)?\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:{LIST_AND}\s+)?"
                                rf"(?:{ARTICLE})?\(?", gap):
                break
            listed.insert(0, placed)
        return listed

    def listed_after(self, position: int, sentence: Span,
                     classes: Iterable[URIRef] = ORGANISATION_CLASSES,
                     again: str | None = None) -> list[Placed]:
        """The organisations listed right after a cue: "by A, B and the C" — the list ends
        where a comma or "and" is followed by anything but another organisation; ``again``
        is the cue's preposition, which may be repeated ("to A and to B")."""
        listed: list[Placed] = []
        gaps: list[str] = []
        end = clause_end(self.text, position, sentence.end)
        # French and Spanish lists repeat their preposition: "de A et de B", "de A y de B"
        repeated = rf"(?:(?:{again}|{_REPEATED})\s+)?" if again else rf"(?:(?:{_REPEATED})\s+)?"
        for placed in self.in_span(Span(position, end), classes):
            gap = self.text[(listed[-1].end if listed else position) : placed.start]
            # a quoted name after the body's: 'the National Chamber "Atameken" and the …'
            if not re.fullmatch(rf"\)?\s*(?:\([^)]*\)\s*)?(?:[\"“«][^\"”»]{{1,40}}[\"”»]\s*)?"
                                rf"(?:,\s*)?(?:{LIST_AND}\s+{repeated})?"
                                rf"(?:{ARTICLE})?\(?", gap) and not (
                    _PORTUGUESE_ARTICLE_GAP.fullmatch(gap) and self.text[placed.start].isupper()):
                break
            if any(re.search(rf"\b{LIST_AND}\b", g) for g in gaps) and (
                    not gap.strip(" (").startswith(")") or "," in gap
            ) and placed.entity.iri != listed[-1].entity.iri:
                break  # "A and B, the Ministry …", "A and B (B), the C": B was the last
            listed.append(placed)
            gaps.append(gap)
        if len(listed) > 1 and not any(re.search(rf"\b{LIST_AND}\b", g) for g in gaps) and (
                not re.match(rf"\s*(?:\([^)]*\)\s*)?,?\s*{LIST_AND}\s+(?:{ARTICLE})?[A-Z]",
                             self.text[listed[-1].end : end])):
            # "from the ILO, SSIB designed …": no "and", no list ("A, B and the <a name
            # no recogniser read>" is one)
            return listed[:1]
        return listed

    def anaphor_after(self, position: int, sentence: Span,
                      classes: Iterable[URIRef]) -> Placed | None:
        """"… endorsed the scheme": the last entity of that kind named so far."""
        match = _ANAPHOR_OBJECT.match(self.text, position, sentence.end)
        if match is None:
            return None
        if match.group("bill"):  # "a approuvé le projet de loi"
            return self.referent("bill", classes)
        if match.group("pt") and match.group("noun").casefold() in ANAPHORS:
            return None  # "endorsed a scheme": indefinite
        return self.referent(match.group("noun"), classes)

    def referent(self, noun: str, classes: Iterable[URIRef] | None = None) -> Placed | None:
        """What "the decree" refers to: the last entity of the section named with that word
        ("Supreme Decree No. 14", not the law it regulates, named after it), else the last
        of the kinds the word may name (ANAPHORS: "the scheme" is the last programme)."""
        # "la ley": "the law" (a plural, "the amendments", is not one thing named before)
        noun = ANAPHOR_NOUNS.get(noun.casefold()) or noun.casefold()
        named = ANAPHORS.get(noun, frozenset())
        named = named & set(classes) if classes is not None else named
        word = self.recent_named.get(noun)
        if word is not None and word.entity.cls in named:
            return word
        recent = [self.recent[c] for c in named if c in self.recent]
        return max(recent, key=lambda p: p.start) if recent else None

    def remember(self, sentence: Span) -> None:
        """After a sentence: its focus, and the entities "the policy" may refer to next."""
        focus = self.next_focus(sentence)
        if focus is not None:
            self.focus = focus
        for placed in self.in_span(sentence, SUBJECT_CLASSES | {SPKG.Study}):
            self.recent[placed.entity.cls] = placed
            for word in placed.mention.text.split():
                noun = anaphor_key(word)  # "Amendments", "Decreto Supremo 14" too
                if noun is not None:
                    self.recent_named[noun] = placed
        for placed in self.in_span(sentence, EVENT_CLASSES):  # for "The workshop …"
            self.recent[SPKG.Event] = placed
        if self._made_event is not None:
            self.recent[SPKG.Event] = self._made_event
            self._made_event = None
        self.previous = sentence
        self._spans.clear()  # the next sentence asks about other spans

    def recent_event(self, iri: URIRef, cls: URIRef, words: Span) -> None:
        """A dated event a rule made (a launch), as the event "The ceremony …" or "It was
        attended by …" in the next sentence refers to; it is no mention of this one."""
        label = self.text[words.start : words.end]
        entity = Entity(iri, cls, label, [])
        mention = Mention(words, label, cls, source="rule")
        entity.mentions.append(mention)
        self._made_event = Placed(mention, entity)

    def forget(self) -> None:
        """A new region (section): nothing before it is referred to."""
        self.focus, self.recent, self.recent_named, self.previous = None, {}, {}, None
        self._made_event = None

    def dates(self, sentence: Span) -> list[DateValue]:
        """Dates of the sentence that are not part of a name ("… Act 2021"), read once."""
        if sentence not in self._dates:
            names = [p.mention.span for p in self.in_span(sentence)]
            self._dates[sentence] = [
                _with_first_day(self.text, sentence, d)
                for d in find_dates(self.text[sentence.start : sentence.end], sentence.start)
                if not any(n.start <= d.span.start and d.span.end <= n.end for n in names)]
        return self._dates[sentence]

    def date_after(self, position: int, sentence: Span) -> DateValue | None:
        dates = [d for d in self.dates(sentence) if d.span.start >= position]
        return dates[0] if dates else None

    def date_before(self, position: int, sentence: Span) -> DateValue | None:
        dates = [d for d in self.dates(sentence) if d.span.end <= position]
        return dates[-1] if dates else None

    def cues(self, pattern: str, sentence: Span) -> list[re.Match[str]]:
        """The matches of ``pattern`` in ``sentence``: none, without running it, when the
        sentence lacks every word the pattern needs (spkg.ingest.rules.prefilter)."""
        cue = CUES.cue(pattern)
        if not self.may_match(cue, sentence):
            return []
        return list(cue.pattern.finditer(self.text, sentence.start, sentence.end))

    def may_match(self, cue: Cue, sentence: Span) -> bool:
        """False when ``sentence`` lacks every word ``cue`` needs (so it cannot match)."""
        if cue.words is None:
            return True
        if sentence is not self._words_span or self._words_version != CUES.version:
            # ~50 rules ask about each sentence in turn: its words are found once
            self._words_span, self._words_version = sentence, CUES.version
            self._words = CUES.words_in(self.text[sentence.start : sentence.end])
        return not cue.words.isdisjoint(self._words[1] if cue.folded else self._words[0])

    def subject_before(self, sentence: Span, position: int,
                       classes: Iterable[URIRef] = INTERVENTION_CLASSES) -> Placed | None:
        found = self.before(sentence, position, classes)
        if found is not None:
            return found
        opening = anaphor_opening(self.text, sentence.start, position)
        if opening is None:
            return None
        wanted = set(classes)
        if opening[1] is None:  # "It was formally launched …", "Elle …": the previous subject
            return self.focus if self.focus and self.focus.entity.cls in wanted else None
        return self.referent(opening[1], wanted)

    def pointed_subject(self, sentence: Span, position: int,
                        classes: Iterable[URIRef]) -> Placed | None:
        """What the sentence's subject points back to when only auxiliaries stand between it
        and ``position`` ("It is funded by", "Ce projet est financé par", "Fue elaborada
        por", "O projeto é financiado pelo"), else None."""
        opening = anaphor_opening(self.text, sentence.start, position)
        start = opening[0] if opening is not None else sentence.start
        if not AUXILIARIES.fullmatch(self.text, start, position):
            return None
        if opening is None:  # "Fue elaborada por …": a verb with no subject, the focus
            wanted = set(classes)
            return self.focus if (self.focus is not None and start < position
                                  and self.focus.entity.cls in wanted) else None
        return self.subject_before(sentence, position, classes)

    def next_focus(self, sentence: Span) -> Placed | None:
        """What "It …" in the next sentence refers to: this sentence's subject when it is
        itself a pronoun or "the policy" ("The programme was drafted by A. It extends …"),
        else the first intervention, body or project it names outside an opening phrase
        ("By Resolution No. 214, the Government approved the Programme …": the Programme)."""
        mentioned = self.in_span(sentence, SUBJECT_CLASSES)
        opening = _OPENING_PHRASE.match(self.text, sentence.start, sentence.end)
        if opening is not None:
            mentioned = [p for p in mentioned if p.start >= opening.end()] or mentioned
        pronoun = anaphor_opening(self.text, sentence.start, sentence.end)
        if pronoun is not None and not (mentioned and mentioned[0].start < pronoun[0]):
            referent = self.subject_before(sentence, pronoun[0], SUBJECT_CLASSES)
            if referent is not None:
                return referent
        return mentioned[0] if mentioned else None

    def event(self, event_class: URIRef, concerned: Placed, date: DateValue,
              sentence: Span, role: URIRef = SPKG.concerns) -> URIRef:
        iri, facts = event_facts(event_class, concerned.entity.iri, concerned.entity.label,
                                 date, sentence, (concerned.mention.span,), role)
        self.facts += facts
        self.origins += [self.rule] * len(facts)
        where = self.event_place(concerned, sentence)
        if where is not None:
            self.add(iri, SPKG.locatedIn, where.entity.iri, sentence, where.mention.span)
        return iri

    def event_place(self, concerned: Placed, sentence: Span) -> Placed | None:
        """Where a dated event of ``concerned`` took place: a town or province the clause
        names after "in"/"held in"/"at … in" ("launched the X in Kigali on …"); a country is
        the document's, and "workers in Y" is whom it covers, not where it happened."""
        start = max(concerned.end, sentence.start)
        for placed in self.in_span(Span(start, sentence.end)):
            if not is_place(placed) or placed.entity.cls == SPKG.Country:
                continue
            gap = self.text[start : placed.start]
            if not same_clause(self.text, start, placed.start) or len(gap) > 100:
                return None
            if re.search(AT_PLACE, gap) and not re.search(
                    r"\b(?:workers|coverage|people|households|beneficiaries|families|women|"
                    r"children|persons|schemes?|programmes?|extend\w*|cover\w*|provinces?|"
                    r"districts?|regions?|operat\w*|available|roll\w*|implement\w*|"
                    rf"{WHOM_FR_ES})\b", gap):
                return placed
            return None
        return None

    def register(self, iri: URIRef, cls: URIRef, label: str, words: Span) -> None:
        """Make a rule-made entity visible to the rules that follow (support, funding)."""
        entity = Entity(iri, cls, label, [])
        mention = Mention(words, self.text[words.start : words.end], cls, source="rule")
        entity.mentions.append(mention)
        index = bisect.bisect_right(self.starts, words.start)
        self.placed.insert(index, Placed(mention, entity))
        self.starts.insert(index, words.start)
        self._dates.clear()  # a new name may hold a date ("… study 2021")
        self._spans.clear()  # a new mention: spans holding it have another answer

    def without_apposition(self, sentence: Span, position: int) -> int:
        """Where the subject ends when ", chaired by X," or ", financed by Y," stands between
        it and the verb at ``position``."""
        head = self.text[sentence.start : position]
        trimmed = re.sub(r",[^,]*,\s*$", " ", head)
        return sentence.start + len(trimmed.rstrip()) + (1 if trimmed != head else 0)

    def verb_start(self, sentence: Span, position: int) -> int:
        """Before "are represented on": where the auxiliary verb starts."""
        aux = re.search(r"\s*(?:are|is|were|was|now|also|\s)*$",
                        self.text[sentence.start:position])
        return sentence.start + aux.start() if aux else position

    def outcomes(self) -> list[URIRef]:
        """The result record's outcomes (one per numbered summary item, else one)."""
        found = [outcome for outcome, _ in outcome_summaries(self.document)]
        return found or [mint("outcome", self.document_slug())]

    def document_slug(self) -> str:
        return str(self.document.iri).rstrip("/").rsplit("/", 1)[-1]


# "from 11 to 15 October 2021", "between 6 and 8 June", "from 29 April to 3 May 2021": the
# date reader reads the last day only; the first is the day (and month) before "to"/"and".
_RANGE_START = re.compile(r"\b(?:from|between)\s+(\d{1,2})(?:\s+([A-Z][a-z]+))?\s+"
                          r"(?:to|and|until|till)\s+$")
_MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}


def _with_first_day(text: str, sentence: Span, date: DateValue) -> DateValue:
    """A day range's first day as the date and the day read as its end."""
    if date.end is not None or date.literal.datatype != XSD.date:
        return date
    opening = _RANGE_START.search(text, max(sentence.start, date.span.start - 30),
                                  date.span.start)
    if opening is None:
        return date
    last = datetime.date.fromisoformat(str(date.literal))
    name = (opening.group(2) or "").casefold()
    if name and name not in _MONTHS:
        return date
    month = _MONTHS[name] if name else last.month
    try:
        first = datetime.date(last.year, month, int(opening.group(1)))
    except ValueError:
        return date
    if first >= last:
        return date
    return DateValue(Literal(first.isoformat(), datatype=XSD.date),
                     Span(opening.start(1), date.span.end), date.literal)


# A sentence's opening adverbial phrase, up to its comma: "By Resolution No. 214 of
# 29 March 2024, …", "Under the Act, …", "In line with the Policy, …".
_OPENING_PHRASE = re.compile(
    r"\s*(?:By|Under|Through|Following|After|With|In\s+line\s+with|In\s+accordance\s+with|"
    r"Pursuant\s+to|Building\s+on|Based\s+on)\b(?:No\.|[^,;.]){0,120},")
# The auxiliaries and adverbs between a subject and its participle, in the four languages:
# "is also", "has been", "est", "a été", "es", "fue", "ha sido", "é", "foi", "tem sido"
AUXILIARIES = re.compile(
    r"\s*(?:(?:is|are|was|were|has|have|had|been|being|will|be|also|now|jointly|currently|"
    r"est|sont|a|ont|été|était|étaient|sera|seront|également|aussi|actuellement|conjointement|"
    r"es|son|fue|fueron|ha|han|sido|está|están|estaba|será|serán|también|actualmente|"
    r"conjuntamente|é|são|foi|foram|tem|têm|vai|serão|estão|também)\s+)*", re.IGNORECASE)
# "… endorsed the scheme", "a approuvé la loi", "aprobó el proyecto de ley", "aprovou a lei"
_ANAPHOR_OBJECT = re.compile(
    r"\s*(?:(?:the|this|le|la|ce|cet|cette|el|este|esta|dicho|dicha|(?P<pt>o|a))\s+|l['’]\s*)"
    r"(?:new\s+|draft\s+|nouve(?:au|l|lle)\s+|nuev[oa]\s+|nov[oa]\s+)?(?P<noun>[\w-]+)"
    r"(?P<bill>\s+de\s+(?:loi|ley|lei)\b)?")


# A full stop that is part of a name, not a clause's end: an abbreviation's ("Law No. 12",
# "Decreto núm. 3", "art. 4", "Mr.", "Sr."), "No." only before a number (Spanish "no." may
# end a sentence), Portuguese "n.º 89/21", and a decimal point ("1.5").
_ABBREVIATION_DOT = re.compile(
    r"(?<![\w.])(?:(?:[Nn]os?|[Nn]º|[Nn]°|[Nn]úm|[Nn]ro)\.(?=\s*\d)|[Nn]\.(?=[º°ª]\s*\d)|"
    r"(?:[Aa]rts?|Mrs?|Ms|Dr|"
    r"Sra?|Sres|St|Inc|Ltd|Corp|[Vv]ol)\.)|(?<=\d)\.(?=\d)")
# A clause ends at a full stop or semicolon, at "and was/is …", and where a relative clause
# opens after a comma ("… approved Decree No. 8, which replaces the scheme created in 2010")
_CLAUSE_STOPS = re.compile(r"[;.]|\band\s+(?:was|is|were|notified|launched)\b|"
                           r",\s+(?:which|whose|que|qui|dont|cuy[oa]s?)\b")
_CLAUSE_ENDS = re.compile(r"[;.]|,\s+(?:and\s+)?(?:is|was|which|until|to)\b|\buntil\b")
_CLAUSE_ENDS_NO_COMMA = re.compile(r"[;.]|,\s+to\b|\bto\s+[a-z]+\b")


def first_stop(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """Where ``pattern`` first matches in text[start:end], a period of an abbreviation or a
    number apart."""
    for stop in pattern.finditer(text, start, end):
        if stop.group(0) == "." and _is_abbreviation_dot(text, stop.start()):
            continue
        return stop.start()
    return None


def _is_abbreviation_dot(text: str, dot: int) -> bool:
    begin = max(0, dot - 5)
    return any(m.start() <= dot < m.end()
               for m in _ABBREVIATION_DOT.finditer(text, begin, min(len(text), dot + 8)))


def same_clause(text: str, start: int, end: int) -> bool:
    return first_stop(_CLAUSE_STOPS, text, start, end) is None


def clause_end(text: str, start: int, limit: int, *, commas: bool = True) -> int:
    stop = first_stop(_CLAUSE_ENDS if commas else _CLAUSE_ENDS_NO_COMMA, text, start, limit)
    return limit if stop is None else stop


# "Le ministre du Travail", "La ministra de Trabajo", "O ministro da Saúde": a minister
# named by the domain of the ministry (not "le Premier ministre", whose article is not right
# before "ministre"); the domain runs while words are capitalised or join capitalised ones.
_ROMANCE_MINISTER = re.compile(
    r"(?<![\w-])(?:[Ll]e|[Ll]a|[Ee]l|[Oo]|[Aa])\s+(?:ministre|ministra|ministro)\s+"
    r"(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|del\s+|da\s+|do\s+|das\s+|dos\s+)"
    r"(?P<domain>[A-ZÀ-Ý][\w’'-]*(?:(?:,\s+|\s+(?:et|y|e|de|du|des|del|da|do|la|las|los|l['’])"
    r"\s*|\s+)[A-ZÀ-Ý][\w’'-]*)*)")
# The head of a ministry's name in the four languages: "Ministère du Travail", "Secretaría de
# Trabajo y Seguridad Social", "Ministry of Labour".
_MINISTRY_NAME = re.compile(
    r"(?:Ministère|Ministerio|Ministério|Secretaría|Secretaria|Ministry)\s+"
    r"(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|del\s+|da\s+|do\s+|das\s+|dos\s+|"
    r"of\s+(?:the\s+)?|for\s+(?:the\s+)?)(?P<domain>.+)", re.IGNORECASE)


def minister_mentions(text: str, entities: list[Entity]) -> list[Placed]:
    """A French, Spanish or Portuguese minister's title as a mention of the ministry that
    acts through them, when the document names that ministry: one whose domain starts with
    the minister's, word for word or through the institution glossary ("Travail" is the
    "Labour" of the Ministry of Labour); none when two ministries would fit."""
    if "minist" not in text:
        return []
    ministries = [(entity, _domain_words(found.group("domain")))
                  for entity in entities if entity.cls in ORGANISATION_CLASSES
                  for found in [_MINISTRY_NAME.match(entity.label)] if found is not None]
    placed: list[Placed] = []
    for match in _ROMANCE_MINISTER.finditer(text):
        words = _domain_words(match.group("domain"))
        fits = {entity.iri: entity for entity, domain in ministries
                if words and domain[: len(words)] == words}
        if len(fits) != 1:
            continue
        entity = next(iter(fits.values()))
        span = Span(match.start(), match.end())
        mention = Mention(span, match.group(0), entity.cls, source="rule")
        placed.append(Placed(mention, entity))
    return placed


def _domain_words(domain: str) -> list[str]:
    """A ministry's domain as words in English where the glossary knows them, connectors
    left out ("Travail et de l'Emploi" → ["labour", "employment"])."""
    glossary = lexicon.institution_words()
    words = re.findall(r"[^\W\d_]+", domain.casefold())
    return [glossary.get(w, w)[:5] for w in words
            if w not in {"et", "y", "e", "de", "du", "des", "del", "da", "do", "la", "las", "los",
                         "l", "the", "and", "of", "for", "le", "les", "das", "dos"}]


def document_country(entities: list[Entity], gazetteer: Gazetteer) -> str:
    """The country a document's places are in most often (its label), for local names."""
    counts: dict[str, int] = {}
    places = [(e.reference, len(e.mentions)) for e in entities
              if e.reference is not None and e.reference.is_place]
    named = [e.reference for e in entities
             if e.reference is not None and e.reference.cls == SPKG.Country]
    for entity in entities:  # places inside names count too ("Togo Employers Association")
        if entity.reference is None:
            # "… du Congo" in a text that names the DR Congo counts for the DR Congo
            places += [(country_holding(entry, named) or entry, 1)
                       for _, _, entry in gazetteer.scan(entity.label) if entry.is_place]
    for place, weight in places:
        entry: Entry | None = place
        while entry is not None and entry.cls != SPKG.Country and entry.part_of is not None:
            entry = gazetteer.get(entry.part_of)
        if entry is not None and entry.cls == SPKG.Country:
            counts[entry.label] = counts.get(entry.label, 0) + weight
    return max(sorted(counts), key=lambda c: counts[c]) if counts else ""
