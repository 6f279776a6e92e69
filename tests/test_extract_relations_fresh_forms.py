"""Relation forms first seen on fresh-7 (issue 16), each on made-up sentences, with a
look-alike that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object
          ) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), predicate)


def test_a_second_passive_shares_the_first_subject(tmp_path: Path, gazetteer: Gazetteer
                                                   ) -> None:
    body = ("The Universal Child Grant (UCG) is a non-contributory benefit for children under "
            "five. The UCG was created by the Social Assistance Act 2019 and is paid by the "
            "National Social Security Fund (NSSF).")
    facts = page_facts(tmp_path, gazetteer, body)
    done = slug_pairs(facts, SPKG.implementedBy) | {
        (o, s) for s, o in slug_pairs(facts, SPKG.implements)}
    assert ("universal-child-grant", "national-social-security-fund") in done, done
    # the Act is what created the grant, not what the Fund pays
    assert not any(s.startswith("social-assistance-act") for s, _ in done), done


@pytest.mark.parametrize(("body", "agent", "done"), [
    ("The ILO reviewed the Maternity Cash Transfer Pilot that the National Social Security "
     "Fund ran from 2018 to 2021.", "national-social-security-fund", "maternity-cash-transfer"),
    ("The ILO assessed the Child Support Grant, which the Ministry of Gender (MOG) "
     "administers in all counties.", "ministry-of-gender", "child-support-grant"),
    ("El BIT evaluó el Programa de Pensiones Solidarias que administra el Instituto "
     "Nacional de Seguridad Social.", "instituto-nacional-de-seguridad-social",
     "programa-de-pensiones-solidarias"),
])
def test_the_agent_of_a_relative_clause_implements(tmp_path: Path, gazetteer: Gazetteer,
                                                    body: str, agent: str, done: str) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.implements)
    assert any(a == agent and d.startswith(done) for a, d in found), found


def test_a_relative_clause_of_another_verb_implements_nothing(tmp_path: Path,
                                                              gazetteer: Gazetteer) -> None:
    body = ("The ILO reviewed the Child Support Grant that the Ministry of Gender praised "
            "in 2020.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.implements)


def test_studies_listed_before_both_funded_by_are_funded(tmp_path: Path, gazetteer: Gazetteer
                                                         ) -> None:
    body = ("The ILO prepared an actuarial valuation of the Kenya Pension Scheme and a costing "
            "study of a child grant, both funded by the European Union.")
    funded = pairs(tmp_path, gazetteer, body, SPKG.fundedBy)
    assert {s.split("-of-")[0] for s, o in funded if o == "european-union"} == {
        "actuarial-valuation", "costing-study"}, funded


def test_a_funder_after_another_name_funds_no_study(tmp_path: Path, gazetteer: Gazetteer
                                                    ) -> None:
    body = ("The ILO prepared a feasibility study on health insurance for the Ministry of "
            "Health, funded by the Government of Japan.")
    assert not any(s.startswith("feasibility-study") for s, _ in pairs(
        tmp_path, gazetteer, body, SPKG.fundedBy))


@pytest.mark.parametrize("body", [
    "Lors de la sécheresse de 2021 dans le Turkana, le Ministère du Travail a versé des "
    "transferts d'urgence.",
    "During the drought of 2022 in Turkana County, the Ministry of Labour paid an emergency "
    "top-up.",
])
def test_a_dated_disaster_in_a_place_is_located_there(tmp_path: Path, gazetteer: Gazetteer,
                                                      body: str) -> None:
    located = pairs(tmp_path, gazetteer, body, SPKG.locatedIn)
    assert any(o.startswith("turkana") for _, o in located), located


def test_an_undated_disaster_in_a_place_is_not_located(tmp_path: Path, gazetteer: Gazetteer
                                                       ) -> None:
    body = "During the drought in Turkana County, the Ministry of Labour paid an emergency top-up."
    assert not any(o.startswith("turkana") for _, o in pairs(
        tmp_path, gazetteer, body, SPKG.locatedIn))


def test_an_agent_described_in_an_apposition_implements(tmp_path: Path, gazetteer: Gazetteer
                                                        ) -> None:
    body = ("The National Pension Service (NPS), a body under the Ministry of Finance (MOF), "
            "administers the Child Support Grant and the Disability Grant.")
    done = pairs(tmp_path, gazetteer, body, SPKG.implements)
    assert {("national-pension-service", "child-support-grant"),
            ("national-pension-service", "disability-grant")} <= done, done
    # the ministry named inside the apposition runs nothing here
    assert not any(a == "ministry-of-finance" for a, _ in done), done


def test_an_organisation_advised_is_supported(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In 2023 the ILO advised the Ministry of Gender on the design of a child grant.")
    assert ("ministry-of-gender", "international-labour-organization") in pairs(
        tmp_path, gazetteer, body, SPKG.supportedBy)
    body = "In 2023 the Ministry of Gender advised households on the design of a child grant."
    assert not pairs(tmp_path, gazetteer, body, SPKG.supportedBy)
