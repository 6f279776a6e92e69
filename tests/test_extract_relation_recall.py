"""Relation recall between entities that are found (issue 16): each test a made-up page
stating one class of relation the rules missed, and look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.namespace import SPKG
from tests.prose_facts import page_facts, slug_pairs


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object
          ) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), predicate)


# -- funding and support ---------------------------------------------------------------------

def test_with_financing_the_doer_made_studies_funded(tmp_path: Path, gazetteer: Gazetteer
                                                     ) -> None:
    body = ("With financing from the European Union, the ILO conducted an actuarial "
            "valuation of the Kenya Pension Scheme.")
    facts = page_facts(tmp_path, gazetteer, body)
    funded = slug_pairs(facts, SPKG.fundedBy)
    assert any(s.startswith("actuarial-valuation") and o == "european-union"
               for s, o in funded), funded
    # the ILO did the work: it was not supported by the funder
    assert ("international-labour-organization", "european-union") not in slug_pairs(
        facts, SPKG.supportedBy)


def test_a_study_prepared_with_funding_is_funded(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour published a feasibility study on unemployment insurance, "
            "prepared with funding from the European Union.")
    funded = pairs(tmp_path, gazetteer, body, SPKG.fundedBy)
    assert any(s.startswith("feasibility-study") and o == "european-union" for s, o in funded)


def test_an_unnamed_thing_made_by_an_agent_with_support(tmp_path: Path, gazetteer: Gazetteer
                                                        ) -> None:
    body = ("A new pension policy is being drafted by the Ministry of Labour with technical "
            "support from the ILO and UNICEF.")
    supported = pairs(tmp_path, gazetteer, body, SPKG.supportedBy)
    assert {("ministry-of-labour", "international-labour-organization"),
            ("ministry-of-labour", "united-nations-childrens-fund")} <= supported
    # a gathering the agent organised is what is supported, not the organiser
    body = ("A national workshop was organised by the Ministry of Labour with the support of "
            "the ILO.")
    assert ("ministry-of-labour", "international-labour-organization") not in pairs(
        tmp_path, gazetteer, body, SPKG.supportedBy)


def test_helping_and_through_a_project_after_a_noun(tmp_path: Path, gazetteer: Gazetteer
                                                    ) -> None:
    body = ("The ILO is helping the National Social Security Fund extend coverage to "
            "fishers.")
    assert ("national-social-security-fund", "international-labour-organization") in pairs(
        tmp_path, gazetteer, body, SPKG.supportedBy)
    body = ("A National Social Protection Council was set up in 2021. The ILO supports the "
            "council through the Social Protection Systems Project.")
    supported = pairs(tmp_path, gazetteer, body, SPKG.supportedBy)
    assert ("national-social-protection-council", "social-protection-systems-project"
            ) in supported, supported


def test_funded_through_a_programme(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Child Grant Programme pays monthly benefits. This work was financed by the "
            "European Union through the Social Protection Systems Project.")
    funded = pairs(tmp_path, gazetteer, body, SPKG.fundedBy)
    assert ("social-protection-systems-project", "european-union") in funded
    # "This work" is no programme: the one named before is not said to be funded
    assert ("child-grant-programme", "european-union") not in funded


def test_finances_the_ilo_project(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The European Union finances the ILO project Social Protection Systems Project, "
            "which works with the Ministry of Labour.")
    assert ("social-protection-systems-project", "european-union") in pairs(
        tmp_path, gazetteer, body, SPKG.fundedBy)
