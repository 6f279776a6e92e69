""""with the support of B" after a gathering's verb is the gathering's support, not that of
the law or programme the gathering was about (rule "support-from")."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.relations import read_relations
from spkg.namespace import SPKG


def supported(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    facts = page_facts(tmp_path, gazetteer, body)
    return slug_pairs(facts, SPKG.supportedBy)


@pytest.mark.parametrize("body", [
    "A validation workshop on the National Pension Strategy 2024-2028 was organised in "
    "Kisumu on 27-28 June 2023 by the Ministry of Labour with the support of the ILO.",
    "A national workshop on the Rural Pension Programme took place in Nairobi in May 2024. "
    "It was held by the Ministry of Labour with the support of the ILO.",
])
def test_a_gatherings_support_is_not_its_topics(tmp_path: Path, gazetteer: Gazetteer,
                                                body: str) -> None:
    found = supported(tmp_path, gazetteer, body)
    assert not {s for s, _ in found} & {"national-pension-strategy-2024-2028",
                                         "rural-pension-programme"}, found


def test_an_interventions_own_support_is_kept(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Pension Strategy was drafted by the Ministry of Labour with the "
            "support of the ILO.")
    assert ("national-pension-strategy", "international-labour-organization") in supported(
        tmp_path, gazetteer, body)


def test_the_body_named_before_is_supported(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"… a national pension taskforce … The ILO supports the taskforce through the X
    Project": the taskforce named in the sentence before."""
    body = ("The National Pension Policy was drafted by a national pension taskforce chaired "
            "by the Ministry of Finance. The ILO supports the taskforce through the Decent "
            "Pensions Project.")
    found = supported(tmp_path, gazetteer, body)
    assert ("national-pension-taskforce", "international-labour-organization") in found
    body = ("The National Pension Policy was drafted by a national pension taskforce. "
            "The ILO supports the taskforce of the Ministry of Finance.")
    assert ("national-pension-taskforce", "international-labour-organization") not in (
        supported(tmp_path, gazetteer, body))


def test_drafted_by_a_body_in_lowercase(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Social protection in Kenya\n\nThe National Pension Policy was drafted by "
                    "a national pension taskforce chaired by the Ministry of Finance.\n",
                    encoding="utf-8")
    document = read_document(path)
    regions, entities = prose_entities(document, gazetteer)
    facts = read_relations(document, entities, gazetteer, regions)
    assert {(str(f.subject).rsplit("/", 1)[-1], str(f.object).rsplit("/", 1)[-1])
            for f in facts if f.predicate == SPKG.developedBy} == {
        ("national-pension-policy", "national-pension-taskforce")}


def test_a_fronted_funder_does_not_support_the_helper(tmp_path: Path,
                                                      gazetteer: Gazetteer) -> None:
    """"With funding from A, the ILO supported a study": nothing says the ILO is supported;
    "With technical assistance from the ILO, the Fund designed …" still does."""
    found = supported(tmp_path, gazetteer, "With funding from the European Union, the ILO "
                      "supported a rapid assessment of the cash transfers.")
    assert ("international-labour-organization", "european-union") not in found
    found = supported(tmp_path, gazetteer, "With technical assistance from the ILO, the "
                      "National Social Security Fund designed a new benefit.")
    assert ("national-social-security-fund", "international-labour-organization") in found


def test_support_of_a_design_by_a_list(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = supported(tmp_path, gazetteer, "The ILO and the World Bank supported the design "
                      "of the National Pension Strategy, launched in Nairobi in 2021.")
    assert {("national-pension-strategy", "international-labour-organization"),
            ("national-pension-strategy", "world-bank-group")} <= found, found


def test_a_gathering_held_with_named_support(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"A round table … was held in X on D with ILO support": the round table's support;
    "… was held in X on D, and the ministry later drafted a bill with ILO support" is not."""
    body = ("A tripartite round table on pensions was held in Nairobi on 5 September 2024 "
            "with ILO support.")
    found = supported(tmp_path, gazetteer, body)
    assert any(s.startswith("tripartite-round-table") and o == "international-labour-"
               "organization" for s, o in found), found
    body = ("A tripartite round table on pensions was held in Nairobi on 5 September 2024; "
            "the ministry later wrote a report with ILO support.")
    found = supported(tmp_path, gazetteer, body)
    assert not any(s.startswith("tripartite-round-table") for s, _ in found), found
