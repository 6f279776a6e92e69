"""Literals as a reader writes them: '51,100,000', 'March 2021', '1 May 2021', not '2^^xsd:integer'.

The raw lexical form stays available to the pages' "all statements" table.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger",
                               "positiveInteger", "unsignedInt", "unsignedLong")}
_DECIMALS = {XSD + "decimal", XSD + "double", XSD + "float"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DATE = re.compile(r"(-?\d{4})-(\d{2})-(\d{2})")
_YEAR_MONTH = re.compile(r"(-?\d{4})-(\d{2})")


def format_literal(value: str, datatype: str) -> str:
    """A readable form of a typed literal; the lexical form when it is not well-formed."""
    try:
        if datatype in _INTEGERS:
            return f"{int(value):,}"
        if datatype in _DECIMALS:
            number = Decimal(value)
            return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,}"
    except (ValueError, InvalidOperation):
        return value
    if datatype in (XSD + "date", XSD + "dateTime"):
        return format_date(value[:10])
    if datatype == XSD + "gYearMonth":
        return format_date(value)
    if datatype == XSD + "boolean":
        return {"true": "yes", "1": "yes", "false": "no", "0": "no"}.get(value, value)
    return value


def format_date(value: str) -> str:
    """'2021-05-01' → '1 May 2021', '2021-03' → 'March 2021', '2021' → '2021'."""
    if match := _DATE.fullmatch(value):
        year, month, day = match.groups()
        if 1 <= int(month) <= 12:
            return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    if match := _YEAR_MONTH.fullmatch(value):
        year, month = match.groups()
        if 1 <= int(month) <= 12:
            return f"{_MONTHS[int(month) - 1]} {year}"
    return value
