"""Dates in prose as mentions: span, value, precision and the word that introduces them.

    on 12 June 2020 · since 21 June 2022 · from March 2021 · 2020-21 · le 3 mars 2021 ·
    el 5 de mayo de 2022 · 1er mars 2021 · March 3rd, 2021 · 31.12.2020

Spans come from the patterns of :mod:`spkg.ingest.normalise` (exact offsets, never inside
a code such as PAK226 or 8.1.1); the value of each span is read by dateparser, which knows
the month names, ordinals and word orders of English, Spanish and French. Its settings
rule out what would make a value up: only absolute dates (no "today", no "in two
weeks"), a year is required (a bare "June" is not a date), day before month ("31.12.2020"),
and a fixed base date so that nothing depends on the day the ingest runs. Where dateparser
reads nothing, the pattern's own value is kept. Relation rules attach these mentions to
what they date; the ``cue`` ("on", "since", "from", "until", "by", "in") says how.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rdflib import Literal
from rdflib.namespace import XSD

from spkg.ingest.normalise import date_spans, to_ascii_digits
from spkg.ingest.records import Span

LANGUAGES = ("en", "es", "fr")
SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates, no timestamps
    "REQUIRE_PARTS": ["year"],
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "RELATIVE_BASE": datetime.datetime(2000, 1, 1),
}
PRECISIONS = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}
_CUE = re.compile(r"(?:^|\b)(on|since|from|until|till|by|in|during|before|after|between|"
                  r"as of|le|du|au|depuis|dès|en|el|del|al|desde|hasta)\s+(?:the\s+)?$",
                  re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text."""

    span: Span
    text: str
    value: Literal  # xsd:date, xsd:gYearMonth or xsd:gYear
    precision: str  # "day", "month" or "year"
    end: Literal | None = None  # the last day/month/year of a range ("2020-21")
    cue: str | None = None  # the preposition before it, lowercased ("since")


@cache
def _parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(LANGUAGES), settings=SETTINGS)


@cache
def parse_with_dateparser(text: str) -> Literal | None:
    """The date ``text`` names, as precise as it is written, or None."""
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day: datetime.datetime = data.date_obj
    if data.period == "year":
        return Literal(f"{day.year:04d}", datatype=XSD.gYear)
    if data.period == "month":
        return Literal(f"{day.year:04d}-{day.month:02d}", datatype=XSD.gYearMonth)
    return Literal(day.date().isoformat(), datatype=XSD.date)


def find_date_mentions(text: str, regions: list[Span] | None = None) -> list[DateMention]:
    """Every date in ``regions`` of ``text`` (the whole text by default), in order."""
    found: list[DateMention] = []
    ascii_text = to_ascii_digits(text)
    for region in regions or [Span(0, len(text))]:
        for start, end, first, last in date_spans(ascii_text, region.start, region.end):
            words = text[start:end]
            value = first
            if last is None:  # a range keeps the pattern's reading of both ends
                value = parse_with_dateparser(ascii_text[start:end]) or first
            if value.datatype not in PRECISIONS:
                continue
            cue = _CUE.search(text, max(0, start - 12), start)
            found.append(DateMention(Span(start, end), words, value, PRECISIONS[value.datatype],
                                     last, cue.group(1).casefold() if cue else None))
    return sorted(found, key=lambda d: d.span)


# The start of a range whose end is the date that follows: "du 7 au 9 novembre 2020",
# "from 14 to 16 September 2020", "del 9 al 11 de agosto de 2020", "entre el 9 y el 11 de agosto",
# "12 and 13 October", "les 6 et 7 juin" (a day) or "30 November to 2 December 2022",
# "du 30 novembre au 2 décembre 2022" (a day and its month).
# A range in words needs the word that opens it ("aged 15 to 20 March" is no range).
_RANGE_START = re.compile(
    r"(?:(?<![\w.])(?:from|between|on|du|des|le|les|del|de|entre(?:[ \t]+el)?|el|los|las|"
    r"(?:los[ \t]+)?d[ií]as|the)[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?"
    r"(?:[ \t]+(?:de[ \t]+)?(?P<month>[^\W\d_]{3,10}\.?))?"
    r"[ \t]*(?:to|till|until|and|&|au|à|a|al|y|et|through)[ \t]+(?:el[ \t]+|le[ \t]+)?"
    r"|(?<![\w.])(?P<dday>\d{1,2})[ \t]*[-–][ \t]*)$",
    re.IGNORECASE)


def range_start(text: str, start: int, value: Literal) -> Literal | None:
    """The first day of the range that ends with the day ``value`` written at ``start``, or
    None when the words before it open no range."""
    if value.datatype != XSD.date:
        return None
    found = _RANGE_START.search(text, max(0, start - 24), start)
    if found is None:
        return None
    end = datetime.date.fromisoformat(str(value))
    day = int(found.group("day") or found.group("dday"))
    if found.group("month") is None:
        if not 1 <= day < end.day:
            return None
        return Literal(end.replace(day=day).isoformat(), datatype=XSD.date)
    first = parse_with_dateparser(f"{day} {found.group('month')} {end.year}")
    if first is None or first.datatype != XSD.date:
        return None  # "3 workers and 5 May": no month before the connector
    begin = datetime.date.fromisoformat(str(first))
    if begin > end:  # "30 December 2022 to 2 January 2023"
        first = parse_with_dateparser(f"{day} {found.group('month')} {end.year - 1}")
        if first is None or first.datatype != XSD.date:
            return None
        begin = datetime.date.fromisoformat(str(first))
    if (end - begin).days > 62:  # a range of gathering days, not two dates of a sentence
        return None
    return Literal(begin.isoformat(), datatype=XSD.date)


# Month names in the four languages, for a month the text writes without its year
_MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "janvier", "enero", "janeiro"), ("february", "février", "febrero", "fevereiro"),
        ("march", "mars", "marzo", "março"), ("april", "avril", "abril"),
        ("may", "mai", "mayo", "maio"), ("june", "juin", "junio", "junho"),
        ("july", "juillet", "julio", "julho"), ("august", "août", "agosto"),
        ("september", "septembre", "septiembre", "setembro"),
        ("october", "octobre", "octubre", "outubro"),
        ("november", "novembre", "noviembre", "novembro"),
        ("december", "décembre", "diciembre", "dezembro")), start=1)
    for name in names
}
_ENGLISH = frozenset(("january", "february", "march", "april", "may", "june", "july",
                      "august", "september", "october", "november", "december"))
# "in June", "en noviembre", "en juin", "em junho", "au mois de mars": a month with no year
# after it (a year after it makes it a full date, read by find_date_mentions)
_BARE_MONTH = re.compile(r"\b(?:in|en|em|au\s+mois\s+de|en\s+el\s+mes\s+de)\s+(?P<month>[^\W\d_]+)"
                         r"(?!\s*(?:de\s+|of\s+)?\d)", re.IGNORECASE)


def bare_month(text: str, start: int, end: int, year: str) -> tuple[Literal, Span] | None:
    """The first month named without its year between ``start`` and ``end`` ("a second in
    Kismayo in June"), dated in ``year`` (the year the sentence gave before), with its span."""
    for found in _BARE_MONTH.finditer(text, start, end):
        word = found.group("month")
        month = _MONTHS.get(word.casefold())
        # English writes its months capitalised ("in may be" is no month)
        if month is not None and (word[0].isupper() or word.casefold() not in _ENGLISH):
            value = Literal(f"{year}-{month:02d}", datatype=XSD.gYearMonth)
            return value, Span(found.start("month"), found.end("month"))
    return None
