"""Coverage, implementation and membership read from made-up sentences in the style of ILO
pages (English, French, Spanish, Portuguese), with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.namespace import ORG, SPKG


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object,
          title: str = "Social protection in Kenya") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title), predicate)


ILO = "international-labour-organization"


@pytest.mark.parametrize(("body", "unit"), [
    ("Support to Fiji is provided by the ILO Office for Pacific Island Countries, based in "
     "Suva.", "ilo-office-for-pacific-island-countries"),
    ("The ILO Country Office for Zambia, Malawi and Mozambique held a workshop in Lusaka.",
     "ilo-country-office-for-zambia-malawi-and-mozambique"),
    ("In 2022 the ILO Decent Work Technical Support Team for North Africa prepared a costing.",
     "ilo-decent-work-technical-support-team-for-north-africa"),
    ("La Oficina de la OIT para los Países Andinos preparó un estudio actuarial.",
     "oficina-de-la-oit-para-los-paises-andinos"),
])
def test_a_unit_named_as_the_ilo_s_is_part_of_the_ilo(tmp_path: Path, gazetteer: Gazetteer,
                                                      body: str, unit: str) -> None:
    assert (unit, ILO) in pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)


@pytest.mark.parametrize("body", [
    # an office of someone else, and the ILO named beside it
    "The Prime Minister's Office and the ILO signed an agreement in Nairobi.",
    "The Country Office of UNICEF worked with the ILO on the costing.",
])
def test_other_offices_are_not_the_ilo_s(tmp_path: Path, gazetteer: Gazetteer,
                                         body: str) -> None:
    assert not {p for p in pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)
                if p[1] == ILO}


@pytest.mark.parametrize(("body", "expected"), [
    # a copula with adjectives between commas, then "for"
    ("Lesotho's Senior Grant is a universal, tax-funded benefit for all residents aged 70 "
     "and over.", ("senior-grant", "residents-aged-70-and-over")),
    # an apposition after the acronym
    ("Since 2018 the state pays the Inua Jamii Pension (IJP), a non-contributory pension for "
     "persons aged 70 and over.", ("inua-jamii-pension", "persons-aged-70-and-over")),
    # the payer named between the scheme and the group
    ("The Elderly Allowance, paid by the Ministry of Gender to residents aged 60 or older, is "
     "financed from the budget.", ("elderly-allowance", "residents-aged-60-or-older")),
])
def test_a_pension_for_people_of_old_age(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                         expected: tuple[str, str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert expected in slug_pairs(facts, SPKG.extendsCoverageTo)
    assert (expected[0], "old-age") in slug_pairs(facts, SPKG.coversContingency)


@pytest.mark.parametrize(("body", "scheme"), [
    ("La Renta Solidaria, una transferencia mensual, cubre a las personas mayores de 65 años.",
     "renta-solidaria"),
    ("Le Programme Solidarité Aînés verse une allocation aux personnes âgées de 65 ans et plus.",
     "programme-solidarite-aines"),
])
def test_old_age_in_spanish_and_french(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                       scheme: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert (scheme, "old-age") in slug_pairs(facts, SPKG.coversContingency)


@pytest.mark.parametrize("body", [
    # health care for older people is medical care, not old age
    "The Elder Health Card covers persons aged 65 and over.",
    # an age that is not old
    "The Youth Start Grant is paid to persons aged 18 and over.",
    # a scheme's name alone says nothing (no cash word outside it)
    "The Ministry runs the Elder Pension Scheme for persons aged 65 and over.",
    "La Pensión Básica Solidaria cubre a las personas mayores de 65 años.",
])
def test_no_old_age_without_an_old_group(tmp_path: Path, gazetteer: Gazetteer,
                                         body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert not {p for p in slug_pairs(facts, SPKG.coversContingency) if p[1] == "old-age"}
