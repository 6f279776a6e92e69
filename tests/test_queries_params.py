"""Parameter types: text to RDF terms, label lookup, and the errors users see."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from spkg.errors import QueryError
from spkg.queries import bind_parameters, catalogue
from spkg.queries.golden import fixture_dataset
from spkg.queries.params import ParamValueError, convert, expand_name
from spkg.queries.runner import label_resolver
from spkg.store.memory import RdflibStore

ID = "https://w3id.org/spkg/id/"
SDG = "http://metadata.un.org/sdg/"
LEG = ID + "organisation/labour-welfare-and-social-protection-expert-group"


@pytest.fixture(scope="module")
def store() -> RdflibStore:
    return RdflibStore(fixture_dataset())


@pytest.mark.parametrize(
    ("kind", "text", "term"),
    [
        ("sdg-target", "1.3", URIRef(SDG + "1.3")),
        ("sdg-target", "8.B", URIRef(SDG + "8.b")),
        ("sdg-goal", "1", URIRef(SDG + "1")),
        ("instrument", "C102", URIRef(ID + "instrument/c102")),
        ("instrument", "r 202", URIRef(ID + "instrument/r202")),
        ("iri", "id:place/pakistan", URIRef(ID + "place/pakistan")),
        ("iri", "<http://example.org/a>", URIRef("http://example.org/a")),
        ("iri", "https://w3id.org/spkg/id/place/sindh", URIRef(ID + "place/sindh")),
        ("string", "brick kiln", Literal("brick kiln")),
        ("integer", "42", Literal(42)),
        ("year", "2021", Literal("2021", datatype=XSD.gYear)),
        ("date", "2021-09-09", Literal("2021-09-09", datatype=XSD.date)),
    ],
)
def test_text_becomes_a_term(kind: str, text: str, term: object) -> None:
    assert convert(kind, text) == term


@pytest.mark.parametrize(
    ("kind", "text"),
    [("iri", "<http://a b>"), ("sdg-goal", "18"), ("sdg-target", "1.3.1"), ("sdg-target", "20.1"),
     ("integer", "4x"), ("year", "21"), ("date", "2021-13-01"), ("iri", "not an iri")],
)
def test_ill_typed_text_is_refused(kind: str, text: str) -> None:
    with pytest.raises(ParamValueError):
        convert(kind, text)


def test_unknown_prefix_is_not_an_iri() -> None:
    assert expand_name("nope:thing") is None


@pytest.mark.parametrize(
    ("label", "range_name", "iri"),
    [
        ("Pakistan", "spkg:Place", ID + "place/pakistan"),
        ("kp", "spkg:Place", ID + "place/khyber-pakhtunkhwa"),
        ("LEG", "org:Organization", LEG),
        ("Labour Expert Group", None, LEG),
        ("underway", "spkg:StudyStatus", "https://w3id.org/spkg/ontology#underway"),
    ],
)
def test_labels_resolve_within_the_range(
    store: RdflibStore, label: str, range_name: str | None, iri: str
) -> None:
    resolve = label_resolver(store)
    assert convert("iri", label, range_name=range_name, resolve=resolve) == URIRef(iri)


def test_an_ambiguous_label_lists_the_candidates(store: RdflibStore) -> None:
    # "PAK" is both Pakistan's ISO code and Pakistan Administered Kashmir's acronym
    with pytest.raises(ParamValueError, match=r"ambiguous.*kashmir"):
        convert("iri", "PAK", range_name="spkg:Place", resolve=label_resolver(store))


def test_an_unknown_label_says_so(store: RdflibStore) -> None:
    with pytest.raises(ParamValueError, match="nothing is labelled 'Atlantis'"):
        convert("iri", "Atlantis", range_name="spkg:Place", resolve=label_resolver(store))


def test_missing_and_unknown_parameters_are_named(store: RdflibStore) -> None:
    stored = catalogue()["located-in"]
    with pytest.raises(QueryError, match=r"missing parameter 'place' \(iri"):
        bind_parameters(stored, {}, store)
    with pytest.raises(QueryError, match="unknown parameter 'country'"):
        bind_parameters(stored, {"country": "Pakistan"}, store)


def test_ill_typed_parameter_names_the_type(store: RdflibStore) -> None:
    with pytest.raises(QueryError, match=r"parameter 'goal' = '42'.*sdg-goal"):
        bind_parameters(catalogue()["results-by-sdg-goal"], {"goal": "42"}, store)


def test_optional_parameters_stay_unbound(store: RdflibStore) -> None:
    assert bind_parameters(catalogue()["studies"], {}, store) == {}
