"""Ingest speed shortcuts (issue 18 item 6) give what the long way gives.

mapping builds its span literals without rdflib's generic constructor, SPKG's terms are
stored on the class, ASCII headings skip Unicode normalisation: each is compared here with
the path it replaces.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from spkg.ingest.mapping import offset_literal, plain_literal
from spkg.ingest.sections import _heading_key
from spkg.namespace import SPKG


def _slots(literal: Literal) -> tuple[object, ...]:
    return (type(literal), str(literal), literal.language, literal.datatype,
            type(literal.value), literal.value, literal.ill_typed, literal.n3(), hash(literal))


@given(st.text())
def test_plain_literal_is_rdflibs(text: str) -> None:
    made = plain_literal(text)
    assert _slots(made) == _slots(Literal(text))
    assert made == Literal(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_offset_literal_is_rdflibs(value: int) -> None:
    made = offset_literal(value)
    expected = Literal(value, datatype=XSD.nonNegativeInteger)
    assert _slots(made) == _slots(expected)
    assert made == expected and made.eq(expected)


def test_plain_literal_of_a_lone_surrogate_and_of_nothing() -> None:
    for text in ("\ud800", "", " \n", "é", "ſeptember"):
        assert _slots(plain_literal(text)) == _slots(Literal(text))


def test_spkg_terms_are_the_namespaces_and_a_misspelt_one_raises() -> None:
    for name in SPKG.__annotations__:
        term = getattr(SPKG, name)
        assert type(term) is URIRef and term == SPKG[name] == URIRef(f"{SPKG._NS}{name}")
    try:
        SPKG.Programm  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("a misspelt term must raise")


def _heading_key_unicode(line: str) -> str:
    text = unicodedata.normalize("NFKD", line.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split()).rstrip(" :")


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_heading_key_is_the_unicode_one(line: str) -> None:
    assert _heading_key(line) == _heading_key_unicode(line)


def test_heading_keys() -> None:
    for line in ("Key resources:", "KEY  RESOURCES :", "Résultat obtenu", "Partners’ view"):
        assert _heading_key(line) == _heading_key_unicode(line)
