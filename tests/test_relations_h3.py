"""Coverage, implementation and membership read from made-up sentences in the style of ILO
pages (English, French, Spanish, Portuguese), with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.namespace import ORG


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
