"""Facts read from a document's fixed fields: its metadata, and a result record's outcome.

These are the parts of the templates that have a known place and shape (title, dateline,
header and keyword lines, partners line, SDG bullets, coverage, principles). What the prose
says is spkg.ingest.prose's job. Every Fact names the line or sentence it comes from and
the exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from spkg.ingest.detect import COUNTRY_PAGE, PRESS_RELEASE, RESULT_RECORD, WEB_PAGE
from spkg.ingest.entity_facts import organisation_fact_for_name
from spkg.ingest.gazetteer import Gazetteer, load_gazetteer, normalise_name
from spkg.ingest.linking import Entity
from spkg.ingest.normalise import find_dates, find_numbers, to_ascii_digits
from spkg.ingest.outcomes import outcome_iris, outcome_items, outcome_summaries
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Document, Fact, Section, Span
from spkg.ingest.sections import HEADER_LINE, KEYWORD_LINE, RECORD_HEADINGS, is_partners_line
from spkg.ingest.vocab import Place, Vocabulary
from spkg.namespace import ORG, SPKG, mint

DOCUMENT_CLASSES = {
    RESULT_RECORD: SPKG.ResultRecord,
    COUNTRY_PAGE: SPKG.CountryPage,
    PRESS_RELEASE: SPKG.PressRelease,
    WEB_PAGE: SPKG.WebPage,
}
_STEP = re.compile(r"\(Step\s+(\d+)\)", re.IGNORECASE)
# "1.3 Implement …", "Target 8.5: …", "SDG target 1.3", "Meta 5.4", "Cible ODD 1.3", "1.3"
_TARGET = re.compile(
    r"^(?:(?:SDG|ODD|ODS)\s+)?(?:(?:[Tt]arget|[Mm]eta|[Cc]ible)\s+(?:(?:SDG|ODD|ODS)\s+)?)?"
    r"(\d{1,2}\.[0-9a-zA-Z]{1,2})\b(?:[.:]?\s+\S|[.:]?\s*$)")
_PRINCIPLE = re.compile(r"^\((?P<letter>[a-r])\)\s*(?P<label>\S.*)$")
_FIGURE_LINE = re.compile(r"^(?P<group>[^:]{1,60}):\s*(?P<figure>\S.*)$")
# "… in Peru", and in French and Spanish titles "… au Sénégal", "… en Côte d'Ivoire",
# "… del Perú", "… en el Perú": a capitalised name (with "d'"/"de"/"of" inside) after it
_PLACE_WORD = r"[A-ZÀ-Ý][\w’'-]*"
_COUNTRY_NAME = (rf"(?P<name>{_PLACE_WORD}(?:\s+(?:(?:of|and|the|de|du|des|del|d['’])\s*)?"
                 rf"{_PLACE_WORD}){{0,4}})")
_IN_COUNTRY = re.compile(
    r"(?<![\w’'-])(?:in|for|of|au|aux|en|à|du|de|del|dans|pour)\s+"
    rf"(?:(?:the|le|la|les|l['’]|el|los|las)\s*)?{_COUNTRY_NAME}"
)
_LEADING_NAME = re.compile(rf"^\s*(?:(?:Le|La|Les|L['’]|El)\s*)?{_COUNTRY_NAME}")
# "Cuba's new law", "ILO and Guyana's social partners": a possessive name in the title
_NAME_WORD = r"[A-ZÀ-Ý][\w-]*"  # a word of a name, without its possessive
_POSSESSIVE = re.compile(rf"(?P<name>{_NAME_WORD}(?:\s+(?:(?:of|and|the)\s+)?{_NAME_WORD}){{0,4}})"
                         r"[’']s\b")
# Words that tell the language of an unknown keyword (when no known keyword on its line does).
_LANGUAGE_CUES = {
    "es": {"de", "la", "del", "los", "las", "y", "trabajadores", "salud", "social", "ninos"},
    "fr": {"de", "la", "des", "les", "et", "travailleurs", "sante", "sociale", "enfants"},
}


class FactList:
    """Facts of one document, with the sentence of each looked up from its words."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.facts: list[Fact] = []

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal,
            sentence: Span, *words: Span) -> None:
        self.facts.append(Fact(subject, predicate, obj, sentence, tuple(words)))

    def add_at(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal,
               words: Span) -> None:
        """A fact whose sentence is the one holding ``words``."""
        self.add(subject, predicate, obj, self.document.sentence_at(words.start), words)


def _clean(text: str) -> str:
    return " ".join(text.replace("•", " ").split())


def _sentences_in(document: Document, section: Section) -> list[Span]:
    body = section.body
    return [s for s in document.sentences if body.start <= s.start and s.end <= body.end]


def _sub_span(base: int, match: re.Match[str], group: str) -> Span:
    start, end = match.span(group)
    return Span(base + start, base + end)


# --- document metadata ----------------------------------------------------------------


def _first_sentence(document: Document) -> Span:
    return document.sentences[0] if document.sentences else Span(0, len(document.text))


def _add_place(facts: FactList, place: Place, words: Span) -> None:
    facts.add_at(facts.document.iri, SPKG.country, place.iri, words)
    if not place.known:  # the document graph types and labels what the reference lacks
        facts.add_at(place.iri, RDF.type, place.cls, words)
        facts.add_at(place.iri, RDFS.label, Literal(place.label, lang="en"), words)


def _country_in_title(facts: FactList, vocab: Vocabulary, span: Span) -> None:
    """"… launched in Peru", else a title that opens with the country ("Senegal launches …")."""
    text = span.text(facts.document.text)
    for match in [*_IN_COUNTRY.finditer(text), *_LEADING_NAME.finditer(text)]:
        words = match["name"].split()
        for size in range(len(words), 0, -1):  # "Viet Nam on Tuesday" → "Viet Nam"
            # "of Antigua and Barbuda's National …": the possessive's name
            name = re.sub(r"[’']s$", "", " ".join(words[:size]))
            place = vocab.country_by_name(name)
            if place is not None:
                start = span.start + match.start("name")
                _add_place(facts, place, Span(start, start + len(name)))
                return
    for match in _POSSESSIVE.finditer(text):  # "ILO and Guyana's social partners …"
        words = match["name"].split()
        for size in range(len(words), 0, -1):
            name = " ".join(words[-size:])
            place = vocab.country_by_name(name)
            if place is not None:
                end = span.start + match.end("name")
                _add_place(facts, place, Span(end - len(name), end))
                return


def _title_facts(facts: FactList, section: Section) -> None:
    document = facts.document
    text = _clean(section.body.text(document.text))
    if text:
        facts.add(document.iri, DCTERMS.title, Literal(text, lang="en"), section.body, section.body)


def _press_release_fields(facts: FactList, vocab: Vocabulary) -> None:
    document = facts.document
    dateline = document.section("dateline")
    if dateline is not None:
        line = dateline.body.text(document.text)
        dates = find_dates(line, dateline.body.start)
        if dates:
            facts.add(document.iri, DCTERMS.date, dates[0].literal, dateline.body, dates[0].span)
        parts = line.split("|")
        if len(parts) >= 3:  # Press release | Islamabad, Pakistan | 02 August 2021
            place_text = parts[1]
            offset = dateline.body.start + len(parts[0]) + 1
            country = place_text.split(",")[-1]
            country_start = offset + len(place_text) - len(country)
            name = country.strip()
            place = vocab.country_by_name(name) if name else None
            if place is not None:
                start = country_start + country.index(name)
                _add_place(facts, place, Span(start, start + len(name)))
                return
    title = document.section("title")
    if title is not None:
        _country_in_title(facts, vocab, title.body)


# --- result records -------------------------------------------------------------------


def _code_lines(document: Document) -> Iterator[tuple[str, re.Match[str], int]]:
    """The header and keyword lines, matched on ASCII digits (offsets are unchanged)."""
    for name, pattern in (("header", HEADER_LINE), ("keywords", KEYWORD_LINE)):
        for section in document.sections:
            if section.name == name:
                match = pattern.match(to_ascii_digits(section.body.text(document.text)))
                if match:
                    yield name, match, section.body.start


def _split_list(text: str) -> list[tuple[int, str]]:
    """Items of "a , b , c" (space before the comma: items may hold ", "), "a, b, c", or
    "a; b" and "a | b" (no item holds those)."""
    separator = (re.compile(r"\s+,\s*|\s*[;|]\s*") if re.search(r"\s,", text)
                 else re.compile(r",\s*|\s*[;|]\s*"))
    items, position = [], 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        raw = text[position:end]
        item = raw.strip()
        if item:
            items.append((position + raw.index(item), item))
        position = match.end() if match else len(text)
    return items


PartnerName = tuple[str, int, "tuple[str, int] | None"]


def _partner_names(text: str, base: int, gazetteer: Gazetteer) -> Iterator[PartnerName]:
    """Names on a partners line: split at ";", and at "," where the next part starts a
    name of its own; a part that does not ("Youth and Social Welfare" in "Ministry
    of Sport, Youth and Social Welfare", "de la Famille et de la Solidarité nationale" in
    "Ministère de la Santé, de la Famille et de la Solidarité nationale") continues the name
    before it. A government body followed by ", Government of Y" is that government's
    body: one name, with the government it belongs to ("Planning Commission, Government
    of Pakistan")."""
    from spkg.ingest.naming import class_from_head

    def is_body_of(body: str, government: str) -> bool:
        return (class_from_head(body) in {SPKG.GovernmentBody, SPKG.Ministry}
                and re.match(r"Government\s+of\s+[A-Z]", government) is not None
                and class_from_head(government) == SPKG.Government)

    for piece in re.finditer(r"[^;]+", text):
        found: list[tuple[str, int]] = []  # (name, start) in the line
        for part in re.finditer(r"[^,]+", piece.group()):
            words = part.group().strip()
            if not words:
                continue
            start = base + piece.start() + part.start() + part.group().index(words)
            if found and not _starts_a_name(words, gazetteer) and not _after_a_whole_name(
                    found[-1][0], words):
                name, first = found[-1]
                found[-1] = (text[first - base : start - base + len(words)], first)
            else:
                found.append((words, start))
        found = [(name, start) for name, start in found if len(name) >= 3]
        index = 0
        while index < len(found):
            name, start = found[index]
            following = found[index + 1] if index + 1 < len(found) else None
            if following is not None and is_body_of(name, following[0]):
                yield name, start, following
                index += 2
            else:
                yield name, start, None
                index += 1


# Head words of French, Spanish and Portuguese names ("Caisse nationale …", "Ministerio
# de …"), and words that open a government's name in the three languages.
_FIRST_WORDS = frozenset({"Government", "Gouvernement", "Gobierno", "Governo", "Union",
                          "Banque", "Banco", "Fondation", "Fundación", "Fundação", "Société",
                          "Sociedad", "Association", "Ordre", "Centrale", "Central"})
_ACRONYM_PART = re.compile(r"^[A-Z][A-Za-z0-9&'’.-]*[A-Z0-9][A-Za-z0-9&'’.-]*(?:\s*\(.*\))?$")


def _after_a_whole_name(previous: str, words: str) -> bool:
    """A capitalised part after a name that ends in its organisational head ("Revenue
    Authority, Business Link"): a name of its own, unless it goes on with "and" ("Labour
    Board, Youth and Sports" is rare; "Ministry of Sport, Youth and Social Welfare" ends in
    no head)."""
    from spkg.ingest.naming import ORGANISATION_CLASSES, class_from_head

    last = previous.split()[-1]
    return (words[:1].isupper() and not re.search(r"\b(?:and|et|y|e)\b", words)
            and class_from_head(last) in ORGANISATION_CLASSES)


def _starts_a_name(words: str, gazetteer: Gazetteer) -> bool:
    """A part of a partners line after a comma that is a name by itself: an organisation
    by its head word (in English, French or Spanish) or by the reference data, a
    government, or an acronym ("CNSS", "UN Women")."""
    from spkg.ingest.mentions.romance import HEADS
    from spkg.ingest.naming import ORGANISATION_CLASSES, class_from_head

    first = words.split()[0]
    if not first[:1].isupper():
        return False  # "du Travail et …", "y Seguridad Social": the name goes on
    return (first in HEADS or first in _FIRST_WORDS
            or _ACRONYM_PART.match(words.split(" (")[0]) is not None
            or class_from_head(words) in ORGANISATION_CLASSES
            or gazetteer.lookup(words) is not None)


_SDG_CODE = r"(?:(?:SDG|Goal|ODD|ODS|Objectif|Objetivo)\s+\d{1,2}|\d{1,2}\.[0-9a-zA-Z]{1,2})"
_SDG_LIST = re.compile(rf"^{_SDG_CODE}(?:\s*(?:[,;]\s*(?:and\s+|et\s+|y\s+)?|\s+(?:and|et|y)\s+)"
                       rf"{_SDG_CODE})+\.?$")


def _sdg_items(text: str) -> list[tuple[int, str]]:
    """A bullet, or each code of a line that lists them ("1.3, 5.4 and 8.5", "SDG 1; SDG 8")."""
    if not _SDG_LIST.match(text.strip()):
        return [(0, text)]
    return [(m.start(), m.group()) for m in re.finditer(_SDG_CODE, text)]


def _language_of(labels: list[str], known_languages: list[str | None]) -> str:
    tagged = [lang for lang in known_languages if lang]
    if tagged:
        return max(sorted(set(tagged)), key=tagged.count)
    words = {w for label in labels for w in normalise_name(label).split()}
    scores = {lang: len(words & cues) for lang, cues in _LANGUAGE_CUES.items()}
    best = max(sorted(scores), key=lambda lang: scores[lang])
    return best if scores[best] > 0 else "en"


class RecordReader:
    """The fields of one result record, for each of its outcomes."""

    def __init__(self, facts: FactList, vocab: Vocabulary) -> None:
        self.facts = facts
        self.vocab = vocab
        self.document = facts.document
        self.outcomes: list[URIRef] = []
        self._prose: list[Entity] | None = None  # read only for a partner named by an acronym

    def read(self) -> None:
        document, facts = self.document, self.facts
        summary = document.section("outcome-summary")
        items = outcome_items(document, summary) if summary else []
        self.outcomes = outcome_iris(document, len(items))
        anchor = self._record_anchor()
        for outcome in self.outcomes:
            facts.add(outcome, RDF.type, SPKG.Outcome, anchor, anchor)
            facts.add(outcome, SPKG.reportedIn, document.iri, anchor, anchor)
        if summary is not None and items:
            facts.add(document.iri, DCTERMS.title,
                      Literal(_clean(summary.body.text(document.text)), lang="en"),
                      summary.body, summary.body)
            for outcome, item in zip(self.outcomes, items, strict=False):
                text = Literal(_clean(item.text(document.text)), lang="en")
                sentence = document.sentence_at(item.start)
                facts.add(outcome, SPKG.statement, text, sentence, item)
                # The statement is the only name an ILO result has.
                facts.add(outcome, RDFS.label, text, sentence, item)
        else:  # cut off before its summary: a label that says where the result is from
            label = Literal(f"ILO result reported in {document.file_name}", lang="en")
            for outcome in self.outcomes:
                facts.add(outcome, RDFS.label, label, anchor, anchor)
        self._prose_field("ilo-contribution", SPKG.iloContribution)
        self._prose_field("gender", SPKG.genderDimension)
        self._step()
        self._codes()
        if not any(True for _ in _code_lines(document)):
            self._year_from_prose()
        self._sdgs()
        self._partners()
        self._partner_categories()
        self._principles()
        self._coverage()

    def _record_anchor(self) -> Span:
        indicator = self.document.section("indicator")
        if indicator is not None and indicator.heading is not None:
            return indicator.heading
        return _first_sentence(self.document)

    def _each(self, predicate: URIRef, obj: URIRef | Literal, sentence: Span, *words: Span) -> None:
        for outcome in self.outcomes:
            self.facts.add(outcome, predicate, obj, sentence, *words)

    def _prose_field(self, section_name: str, predicate: URIRef) -> None:
        section = self.document.section(section_name)
        if section is None or section.body.end <= section.body.start:
            return
        text = _clean(section.body.text(self.document.text))
        self._each(predicate, Literal(text, lang="en"), section.body, section.body)

    def _step(self) -> None:
        section = self.document.section("indicator")
        if section is None:
            return
        for sentence in _sentences_in(self.document, section):
            match = _STEP.search(sentence.text(self.document.text))
            if match:
                words = Span(sentence.start + match.start(), sentence.start + match.end())
                self._each(SPKG.step, Literal(int(match[1]), datatype=XSD.integer), sentence, words)
                return

    def _indicator_definition(self) -> tuple[Literal, Span] | None:
        section = self.document.section("indicator")
        if section is None:
            return None
        for sentence in _sentences_in(self.document, section):
            text = sentence.text(self.document.text)
            if text.lower().startswith("number of"):
                return Literal(_clean(_STEP.sub("", text)), lang="en"), sentence
        return None

    def _codes(self) -> None:
        facts, document = self.facts, self.document
        for name, match, base in _code_lines(document):
            line = document.sentence_at(base)
            cpo_span = _sub_span(base, match, "cpo")
            cpo_code = match["cpo"]
            cpo = mint("cpo", cpo_code)
            self._each(SPKG.countryProgrammeOutcome, cpo, line, cpo_span)
            facts.add(cpo, RDF.type, SPKG.CountryProgrammeOutcome, line, cpo_span)
            facts.add(cpo, SKOS.notation, Literal(cpo_code), line, cpo_span)
            facts.add(cpo, RDFS.label, Literal(f"Country programme outcome {cpo_code}", lang="en"),
                      line, cpo_span)
            place = self.vocab.country_by_code(cpo_code[:3])
            if place is not None:
                _add_place(facts, place, Span(cpo_span.start, cpo_span.start + 3))
            if match["indicator"]:
                self._indicator(match["indicator"], line, _sub_span(base, match, "indicator"))
            if name == "header":
                self._header(match, base, line)
            else:
                self._keyword_line(match, base, line)

    def _year_from_prose(self) -> None:
        """A record cut off before its year line, with no header line either: the latest
        year its outcome sections date anything in (what it reports was achieved by then)."""
        latest: tuple[str, Span] | None = None
        for section in self.document.sections:
            if section.name not in {"outcome-summary", "outcome-achieved", "ilo-contribution"}:
                continue
            body = section.body
            for found in find_dates(body.text(self.document.text), body.start):
                year = str(found.end or found.literal)[:4]
                if year.isdigit() and (latest is None or year > latest[0]):
                    latest = (year, found.span)
        if latest is not None:
            self._each(SPKG.year, Literal(latest[0], datatype=XSD.gYear),
                       self.document.sentence_at(latest[1].start), latest[1])

    def _indicator(self, notation: str, line: Span, words: Span) -> None:
        facts = self.facts
        indicator = mint("indicator", notation)
        self._each(SPKG.hasIndicator, indicator, line, words)
        facts.add(indicator, RDF.type, SPKG.OutcomeIndicator, line, words)
        facts.add(indicator, SKOS.notation, Literal(notation), line, words)
        facts.add(indicator, RDFS.label, Literal(f"Outcome indicator {notation}", lang="en"),
                  line, words)
        definition = self._indicator_definition()
        if definition is not None:
            facts.add(indicator, SKOS.definition, definition[0], definition[1], definition[1])

    def _header(self, match: re.Match[str], base: int, line: Span) -> None:
        # The header's day is when the result was reported; a record is dated by the year it
        # reports on (the year line's, else the one the header gives: _year_from_header)
        if match["visibility"]:
            self._each(SPKG.visibility, Literal(match["visibility"]), line,
                       _sub_span(base, match, "visibility"))
        if match["biennium"]:  # "2020–21" as "2020-21": one biennium however it is dashed
            self._each(SPKG.biennium, Literal(re.sub(r"[–—]", "-", match["biennium"])), line,
                       _sub_span(base, match, "biennium"))
        if not any(name == "keywords" for name, _, _ in _code_lines(self.document)):
            self._year_from_header(match, base, line)

    def _year_from_header(self, match: re.Match[str], base: int, line: Span) -> None:
        """A record cut off before its year line: the year is the header date's year
        (a record dated 31.12.2020 reports on 2020) when it lies in the biennium; a record
        dated after its biennium (30.06.2022 for 2020-21) reports on the biennium's last
        year; with no date, the biennium's first year. A date before the biennium
        contradicts it: no year then (shapes/outcomes.ttl, OutcomeYearAgreement)."""
        dated = int(match["date"][-4:]) if match["date"] else None
        if match["biennium"]:
            first = int(match["biennium"][:4])
            if dated in (first, first + 1):
                year, words = dated, _sub_span(base, match, "date")
            elif dated is not None and dated < first:
                return
            else:
                year = first + 1 if dated is not None else first
                words = _sub_span(base, match, "biennium")
        elif dated is not None:
            year, words = dated, _sub_span(base, match, "date")
        else:
            return
        self._each(SPKG.year, Literal(str(year), datatype=XSD.gYear), line, words)
        self.facts.add(self.document.iri, DCTERMS.date, Literal(str(year), datatype=XSD.gYear),
                       line, words)

    def _keyword_line(self, match: re.Match[str], base: int, line: Span) -> None:
        year_span = _sub_span(base, match, "year")
        year = Literal(match["year"], datatype=XSD.gYear)
        self._each(SPKG.year, year, line, year_span)
        self.facts.add(self.document.iri, DCTERMS.date, year, line, year_span)
        if match["keywords"]:
            self._keywords(match["keywords"], base + match.start("keywords"), line)

    def _keywords(self, text: str, base: int, line: Span) -> None:
        items = _split_list(text)
        found = [self.vocab.keyword(label) for _, label in items]
        language = _language_of([label for _, label in items],
                                [f[1] for f in found if f is not None])
        for (start, label), known in zip(items, found, strict=True):
            words = Span(base + start, base + start + len(label))
            if known is not None:
                self._each(SPKG.keyword, known[0], line, words)
                continue
            concept = mint("keyword", label)
            self._each(SPKG.keyword, concept, line, words)
            self.facts.add(concept, RDF.type, SKOS.Concept, line, words)
            self.facts.add(concept, RDFS.label, Literal(label, lang=language), line, words)

    def _sdgs(self) -> None:
        for section in self.document.sections:
            if section.name != "sdg":
                continue
            for item in _sentences_in(self.document, section):
                for start, text in _sdg_items(item.text(self.document.text)):
                    self._sdg_item(text, Span(item.start + start, item.start + start + len(text)),
                                   item)

    def _sdg_item(self, text: str, words: Span, line: Span) -> None:
        target = _TARGET.match(text)
        if target:
            iri = self.vocab.target(target[1])
            if iri is not None:
                number = Span(words.start + target.start(1), words.start + target.end(1))
                self._each(SPKG.contributesToTarget, iri, line, number)
            return
        goal = self.vocab.goal(text)
        if goal is not None:
            self._each(SPKG.contributesToGoal, goal, line, words)

    def _partners(self) -> None:
        """Each organisation on the partners line, linked as the prose extractor links names
        (so that a partner and the same body named in prose are one IRI)."""
        gazetteer = load_gazetteer()
        for body in self._partner_lines():
            for name, start, parent in _partner_names(body.text(self.document.text),
                                                      body.start, gazetteer):
                words = Span(start, start + len(name))
                organisation, facts = organisation_fact_for_name(
                    name, self.document, body, words, gazetteer, self._prose_entities)
                self._each(SPKG.partner, organisation, body, words)
                self.facts.facts.extend(facts)
                if parent is not None:  # the partner is this government's body, not the government
                    parent_words = Span(parent[1], parent[1] + len(parent[0]))
                    government, facts = organisation_fact_for_name(
                        parent[0], self.document, body, parent_words, gazetteer)
                    self.facts.facts.extend(facts)
                    self.facts.add(organisation, ORG.subOrganizationOf, government, body,
                                   words, parent_words)

    def _prose_entities(self) -> list[Entity]:
        """The prose's entities, read once, for partners named by an acronym alone."""
        if self._prose is None:
            self._prose = prose_entities(self.document, load_gazetteer())[1]
        return self._prose

    def _partner_lines(self) -> Iterator[Span]:
        """The unheaded partners line, and under a "Partnerships" heading each line that
        lists names ("A; B; C;") or is one name (no sentence: no final full stop)."""
        for section in self.document.sections:
            if section.name == "partners":
                yield section.body
            elif section.name == "partnerships":
                for line in _sentences_in(self.document, section):
                    text = line.text(self.document.text).strip()
                    if (";" in text or (len(text) <= 120 and not text.endswith("."))
                            or is_partners_line(text, gap=2)):  # "A, B, C, D" however long
                        yield line

    def _partner_categories(self) -> None:
        section = self.document.section("in-partnership")
        if section is None:
            return
        for line in _sentences_in(self.document, section):
            for start, item in _split_list(line.text(self.document.text)):
                words = Span(line.start + start, line.start + start + len(item))
                self._each(SPKG.partnerCategory, Literal(item, lang="en"), line, words)

    def _principles(self) -> None:
        section = self.document.section("principles")
        if section is None:
            return
        for line in _sentences_in(self.document, section):
            match = _PRINCIPLE.match(line.text(self.document.text))
            if not match:
                continue
            principle = self.vocab.principle(match["letter"])
            self._each(SPKG.appliesPrinciple, principle, line, line)
            if (principle, RDF.type, SPKG.R202Principle) not in self.vocab.graph:
                self.facts.add(principle, RDF.type, SPKG.R202Principle, line, line)
                self.facts.add(principle, RDFS.label, Literal(match["label"], lang="en"),
                               line, line)

    def _coverage(self) -> None:
        slug = str(self.document.iri).rsplit("/", 1)[-1]
        for section in self.document.sections:
            if section.name != "coverage":
                continue
            lines = _sentences_in(self.document, section)
            title = _clean(lines[0].text(self.document.text)) if lines else ""
            for line in lines[1:]:
                match = _FIGURE_LINE.match(line.text(self.document.text))
                if not match:
                    continue
                numbers = find_numbers(match["figure"], line.start + match.start("figure"))
                if not numbers:
                    continue
                group = match["group"].strip()
                figure = mint("coverage", f"{slug}-{group}")
                facts = self.facts
                facts.add(figure, RDF.type, SPKG.CoverageFigure, line, numbers[0].span)
                facts.add(figure, RDFS.label, Literal(f"{title}: {group}", lang="en"),
                          line, numbers[0].span)
                facts.add(figure, SPKG.personsCovered,
                          Literal(numbers[0].value, datatype=XSD.integer), line, numbers[0].span)
                self._each(SPKG.hasCoverageFigure, figure, line, numbers[0].span)


def extract_fields(document: Document, vocab: Vocabulary) -> list[Fact]:
    """The metadata facts of any document and, for a result record, its outcome's fields."""
    facts = FactList(document)
    first = _first_sentence(document)
    facts.add(document.iri, RDF.type, DOCUMENT_CLASSES[document.kind], first, first)
    if document.kind == RESULT_RECORD:
        RecordReader(facts, vocab).read()
    else:
        title = document.section("title")
        if title is not None:
            _title_facts(facts, title)
        if document.kind == PRESS_RELEASE:
            _press_release_fields(facts, vocab)
        elif title is not None:
            _country_in_title(facts, vocab, title.body)
        if document.kind in {PRESS_RELEASE, WEB_PAGE} and not any(
                f.predicate == DCTERMS.date for f in facts.facts):
            _news_date(facts)
    return facts.facts


# A news item's date where no press-release dateline gave it: its header line ("ILO News |
# 12 June 2024", "News | Havana | 14 January 2025") or the dateline that opens its first
# paragraph ("NOUAKCHOTT, le 5 mai 2022 (BIT Info) –"), among its first lines
_NEWS_HEADER = re.compile(r"^[ \t]*[A-Z][\w ]{1,30}\|(?:[^|\n]{2,80}\|)?[^|\n]{6,30}$",
                          re.MULTILINE)
_NEWS_DATELINE = re.compile(r"^[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý .'’-]+,[^(\n]{4,60}\((?:ILO|OIT|BIT)\b",
                            re.MULTILINE)
_HEAD_LINES = 6


def _news_date(facts: FactList) -> None:
    document = facts.document
    text = document.text
    head_end = 0
    for _ in range(_HEAD_LINES):
        newline = text.find("\n", head_end)
        head_end = len(text) if newline < 0 else newline + 1
    for pattern in (_NEWS_HEADER, _NEWS_DATELINE):
        line = pattern.search(text, 0, head_end)
        dates = find_dates(line.group(0), line.start()) if line is not None else []
        dated = [d for d in dates if len(str(d.literal)) == 10]  # a day, not a year
        if dated:
            words = Span(line.start(), line.end()) if line is not None else dated[0].span
            facts.add(document.iri, DCTERMS.date, dated[-1].literal, words, dated[-1].span)
            return


__all__ = ["DOCUMENT_CLASSES", "RECORD_HEADINGS", "FactList", "extract_fields",
           "outcome_summaries"]
