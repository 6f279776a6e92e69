"""The protocol's using-graph-uri / using-named-graph-uri applied to an update's text.

pyoxigraph's ``Store.update`` takes no dataset, so the protocol parameters are written into
the update as the USING / USING NAMED clauses they stand for (SPARQL 1.1 Protocol 2.2.3):
each goes just before the WHERE of every DELETE/INSERT … WHERE operation, which is the one
place the grammar allows them. The text is scanned as tokens (strings, IRIs and comments
skipped, braces counted) so that only a top-level WHERE keyword is a place to write; the
result is then parsed again by the engine, so a mistake here is a 400, never a silent change.

Refused (400, as the protocol requires): the parameters together with an operation that
names its own dataset (USING, USING NAMED, WITH), and with DELETE WHERE, which has no place
for a dataset, so applying the parameters there would be silently ignoring them.
"""

from __future__ import annotations

import re

from spkg.errors import QueryError


class DatasetConflict(QueryError):
    """The request gives a dataset both as protocol parameters and in the update text."""


# One token at a time: long strings before short ones; an IRI as the grammar's IRIREF (no
# spaces or braces, so a '<' comparison inside a FILTER never swallows a brace).
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
    r"|[{}]"
    r"|[?$]?[A-Za-z_][A-Za-z0-9_\-.]*(?::[^\s{}()<>\"',;]*)?"
    r"|:[^\s{}()<>\"',;]*"
    r"|\S",
    re.DOTALL,
)


def _top_level_words(update: str) -> list[tuple[str, int]]:
    """(upper-cased keyword, offset) of every bare word outside braces, strings and IRIs."""
    words: list[tuple[str, int]] = []
    depth = 0
    for match in _TOKEN.finditer(update):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0 and token[0].isalpha() and ":" not in token:
            words.append((token.upper(), match.start()))
    return words


def apply_dataset(update: str, using: list[str], using_named: list[str]) -> str:
    """``update`` with the protocol's dataset written in as USING / USING NAMED clauses."""
    if not using and not using_named:
        return update
    words = _top_level_words(update)
    keywords = [word for word, _ in words]
    for own in ("USING", "WITH"):
        if own in keywords:
            raise DatasetConflict(
                f"the update names its own dataset ({own}) and the request gives "
                "using-graph-uri/using-named-graph-uri too: give one or the other")
    clauses = "".join(f"USING <{_iri(g)}> " for g in using)
    clauses += "".join(f"USING NAMED <{_iri(g)}> " for g in using_named)
    places: list[int] = []
    for index, (word, offset) in enumerate(words):
        if word != "WHERE":
            continue
        if index > 0 and keywords[index - 1] == "DELETE":
            raise DatasetConflict("using-graph-uri/using-named-graph-uri cannot apply to "
                                  "DELETE WHERE (it has no dataset); write DELETE { … } WHERE")
        places.append(offset)
    for offset in reversed(places):
        update = update[:offset] + clauses + update[offset:]
    return update


def _iri(value: str) -> str:
    if not value or re.search(r'[<>"{}|^`\\\x00-\x20]', value):
        raise QueryError(f"not an IRI: {value[:200]!r}")
    return value
