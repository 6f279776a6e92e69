"""Coverage, implementation and membership rules (issue 16, classes of fresh-3/7/8/9 misses
and false hits), each on made-up sentences in several languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.ingest.rules.coverage import _CLAUSE_OPENING
from spkg.namespace import ORG, SPKG


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object,
          title: str = "Social protection in Kenya") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title=title), predicate)


# A law that amends another and covers a group: the group is the amending law's, not the
# amended one's, whatever stands between "and" and the second verb.
@pytest.mark.parametrize(("body", "law", "amended", "group"), [
    ("The Social Security Act 2024 amends the Pensions Act 1995 and, from 1 June 2024, covers "
     "workers in the informal economy.", "social-security-act-2024", "pensions-act-1995",
     "informal-economy-workers"),
    ("La Ley N° 45 de 2023 modifica la Ley N° 12 de 1990 y, desde el 1 de enero de 2024, "
     "cubre a los trabajadores independientes.", "ley-n-45", "ley-n-12",
     "trabajadores-independientes"),
    ("La loi n° 2023-12 modifie la loi n° 99-01 et étend la couverture aux travailleurs "
     "indépendants.", "loi-n-2023-12", "loi-n-99-01", "travailleurs-independants"),
])
def test_coverage_of_an_amending_law(tmp_path: Path, gazetteer: Gazetteer, body: str, law: str,
                                     amended: str, group: str) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)
    assert (law, group) in found
    assert (amended, group) not in found


# The contingencies a coverage cue names: after "against", or a list of branches or of
# insurances; "opens old-age benefits to G" states the groups only.
@pytest.mark.parametrize(("body", "branches"), [
    ("The Social Security Amendment Act 2021 extends insurance against employment injury to "
     "workers in the construction sector.", {"employment-injury"}),
    ("The Social Security Amendment Act 2021 extends the sickness and maternity branches to "
     "domestic workers.", {"sickness", "maternity"}),
    ("Decree No. 2021-45 on Social Security was adopted on 1 May 2021. It opens the maternity, "
     "employment injury and old-age branches to artisans, bus drivers and street vendors.",
     {"maternity", "employment-injury", "old-age"}),
    ("Decree No. 2021-45 on Social Security was adopted on 1 May 2021. It opens sickness and "
     "maternity insurance to self-employed workers.", {"sickness", "maternity"}),
    ("Decree No. 2021-45 on Social Security was adopted on 1 May 2021. It opens old-age, "
     "sickness and maternity benefits to self-employed workers.", set()),
])
def test_branches_named_in_a_coverage_cue(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                          branches: set[str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert {o for _, o in slug_pairs(facts, SPKG.coversContingency)} == branches
    assert slug_pairs(facts, SPKG.extendsCoverageTo)


def test_groups_of_opened_branches(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Decree No. 2021-45 on Social Security was adopted on 1 May 2021. It opens the "
            "maternity and old-age branches to artisans and street vendors.")
    groups = {o for _, o in pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)}
    assert groups == {"artisans", "street-vendors"}


@pytest.mark.parametrize(("body", "expected"), [
    # an adverbial between the participle and "by"
    ("The Older Persons Grant (OPG) is paid every month by the Ministry of Social Development "
     "(MSD) to citizens aged 65 and over.",
     ("older-persons-grant", "ministry-of-social-development")),
    # "the decree-law" points back to the decree-law named before
    ("Decree-Law No. 12/2020 on Social Security was adopted in 2020. The decree-law has been in "
     "force since 1 March 2020 and is administered by the National Social Security Fund (NSSF).",
     ("decree-law-no-12-2020-on-social-security", "national-social-security-fund")),
])
def test_implemented_by(tmp_path: Path, gazetteer: Gazetteer, body: str,
                        expected: tuple[str, str]) -> None:
    assert expected in pairs(tmp_path, gazetteer, body, SPKG.implementedBy)


@pytest.mark.parametrize(("body", "agent", "targets"), [
    # a list of what an agent runs, the first with an apposition
    ("The Ministry of Social Development (MSD) runs the Bono Solidario Programme, a monthly "
     "transfer for persons aged 65 and over, and the Child Support Grant, which covers poor "
     "households.", "ministry-of-social-development", {"bono-solidario", "child-support-grant"}),
    ("El Ministerio de Desarrollo Social (MIDES) gestiona el Programa Bono Solidario, una "
     "transferencia mensual para personas mayores, y el Programa Red Solidaria.",
     "ministerio-de-desarrollo-social", {"programa-bono-solidario", "programa-red-solidaria"}),
    # a second recipient and its own basis
    ("The Social Insurance Fund (SIF) pays pensions to private sector workers under the Social "
     "Insurance Act, and to civil servants under the Civil Service Pensions Act.",
     "social-insurance-fund", {"social-insurance-act", "civil-service-pensions-act"}),
])
def test_implements_lists(tmp_path: Path, gazetteer: Gazetteer, body: str, agent: str,
                          targets: set[str]) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.implements)
    assert {o for s, o in found if s == agent} == targets


def test_second_recipient_is_not_the_first_basis_coverage(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    body = ("The Social Insurance Fund (SIF) pays pensions to private sector workers under the "
            "Social Insurance Act, and to civil servants under the Civil Service Pensions Act.")
    found = pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)
    assert ("social-insurance-act", "private-sector-workers") in found
    assert ("social-insurance-act", "civil-servants") not in found


@pytest.mark.parametrize(("body", "expected"), [
    # "Under it," points back to the law named before; "can claim" states coverage
    ("Law No. 45 of 2023 on Pensions was approved in April. Under it, domestic workers and "
     "rural workers with incomplete records can claim a partial old-age pension.",
     {("law-no-45-of-2023-on-pensions", "domestic-workers"),
      ("law-no-45-of-2023-on-pensions", "rural-workers")}),
    # a place after the group, and the basis after "under" later in the clause
    ("Domestic workers in Kenya can register with the National Social Security Fund (NSSF) for "
     "health care benefits since 1 June 2022, under the Social Security Act 2022.",
     {("social-security-act-2022", "domestic-workers")}),
    # "under" in another clause is not the basis of the first
    ("Civil servants are covered by the Public Officers Pension Fund (POPF), and employers are "
     "liable for employment injury under the Workers' Compensation Act.", set()),
])
def test_groups_as_the_subject(tmp_path: Path, gazetteer: Gazetteer, body: str,
                               expected: set[tuple[str, str]]) -> None:
    assert pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo) == expected


@pytest.mark.parametrize("dateline", ["PHNOM PENH (ILO News) – ", "LA PAZ, Bolivia (OIT Info) — ",
                                      "DAKAR – "])
def test_a_dateline_opens_the_clause(dateline: str) -> None:
    text = dateline + "Domestic workers can register with the Fund."
    opening = _CLAUSE_OPENING.match(text)
    assert opening is not None and opening.end() == len(dateline)


@pytest.mark.parametrize(("body", "expected"), [
    ("The Ministry of Labour and Social Welfare (MoLSW) adopted a plan. The Directorate of "
     "Labour Inspection under the MoLSW monitors compliance.",
     {("directorate-of-labour-inspection", "ministry-of-labour-and-social-welfare")}),
    # an acronym after a verb, not "under" or "of": no part of the ministry
    ("The Ministry of Labour (MoL) adopted a plan. The Directorate of Labour Inspection met "
     "the MoL.", set()),
])
def test_under_a_ministry_by_its_mixed_case_acronym(tmp_path: Path, gazetteer: Gazetteer,
                                                    body: str,
                                                    expected: set[tuple[str, str]]) -> None:
    assert pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("The National Social Security Corporation (NSSC) runs the pension scheme. The ILO met the "
     "Corporation's Board of Directors in May.",
     {("board-of-directors", "national-social-security-corporation")}),
    ("The National Social Security Fund (NSSF) runs the pension scheme. The NSSF's Board of "
     "Trustees met in May.", {("board-of-trustees", "national-social-security-fund")}),
    # a possessor no organisation named before is: nothing
    ("The National Social Security Fund (NSSF) runs the pension scheme. The Council's Board of "
     "Trustees met in May.", set()),
])
def test_board_of_a_possessor(tmp_path: Path, gazetteer: Gazetteer, body: str,
                              expected: set[tuple[str, str]]) -> None:
    assert pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Decree No. 45 on the Voluntary Scheme was adopted in 2021. The Social Security "
     "Organisation (SSO), under the Ministry of Labour and Social Welfare (MoLSW), implements "
     "the decree.", ("social-security-organisation", "decree-no-45-on-the-voluntary-scheme")),
    ("El Instituto de Previsión Social (IPS), adscrito al Ministerio de Trabajo, administra el "
     "Programa de Pensiones Solidarias.",
     ("instituto-de-prevision-social", "programa-de-pensiones-solidarias")),
    ("La Caisse Nationale de Sécurité Sociale (CNSS), placée sous la tutelle du Ministère du "
     "Travail, gère le Régime des Travailleurs Indépendants.",
     ("caisse-nationale-de-securite-sociale", "regime-des-travailleurs-independants")),
])
def test_agent_with_an_aside_on_where_it_sits(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                             expected: tuple[str, str]) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.implements)
    assert expected in found
    assert not any(agent.startswith("minist") for agent, _ in found)


@pytest.mark.parametrize(("body", "coverage", "implements"), [
    ("Workers in the informal economy in the Republic of Kenya can now join the National Social "
     "Security Fund (NSSF) through a new Voluntary Pension Scheme.",
     {("voluntary-pension-scheme", "informal-economy-workers")},
     {("national-social-security-fund", "voluntary-pension-scheme")}),
    ("Domestic workers in Kenya can now join the Voluntary Pension Scheme.",
     {("voluntary-pension-scheme", "domestic-workers")}, set()),
])
def test_groups_of_a_place_joining(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                   coverage: set[tuple[str, str]],
                                   implements: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == coverage
    assert slug_pairs(facts, SPKG.implements) == implements


@pytest.mark.parametrize(("body", "expected"), [
    ("The Ministry asked the ILO to assess how unemployment protection under the Employment "
     "Insurance System could be extended to self-employed workers.", set()),
    ("The ministry studied whether the Employment Insurance System should cover self-employed "
     "workers.", set()),
    ("The Employment Insurance System covers self-employed workers.",
     {("employment-insurance-system", "self-employed-workers")}),
])
def test_a_question_is_no_coverage(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                   expected: set[tuple[str, str]]) -> None:
    assert pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo) == expected


def test_a_name_inside_a_quoted_title_is_not_what_is_implemented(tmp_path: Path,
                                                                  gazetteer: Gazetteer) -> None:
    body = ("Le projet « Appui à la mise en œuvre de la Politique nationale de protection "
            "sociale », mis en œuvre par le BIT et l'UNICEF, accompagne l'Office national "
            "d'assurance-vieillesse.")
    found = pairs(tmp_path, gazetteer, body, SPKG.implementedBy,
                  title="Protection sociale en Haïti")
    assert found and not any(s.startswith("politique") for s, _ in found)
    assert all(s.startswith("appui") for s, _ in found)


@pytest.mark.parametrize(("body", "expected"), [
    ("Unemployment insurance was introduced by Law No. 78 of 2006; it covers nationals and "
     "migrant workers.", {("law-no-78-of-2006", "unemployment")}),
    ("Sickness and maternity benefits were introduced by Decree No. 5 of 2020 for domestic "
     "workers.", {("decree-no-5-of-2020", "sickness"), ("decree-no-5-of-2020", "maternity")}),
    ("The Social Security Act 2019 introduced unemployment insurance and a maternity benefit.",
     {("social-security-act-2019", "unemployment"), ("social-security-act-2019", "maternity")}),
    ("The Social Security Act 2019 introduced a new contribution rate.", set()),
    ("A new contribution rate was introduced by the Social Security Act 2019.", set()),
])
def test_branches_a_law_introduces(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                   expected: set[tuple[str, str]]) -> None:
    assert pairs(tmp_path, gazetteer, body, SPKG.coversContingency) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a short complement of the programme before the relative clause of its agent
    ("The National Social Security Fund (NSSF) was set up in 1990. In 2022 the ILO reviewed the "
     "Home Care Programme for older persons that the NSSF ran from 2019 to 2022.",
     ("national-social-security-fund", "home-care-programme")),
    # a scheme named as a social security institution's, by a possessive
    ("The National Social Security Fund (NSSF) was set up in 1990. The NSSF's Workers "
     "Compensation Scheme pays benefits to injured workers.",
     ("national-social-security-fund", "workers-compensation-scheme")),
])
def test_implements_of_a_complement_or_possessive(tmp_path: Path, gazetteer: Gazetteer,
                                                   body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(tmp_path, gazetteer, body, SPKG.implements)


def test_receiving_what_is_no_benefit_is_no_coverage(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    body = ("Law No. 45 of 2023 on Pensions was approved in April. Under it, domestic workers "
            "can receive discounts on transport.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)
