"""Programmes named by a capitalised word and what the text says they are
(spkg.ingest.entities, spkg.ingest.mentions.romance). Sentences made up for these tests."""

from __future__ import annotations

import pytest
from entity_iris import linked_iris as iris

from spkg.ingest.gazetteer import Gazetteer


def test_a_name_before_cash_transfers_is_a_programme(gazetteer: Gazetteer) -> None:
    text = "The new allowance replaced the Bolsa Familia cash transfers in 2019."
    assert "programme/bolsa-familia" in iris(text, gazetteer)


def test_a_name_with_its_kind_in_apposition_is_a_programme(gazetteer: Gazetteer) -> None:
    text = "Tekopora, the country's largest conditional cash transfer programme, grew."
    assert "programme/tekopora" in iris(text, gazetteer)


@pytest.mark.parametrize("text", [
    "Families in Tanna will receive cash transfers before the cyclone season.",
    "Mariana Lopez, the programme's coordinator, spoke first.",
    "Juan Perez, a farmer with a pension scheme of his own, spoke.",
])
def test_a_verb_or_a_person_before_the_head_gives_no_programme(
        text: str, gazetteer: Gazetteer) -> None:
    assert not any(i.startswith("programme/") for i in iris(text, gazetteer))


def test_an_english_name_takes_the_kind_of_its_bracketed_translation(
        gazetteer: Gazetteer) -> None:
    text = ("The Universal Old-Age Insurance (AVU – Assurance vieillesse universelle) and "
            "the National Pension Fund (CNR – Caisse nationale de retraite) opened in 2021.")
    assert {"programme/universal-old-age-insurance",
            "organisation/national-pension-fund"} <= iris(text, gazetteer)
    assert not any("assurance" in i or "caisse" in i for i in iris(text, gazetteer))


def test_a_lowercase_programme_paid_through_or_run_by_someone(gazetteer: Gazetteer) -> None:
    text = ("Families are paid through the winter heating support programme. The school "
            "meals programme, run by the Ministry of Education, grew. Benefits are paid "
            "under the social protection programme.")
    found = iris(text, gazetteer)
    assert {"programme/winter-heating-support-programme",
            "programme/school-meals-programme"} <= found
    assert "programme/social-protection-programme" not in found


def test_bodies_headed_service_or_team(gazetteer: Gazetteer) -> None:
    text = ("The Federal Pension Service and the Regional Technical Support Team for West "
            "Africa met; the Civil Service and the Public Service Commission did not.")
    found = iris(text, gazetteer)
    assert {"organisation/federal-pension-service",
            "organisation/regional-technical-support-team-for-west-africa",
            "organisation/public-service-commission"} <= found
    assert "organisation/civil-service" not in found
