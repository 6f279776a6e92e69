"""Bind parameters by inserting a VALUES block, for stores without initBindings.

This is the one place where parameter values meet query text. A value is never pasted
as the user typed it: it is an rdflib term, type-checked here and written with ``.n3()``.
The block goes first in the query's top-level WHERE group, so it joins with the whole
pattern before any aggregation, as rdflib's initBindings does; the result is parsed again
before it is returned.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from spkg.errors import QueryError

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@lru_cache(maxsize=1)
def _token() -> re.Pattern[str]:
    """What the scanner must step over whole: comments, strings, IRIs, variables and names.

    Compiled on first use: `spkg query` on a build never scans query text, and compiling
    this pattern was a measurable part of its start-up.
    """
    return re.compile(
        r"""
          (?P<comment>\#[^\n]*)
        | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                    |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
        | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
        | (?P<var>[?$][A-Za-z0-9_]+)
        | (?P<word>[A-Za-z_][A-Za-z0-9_.-]*(?::[^\s{}()<>,;]*)?)
        | (?P<open>[{(])
        | (?P<close>[})])
        | (?P<other>.)
        """,
        re.VERBOSE | re.DOTALL,
    )


_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


def is_variable_name(name: str) -> bool:
    return bool(_VARIABLE.match(name))


def term_n3(value: Any) -> str:
    """The N-Triples form of a parameter value (an rdflib or pyoxigraph IRI or literal),
    after checking it is a safe IRI or literal."""
    if isinstance(value, ox.NamedNode):
        if not value.value or _BAD_IRI_CHARS.search(value.value):
            raise QueryError(f"not a valid IRI: {value.value!r}")
        return str(value)
    if isinstance(value, ox.Literal):
        return str(value)  # pyoxigraph writes N-Triples, escapes included
    from rdflib import Literal, URIRef  # not a pyoxigraph term: rdflib's, already imported

    if isinstance(value, URIRef):
        if not str(value) or _BAD_IRI_CHARS.search(str(value)):
            raise QueryError(f"not a valid IRI: {str(value)!r}")
        return value.n3()
    if isinstance(value, Literal):
        return value.n3()
    raise QueryError(f"a parameter must be an IRI or a literal, not {type(value).__name__}")


def values_block(bindings: Mapping[str, Any]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` for one row of bindings."""
    names = sorted(bindings)
    for name in names:
        if not _VARIABLE.match(name):
            raise QueryError(f"not a valid SPARQL variable name: {name!r}")
    variables = " ".join(f"?{name}" for name in names)
    row = " ".join(term_n3(bindings[name]) for name in names)
    return f"VALUES ({variables}) {{ ({row}) }}"


def where_brace_offset(sparql: str) -> int:
    """The offset of the ``{`` that opens the query's top-level WHERE group."""
    depth = 0
    form: str | None = None
    constructs_template_done = False
    after_where = False
    for match in _token().finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind == "word" and depth == 0:
            word = text.upper()
            if form is None and word in _FORMS:
                form = word
            elif word == "WHERE":
                if form == "CONSTRUCT" and not constructs_template_done:
                    raise QueryError("parameters cannot be bound in the short CONSTRUCT WHERE form")
                after_where = True
        elif kind == "open":
            if text == "{" and depth == 0 and form is not None:
                if form == "CONSTRUCT" and not constructs_template_done and not after_where:
                    constructs_template_done = True  # the template, not the pattern
                else:
                    return match.start()
            depth += 1
        elif kind == "close":
            depth -= 1
    raise QueryError("cannot find the query's WHERE clause to bind parameters in")


def insert_values(sparql: str, bindings: Mapping[str, Any] | None) -> str:
    """``sparql`` with its parameters bound by a VALUES block (unchanged if there are none)."""
    if not bindings:
        return sparql
    block = values_block(bindings)
    at = where_brace_offset(sparql) + 1
    # same line, so error positions stay true; the block is made of checked terms, and the
    # tests parse every stored query once bound, so no second parse here (it costs ~100 ms)
    return f"{sparql[:at]} {block} {sparql[at:]}"


def check_syntax(sparql: str, *, source: str | None = None) -> None:
    """Raise QueryError naming the line and column if ``sparql`` is not a SPARQL 1.1 query."""
    _check_syntax(sparql, source)


@lru_cache(maxsize=256)
def _check_syntax(sparql: str, source: str | None) -> None:
    # cached: stored queries are checked on every run, and rdflib's parser is slow
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except ParseException as error:
        line_text = error.line.strip()
        raise QueryError(
            f"column {error.col}: SPARQL syntax error near {line_text[:60]!r}",
            path=source or "<query>",
            line=error.lineno,
        ) from None


def query_form(sparql: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the first form keyword outside braces."""
    depth = 0
    for match in _token().finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind == "word" and depth == 0 and text.upper() in _FORMS:
            return text.upper()
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
    raise QueryError("not a SELECT, CONSTRUCT, DESCRIBE or ASK query")
