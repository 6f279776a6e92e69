"""Word lists that naming rules read, kept as reference data under data/reference/lexicon/.

Each file is a CSV whose leading ``#`` lines say where its entries come from and under
which licence; a malformed row is an :class:`~spkg.errors.InputError` naming the file and
line, so a bad edit fails loudly instead of silently dropping a name.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from rdflib import URIRef

from spkg import paths
from spkg.errors import InputError
from spkg.namespace import SPKG


def lexicon_dir() -> Path:
    return paths.reference_dir() / "lexicon"


def read_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a lexicon CSV after its comment lines, each with exactly ``columns``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(number, line) for number, line in enumerate(lines, start=1)
            if line.strip() and not line.startswith("#")]
    if not body:
        raise InputError("lexicon file has no header row", path=path)
    header_line, header = body[0]
    names = next(csv.reader([header]))
    if tuple(names) != columns:
        raise InputError(f"expected columns {','.join(columns)}, found {header}",
                         path=path, line=header_line)
    rows: list[dict[str, str]] = []
    for number, line in body[1:]:
        values = next(csv.reader([line]))
        if len(values) != len(columns) or not all(v.strip() for v in values):
            raise InputError(f"expected {len(columns)} non-empty values", path=path, line=number)
        rows.append(dict(zip(columns, (v.strip() for v in values), strict=True)))
    return rows


@cache
def demonyms() -> dict[str, str]:
    """Nationality adjective (lowercase) → country label ("german" → "Germany")."""
    rows = read_rows(lexicon_dir() / "demonyms.csv", ("adjective", "country"))
    return {row["adjective"].casefold(): row["country"] for row in rows}


@cache
def ilo_acronyms() -> dict[str, tuple[str, URIRef, bool]]:
    """Acronym → (expansion, class, whether every country has one) ("DWCP")."""
    path = lexicon_dir() / "acronyms.csv"
    rows = read_rows(path, ("acronym", "expansion", "class", "country_wide"))
    found: dict[str, tuple[str, URIRef, bool]] = {}
    for row in rows:
        found[row["acronym"]] = (row["expansion"], SPKG[row["class"]],
                                 row["country_wide"] == "yes")
    return found


@cache
def institution_words() -> dict[str, str]:
    """A word of a French, Spanish or Portuguese institution's name → the English word its
    English name uses ("caisse" → "fund", "trabajadores" → "workers")."""
    rows = read_rows(lexicon_dir() / "institution-words.csv", ("word", "english"))
    return {row["word"].casefold(): row["english"].casefold() for row in rows}


@cache
def legislature_words() -> frozenset[str]:
    """One-word names of national legislatures in their own languages ("majlis", "kenesh"):
    the head word of a legislature's name, as "parliament" is."""
    rows = read_rows(lexicon_dir() / "legislatures.csv", ("word",))
    return frozenset(row["word"].casefold() for row in rows)


@cache
def english_only_words() -> frozenset[str]:
    """Lowercase words common in English and rare in French, Spanish and Portuguese
    ("reaches", "extends"; scripts/make_english_words.py)."""
    rows = read_rows(lexicon_dir() / "english-only-words.csv", ("word",))
    return frozenset(row["word"] for row in rows)
