"""Split a document's text into named sections (records.Section), by its kind's template.

Headings are matched as whole lines; the parts of a result record that carry no heading
(the partners line, SDG bullets, the coverage bullet, the header and keyword lines) are
recognised by their shape. A document cut off anywhere still splits: a section simply
ends where the text ends.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from spkg.ingest.detect import COUNTRY_PAGE, DATELINE, PRESS_RELEASE, RESULT_RECORD, WEB_PAGE
from spkg.ingest.normalise import to_ascii_digits
from spkg.ingest.records import Section, Span

# Sections whose lines are lists or codes, not prose: one line (or item) is one sentence.
LINE_SECTIONS = frozenset({
    "title", "caption", "photo-link", "dateline", "header", "keywords", "partners",
    "in-partnership", "principles", "indicator", "sdg", "coverage", "key-resources",
    "linked-projects", "partnerships", "other",
})
# Boilerplate that never yields entities (photo caption and photo-library link).
BOILERPLATE_SECTIONS = frozenset({"caption", "photo-link"})

RECORD_HEADINGS = {
    "result achieved": "indicator",
    "outcome summary": "outcome-summary",
    "outcome achieved": "outcome-achieved",
    "ilo's contribution to the outcome": "ilo-contribution",
    "linked projects": "linked-projects",
    "partnerships": "partnerships",
    "gender equality & non-discrimination": "gender",
    "gender equality and non-discrimination": "gender",
    "in partnership": "in-partnership",
    "social protection principles": "principles",
    "key resources": "key-resources",
    # the SDG block of a record page: a heading, then goal and "1.3 Implement …" bullets
    "sdg": "sdg", "sdgs": "sdg", "sdg targets": "sdg", "sdg goals": "sdg", "targets": "sdg",
    "goals": "sdg", "sustainable development goals": "sdg",
    "sustainable development goals (sdgs)": "sdg", "related sdgs": "sdg",
    "related sdg targets": "sdg", "contribution to the sdgs": "sdg",
    "partners": "partnerships", "partnership": "partnerships", "key partners": "partnerships",
    "main partners": "partnerships", "in partnership with": "in-partnership",
    # English wordings of the same headings
    "ilo's contribution": "ilo-contribution", "ilo contribution": "ilo-contribution",
    "ilo contribution to the outcome": "ilo-contribution",
    "contribution of the ilo": "ilo-contribution", "the ilo's contribution": "ilo-contribution",
    "summary of the outcome": "outcome-summary", "outcomes achieved": "outcome-achieved",
    "gender equality and non discrimination": "gender", "linked project": "linked-projects",
    "contribution to sdgs": "sdg", "sdg contribution": "sdg",
    # the record's headings in French and Spanish (keys are written without accents)
    "resultat obtenu": "indicator", "resultado alcanzado": "indicator",
    "resume du resultat": "outcome-summary", "resume des resultats": "outcome-summary",
    "resumen del resultado": "outcome-summary", "resumen de resultados": "outcome-summary",
    "resultat atteint": "outcome-achieved", "resultado logrado": "outcome-achieved",
    "resultado obtenido": "outcome-achieved",
    "contribution de l'oit au resultat": "ilo-contribution",
    "contribucion de la oit al resultado": "ilo-contribution",
    "projets lies": "linked-projects", "projets associes": "linked-projects",
    "proyectos vinculados": "linked-projects", "proyectos relacionados": "linked-projects",
    "partenariats": "partnerships", "partenaires": "partnerships",
    "alianzas": "partnerships", "socios": "partnerships", "asociaciones": "partnerships",
    "en partenariat": "in-partnership", "en partenariat avec": "in-partnership",
    "en asociacion": "in-partnership", "en asociacion con": "in-partnership",
    "en colaboracion con": "in-partnership",
    "egalite de genre et non-discrimination": "gender",
    "igualdad de genero y no discriminacion": "gender",
    "principes de protection sociale": "principles",
    "principios de proteccion social": "principles",
    "ressources cles": "key-resources", "recursos clave": "key-resources",
    "odd": "sdg", "ods": "sdg", "objectifs de developpement durable": "sdg",
    "objetivos de desarrollo sostenible": "sdg", "cibles": "sdg", "metas": "sdg",
}
_SDG_CODE = (r"(?:(?:SDG|Goal|ODD|ODS|Objectif|Objetivo|Target|Meta|Cible)\s*)?"
             r"\d{1,2}(?:\.[0-9a-zA-Z]{1,2})?(?![\d.,]?\d)")
# "SDG targets: 1.3, 8.5", "Related SDGs: SDG 1; SDG 8", "Metas ODS: 5.4": SDGs, labelled
_LABELLED_SDGS = re.compile(
    r"^(?P<label>(?:related |contribution to )?(?:the )?(?:SDGs?|SDG targets?|SDG goals?|"
    r"targets?|goals?|ODD|ODS|cibles?(?: ODD)?|metas?(?: ODS)?|objectifs?|objetivos?))"
    rf"\s*:\s*(?P<names>{_SDG_CODE}(?:(?:\s*[,;]\s*|\s+(?:and|et|y)\s+){_SDG_CODE})*\.?"
    r"(?:\s+(?-i:[A-ZÀ-Ý]).*)?)$",  # codes, or one code and its title: "Target: 12 months" is prose
    re.IGNORECASE)
# "Partners: A; B", "Partenaires : A, B", "Socios: …": a partners line with its label
_LABELLED_PARTNERS = re.compile(
    r"^(?P<label>(?:key |main )?partners|partenaires(?: principaux)?|socios(?: principales)?|"
    r"aliados)\s*:\s*(?P<names>\S.*)$", re.IGNORECASE)
# The prose sections of a record, after which unheaded lists may follow.
_RECORD_PROSE = {"outcome-summary", "outcome-achieved", "ilo-contribution", "gender"}
# Headed lists of a record: the blocks after their first paragraph are read by their shape
# too (SDG bullets right after a "Partnerships" line are no partners).
_RECORD_LISTS = {"partnerships", "linked-projects", "sdg"}

# The header line, its fields apart by blanks or "|" ("31.12.2020 PAK226 Public 2020-21 |
# 8.1.1", "31.12.2020 | PAK226 | Public | 2020–21 | 8.1.1"), the biennium with any dash.
_APART = r"(?:\s*\|\s*|\s+)"
HEADER_LINE = re.compile(
    rf"^(?P<date>\d{{1,2}}\.\d{{1,2}}\.\d{{4}}){_APART}(?P<cpo>[A-Z]{{3}}\d{{3}})"
    rf"(?:{_APART}(?P<visibility>[A-Za-z]+))?(?:{_APART}(?P<biennium>\d{{4}}[-–—]\d{{2,4}}))?"
    rf"(?:{_APART}(?P<indicator>\d+\.\d+\.\d+))?\s*\|?\s*$"
)
KEYWORD_LINE = re.compile(
    rf"^(?P<year>\d{{4}}){_APART}(?P<cpo>[A-Z]{{3}}\d{{3}})(?:{_APART}(?P<indicator>\d+\.\d+\.\d+))?"
    rf"(?:{_APART}(?P<keywords>[^|\s].*))?$"
)
BULLET = re.compile(r"^[•\-*▪◦●·]\s*|^\d{1,2}[.)]\s+")
_PARTNERS = re.compile(r";")
_COVERAGE = re.compile(r"^number of persons (?:potentially )?covered", re.IGNORECASE)
# an SDG target bullet: "1.3 Implement …", "Target 8.5: …", "Meta 5.4 …", "Cible ODD 1.3"
_TARGET_ITEM = re.compile(
    r"^(?i:(?:SDG|ODD|ODS)\s+)?(?i:(?:target|meta|cible)\s+(?:(?:SDG|ODD|ODS)\s+)?)?"
    r"\d{1,2}\.[0-9a-zA-Z]{1,2}(?:[.:]?\s+[^\W\da-z]|[.:]?\s*$)")  # not "2.5 million"
# "… © ILO", "… © ILO/J. Ortiz", "… © OIT" (the ILO's French and Spanish initials)
_PHOTO_CAPTION = re.compile(r"©\s*(?:ILO|OIT)\b[^\n]{0,40}$", re.IGNORECASE)
_PHOTO_LINK = re.compile(r"^(?:See more photos|Voir plus de photos|Ver más fotos)", re.IGNORECASE)
_KEY_RESOURCES = frozenset({"key resources", "ressources cles", "recursos clave",
                            "ressources principales", "recursos principales"})


@dataclass(frozen=True)
class Line:
    """A line's content without surrounding blanks; ``gap`` counts blank lines before it."""

    start: int
    end: int
    text: str
    gap: int


def lines_of(text: str) -> list[Line]:
    lines: list[Line] = []
    blank = 0
    position = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            start = position + (len(content) - len(content.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped, blank))
            blank = 0
        else:
            blank += 1
        position += len(raw)
    return lines


def _heading_key(line: str) -> str:
    """A heading as RECORD_HEADINGS writes it: lowercase, without accents or a final colon."""
    if line.isascii():  # NFKD changes no ASCII character and none is combining
        return " ".join(line.lower().split()).rstrip(" :")
    text = unicodedata.normalize("NFKD", line.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split()).rstrip(" :")


def _span(lines: list[Line]) -> Span:
    return Span(lines[0].start, lines[-1].end)


def _paragraphs(lines: list[Line]) -> Iterator[list[Line]]:
    group: list[Line] = []
    for line in lines:
        if group and line.gap:
            yield group
            group = []
        group.append(line)
    if group:
        yield group


def _is_bullet_list(paragraph: list[Line]) -> bool:
    return all(BULLET.match(line.text) for line in paragraph) or (
        bool(BULLET.match(paragraph[0].text)) and _COVERAGE.match(strip_bullet(paragraph[0].text))
        is not None
    )


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1)


def _record_tail_kind(paragraph: list[Line]) -> str | None:
    """The name of an unheaded block in a record, or None when it is plain prose."""
    first = paragraph[0].text
    if len(paragraph) == 1 and is_partners_line(first, paragraph[0].gap):
        return "partners"
    if BULLET.match(first):
        item = strip_bullet(first)
        if _COVERAGE.match(item):
            return "coverage"
        targets = any(_TARGET_ITEM.match(strip_bullet(line.text)) for line in paragraph)
        if _is_bullet_list(paragraph) and (targets or paragraph[0].gap >= 2):
            return "sdg"
    return None


_CONTINUATION = re.compile(r"^(?:de|du|des|del|de la|y|e|et|and|of|for|l['’]|d['’])\s", re.I)


def is_partners_line(text: str, gap: int) -> bool:
    """An unheaded line of names: "A; B; C;" (two separators), or, after the record's prose
    (two blank lines before it), "A; B" or "A, B, C": short parts, each opening with a
    capital (or continuing a name: "…, du Travail"), and no sentence's full stop."""
    if len(_PARTNERS.findall(text)) >= 2:
        return True
    if gap < 2 or text.endswith(".") or len(text) > 600:
        return False
    separator = ";" if ";" in text else ","
    parts = [part.strip() for part in text.split(separator) if part.strip()]
    return len(parts) >= 2 and all(
        len(part) <= 120 and (part[:1].isupper() or _CONTINUATION.match(part) is not None)
        for part in parts)


def _record_sections(lines: list[Line]) -> list[Section]:
    sections: list[Section] = []
    pending: list[Line] = []
    name, heading = "other", None
    tail = False  # past the record's prose: unheaded blocks are lists

    def flush() -> None:
        nonlocal tail
        if heading is not None and not pending:
            sections.append(Section(name, heading, Span(heading.end, heading.end)))
        groups: list[tuple[str, Span | None, list[Line]]] = []
        for number, paragraph in enumerate(_paragraphs(pending)):
            kind = None
            # the paragraph right under a heading is that section's own text, even when it
            # reads like an unheaded list ("(1) …; (2) …; (3) …" under "Outcome summary")
            headed = heading is not None and number == 0
            if not headed and (name in _RECORD_PROSE | _RECORD_LISTS or name == "other"
                               or tail):
                kind = _record_tail_kind(paragraph)
                if kind is None and paragraph[0].gap >= 2 and name in _RECORD_PROSE:
                    kind = "other"
            if kind is not None:
                tail = True
                groups.append((kind, None, paragraph))
            elif groups and groups[-1][0] == name:
                groups[-1][2].extend(paragraph)
            elif not groups:
                groups.append((name, heading, list(paragraph)))
            else:
                groups.append((groups[-1][0] if tail else name, None, list(paragraph)))
        sections.extend(Section(n, h, _span(body)) for n, h, body in groups)

    for line in lines:
        key = _heading_key(line.text)
        if key in RECORD_HEADINGS:
            flush()
            name, heading, pending = RECORD_HEADINGS[key], Span(line.start, line.end), []
            tail = False
        elif (labelled := (_LABELLED_PARTNERS.match(line.text)
                           or _LABELLED_SDGS.match(line.text))) is not None:
            flush()
            kind = "partners" if labelled.re is _LABELLED_PARTNERS else "sdg"
            heading_span = Span(line.start, line.start + labelled.end("label"))
            sections.append(Section(kind, heading_span,
                                    Span(line.start + labelled.start("names"), line.end)))
            name, heading, pending = "other", None, []
            tail = True
        elif (HEADER_LINE.match(to_ascii_digits(line.text))
              and not any(s.name == "header" for s in sections)):
            # first, or under "Result achieved" ("Result achieved" / "31.12.2020 PAK226 …"):
            # a whole line of a date and a CPO code is the header wherever it stands
            sections.append(Section("header", None, Span(line.start, line.end)))
        elif KEYWORD_LINE.match(to_ascii_digits(line.text)):
            flush()
            sections.append(Section("keywords", None, Span(line.start, line.end)))
            name, heading, pending = "other", None, []
        else:
            pending.append(line)
    flush()
    return sections


def _line_sections(lines: list[Line], body_name: str, start: int) -> list[Section]:
    """Country-page and press-release bodies: prose under optional short subheadings."""
    sections: list[Section] = []
    heading: Span | None = None
    body: list[Line] = []
    name = body_name

    def flush() -> None:
        if body:
            sections.append(Section(name, heading, _span(body)))
        elif heading is not None:
            sections.append(Section(name, heading, Span(heading.end, heading.end)))

    for position, line in enumerate(lines[start:], start):
        key = _heading_key(line.text)
        following = lines[position + 1] if position + 1 < len(lines) else None
        if _PHOTO_CAPTION.search(line.text) or _PHOTO_LINK.match(line.text):
            flush()
            kind = "caption" if _PHOTO_CAPTION.search(line.text) else "photo-link"
            sections.append(Section(kind, None, Span(line.start, line.end)))
            name, heading, body = body_name, None, []
        elif key in _KEY_RESOURCES:
            flush()
            name, heading, body = "key-resources", Span(line.start, line.end), []
        elif _is_subheading(line, following):
            flush()
            name, heading, body = body_name, Span(line.start, line.end), []
        else:
            body.append(line)
    flush()
    return sections


def _is_subheading(line: Line, following: Line | None) -> bool:
    return (
        following is not None and following.gap > 0 and line.gap > 0
        and len(line.text) <= 80 and not BULLET.match(line.text)
        and line.text[-1] not in ".:;,!?)" and line.text[0].isupper()
    )


def _country_page_sections(lines: list[Line]) -> list[Section]:
    title = Section("title", None, Span(lines[0].start, lines[0].end))
    return [title, *_line_sections(lines, "body", 1)]


# ILO news items other than press releases carry the same three-part line under another
# label: "News | Bangkok, Thailand | 9 October 2024", "Statement | Geneva | 1 May 2023".
_OTHER_DATELINE = re.compile(
    r"^\s*[A-Z][\w ]{1,30}\|[^|\n]{2,80}\|\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$"
)


def _press_release_sections(lines: list[Line]) -> list[Section]:
    sections = [Section("title", None, Span(lines[0].start, lines[0].end))]
    dateline = next((i for i, line in enumerate(lines)
                     if DATELINE.match(line.text) or _OTHER_DATELINE.match(line.text)), None)
    if dateline is None:  # cut off before the dateline
        return [*sections, *_line_sections(lines, "standfirst", 1)]
    if dateline > 1:
        sections.append(Section("standfirst", None, _span(lines[1:dateline])))
    line = lines[dateline]
    sections.append(Section("dateline", None, Span(line.start, line.end)))
    return [*sections, *_line_sections(lines, "body", dateline + 1)]


def split_sections(text: str, kind: str) -> list[Section]:
    """The sections of ``text``, in document order."""
    lines = lines_of(text)
    if not lines:
        return []
    if kind == RESULT_RECORD:
        return _record_sections(lines)
    if kind in (COUNTRY_PAGE, WEB_PAGE):  # a title, then its prose
        return _country_page_sections(lines)
    if kind == PRESS_RELEASE:
        return _press_release_sections(lines)
    raise ValueError(f"unknown document kind {kind!r}")
