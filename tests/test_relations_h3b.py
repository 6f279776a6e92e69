"""Coverage read from made-up sentences (second round): risks listed after "for" in four
languages, branch names with an article or a benefit noun, and look-alikes that give none."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import ORG, SPKG


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object,
          title: str = "Social protection in Ghana") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title), predicate)


@pytest.mark.parametrize(("body", "law", "group", "branches"), [
    ("Since 1 March 2020 the Social Security Fund Act covers domestic workers for sickness, "
     "maternity and old age.", "social-security-fund-act", "domestic-workers",
     {"sickness", "maternity", "old-age"}),
    ("The Rural Pension Scheme covers smallholder farmers for old age, invalidity and "
     "survivors' benefits.", "rural-pension-scheme", "smallholder-farmers",
     {"old-age", "invalidity", "survivors"}),
    ("Desde el 1 de enero de 2020 la Ley de Seguridad Social cubre a los trabajadores "
     "domésticos por enfermedad, maternidad y vejez.", "ley-de-seguridad-social",
     "trabajadores-domesticos", {"sickness", "maternity", "old-age"}),
])
def test_risks_listed_after_for(tmp_path: Path, gazetteer: Gazetteer, body: str, law: str,
                                group: str, branches: set[str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ghana")
    covered = slug_pairs(facts, SPKG.coversContingency)
    assert {(law, b) for b in branches} <= covered
    groups = {g for s, g in slug_pairs(facts, SPKG.extendsCoverageTo) if s == law}
    assert group in groups
    # the risks end the group's name: no "domestic-workers-for-sickness"
    assert not {g for g in groups if g.startswith(f"{group}-")}


@pytest.mark.parametrize("body", [
    # "for" followed by no risk: a purpose or a time, not a contingency list
    "The Social Security Fund Act covers domestic workers for the first time.",
    "The Rural Pension Scheme covers smallholder farmers for five years.",
])
def test_for_without_a_risk_gives_no_contingency(tmp_path: Path, gazetteer: Gazetteer,
                                                 body: str) -> None:
    assert not pairs(tmp_path, gazetteer, body, SPKG.coversContingency)


@pytest.mark.parametrize(("body", "scheme", "group"), [
    ("The Senior Citizens Grant (SCG) is paid every month by the Ministry of Gender and "
     "Social Protection (MoGSP) to residents aged 65 and over.", "senior-citizens-grant",
     "residents-aged-65-and-over"),
    ("The Elderly Pension, introduced in 2011, is paid by the Department of Social Welfare "
     "to all persons aged 70 and over.", "elderly-pension", "persons-aged-70-and-over"),
    ("The NSSA, which also pays the Old-age Social Pension to all citizens aged 68 and "
     "over, held a meeting in Harare.", "old-age-social-pension", "citizens-aged-68-and-over"),
])
def test_a_scheme_paid_to_people_covers_them(tmp_path: Path, gazetteer: Gazetteer,
                                             body: str, scheme: str, group: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ghana")
    assert (scheme, group) in slug_pairs(facts, SPKG.extendsCoverageTo)
    # people named by an old age: the old age contingency, by the existing rule
    assert (scheme, "old-age") in slug_pairs(facts, SPKG.coversContingency)
    # the payer is no scheme: no coverage of its own
    assert {s for s, _ in slug_pairs(facts, SPKG.extendsCoverageTo)} == {scheme}


def test_a_plural_law_covers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Social Insurance Regulations 2021 of the Ministry of Labour, in force from "
            "1 March 2022, cover employees of private companies with ten or more workers "
            "against old age and invalidity.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ghana")
    law = "social-insurance-regulations-2021"
    assert {(law, "old-age"), (law, "invalidity")} <= slug_pairs(facts,
                                                                  SPKG.coversContingency)
    assert (law, "employees-of-private-companies-with-ten-or-more-workers") in slug_pairs(
        facts, SPKG.extendsCoverageTo)


@pytest.mark.parametrize("body", [
    # "cover" as a noun, and "to cover" a purpose: no group after the noun's "to"
    "The Domestic Workers Scheme extends maternity and accident cover to domestic workers.",
    "The Ministry uses the Solidarity Fund to cover the costs of farmers' pensions.",
])
def test_cover_as_a_noun_or_a_purpose(tmp_path: Path, gazetteer: Gazetteer,
                                      body: str) -> None:
    groups = {g for _, g in pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)}
    assert not {g for g in groups if g.startswith(("to-", "the-costs"))}


@pytest.mark.parametrize(("body", "part", "whole"), [
    ("It is run by the Instituto Nacional de Previdência Social (INPS), which operates under "
     "the Ministério do Trabalho e Segurança Social (MTSS).",
     "instituto-nacional-de-previdencia-social", "ministerio-do-trabalho-e-seguranca-social"),
    ("The Ministry of Labour (MoL) administers the new domestic workers scheme through its "
     "Department of Labour Inspection.", "department-of-labour-inspection",
     "ministry-of-labour"),
])
def test_a_unit_the_text_places_inside_a_body(tmp_path: Path, gazetteer: Gazetteer,
                                              body: str, part: str, whole: str) -> None:
    assert (part, whole) in pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)


def test_through_its_when_no_body_is_the_subject(tmp_path: Path,
                                                 gazetteer: Gazetteer) -> None:
    # the subject is a law: "its" is the law's, no body's unit
    body = ("In 2023 the Social Security Act was applied through its Department of Labour "
            "Inspection rules.")
    assert not pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)


def test_from_that_date_it_covers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    # "From that date" points back to a date: "it" is the law of the sentence before; the
    # first "por" (in the group's name) opens no risks, the "for" after it does
    body = ("The Social Insurance Law entered into force on 1 January 2022. From that date it "
            "covers domestic workers and trabajadores por cuenta propia for sickness and "
            "old age.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ghana")
    law = "social-insurance-law"
    assert {(law, "sickness"), (law, "old-age")} <= slug_pairs(facts, SPKG.coversContingency)
    assert (law, "domestic-workers") in slug_pairs(facts, SPKG.extendsCoverageTo)


def test_work_related_injuries_name_employment_injury(tmp_path: Path,
                                                      gazetteer: Gazetteer) -> None:
    body = ("The Workers Compensation Scheme covers employees of registered firms for "
            "work-related injuries and occupational diseases.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ghana")
    assert ("workers-compensation-scheme", "employment-injury") in slug_pairs(
        facts, SPKG.coversContingency)
    assert ("workers-compensation-scheme", "employees-of-registered-firms") in slug_pairs(
        facts, SPKG.extendsCoverageTo)


def test_commas_between_the_modifiers_of_one_noun(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Since 2021 the Social Insurance Law covers workers of private micro, small and "
            "medium-sized enterprises for sickness and old age.")
    groups = {g for _, g in pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)}
    assert "workers-of-private-micro-small-and-medium-sized-enterprises" in groups
    assert "workers-of-private-micro" not in groups
    # a list of groups is still a list
    body = "The Social Security Act covers artisans, street vendors and farmers."
    assert {("social-security-act", g) for g in ("artisans", "street-vendors", "farmers")} <= (
        pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo))
