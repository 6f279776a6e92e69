"""Coverage, implementation and membership forms of real ILO texts (issue 16, the classes of
fresh-10's misses and false hits), on made-up sentences in English, Spanish and Portuguese."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import ORG, SPKG


@pytest.mark.parametrize(("body", "head", "described"), [
    ("The Hope Programme, a cash transfer programme of the Kenya Social Safety Net Project, "
     "is implemented by the National Drought Agency (NDA) and the Department of Social "
     "Development and financed by the World Bank.",
     "hope", "kenya-social-safety-net-project"),
    ("El Programa Esperanza, un programa de transferencias del Proyecto Red de Protección "
     "Social, es ejecutado por el Ministerio de Desarrollo Social.",
     "programa-esperanza", "proyecto-red-de-proteccion-social"),
])
def test_an_apposition_describes_the_head_that_is_implemented(
        tmp_path: Path, gazetteer: Gazetteer, body: str, head: str, described: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.implementedBy)
    assert any(s.startswith(head) for s, _ in found), found
    assert not any(s == described for s, _ in found), found


@pytest.mark.parametrize(("body", "scheme", "law"), [
    ("The Dignity Grant (DG), created by Law No. 4.512, of 3 May 1998 (Social Assistance "
     "Law), pays a monthly amount to persons aged 65 and over.", "dignity-grant", "law-no-4512"),
    ("The Harvest Benefit, established under the Rural Workers Act 2011, was extended to "
     "seasonal farm workers.", "harvest-benefit", "rural-workers-act-2011"),
])
def test_the_law_of_a_creation_aside_is_not_what_covers(
        tmp_path: Path, gazetteer: Gazetteer, body: str, scheme: str, law: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)
    assert any(s == scheme for s, _ in found), found
    assert not any(s == law for s, _ in found), found


def test_a_fund_made_under_a_law_gives_the_law_no_coverage(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Harvest Savings Fund (HSF), set up under the Employment Act 2015, was "
            "extended to workers of the tea industry.")
    assert not slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)


@pytest.mark.parametrize(("body", "law", "amended"), [
    ("Decree No. 210/014 on the insurance of artisans was adopted by the Council of Ministers "
     "on 4 May 2022. It amends Decree No. 110/300 of 2010 on the organisation of the National "
     "Pension Office (NPO) and, since 1 July 2022, covers artisans and fishers for old age.",
     "decree-no-210-014", "decree-no-110-300"),
    ("Le décret n° 2022-014 relatif à l'assurance des artisans a été adopté le 4 mai 2022. Il "
     "modifie le décret n° 2010-300 portant organisation de la Caisse Nationale de Prévoyance "
     "(CNP) et couvre les artisans et les pêcheurs.",
     "decret-n-2022-014", "decret-n-2010-300"),
])
def test_the_amended_law_and_its_title_are_the_first_verbs_object(
        tmp_path: Path, gazetteer: Gazetteer, body: str, law: str, amended: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)
    assert {s for s, _ in found} == {law}, found


@pytest.mark.parametrize("body", [
    "A study prepared by the ILO with funding from the European Union was presented to "
    "members of the Labour Committee in Nairobi.",
    "The ILO met with members of the National Labour Board in Nairobi.",
])
def test_an_audience_of_members_makes_no_one_a_member(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    assert not slug_pairs(page_facts(tmp_path, gazetteer, body), ORG.memberOf)


def test_members_named_as_the_subject_are_members(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Central Organization of Trade Unions (COTU) and the Federation of Kenya "
            "Employers are members of the National Labour Board.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), ORG.memberOf)
    assert ("federation-of-kenya-employers", "national-labour-board") in found, found


def test_the_people_covered_follow_the_contingency_the_verb_names(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Health Insurance Scheme (NHIS) of Kenya covers medical care for "
            "persons aged 65 and over, children under five and pregnant women.")
    facts = page_facts(tmp_path, gazetteer, body)
    groups = {o for _, o in slug_pairs(facts, SPKG.extendsCoverageTo)}
    assert groups == {"persons-aged-65-and-over", "children-under-five", "pregnant-women"}
    assert ("national-health-insurance-scheme", "medical-care") in slug_pairs(
        facts, SPKG.coversContingency)


def test_an_age_and_over_joins_no_items_of_a_list(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Board also pays the Elderly Grant (EG) to women aged 60 and over and men "
            "aged 65 and over who have no pension.")
    groups = {o for _, o in slug_pairs(page_facts(tmp_path, gazetteer, body),
                                       SPKG.extendsCoverageTo)}
    assert {"women-aged-60-and-over", "men-aged-65-and-over"} <= groups, groups


def test_a_scheme_named_after_an_age_and_over_is_no_group_of_the_list(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry pays a monthly benefit to older persons aged 70 and over under the "
            "Elderly Welfare Scheme, and a disability scheme supports persons with severe "
            "disabilities.")
    groups = {o for _, o in slug_pairs(page_facts(tmp_path, gazetteer, body),
                                       SPKG.extendsCoverageTo)}
    assert not any(g.startswith("a-disability") for g in groups), groups


@pytest.mark.parametrize(("body", "agent", "run"), [
    ("Social insurance in Kenya is provided by the National Social Insurance Corporation "
     "(NSIC), which manages the National Provident Fund (NPF), the Civil Pension Scheme (CPS) "
     "and the Work Injury Compensation Scheme (WICS).",
     "national-social-insurance-corporation",
     {"national-provident-fund", "civil-pension-scheme", "work-injury-compensation-scheme"}),
    ("Au Sénégal, l'Institution de Prévoyance Retraite (IPRES) gère le Fonds National de "
     "Retraite (FNR) et le Régime Complémentaire des Cadres (RCC).",
     "institution-de-prevoyance-retraite",
     {"fonds-national-de-retraite", "regime-complementaire-des-cadres"}),
])
def test_a_fund_first_in_the_list_a_body_manages_is_run_too(
        tmp_path: Path, gazetteer: Gazetteer, body: str, agent: str, run: set[str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.implements)
    assert {o for s, o in found if s == agent} == run, found


@pytest.mark.parametrize(("body", "pairs"), [
    ("The Kenya Pension Fund (KPF) reports to the Ministry of Labour, whose Directorate of "
     "Pensions drafted the regulations.",
     {("kenya-pension-fund", "ministry-of-labour"),
      ("directorate-of-pensions", "ministry-of-labour")}),
    ("The National Safety Net Policy 2018-2028 is coordinated by the Social Assistance "
     "Secretariat in the Ministry of Gender and Social Welfare.",
     {("social-assistance-secretariat", "ministry-of-gender-and-social-welfare")}),
    ("The grant is paid by the Department of Community Services, part of the Ministry of Home "
     "Affairs.", {("department-of-community-services", "ministry-of-home-affairs")}),
    ("Pensions are paid by the National Institute of Social Insurance (NISI), which is linked "
     "to the Ministry of Social Security.",
     {("national-institute-of-social-insurance", "ministry-of-social-security")}),
])
def test_a_body_placed_in_a_ministry_is_part_of_it(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pairs: set[tuple[str, str]]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), ORG.subOrganizationOf)
    assert found == pairs, found


def test_a_body_meeting_in_a_ministry_is_no_unit_of_it(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Federation of Kenya Employers met in the Ministry of Labour on 3 May 2023.")
    assert not slug_pairs(page_facts(tmp_path, gazetteer, body), ORG.subOrganizationOf)


@pytest.mark.parametrize("body", [
    "In 2022 the ILO completed an actuarial review of the National Pension Fund. The review "
    "was presented in Mombasa on 8 November 2022 at a tripartite meeting with the Federation "
    "of Kenya Employers.",
    "An actuarial review of the National Pension Fund was validated in Nairobi on 3 May 2023 "
    "at a national workshop.",
])
def test_a_study_presented_at_a_place_and_date_then_at_a_meeting_is_its_topic(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert {o for _, o in found} == {"actuarial-review-of-the-national-pension-fund"}, found


def test_a_scheme_named_only_by_its_law_is_run_as_the_law(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Insurance Board (NIB) administers the contributory scheme set up "
            "under the National Insurance Act, Chapter 35, which covers employed persons.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.implements)
    assert any(s == "national-insurance-board" and o.startswith("national-insurance-act")
               for s, o in found), found


@pytest.mark.parametrize(("body", "pair"), [
    ("Civil servants receive pensions under the Public Service Pensions Act 1962.",
     ("public-service-pensions-act-1962", "civil-servants")),
    ("Informal economy workers receive monthly allowances through the Jamii Support Programme.",
     ("jamii-support-programme", "informal-economy-workers")),
])
def test_groups_that_receive_benefits_under_a_law_are_its_coverage(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)
    assert pair in found, found


def test_groups_that_receive_benefits_from_nothing_named_are_no_coverage(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Social Assistance Act 2015 was adopted in May. Domestic workers receive benefits."
    assert not slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)


@pytest.mark.parametrize(("body", "pair"), [
    ("The Act of 2020 re-established the Jamii Cash Transfer Programme, which is run by the "
     "Ministry of Labour (MoL) and covers about 2 million low-income families.",
     ("jamii-cash-transfer-programme", "low-income-families")),
    ("The Kenya Social Fund (KSF) implements the Hunger Safety Net Programme (HSNP), which "
     "reached about 1.3 million poor households with cash transfers in 2022.",
     ("hunger-safety-net-programme", "poor-households")),
])
def test_the_people_a_scheme_counts_are_its_coverage(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)
    assert pair in found and not any("with" in o for _, o in found), found


def test_households_counted_without_a_modifier_are_no_group(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Emergency Cash Programme reached 68,000 households in the south."
    assert not slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)


def test_a_scheme_provided_to_a_group_covers_it(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Kiribati provides a monthly Elderly Support Scheme (ESS) to all residents aged 67 "
            "and over.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)
    assert found == {("elderly-support-scheme", "residents-aged-67-and-over")}, found


@pytest.mark.parametrize(("body", "law", "amended", "agent"), [
    ("La loi n° 45/2023 portant extension de la sécurité sociale a été promulguée le 3 mars "
     "2023. Elle modifie la loi n° 12/2001 portant Code de la sécurité sociale et sera mise en "
     "œuvre par la Caisse Nationale de Prévoyance Sociale (CNPS).",
     "loi-n-45-2023", "loi-n-12-2001", "caisse-nationale-de-prevoyance-sociale"),
    ("The Social Insurance Act 2023 was passed in May. It amends the Pensions Act 1990 and "
     "will be implemented by the National Social Insurance Agency (NSIA).",
     "social-insurance-act-2023", "pensions-act-1990", "national-social-insurance-agency"),
])
def test_the_amended_law_is_not_what_the_second_passive_implements(
        tmp_path: Path, gazetteer: Gazetteer, body: str, law: str, amended: str,
        agent: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.implementedBy)
    assert found == {(law, agent)}, found
