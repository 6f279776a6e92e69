"""The axioms that matter, each shown by an inference over real ontology + reference data and
fixture document graphs built from sentences of the seeds (tests/reason/make_fixtures.py)."""

from __future__ import annotations

import logging
from functools import cache

import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Literal
from reason.support import CLASH, DOCUMENTS, asserted_union, fixture_dataset

from spkg.namespace import INFERRED_GRAPH, ORG, SDG, SPKG, mint
from spkg.reason import DEFAULT_ENGINE, ENGINES, Inference, add_inferred, infer, reason
from spkg.reason.filtering import normalise_term, trivial_reason

OUTCOME = mint("outcome", "001-0844c7bbfea795f9")
LAW = mint("law", "KP Employees Social Security Act 2021")
PWF = mint("organisation", "Pakistan Workers Federation")
LEG = mint("organisation", "Labour Expert Group")
MKE = mint("programme", "Mazdoor Ka EHSAAS")
UNIT = mint("organisation", "MKE Implementation Unit")
INFORMAL = mint("population-group", "informal economy workers")
DELIVERY_UNIT = mint("organisation", "EHSAAS Delivery Unit")
GOVERNMENT = mint("organisation", "Government of Pakistan")


# One worker for the module under xdist: the owlrl closures (~20 s each, two of them) are
# worked out once per process, and spread over three workers they were worked out thrice.
pytestmark = pytest.mark.xdist_group("module-test_reason")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "cache"))


@cache
def _reasoned(engine: str, with_clash: bool) -> tuple[Dataset, Inference]:
    files = [DOCUMENTS, CLASH] if with_clash else [DOCUMENTS]
    dataset = fixture_dataset(*files)
    return dataset, reason(dataset, engine=engine, use_cache=False, progress=False)


def holds(engine: str, triple: tuple) -> bool:
    """In the inferred graph, or asserted already (then it must not be repeated as inferred)."""
    dataset, result = _reasoned(engine, False)
    asserted = triple in asserted_union(dataset)
    inferred = triple in result.graph
    assert not (asserted and inferred), f"asserted triple repeated as inferred: {triple}"
    return asserted or inferred


AXIOM_CASES = {
    # prp-spo2 over the SDG KOS: target 1.3 skos:broader goal 1
    "chain-target-to-goal": (OUTCOME, SPKG.contributesToGoal, SDG["1"]),
    # partOf ⊑ locatedIn, both transitive, over data/reference/places.ttl
    "located-in-province-so-country": (LAW, SPKG.locatedIn, mint("place", "Pakistan")),
    "province-part-of-country-is-located-in": (mint("place", "Khyber Pakhtunkhwa"),
                                               SPKG.locatedIn, mint("place", "Pakistan")),
    "has-part-inverse": (mint("place", "Pakistan"), SPKG.hasPart,
                         mint("place", "Khyber Pakhtunkhwa")),
    "membership-inverse": (LEG, ORG.hasMember, PWF),
    "implemented-by-inverse": (MKE, SPKG.implementedBy, UNIT),
    "domain-organisation": (UNIT, RDF.type, ORG.Organization),
    "domain-intervention": (MKE, RDF.type, SPKG.Intervention),
    "range-population-group": (INFORMAL, RDF.type, SPKG.PopulationGroup),
    "range-organisation-of-membership": (LEG, RDF.type, ORG.Organization),
    "transitive-sub-organisation": (DELIVERY_UNIT, ORG.transitiveSubOrganizationOf, GOVERNMENT),
    "goal-typed-by-range": (SDG["1"], RDF.type, SPKG.Outcome),  # must NOT hold: see below
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", [c for c in AXIOM_CASES if c != "goal-typed-by-range"])
def test_axiom_inference(engine: str, case: str) -> None:
    assert holds(engine, AXIOM_CASES[case])


@pytest.mark.parametrize("engine", ENGINES)
def test_chain_and_transitivity_are_inferred_not_asserted(engine: str) -> None:
    _, result = _reasoned(engine, False)
    for case in ("chain-target-to-goal", "located-in-province-so-country",
                 "membership-inverse", "domain-organisation", "transitive-sub-organisation"):
        assert AXIOM_CASES[case] in result.graph, case


@pytest.mark.parametrize("engine", ENGINES)
def test_no_wrong_inference(engine: str) -> None:
    assert not holds(engine, AXIOM_CASES["goal-typed-by-range"])
    # skos:broader is not transitive: an indicator under 1.3 does not reach a goal by the chain
    _, result = _reasoned(engine, False)
    assert (OUTCOME, SPKG.contributesToGoal, SDG["1.3"]) not in result.graph


@pytest.mark.parametrize("engine", ENGINES)
def test_consistent_fixture_has_no_clash(engine: str) -> None:
    _, result = _reasoned(engine, False)
    assert result.clashes == []
    assert not list(result.graph.subjects(RDF.type, OWL.Nothing))


@pytest.mark.parametrize("engine", ENGINES)
def test_disjointness_clash_is_reported_and_visible(engine: str) -> None:
    _, result = _reasoned(engine, True)
    assert [(c.individual, c.first, c.second) for c in result.clashes] == [
        (PWF, ORG.Organization, SPKG.Place)
    ]
    # the inferred graph carries the two disjoint top types and the owl:Nothing marker
    for cls in (ORG.Organization, SPKG.Place, OWL.Nothing):
        assert (PWF, RDF.type, cls) in result.graph
    if engine == "owlrl":  # owlrl's own report of the clash is passed on
        assert any("Disjoint classes" in w and str(PWF) in w for w in result.warnings)


def test_infer_logs_the_clash(caplog: pytest.LogCaptureFixture) -> None:
    dataset = fixture_dataset(DOCUMENTS, CLASH)
    with caplog.at_level(logging.WARNING, logger="spkg.reason"):
        graph = infer(dataset, progress=False)
    assert (PWF, RDF.type, OWL.Nothing) in graph
    assert any(str(PWF) in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("engine", ENGINES)
def test_trivial_inferences_are_left_out(engine: str) -> None:
    dataset, result = _reasoned(engine, False)
    asserted = asserted_union(dataset)
    assert result.dropped > 0
    for triple in result.graph:
        s, p, o = triple
        assert not isinstance(s, Literal), triple
        assert not (p == OWL.sameAs and s == o), triple
        assert not (p == RDF.type and o in (OWL.Thing, RDFS.Resource)), triple
        assert triple not in asserted, triple
        assert trivial_reason(triple) is None or o == OWL.Nothing, triple


def test_trivial_reason_rules() -> None:
    x = mint("place", "Pakistan")
    assert trivial_reason((x, OWL.sameAs, x)) == "reflexive"
    assert trivial_reason((x, RDF.type, OWL.Thing)) == "universal type"
    assert trivial_reason((Literal("a"), RDF.type, RDFS.Literal)) == "literal subject"
    assert trivial_reason((OWL.Thing, RDF.type, OWL.Class)) is not None
    assert trivial_reason((x, RDF.type, SPKG.Country)) is None


def test_xsd_string_literals_are_normalised() -> None:
    from rdflib import XSD

    assert normalise_term(Literal("x", datatype=XSD.string)) == Literal("x")
    assert normalise_term(Literal("x", lang="en")) == Literal("x", lang="en")
    assert normalise_term(Literal(3)) == Literal(3)


def test_add_inferred_keeps_asserted_graphs_apart() -> None:
    dataset = fixture_dataset(DOCUMENTS)
    before = {g.identifier: len(g) for g in dataset.graphs() if len(g)}
    count = add_inferred(dataset, progress=False)
    inferred = dataset.graph(INFERRED_GRAPH)
    assert count == len(inferred) > 0
    assert (OUTCOME, SPKG.contributesToGoal, SDG["1"]) in inferred
    after = {g.identifier: len(g) for g in dataset.graphs()
             if len(g) and g.identifier != INFERRED_GRAPH}
    assert after == before
    # running again reads the asserted graphs only and replaces, not adds to, the inferred one
    assert add_inferred(dataset, progress=False) == count
    assert len(dataset.graph(INFERRED_GRAPH)) == count


def test_default_engine_is_the_fast_one_that_passed_parity() -> None:
    assert DEFAULT_ENGINE == "reasonable"


def test_unknown_engine_is_a_user_error() -> None:
    from spkg.errors import SpkgError

    with pytest.raises(SpkgError, match="unknown reasoning engine"):
        reason(fixture_dataset(DOCUMENTS), engine="hermit", progress=False)
