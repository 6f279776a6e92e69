"""Look at a SPARQL request before running it: its form, and whether it may run at all.

rdflib's parser gives the query's algebra; SERVICE (federation) is found there, not by
searching the text, so a SERVICE inside a comment or a string literal is not refused and an
obfuscated one is not missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spkg.errors import QueryError

QUERY_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}


class Forbidden(QueryError):
    """A well-formed request that this endpoint will not run (federation, LOAD)."""


@dataclass(frozen=True)
class Checked:
    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE


def _names(node: Any, seen: set[int] | None = None) -> set[str]:
    """Every algebra/parse node name under ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    seen = seen if seen is not None else set()
    if id(node) in seen:
        return set()
    seen.add(id(node))
    names: set[str] = set()
    if isinstance(node, CompValue):
        names.add(node.name)
        for value in node.values():
            names |= _names(value, seen)
    elif isinstance(node, list | tuple) or (hasattr(node, "asList") and not isinstance(node, str)):
        for item in node:
            names |= _names(item, seen)
    return names


def _message(error: Exception) -> str:
    return " ".join(str(error).split())[:500] or type(error).__name__


@lru_cache(maxsize=512)
def check_query(text: str) -> Checked:
    """The query's form; QueryError if it does not parse, Forbidden if it uses SERVICE."""
    from rdflib.plugins.sparql import algebra, parser

    try:
        tree = parser.parseQuery(text)
    except Exception as error:
        raise QueryError(f"SPARQL syntax error: {_message(error)}") from error
    form = QUERY_FORMS.get(tree[1].name)
    if form is None:
        raise QueryError(f"unsupported query form {tree[1].name}")
    try:
        names = _names(algebra.translateQuery(tree).algebra)
    except Exception:  # rdflib cannot translate a few valid queries: fall back to the parse tree
        names = _names(tree)
    if "ServiceGraphPattern" in names:
        raise Forbidden("SERVICE (federated query) is not allowed on this endpoint")
    return Checked(form)


@lru_cache(maxsize=128)
def check_update(text: str) -> Checked:
    """QueryError if the update does not parse; Forbidden for SERVICE or LOAD (network access)."""
    from rdflib.plugins.sparql import parser

    try:
        tree = parser.parseUpdate(text)
    except Exception as error:
        raise QueryError(f"SPARQL syntax error: {_message(error)}") from error
    names = _names(tree)
    if "ServiceGraphPattern" in names:
        raise Forbidden("SERVICE (federated query) is not allowed on this endpoint")
    if "Load" in names:
        raise Forbidden("LOAD (fetching data from the network) is not allowed on this endpoint")
    return Checked("UPDATE")
