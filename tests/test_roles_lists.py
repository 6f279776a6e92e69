"""Event roles and implementers in forms the rules once missed (issue 16): what a gathering
on "the ratification of" an instrument concerns, participants after "organised by A, with
B", organisers past a "(No. 183)", and the head body of "A of the B, which runs X".
Made-up sentences about a made-up Kenyan setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def _without_date(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """(event slug without its date, object slug)."""
    return {(s.rsplit("-", 3)[0], o) for s, o in pairs}


@pytest.mark.parametrize(("body", "expected"), [
    ("A validation workshop on the ratification of the Social Security (Minimum Standards) "
     "Convention, 1952 (No. 102) took place in Mombasa on 4 March 2023.",
     ("validation-workshop", "c102")),
    ("A tripartite round table on the ratification of the Maternity Protection Convention, "
     "2000 (No. 183) was held in Nairobi on 6 June 2024.",
     ("tripartite-round-table", "c183")),
])
def test_a_gathering_on_what_is_done_to_an_instrument(
        tmp_path: Path, gazetteer: Gazetteer, body: str, expected: tuple[str, str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert expected in _without_date(slug_pairs(facts, SPKG.concerns)), body


def test_organiser_and_participants_past_a_convention_number(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A tripartite round table on the ratification of the Maternity Protection "
            "Convention, 2000 (No. 183) was held in Nairobi on 6 June 2024 by the National "
            "Labour Board, with the Federation of Kenya Employers (FKE) and the Central "
            "Organization of Trade Unions (COTU).")
    facts = page_facts(tmp_path, gazetteer, body)
    assert _without_date(slug_pairs(facts, SPKG.organisedBy)) == {
        ("tripartite-round-table", "national-labour-board")}
    assert _without_date(slug_pairs(facts, SPKG.participant)) == {
        ("tripartite-round-table", "federation-of-kenya-employers"),
        ("tripartite-round-table", "central-organization-of-trade-unions")}


def test_the_head_body_runs_what_the_relative_clause_says(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Benefits are paid by the National Social Security Fund of the Ministry of Labour, "
            "which also runs the Orphan Care Programme.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.implements) == {
        ("national-social-security-fund", "orphan-care-programme")}


def test_the_head_body_as_subject(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Social Security Fund of the Ministry of Labour runs the Orphan Care "
            "Programme.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.implements) == {
        ("national-social-security-fund", "orphan-care-programme")}


def test_two_bodies_listed_both_run_it(tmp_path: Path, gazetteer: Gazetteer) -> None:
    # a list, not "A of the B": both act
    body = ("The National Social Security Fund and the Ministry of Labour manage the Orphan Care "
            "Programme.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.implements) == {
        ("national-social-security-fund", "orphan-care-programme"),
        ("ministry-of-labour", "orphan-care-programme")}


def test_a_workshop_on_findings_concerns_no_instrument(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    # the new cue words cover what is done to the text, not anything "of" it
    body = ("A workshop on the findings of the Maternity Protection Convention, 2000 (No. 183) "
            "review was held in Nairobi on 6 June 2024.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert not {o for _, o in slug_pairs(facts, SPKG.concerns) if o == "c183"}


@pytest.mark.parametrize(("body", "expected"), [
    ("The Ministry of Health (MOH) pays a monthly allowance to older persons aged 70 and over "
     "under the Orphan Care Programme.", ("ministry-of-health", "orphan-care-programme")),
    ("In 2022 the National Social Security Fund (NSSF) registered more than 3,000 street "
     "vendors under the Orphan Care Programme.",
     ("national-social-security-fund", "orphan-care-programme")),
])
def test_a_body_paying_or_enrolling_under_an_intervention_runs_it(
        tmp_path: Path, gazetteer: Gazetteer, body: str, expected: tuple[str, str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert expected in slug_pairs(facts, SPKG.implements), body


@pytest.mark.parametrize("body", [
    # a law is the basis people are registered under, not something the body runs
    "In 2022 the National Social Security Fund (NSSF) registered 3,000 street vendors under "
    "the Social Security Act, 2013.",
    # the body pays one intervention named before "under": not clear it runs the second
    "The Ministry of Health pays the Orphan Care Programme benefits under the National "
    "Social Protection Policy.",
])
def test_paying_under_look_alikes(tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert not {o for _, o in slug_pairs(facts, SPKG.implements)
                if "act" in o or "policy" in o}, body


@pytest.mark.parametrize(("body", "expected"), [
    ("Un atelier national s'est tenu à Nairobi le 6 juin 2024, réunissant la Fédération des "
     "employeurs du Kenya (FKE) et la Confédération des travailleurs (COTU).",
     {("atelier-national", "federation-des-employeurs-du-kenya"),
      ("atelier-national", "confederation-des-travailleurs")}),
    ("Um seminário nacional realizado em Nairobi em 6 de junho de 2024 reuniu a Confederação "
     "dos Trabalhadores.", {("seminario-nacional", "confederacao-dos-trabalhadores")}),
])
def test_participants_after_romance_gathering_verbs(
        tmp_path: Path, gazetteer: Gazetteer, body: str,
        expected: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert expected <= _without_date(slug_pairs(facts, SPKG.participant)), body


def test_attended_by_is_no_organiser(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The national workshop held in Nairobi on 6 June 2024 was attended by the "
            "Federation of Kenya Employers (FKE) and the Central Organization of Trade Unions "
            "(COTU).")
    facts = page_facts(tmp_path, gazetteer, body)
    assert not slug_pairs(facts, SPKG.organisedBy)
    assert len(slug_pairs(facts, SPKG.participant)) == 2


_BY_THE_MINISTRY = ("It was presented at a national dialogue in Nairobi on 4 October 2023, "
                    "organised by the Ministry with the Federation of Kenya Employers (FKE) and "
                    "the Central Organization of Trade Unions (COTU).")


def test_participants_after_organised_by_the_ministry_named_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Ministry of Labour prepared a costing of the scheme. " + _BY_THE_MINISTRY
    facts = page_facts(tmp_path, gazetteer, body)
    assert ("national-dialogue", "central-organization-of-trade-unions") in _without_date(
        slug_pairs(facts, SPKG.participant))


def test_no_ministry_named_before_no_list(tmp_path: Path, gazetteer: Gazetteer) -> None:
    # "the Ministry" points at no one: the list after it is not read as its partners
    facts = page_facts(tmp_path, gazetteer, _BY_THE_MINISTRY)
    assert ("national-dialogue", "central-organization-of-trade-unions") not in (
        _without_date(slug_pairs(facts, SPKG.participant)))


def test_participants_after_an_unnamed_acronym_organiser(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Elle a été présentée lors d'un atelier tripartite tenu à Nairobi les 25 et 26 "
            "octobre 2023, organisé par le KXQL avec la Fédération des employeurs du Kenya (FKE) "
            "et la Confédération des travailleurs (COTU).")
    facts = page_facts(tmp_path, gazetteer, body)
    assert {("atelier-tripartite", "federation-des-employeurs-du-kenya"),
            ("atelier-tripartite", "confederation-des-travailleurs")} <= _without_date(
        slug_pairs(facts, SPKG.participant))


def test_support_after_an_unnamed_organiser_is_no_participation(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national workshop was held in Nairobi on 6 June 2024, organised by KXQL with "
            "support from the European Union.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert not slug_pairs(facts, SPKG.participant)
