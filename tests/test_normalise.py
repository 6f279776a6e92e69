"""Dates and numbers in every form the seeds use, in English, Spanish and French."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from spkg.ingest.normalise import (
    find_dates,
    find_numbers,
    parse_date,
    parse_number,
    to_ascii_digits,
)


def _d(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def _ym(value: str) -> Literal:
    return Literal(value, datatype=XSD.gYearMonth)


def _y(value: str) -> Literal:
    return Literal(value, datatype=XSD.gYear)


# (text, the words that are the date, start literal, end literal of a range)
DATES = [
    ("On 9 September 2021, the Government", "9 September 2021", _d("2021-09-09"), None),
    ("adopted the programme in March 2021. It", "March 2021", _ym("2021-03"), None),
    ("formally launched on 1 May 2021 and", "1 May 2021", _d("2021-05-01"), None),
    ("will be distributed on May 1st 2021.", "May 1st 2021", _d("2021-05-01"), None),
    ("Press release | Islamabad, Pakistan | 02 August 2021", "02 August 2021",
     _d("2021-08-02"), None),
    ("31.12.2020 PAK226 Public", "31.12.2020", _d("2020-12-31"), None),
    ("was organised on 25-26 Sept 2018).", "25-26 Sept 2018", _d("2018-09-25"),
     _d("2018-09-26")),
    ("The establishment of the SSCF in October 2020", "October 2020", _ym("2020-10"), None),
    ("were held throughout 2017/18 to develop", "2017/18", _y("2017"), _y("2018")),
    ("In 2020-21, ILO strongly advocated", "2020-21", _y("2020"), _y("2021")),
    ("The DWCP (2016-22) seeks", "2016-22", _y("2016"), _y("2022")),
    ("notified in April 2019 by the Prime Minister", "April 2019", _ym("2019-04"), None),
    ("2019 PAK226 Administration", "2019", _y("2019"), None),
    ("٢٠٢١ PAK226 8.3.1 Health care", "٢٠٢١", _y("2021"), None),
    ("adoptado el 9 de septiembre de 2021.", "9 de septiembre de 2021", _d("2021-09-09"), None),
    ("en marzo de 2021", "marzo de 2021", _ym("2021-03"), None),
    ("lancé le 1er mai 2021 à Accra", "1er mai 2021", _d("2021-05-01"), None),
    ("en décembre 2020", "décembre 2020", _ym("2020-12"), None),
    ("published 2021-08-02.", "2021-08-02", _d("2021-08-02"), None),
]


@pytest.mark.parametrize(("text", "words", "start", "end"), DATES)
def test_find_dates_reads_each_form(text: str, words: str, start: Literal,
                                    end: Literal | None) -> None:
    (date,) = find_dates(text)
    assert date.span.text(text) == words
    assert date.literal == start
    assert date.literal.datatype == start.datatype
    assert date.end == end


def test_offset_shifts_spans_to_document_positions() -> None:
    document = "Heading\n\nOn 9 September 2021, it was adopted."
    body_start = document.index("On")
    (date,) = find_dates(document[body_start:], offset=body_start)
    assert date.span.text(document) == "9 September 2021"


@pytest.mark.parametrize(
    "text",
    ["30 February 2021", "31.02.2020", "31 April 2019"],
)
def test_invalid_calendar_dates_are_not_dates(text: str) -> None:
    assert find_dates(text) == []
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    ["SDG 1.3 and 8.1.1", "PAK226", "Convention 102 and R 202", "51,100,000", "may be discussed",
     "in May", "1 to 99"],
)
def test_codes_and_counts_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_header_line_has_a_date_and_a_biennium() -> None:
    dates = find_dates("31.12.2020 PAK226 Public 2020-21 | 8.1.1")
    assert [(d.literal, d.end) for d in dates] == [(_d("2020-12-31"), None),
                                                   (_y("2020"), _y("2021"))]


def test_several_dates_in_order() -> None:
    text = "adopted in March 2021, launched on 1 May 2021 and notified in September 2021"
    assert [d.literal for d in find_dates(text)] == [
        _ym("2021-03"), _d("2021-05-01"), _ym("2021-09")]


def test_parse_date_needs_the_whole_text() -> None:
    assert parse_date(" 02 August 2021 ") == _d("2021-08-02")
    assert parse_date("2019") == _y("2019")
    assert parse_date("on 02 August 2021") is None
    assert parse_date("") is None


NUMBERS = [
    ("Total: 51,100,000", "51,100,000", 51_100_000),
    ("Total: ٥١٬١٠٠٬٠٠٠", "٥١٬١٠٠٬٠٠٠", 51_100_000),
    ("support 27.3 million Informal Economy workers", "27.3 million", 27_300_000),
    ("and 23.8 million workers in the Agriculture sector", "23.8 million", 23_800_000),
    ("englobes eleven (11) priority actions", "eleven (11)", 11),
    ("the third meeting of five partners", "five", 5),
    ("Total: 51.100.000", "51.100.000", 51_100_000),
    ("3 millones de personas", "3 millones", 3_000_000),
]


@pytest.mark.parametrize(("text", "words", "value"), NUMBERS)
def test_find_numbers_reads_each_form(text: str, words: str, value: int) -> None:
    (number,) = find_numbers(text)
    assert number.span.text(text) == words
    assert number.value == value


@pytest.mark.parametrize(
    "text", ["earning 60% higher", "8.1.1 and 1.3", "PAK226", "a 27.3 share", "60 percent"]
)
def test_codes_percentages_and_fractions_are_not_counts(text: str) -> None:
    assert find_numbers(text) == []


def test_parse_number() -> None:
    assert parse_number("٥١٬١٠٠٬٠٠٠") == 51_100_000
    assert parse_number("27.3 million") == 27_300_000
    assert parse_number("eleven") == 11
    assert parse_number("eleven (12)") is None
    assert parse_number("about 11") is None


def test_to_ascii_digits_keeps_length() -> None:
    text = "٢٠٢١ ٥١٬١٠٠٬٠٠٠ ۱۲"
    converted = to_ascii_digits(text)
    assert converted == "2021 51,100,000 12"
    assert len(converted) == len(text)
