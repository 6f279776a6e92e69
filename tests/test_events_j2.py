"""Events and their relations (issue 16, task J2): members of a body trained, a body that
took part in a training, trainings planned ("is scheduled", "will be trained"), a bare
meeting placed in a town and dated to its day, earthquakes that struck on a day, and a
disaster that opens the sentence not dated by the main clause's date; made-up sentences,
with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs
from rdflib import RDF

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.records import Fact
from spkg.namespace import SPKG


def _trainings(facts: list[Fact]) -> set[str]:
    return {str(f.subject).rsplit("/", 1)[-1] for f in facts
            if f.predicate == RDF.type and f.object == SPKG.Training}


def _dates(facts: list[Fact]) -> set[tuple[str, str]]:
    return {(str(f.subject).rsplit("/", 1)[-1], str(f.object)) for f in facts
            if f.predicate == SPKG.date}


def test_members_of_a_body_were_trained(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Members of the Zelkor Chamber of Commerce and Industry (ZCCI) were trained in "
            "Mwanza in September 2024 on business continuity.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Tanzania")
    event = "zelkor-chamber-of-commerce-and-industry-training-2024-09"
    assert _trainings(facts) == {event}
    assert (event, "zelkor-chamber-of-commerce-and-industry") in slug_pairs(
        facts, SPKG.participant)


def test_a_body_took_part_in_a_training(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In March 2024 the National Union of Zelkor Workers (NUZW) took part in an "
            "occupational safety and health training in Lusaka.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    event = "national-union-of-zelkor-workers-training-2024-03"
    assert _trainings(facts) == {event}
    assert (event, "national-union-of-zelkor-workers") in slug_pairs(facts, SPKG.participant)
    assert (event, "lusaka") in slug_pairs(facts, SPKG.locatedIn)


def test_taking_part_in_a_workshop_is_no_training(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In March 2024 the National Union of Zelkor Workers (NUZW) took part in the "
            "review of the pension law.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    assert not _trainings(facts)


def test_a_training_scheduled_for_a_month(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Zorgraad Insurance Board (ZIB) runs the pension scheme. A training for ZIB "
            "claims officers is scheduled in Lusaka for November 2024.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    assert _trainings(facts) == {"zorgraad-insurance-board-training-2024-11"}


def test_staff_who_will_be_trained_over_three_days(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Staff of the Zelkor Social Security Fund will be trained in Mombasa from 14 to "
            "16 October 2024 on the registration of self-employed workers.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Kenya")
    event = "zelkor-social-security-fund-training-2024-10-14"
    assert _trainings(facts) == {event}
    assert (event, "2024-10-14") in _dates(facts)
    assert (event, "mombasa") in slug_pairs(facts, SPKG.locatedIn)


def test_a_bare_meeting_in_a_town_on_a_day(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The findings were presented to donors at a meeting in Mombasa on 21 May 2023."
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Kenya")
    assert ("meeting-2023-05-21", "2023-05-21") in _dates(facts)
    assert ("meeting-2023-05-21", "mombasa") in slug_pairs(facts, SPKG.locatedIn)


def test_a_meeting_dated_by_its_year_or_of_a_body_is_no_gathering(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Board held a meeting in Mombasa in 2023 to review the plan. A meeting of the "
            "Zelkor Pension Board on 4 May 2023 approved the budget.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Kenya")
    assert not {s for s, _ in _dates(facts) if s.startswith("meeting-")}


def test_earthquakes_that_struck_on_a_day(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("After the earthquakes that struck Kagera region on 10 September 2016, a cash "
            "transfer was paid to 3,000 households.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Tanzania")
    assert ("earthquakes-2016-09-10", "2016-09-10") in _dates(facts)


def test_a_fronted_disaster_takes_no_date_of_the_main_clause(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("During the COVID-19 pandemic the Zelkor Social Security Fund (ZSSF) introduced "
            "a temporary unemployment benefit in April 2020.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Kenya")
    assert not {d for s, d in _dates(facts) if s == "covid-19-pandemic"}


def test_a_fronted_storm_keeps_the_date_it_struck(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "After Cyclone Zelda struck Mombasa on 3 March 2023, the Fund paid a top-up."
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Kenya")
    assert ("cyclone-zelda", "2023-03-03") in _dates(facts)


def test_staff_trained_in_spanish_with_a_reflexive_verb(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("El Servicio Nacional de Empleo (SENAE) gestiona el subsidio. Del 3 al 5 de febrero "
            "de 2025, personal del SENAE se formó en Valparaíso sobre la aplicación del nuevo "
            "subsidio.")
    facts = page_facts(tmp_path, gazetteer, body, "Protección social en Chile")
    event = "servicio-nacional-de-empleo-training-2025-02-03"
    assert _trainings(facts) == {event}
    assert (event, "valparaiso") in slug_pairs(facts, SPKG.locatedIn)


def test_a_spanish_storm_that_struck_on_a_day(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Tras la dana que asoló la provincia de Valparaíso el 29 de octubre de 2024, el "
            "instituto tramitó de oficio las solicitudes. La dana es un fenómeno frecuente.")
    facts = page_facts(tmp_path, gazetteer, body, "Protección social en Chile")
    assert {s for s, _ in _dates(facts)} == {"dana-2024-10-29"}


def _launches(facts: list[Fact]) -> set[str]:
    return {str(f.subject).rsplit("/", 1)[-1] for f in facts
            if f.predicate == RDF.type and f.object == SPKG.Launch}


def test_a_programme_introduced_in_a_month_is_launched(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Act turns the temporary Unemployment Support Programme, introduced in May "
            "2023, into a permanent branch of the scheme.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    assert _launches(facts) == {"unemployment-support-programme-launch-2023-05"}


def test_introduced_in_a_year_or_by_a_body_is_no_launch(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Zelkor Disability Allowance, introduced in 2019, supports persons with "
            "disabilities. The Fund introduced a new benefit in May 2023.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    assert not _launches(facts)
