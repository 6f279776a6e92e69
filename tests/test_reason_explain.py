"""`spkg explain`: the rule and premises of an inferred triple, down to source sentences."""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import OWL, RDF, Literal
from reason.support import CLASH, DOCUMENTS, fixture_dataset

from spkg.cli import main
from spkg.namespace import ORG, SDG, SPKG, mint
from spkg.reason import add_inferred
from spkg.reason.explain import Justification, Justifier, render
from spkg.reason.terms import parse_term

OUTCOME = mint("outcome", "001-0844c7bbfea795f9")
LAW = mint("law", "KP Employees Social Security Act 2021")
PWF = mint("organisation", "Pakistan Workers Federation")
LEG = mint("organisation", "Labour Expert Group")
UNIT = mint("organisation", "MKE Implementation Unit")
MKE = mint("programme", "Mazdoor Ka EHSAAS")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "cache"))


@cache
def justifier(with_clash: bool = False) -> Justifier:
    dataset = fixture_dataset(*([DOCUMENTS, CLASH] if with_clash else [DOCUMENTS]))
    add_inferred(dataset, use_cache=False, progress=False)
    return Justifier(dataset)


def leaves(node: Justification) -> list[Justification]:
    if node.status != "inferred":
        return [node]
    return [leaf for premise in node.premises for leaf in leaves(premise)]


def rules(node: Justification) -> set[str]:
    found = {node.rule} if node.rule else set()
    for premise in node.premises:
        found |= rules(premise)
    return found


CASES = [  # (rule, triple, words of the sentence a leaf premise was read from)
    ("prp-spo2", (OUTCOME, SPKG.contributesToGoal, SDG["1"]),
     "1.3 Implement nationally appropriate social protection systems"),
    ("prp-trp", (LAW, SPKG.locatedIn, mint("place", "Pakistan")),
     "the Government of Khyber Pakhtunkhwa adopted the amended KP Employees"),
    ("prp-inv1", (LEG, ORG.hasMember, PWF),
     "Pakistan Workers Federation (PWF) and Employers Federation of Pakistan"),
    ("prp-inv1", (MKE, SPKG.implementedBy, UNIT), "notified to the MKE Implementation Unit"),
    ("prp-dom", (UNIT, RDF.type, ORG.Organization), "notified to the MKE Implementation Unit"),
    ("prp-dom", (MKE, RDF.type, SPKG.Intervention), "englobes eleven (11) priority actions"),
]


@pytest.mark.parametrize(("rule", "triple", "sentence"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_explanation_names_the_rule_and_reaches_the_source_sentence(
        rule: str, triple: tuple, sentence: str) -> None:
    result = justifier().explain(triple)
    assert result is not None and result.status == "inferred"
    assert result.rule == rule
    every_leaf = leaves(result)
    assert all(leaf.status == "asserted" for leaf in every_leaf)
    quotes = [source.text for leaf in every_leaf for source in leaf.sources]
    assert any(sentence in quote for quote in quotes), quotes


def test_transitive_location_goes_through_the_sub_property() -> None:
    triple = CASES[1][1]
    result = justifier().explain(triple)
    assert result is not None
    assert {"prp-trp", "prp-spo1"} <= rules(result)


def test_clash_is_explained_by_disjointness() -> None:
    result = justifier(True).explain((PWF, RDF.type, OWL.Nothing))
    assert result is not None and result.rule in ("cax-adc", "cax-dw")
    assert {"cax-sco", "prp-rng"} <= rules(result)


def test_asserted_triple_shows_its_source() -> None:
    result = justifier().explain((PWF, ORG.memberOf, LEG))
    assert result is not None and result.status == "asserted"
    assert result.graphs == [mint("document", "003_fe60b1eef80f63e0")]
    assert result.sources[0].text.startswith("Pakistan Workers Federation (PWF)")


def test_triple_that_does_not_hold() -> None:
    assert justifier().explain((mint("place", "Pakistan"), RDF.type, ORG.Organization)) is None


def test_render_is_an_indented_tree() -> None:
    triple = CASES[0][1]
    text = "\n".join(render(justifier().explain(triple), justifier().closure))  # type: ignore[arg-type]
    assert text.splitlines()[0] == ("id:outcome/001-0844c7bbfea795f9 spkg:contributesToGoal "
                                    "sdg:1")
    assert "inferred by prp-spo2" in text
    assert "owl:propertyChainAxiom (spkg:contributesToTarget skos:broader)" in text


def test_parse_term_forms() -> None:
    nsm = justifier().closure.namespace_manager
    assert parse_term("a", nsm) == RDF.type
    assert parse_term("sdg:1.3", nsm) == SDG["1.3"]
    assert parse_term("id:place/pakistan", nsm) == mint("place", "Pakistan")
    assert parse_term("<http://ex/x>", nsm).toPython() == "http://ex/x"
    assert parse_term('"Pakistan"@en', nsm) == Literal("Pakistan", lang="en")
    from spkg.errors import InputError

    with pytest.raises(InputError, match="unknown prefix"):
        parse_term("nope:x", nsm)


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data", str(DOCUMENTS)]
    assert main(["explain", "id:outcome/001-0844c7bbfea795f9", "spkg:contributesToGoal",
                 "sdg:1", *data]) == 0
    out = capsys.readouterr().out
    assert "prp-spo2" in out and "asserted in id:document/001-0844c7bbfea795f9" in out
    assert main(["explain", "id:place/pakistan", "a", "org:Organization", *data]) == 1
    assert "does not hold" in capsys.readouterr().out
    assert main(["explain", "bad:x", "a", "org:Organization", *data]) == 2


def test_reason_cli_writes_the_inferred_graph(tmp_path, capsys) -> None:
    from rdflib import Dataset

    from spkg.namespace import INFERRED_GRAPH

    out = tmp_path / "inferred.trig"
    assert main(["reason", "--data", str(DOCUMENTS), "-o", str(out), "-q"]) == 0
    assert "inferred triples" in capsys.readouterr().out
    written = Dataset()
    written.parse(out, format="trig")
    graph = written.graph(INFERRED_GRAPH)
    assert (OUTCOME, SPKG.contributesToGoal, SDG["1"]) in graph
    assert main(["reason", "--data", str(DOCUMENTS), "-q"]) == 0
    assert "cache hit" in capsys.readouterr().out
