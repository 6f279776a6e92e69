"""Dates and numbers as they are written in ILO texts, turned into typed values.

Every finder returns spans into the text it was given, shifted by ``offset`` so that
a caller passing a section's start gets document offsets. Digits other than ASCII
(Arabic-Indic ``٢٠٢١``) are mapped one code point for one, so spans stay exact.

Dates are as precise as the text: ``xsd:date`` ("9 September 2021"), ``xsd:gYearMonth``
("March 2021") or ``xsd:gYear`` ("2019"); ranges ("25-26 Sept 2018", "2020-21",
"2017/18") set :attr:`DateValue.end`; ranges in words ("de 3 a 5 de junho") are
spkg.ingest.dates.range_start's. English, Spanish, French and Portuguese month names;
Portuguese "set", "out" and "ago" are left out (English words).
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

import ahocorasick
from rdflib import Literal
from rdflib.namespace import XSD

from spkg.ingest.name_scan import fold
from spkg.ingest.records import DateValue, NumberValue, Span

# --- digits -------------------------------------------------------------------------

_SEPARATORS = {"\u066c": ",", "\u066b": "."}


def _ascii_char(char: str) -> str:
    if char in _SEPARATORS:
        return _SEPARATORS[char]
    if not char.isascii() and char.isdecimal():
        return str(unicodedata.decimal(char))
    return char


def to_ascii_digits(text: str) -> str:
    """Every decimal digit as ASCII, Arabic separators (٬ ٫) as ``,`` ``.``; same length."""
    if text.isascii():
        return text
    return "".join(_ascii_char(c) for c in text)


# --- months -------------------------------------------------------------------------

_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero janvier janv janeiro",
        "february feb febrero février fevrier févr fevr fevereiro fev",
        "march mar marzo mars março",
        "april apr abril avril avr abr",
        "may mayo mai maio",
        "june jun junio juin junho",
        "july jul julio juillet juil julho",
        "august aug agosto août aout",
        "september sept sep septiembre setiembre septembre setembro",
        "october oct octubre octobre outubro",
        "november nov noviembre novembre",
        "december dec diciembre décembre decembre déc dezembro dez",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number

# Longest first, so that "sept" wins over "sep" and "septiembre" over "sept".
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTH_NAMES), key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er|\.?º|°)?"  # "1.º de maio"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_DE = r"(?:\s+de(?:l)?)?"  # Spanish and Portuguese "9 de septiembre de 2021"
# Not inside a longer number, code or word (PAK226, 8.1.1, 51,100,000).
_LEFT = r"(?<![\w.,/-])"
_RIGHT = r"(?![\w]|[.,/-]\d)"


def _month_number(token: str) -> int:
    # folded as the pattern compared it: "ſeptember" matched "september" and is that month
    return _MONTH_NAMES[fold(token).rstrip(".")]


def _day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


# rdflib builds a Literal slowly, and the same few thousand dates recur: one object each
@cache
def _date(year: int, month: int, day: int) -> Literal | None:
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        return None  # 30 February is not a date
    return Literal(value.isoformat(), datatype=XSD.date)


@cache
def _year_month(year: int, month: int) -> Literal:
    return Literal(f"{year:04d}-{month:02d}", datatype=XSD.gYearMonth)


@cache
def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _century_end(start: int, short_end: str) -> int | None:
    """``2020-21`` → 2021, ``2016-22`` → 2022, ``2017/2018`` → 2018; None when not a range."""
    end = int(short_end) if len(short_end) == 4 else start // 100 * 100 + int(short_end)
    return end if 0 < end - start <= 10 else None


# A pattern and the function that turns its match into (start literal, end literal);
# (None, None) means "this text looked like a date but is not one" (30 February).
_Parsed = tuple[Literal | None, Literal | None]
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], _Parsed]]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(_LEFT + pattern + _RIGHT, re.IGNORECASE)


def _day_range(m: re.Match[str]) -> _Parsed:
    year, month = int(m["y"]), _month_number(m["m"])
    return _date(year, month, _day_number(m["d1"])), _date(year, month, _day_number(m["d2"]))


def _day_month_year(m: re.Match[str]) -> _Parsed:
    return _date(int(m["y"]), _month_number(m["m"]), _day_number(m["d"])), None


def _numeric_date(m: re.Match[str]) -> _Parsed:
    return _date(int(m["y"]), int(m["m"]), int(m["d"])), None


def _month_year(m: re.Match[str]) -> _Parsed:
    return _year_month(int(m["y"]), _month_number(m["m"])), None


def _year_range(m: re.Match[str]) -> _Parsed:
    start = int(m["y"])
    end = _century_end(start, m["e"])
    if end is None:
        return None, None
    return _year(start), _year(end)


def _single_year(m: re.Match[str]) -> _Parsed:
    return _year(int(m["y"])), None


_DASH = r"\s?[-–]\s?"
_RULES: list[_Rule] = [
    (_rx(rf"(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY}){_DE}\s+(?P<m>{_MONTH}){_DE},?\s+(?P<y>{_YEAR})"),
     _day_range),
    (_rx(rf"(?P<d>{_DAY}){_DE}\s+(?P<m>{_MONTH}){_DE},?\s+(?P<y>{_YEAR})"), _day_month_year),
    (_rx(rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})"), _day_month_year),
    (_rx(rf"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{_YEAR})"), _numeric_date),
    (_rx(rf"(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"), _numeric_date),
    (_rx(rf"(?P<m>{_MONTH}){_DE},?\s+(?P<y>{_YEAR})"), _month_year),
    (_rx(rf"(?P<y>{_YEAR})\s?[-–/]\s?(?P<e>{_YEAR}|\d\d)"), _year_range),
    (_rx(rf"(?P<y>{_YEAR})"), _single_year),
]


# Every rule's pattern holds a year: text without one has no date. The rules with a month
# name (a long alternation tried at every position) run only where one of the names is:
# found in one pass over the text folded as re.IGNORECASE compares (name_scan.fold).
_ANY_YEAR = re.compile(r"[12]\d\d\d")
_WITH_MONTH = frozenset(pattern for pattern, _parse in _RULES if _MONTH in pattern.pattern)


@cache
def _month_names() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in _MONTH_NAMES:
        automaton.add_word(fold(name), name)
    automaton.make_automaton()
    return automaton


def _has_month_name(text: str) -> bool:
    return next(_month_names().iter(fold(text)), None) is not None


def _date_matches(text: str) -> Iterator[tuple[int, int, _Parsed]]:
    """Non-overlapping matches, earlier rules (more precise) first."""
    if _ANY_YEAR.search(text) is None:
        return
    # the spans taken so far never overlap, so sorted by start they are sorted by end too:
    # a new span overlaps one only if it overlaps the last that starts before its end
    starts: list[int] = []
    ends: list[int] = []
    month_named: bool | None = None  # not looked for yet
    for pattern, parse in _RULES:
        if pattern in _WITH_MONTH:
            if month_named is None:
                month_named = _has_month_name(text)
            if not month_named:
                continue
        for match in pattern.finditer(text):
            start, end = match.span()
            place = bisect.bisect_left(starts, end)
            if place and ends[place - 1] > start:
                continue
            starts.insert(place, start)
            ends.insert(place, end)
            yield start, end, parse(match)


def date_spans(text: str, start: int = 0,
               end: int | None = None) -> Iterator[tuple[int, int, Literal, Literal | None]]:
    """(start, end, value, range end) of each date in ``text[start:end]`` (ASCII digits),
    offsets into ``text``; spans that look like dates but are none (30 February) are left out."""
    stop = len(text) if end is None else end
    for first_char, last_char, (first, last) in _date_matches(text[start:stop]):
        if first is not None:
            yield start + first_char, start + last_char, first, last


def find_dates(text: str, offset: int = 0) -> list[DateValue]:
    """Every date in ``text``, in order of position; spans are shifted by ``offset``."""
    return list(_found_dates(text, offset))


@lru_cache(maxsize=4096)
def _found_dates(text: str, offset: int) -> tuple[DateValue, ...]:
    # several stages and rules ask for the dates of one sentence: read them once
    ascii_text = to_ascii_digits(text)
    found = [
        DateValue(literal=first, span=Span(start + offset, end + offset), end=last)
        for start, end, (first, last) in _date_matches(ascii_text)
        if first is not None
    ]
    return tuple(sorted(found, key=lambda d: d.span))


def parse_date(text: str) -> Literal | None:
    """The date that is the whole of ``text`` (the start of a range), or None."""
    stripped = text.strip()
    dates = find_dates(stripped)
    if len(dates) == 1 and dates[0].span == Span(0, len(stripped)):
        return dates[0].literal
    return None


# --- numbers ------------------------------------------------------------------------

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}
_SCALES = {
    "thousand": 10**3, "mil": 10**3, "million": 10**6, "millions": 10**6, "millón": 10**6,
    "millones": 10**6, "billion": 10**9, "milliard": 10**9, "milliards": 10**9,
}
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
# 51,100,000  51.100.000  27.3  1500
_FIGURE = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?"
_NUMBER = re.compile(
    rf"(?<![\w.,/%-])(?P<f>{_FIGURE})(?:\s+(?P<s>{_SCALE})\b)?"
    r"(?![\w%]|[.,/-]\d|\s?(?:percent|per cent|%))",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<w>" + "|".join(_WORDS) + r")\b(?:\s*\((?P<d>\d+)\))?",
    re.IGNORECASE,
)


def _figure_value(figure: str, scale: str | None) -> int | None:
    digits = figure.replace(",", "")
    if digits.count(".") > 1:
        digits = digits.replace(".", "")  # 51.100.000: dots as thousands separators
    multiplier = _SCALES[scale.lower()] if scale else 1
    if "." in digits:
        if not scale:
            return None  # a decimal fraction is not a count
        whole, fraction = digits.split(".")
        places: int = 10 ** len(fraction)  # int ** int is Any to mypy (negative powers)
        return (int(whole) * places + int(fraction)) * multiplier // places
    return int(digits) * multiplier


def find_numbers(text: str, offset: int = 0) -> list[NumberValue]:
    """Counts written in figures or words: "51,100,000", "٥١٬١٠٠٬٠٠٠", "27.3 million",
    "eleven (11)". Codes (8.1.1, PAK226) and percentages are not counts; years are numbers
    too, so callers that want counts only drop spans that :func:`find_dates` returns.
    """
    ascii_text = to_ascii_digits(text)
    found: list[NumberValue] = []
    taken: list[tuple[int, int]] = []
    for match in _WORD_NUMBER.finditer(ascii_text):
        value = _WORDS[match["w"].lower()]
        if match["d"] is not None and int(match["d"]) != value:
            continue  # "eleven (12)": contradictory, trust neither
        taken.append(match.span())
        found.append(NumberValue(value, Span(match.start() + offset, match.end() + offset)))
    for match in _NUMBER.finditer(ascii_text):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        number = _figure_value(match["f"], match["s"])
        if number is not None:
            found.append(NumberValue(number, Span(start + offset, end + offset)))
    return sorted(found, key=lambda n: n.span)


def parse_number(text: str) -> int | None:
    """The count that is the whole of ``text`` ("51,100,000", "٥١٬١٠٠٬٠٠٠", "eleven"), or None."""
    stripped = text.strip()
    numbers = find_numbers(stripped)
    if len(numbers) == 1 and numbers[0].span == Span(0, len(stripped)):
        return numbers[0].value
    return None
