"""How a legal text's number is written in its IRI (docs/extraction.md, "Law numbers").

The annotators' convention: the number sign loses its degree sign or ordinal indicator
("N°", "Nº", "n.º", "N.º" all slug to "n"; English "No." stays "no"), and the digit groups
of one number are one number ("Ley N° 31.562" → ley-n-31562, "Ley 31.462" → ley-31462),
while a slash or hyphen between two numbers stays a separator ("19/012" → 19-012).
"""

from __future__ import annotations

import re

# the degree sign, the ordinal indicators, and the dot a Portuguese "n.º" puts before one
_SIGN = re.compile(r"(?<=[Nn])\.?[ \t]*[º°ª]|[º°ª]")
# thousands groups: one to three digits, then groups of exactly three after a dot, a
# (thin or no-break) space; never a decimal ("1.5") or a date ("20.10.2020")
_GROUPED = re.compile(r"(?<![\d.,/-])\d{1,3}(?:[.\u2009\u202f\u00a0]\d{3})+(?![\d.]\d|\d)")


def law_number_form(name: str) -> str:
    """``name`` with its number written as its IRI writes it ("Ley N° 31.301" → "Ley N 31301")."""
    if not any(c in name for c in "º°ª") and not _GROUPED.search(name):
        return name
    name = _SIGN.sub("", name)
    return _GROUPED.sub(lambda m: re.sub(r"\D", "", m.group(0)), name)
