"""Events of fresh-9's error classes, on made-up sentences in English, French, Spanish and
Portuguese (issue 16): the body trained takes part in its training."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


@pytest.mark.parametrize(("body", "event", "body_slug"), [
    ("In May 2021 the ILO trained officers of the National Social Security Fund in Nakuru.",
     "national-social-security-fund-training-2021-05", "national-social-security-fund"),
    ("A training session for 40 inspectors of the Workers Compensation Board was held in "
     "Meru on 3 May 2022.", "workers-compensation-board-training-2022-05-03",
     "workers-compensation-board"),
    ("Le BIT a formé 30 agents de la Caisse nationale de retraite à Dakar en mars 2022.",
     "caisse-nationale-de-retraite-training-2022-03", "caisse-nationale-de-retraite"),
    ("En abril de 2021 la OIT capacitó a 25 funcionarios del Instituto de Previsión Social "
     "en Asunción.", "instituto-de-prevision-social-training-2021-04",
     "instituto-de-prevision-social"),
])
def test_the_body_trained_takes_part_in_its_training(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str, body_slug: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert (event, body_slug) in slug_pairs(facts, SPKG.participant)
    assert not {(s, o) for s, o in slug_pairs(facts, SPKG.concerns) if s == event}


@pytest.mark.parametrize(("body", "event", "body_slug"), [
    # planned, and the trainees after "destinée aux", from the first day of the range
    ("Une formation destinée aux agents de la Caisse nationale de retraite se tiendra à "
     "Thiès du 8 au 10 octobre 2023.", "caisse-nationale-de-retraite-training-2023-10-08",
     "caisse-nationale-de-retraite"),
    ("Una capacitación dirigida a funcionarios del Instituto de Previsión Social se "
     "realizará en Encarnación el 4 de mayo de 2024.",
     "instituto-de-prevision-social-training-2024-05-04", "instituto-de-prevision-social"),
    ("The ILO will train social security officers of the National Pension Authority in "
     "Jinja in March 2025.", "national-pension-authority-training-2025-03",
     "national-pension-authority"),
    ("A OIT formou técnicos do Instituto Nacional de Previdência Social em junho de 2020.",
     "instituto-nacional-de-previdencia-social-training-2020-06",
     "instituto-nacional-de-previdencia-social"),
    # the short name of a body named in full before is that body
    ("The Pension Fund of Ruritania runs the scheme. In April 2022 the ILO trained "
     "specialists of the Pension Fund in Osh.", "pension-fund-of-ruritania-training-2022-04",
     "pension-fund-of-ruritania"),
])
def test_more_forms_of_a_training(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                  event: str, body_slug: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    assert (event, body_slug) in slug_pairs(facts, SPKG.participant), slug_pairs(
        facts, SPKG.participant)


def test_a_french_training_range_has_its_end(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Une formation destinée aux agents de la Caisse nationale de retraite se tiendra à "
            "Thiès du 8 au 10 octobre 2023.")
    facts = page_facts(tmp_path, gazetteer, body, "La protection sociale au Sénégal")
    ends = {(s, o) for s, o in slug_pairs(facts, SPKG.endDate)}
    assert ("caisse-nationale-de-retraite-training-2023-10-08", "2023-10-10") in ends, ends


@pytest.mark.parametrize(("body", "event"), [
    ("The findings were discussed at the National Social Protection Dialogue in Lusaka on "
     "20-21 February 2024, organised by the Ministry of Finance.",
     "national-social-protection-dialogue-2024-02-20"),
    ("The plan was validated at the Regional Pensions Workshop in Kigali on 3 May 2022.",
     "regional-pensions-workshop-2022-05-03"),
])
def test_a_named_gathering_held_in_a_town_is_named_without_it(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Ruritania")
    dated = {s for s, _ in slug_pairs(facts, SPKG.date)}
    assert event in dated, dated


@pytest.mark.parametrize(("body", "title", "event"), [
    ("Decreto Presidencial N° 12-2018, in force since 16 April 2018, amends the pension "
     "rules.", "Social protection in Ruritania",
     "decreto-presidencial-n-12-2018-entry-into-force-2018-04-16"),
    ("La loi n° 12-04 du 5 mars 2012, en vigueur depuis le 1er juillet 2012, couvre les "
     "artisans.", "La protection sociale au Sénégal", "loi-n-12-04-entry-into-force-2012-07-01"),
    ("The Social Security Act 2019, in force from 1 January 2020, covers domestic workers.",
     "Social protection in Ruritania", "social-security-act-2019-entry-into-force-2020-01-01"),
])
def test_an_in_force_aside_dates_the_entry_into_force(
        tmp_path: Path, gazetteer: Gazetteer, body: str, title: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, title)
    assert event in {s for s, _ in slug_pairs(facts, SPKG.concerns)}


@pytest.mark.parametrize(("body", "title", "event", "wrong"), [
    ("The Parliament approved Law No. 48 on Social Security on 3 May 2024. The law replaces "
     "Law No. 12 of 2008 and entered into force on 1 January 2025.",
     "Social protection in Ruritania",
     "law-no-48-on-social-security-entry-into-force-2025-01-01", "law-no-12"),
    ("El Congreso aprobó la Ley N° 77 el 3 de mayo de 2024. La ley sustituye a la Ley N° 9 y "
     "entró en vigor el 1 de enero de 2025.", "La protección social en Ruritania",
     "ley-n-77-entry-into-force-2025-01-01", "ley-n-9"),
])
def test_the_object_of_a_first_verb_is_not_what_entered_into_force(
        tmp_path: Path, gazetteer: Gazetteer, body: str, title: str, event: str,
        wrong: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, title)
    events = {s for s, _ in slug_pairs(facts, SPKG.concerns)}
    assert event in events, events
    assert not any(e.startswith(f"{wrong}-entry-into-force") for e in events), events


def test_a_training_of_people_is_located_in_every_town_listed(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In September 2023 the ILO and the Ministry of Labour trained community "
            "councillors in Lusaka and Ndola on grievance handling.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    assert {("training-2023-09", "lusaka"), ("training-2023-09", "ndola")} <= slug_pairs(
        facts, SPKG.locatedIn)
