"""Active chairing ("A and B co-chaired a working group"), an adoption in an object
relative ("the Decree …, which the Government adopted on D"), and where an intervention
operates when the sentence's subject is named before it ("It will enrol … households of
the A and B departments", "The regime extends … in the departments of A and B")."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def related(tmp_path: Path, gazetteer: Gazetteer, body: str,
            predicate: object) -> set[tuple[str, str]]:
    facts = page_facts(tmp_path, gazetteer, body)
    return slug_pairs(facts, predicate)


def test_co_chaired(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = related(tmp_path, gazetteer, "The Ministry of Labour and the Ministry of Health "
                    "co-chaired an inter-ministerial working group on rural pensions.",
                    SPKG.chairedBy)
    group = "inter-ministerial-working-group-on-rural-pensions"
    assert {(group, "ministry-of-labour"), (group, "ministry-of-health")} <= found, found
    assert not related(tmp_path, gazetteer, "The Ministry of Labour chaired the meeting on "
                       "rural pensions.", SPKG.chairedBy)


def test_which_the_government_adopted(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = related(tmp_path, gazetteer, "The scheme builds on the Pension Decree No. 12 on "
                    "informal workers, which the Government of Kenya adopted on 11 August "
                    "2022.", SPKG.adoptedBy)
    assert any(s.startswith("pension-decree-no-12") and o == "government-of-kenya"
               for s, o in found), found


@pytest.mark.parametrize("body", [
    "The Government launched the Rural Cash Transfer Programme in March 2023. It will enrol "
    "50,000 poor households of the Nakuru and Kisumu counties in health insurance.",
    "The Board created the Rural Cash Transfer Programme in 2022. The programme extends "
    "cover to poor households in the counties of Nakuru and Kisumu.",
])
def test_areas_of_a_subject_named_before(tmp_path: Path, gazetteer: Gazetteer,
                                         body: str) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.locatedIn)
    assert {("rural-cash-transfer-programme", "nakuru"),
            ("rural-cash-transfer-programme", "kisumu")} <= found, found


def test_of_without_a_kind_is_no_area(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Government launched the Rural Cash Transfer Programme in March 2023. It "
            "will pay the families of Nakuru and Kisumu.")
    found = related(tmp_path, gazetteer, body, SPKG.locatedIn)
    assert not {o for s, o in found if s == "rural-cash-transfer-programme"}, found
