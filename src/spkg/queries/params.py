"""Parameter types: how the text a user types becomes one RDF term.

==========  ===========================================  ==================================
type        accepts                                      becomes
==========  ===========================================  ==================================
iri         <IRI>, http(s)://…, prefix:name, or a label  the IRI (a label is looked up)
string      any text                                     a plain literal ("text")
integer     42, -3                                       "42"^^xsd:integer
year        2021                                         "2021"^^xsd:gYear
date        2021-09-09                                   "2021-09-09"^^xsd:date
sdg-goal    1 … 17 (or an IRI or label)                  sdg:1
sdg-target  1.3, 8.b (or an IRI or label)                sdg:1.3
instrument  C102, R202, c 102 (or an IRI or label)       id:instrument/c102
==========  ===========================================  ==================================

A label is matched case-insensitively against rdfs:label, skos:prefLabel, skos:altLabel
and skos:notation, among instances of the parameter's ``range`` class if it has one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spkg.errors import QueryError
from spkg.iri_base import BASE, SDG
from spkg.store.terms import RDFLIB, XSD, Terms

# The prefixes a parameter value (or a --list range) may use.
PREFIXES: dict[str, str] = {
    "spkg": BASE + "ontology#",
    "id": BASE + "id/",
    "sdg": str(SDG),
    "sdgo": "http://metadata.un.org/sdg/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}

# (label text, range class IRI or None) → the one IRI carrying that label; IRIs are terms
# of the family convert() was asked for (rdflib's by default, pyoxigraph's on the fast path)
LabelResolver = Callable[[str, Any], Any]

_IRI_CHARS = re.compile(r'^[^\s<>"{}|\\^`]+$')
_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):(\S*)$")
_TARGET = re.compile(r"^(\d{1,2})\.([0-9]{1,2}|[a-z])$", re.IGNORECASE)
_INSTRUMENT = re.compile(r"^([CRP])\s*0*(\d{1,3})$", re.IGNORECASE)


class ParamValueError(QueryError):
    """A parameter value that does not fit its declared type."""


def expand_name(text: str, terms: Terms = RDFLIB) -> Any:
    """An IRI written as <…>, http(s)://… or a known prefixed name; None if it is none of those."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
        if _IRI_CHARS.match(text) and ":" in text:
            return terms.iri(text)
        return None
    if re.match(r"^(https?|urn|file):", text) and _IRI_CHARS.match(text):
        return terms.iri(text)
    match = _PREFIXED.match(text)
    if match and match.group(1) in PREFIXES and _IRI_CHARS.match(match.group(2) or "x"):
        return terms.iri(PREFIXES[match.group(1)] + match.group(2))
    return None


def _iri(text: str, range_iri: Any, resolve: LabelResolver | None, terms: Terms) -> Any:
    named = expand_name(text, terms)
    if named is not None:
        return named
    if text.strip().startswith("<"):
        raise ParamValueError("not a valid IRI")
    if resolve is None:
        raise ParamValueError("expected an IRI or prefixed name (labels need a store)")
    return resolve(text.strip(), range_iri)


def _integer(text: str, terms: Terms) -> Any:
    if not re.fullmatch(r"[+-]?\d+", text.strip()):
        raise ParamValueError("expected an integer")
    return terms.literal(str(int(text)), datatype=XSD + "integer")


def _year(text: str, terms: Terms) -> Any:
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise ParamValueError("expected a year such as 2021")
    return terms.literal(text.strip(), datatype=XSD + "gYear")


def _date(text: str, terms: Terms) -> Any:
    try:
        import datetime  # only for date parameters

        value = datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ParamValueError("expected a date such as 2021-09-09") from None
    return terms.literal(value.isoformat(), datatype=XSD + "date")


def _goal(text: str, range_iri: Any, resolve: LabelResolver | None, terms: Terms) -> Any:
    stripped = text.strip()
    if stripped.isdigit():
        if not 1 <= int(stripped) <= 17:
            raise ParamValueError("expected an SDG goal number from 1 to 17")
        return terms.iri(f"{SDG}{int(stripped)}")
    return _iri(text, range_iri, resolve, terms)


def _target(text: str, range_iri: Any, resolve: LabelResolver | None, terms: Terms) -> Any:
    match = _TARGET.match(text.strip())
    if match:
        goal, target = match.groups()
        if not 1 <= int(goal) <= 17:
            raise ParamValueError("expected an SDG target such as 1.3 (goals are 1 to 17)")
        return terms.iri(f"{SDG}{int(goal)}.{target.lower()}")
    if re.fullmatch(r"[\d.]+", text.strip()):
        raise ParamValueError("expected an SDG target such as 1.3 or 8.b")
    return _iri(text, range_iri, resolve, terms)


def _instrument(text: str, range_iri: Any, resolve: LabelResolver | None, terms: Terms) -> Any:
    match = _INSTRUMENT.match(text.strip())
    if match:
        series, number = match.groups()
        return terms.iri(f"{BASE}id/instrument/{series.lower()}{int(number)}")
    return _iri(text, range_iri, resolve, terms)


PARAM_TYPES: dict[str, str] = {
    "iri": "an IRI, prefixed name (id:place/pakistan) or label (Pakistan)",
    "string": "text, bound as a plain literal",
    "integer": "an integer",
    "year": "a year (2021), bound as xsd:gYear",
    "date": "a date (2021-09-09), bound as xsd:date",
    "sdg-goal": "an SDG goal number (1 to 17), IRI or label",
    "sdg-target": "an SDG target code (1.3, 8.b), IRI or label",
    "instrument": "an ILO instrument code (C102, R202), IRI or label",
}

# the class a label of each IRI-like type is looked up in, unless the param names one
DEFAULT_RANGES: dict[str, str] = {
    "sdg-goal": "sdgo:Goal",
    "sdg-target": "sdgo:Target",
    "instrument": "spkg:Instrument",
}


def convert(
    kind: str,
    text: str,
    *,
    range_name: str | None = None,
    resolve: LabelResolver | None = None,
    terms: Terms = RDFLIB,
) -> Any:
    """The RDF term for ``text`` as a value of type ``kind`` (raises ParamValueError): an
    rdflib URIRef or Literal, or with ``terms=OXIGRAPH`` a pyoxigraph NamedNode or Literal."""
    if kind == "string":
        return terms.literal(text)
    if kind == "integer":
        return _integer(text, terms)
    if kind == "year":
        return _year(text, terms)
    if kind == "date":
        return _date(text, terms)
    range_name = range_name or DEFAULT_RANGES.get(kind)
    range_iri = expand_name(range_name, terms) if range_name else None
    if kind == "iri":
        return _iri(text, range_iri, resolve, terms)
    if kind == "sdg-goal":
        return _goal(text, range_iri, resolve, terms)
    if kind == "sdg-target":
        return _target(text, range_iri, resolve, terms)
    if kind == "instrument":
        return _instrument(text, range_iri, resolve, terms)
    raise ParamValueError(f"unknown parameter type {kind!r}")
