"""Location, funding and support forms of issue 16 (F4), on made-up sentences in English,
French and Spanish: each test fails without the rule it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


@pytest.mark.parametrize(("title", "body", "project"), [
    ("Social protection in Testland",
     "The ILO and the Ministry of Labour launched the Youth Jobs and Social Protection "
     "Project on 3 May 2023. The project, funded by the European Union, will give 3,000 "
     "young people temporary jobs.", "youth-jobs-and-social-protection-project"),
    ("La protection sociale au Togo",
     "Le BIT a lancé le Projet Jeunesse et Emploi le 3 mai 2023. Le projet, "
     "financé par l'Union européenne, couvrira 3 000 travailleurs.",
     "projet-jeunesse-et-emploi"),
    ("Protección social en Paraguay",
     "La OIT lanzó el Proyecto de Empleo Juvenil el 3 de mayo de 2023. El proyecto, que es "
     "financiado por la Unión Europea, llegará a 3.000 jóvenes.", "proyecto-de-empleo-juvenil"),
])
def test_the_project_named_before_and_funded_in_an_apposition(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str, project: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.fundedBy)
    assert (project, "european-union") in found, found


@pytest.mark.parametrize("body", [
    # another noun than "project": the study is not the project named before
    "The ILO launched the Youth Jobs Project in May 2023. The study, funded by the European "
    "Union, covers 3,000 people.",
    # a participle after more than a comma: the clause is someone else's
    "The ILO launched the Youth Jobs Project in May 2023. The project, the Minister said, "
    "was welcomed by workers funded by the European Union.",
])
def test_no_funder_for_another_noun_or_a_longer_gap(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Testland"),
                       SPKG.fundedBy)
    assert not any(s == "youth-jobs-project" for s, _ in found), found


@pytest.mark.parametrize(("body", "supported"), [
    ("The ILO will continue to support the Ministry of Labour in preparing the by-laws.",
     "ministry-of-labour"),
    ("The ILO has continued to support the National Social Security Fund (NSSF).",
     "national-social-security-fund"),
    ("The ILO continues to support the Ministry of Labour.", "ministry-of-labour"),
])
def test_support_that_goes_on_is_support(
        tmp_path: Path, gazetteer: Gazetteer, body: str, supported: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Kenya"),
                       SPKG.supportedBy)
    assert (supported, "international-labour-organization") in found, found


@pytest.mark.parametrize("body", [
    "The ILO will support the Ministry of Labour in 2026.",  # a plan
    "The ILO plans to continue to support the Ministry of Labour.",
])
def test_planned_support_is_not_read(tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Kenya"),
                       SPKG.supportedBy)
    assert not found, found


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("Social protection in Kenya",
     "The ILO Country Office for Kenya and Uganda is located in Nairobi.",
     ("ilo-country-office-for-kenya-and-uganda", "nairobi")),
    ("Social protection in Kenya", "The National Hospital Insurance Fund is based in Nairobi.",
     ("national-hospital-insurance-fund", "nairobi")),
    ("La protection sociale au Sénégal", "La Caisse de Sécurité Sociale est basée à Dakar.",
     ("caisse-de-securite-sociale", "dakar")),
    ("Protección social en Perú",
     "El Instituto Peruano de Seguridad Social tiene su sede en Lima.",
     ("instituto-peruano-de-seguridad-social", "lima")),
])
def test_a_seat_stated_with_a_copula(tmp_path: Path, gazetteer: Gazetteer, title: str,
                                     body: str, pair: tuple[str, str]) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.locatedIn)
    assert pair in found, found


def test_a_body_merely_in_a_town_has_no_seat(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Testland Workers Union is in Mombasa this week for a meeting."
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Kenya"),
                       SPKG.locatedIn)
    assert ("testland-workers-union", "mombasa") not in found, found
