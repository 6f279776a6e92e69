"""Gatherings written in French or Spanish, and gatherings over a range of days written in
words ("du 18 au 20 mars", "from 27 to 29 February", "del 3 al 5 de mayo"), on made-up
sentences (spkg.ingest.mentions.events, spkg.ingest.dates, spkg.ingest.rules.gatherings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs
from rdflib import Literal
from rdflib.namespace import XSD

from spkg.ingest.dates import range_start
from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.normalise import find_dates
from spkg.ingest.records import Span
from spkg.namespace import SPKG


def events(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/event/" in str(e.iri)}


def first_day(text: str) -> str | None:
    last = find_dates(text)[-1]
    found = range_start(text, last.span.start, last.literal)
    return None if found is None else str(found)


@pytest.mark.parametrize(("text", "start"), [
    ("la réunion s'est tenue du 7 au 9 avril 2021 à Lomé", "2021-04-07"),
    ("se celebró del 11 al 13 de octubre de 2022", "2022-10-11"),
    ("it met from 14 to 16 June 2023", "2023-06-14"),
    ("entre el 2 y el 4 de agosto de 2021", "2021-08-02"),
    ("les 8 et 9 septembre 2020", "2020-09-08"),
    ("from 29 September to 1 October 2021", "2021-09-29"),
    ("du 29 septembre au 1er octobre 2021", "2021-09-29"),
])
def test_a_range_in_words_starts_on_its_first_day(text: str, start: str) -> None:
    assert first_day(text) == start


@pytest.mark.parametrize("text", [
    "workers aged 15 to 20 March 2020",  # no word opens a range
    "on 2 May 2019 and 5 May 2021",  # two dates, each with its year
    "some 40 officers and 3 May 2022",
])
def test_words_that_open_no_range_give_none(text: str) -> None:
    assert first_day(text) is None


def test_a_range_start_needs_a_day() -> None:
    assert range_start("du 3 au mai 2022", 9, Literal("2022-05", datatype=XSD.gYearMonth)) is None


def test_french_and_spanish_gatherings_are_named_by_their_noun_phrase(
        gazetteer: Gazetteer) -> None:
    text = ("Les syndicats ont participé à un atelier tripartite de validation tenu à Kara du "
            "7 au 9 avril 2021. Un taller nacional se realizó en Cusco el 3 de mayo de 2022. "
            "A mesa técnica met in Quito on 6 June 2023.")
    assert events(text, gazetteer) == {
        "event/atelier-tripartite-de-validation-2021-04-07",
        "event/taller-nacional-2022-05-03",
        "event/mesa-tecnica-2023-06-06"}


def test_a_bare_or_definite_romance_head_or_an_undated_one_is_no_event(
        gazetteer: Gazetteer) -> None:
    text = ("L'atelier du 7 avril 2021 a été reporté. La réunion du conseil a eu lieu le "
            "3 mai 2022. Una mesa fue comprada el 2 de junio de 2021. Un séminaire national "
            "est prévu. He is a taller man than his brother, born on 2 May 1990.")
    assert events(text, gazetteer) == set()


def test_a_french_gathering_over_days_has_its_date_and_end_date(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer,
                       "Le Ministère du Travail a présenté le projet lors d'un atelier national "
                       "tenu à Kara du 7 au 9 avril 2021.", title="Protection sociale au Togo")
    event = "atelier-national-2021-04-07"
    assert (event, "2021-04-07") in slug_pairs(facts, SPKG.date)
    assert (event, "2021-04-09") in slug_pairs(facts, SPKG.endDate)
    assert (event, "kara") in slug_pairs(facts, SPKG.locatedIn)


def test_a_gathering_named_before_is_organised_supported_and_attended_in_french(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le Ministère du Travail a présenté le projet lors d'un atelier national tenu à "
            "Kara du 7 au 9 avril 2021. L'atelier était organisé par le Ministère du Travail, "
            "avec l'appui de l'OIT et de l'UNICEF. "
            "La Confédération syndicale des travailleurs du Togo a pris part aux travaux.")
    facts = page_facts(tmp_path, gazetteer, body, title="Protection sociale au Togo")
    event = "atelier-national-2021-04-07"
    assert {e for e, _ in slug_pairs(facts, SPKG.organisedBy)} == {event}
    assert {(e, o) for e, o in slug_pairs(facts, SPKG.supportedBy) if e == event} == {
        (event, "international-labour-organization"), (event, "united-nations-childrens-fund")}
    assert {e for e, _ in slug_pairs(facts, SPKG.participant)} == {event}


def test_spanish_organisers_and_participants_of_a_gathering(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Un taller nacional fue organizado por el Ministerio de Trabajo en Cusco el 3 de "
            "mayo de 2022, con la participación de la Confederación General de Trabajadores "
            "del Perú.")
    facts = page_facts(tmp_path, gazetteer, body, title="Protección social en el Perú")
    event = "taller-nacional-2022-05-03"
    assert {e for e, _ in slug_pairs(facts, SPKG.organisedBy)} == {event}
    assert {e for e, _ in slug_pairs(facts, SPKG.participant)} == {event}


def test_took_part_in_points_back_only_at_a_gathering_not_at_its_topic(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national workshop was held in Kisumu on 4 March 2022. The Central Organization "
            "of Trade Unions took part in the drafting of the National Social Protection "
            "Policy.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.participant) == set()


def test_a_gathering_on_a_named_text_is_named_by_its_words_unless_a_meeting_rule_reads_it(
        gazetteer: Gazetteer) -> None:
    text = ("A validation workshop on the National Health Financing Strategy was held in "
            "Gulu on 2 March 2022. A seminar on social security for domestic workers took "
            "place in Lira on 9 May 2022.")
    assert events(text, gazetteer) == {"event/validation-workshop-2022-03-02",
                                       "event/seminar-2022-05-09"}
    # the relation side names this one after its topic (<law>-meeting-<date>)
    hosted = ("The Ministry of Labour hosted a consultation workshop on the draft Pensions "
              "Act on 4 June 2022.")
    assert events(hosted, gazetteer) == set()


def test_it_and_a_place_and_date_before_by_still_give_the_organisers_and_supporters(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national validation workshop on the National Health Financing Strategy was "
            "held in Gulu on 2 March 2022. It was organised by the Ministry of Health with the "
            "support of the World Health Organization. A technical workshop on the National "
            "Pensions Policy was organised in Lira on 9 May 2022 by the Ministry of Labour "
            "with the support of UNICEF.")
    facts = page_facts(tmp_path, gazetteer, body, title="Social protection in Uganda")
    organised = slug_pairs(facts, SPKG.organisedBy)
    assert {e for e, _ in organised} == {"national-validation-workshop-2022-03-02",
                                         "technical-workshop-2022-05-09"}
    supported = {e for e, _ in slug_pairs(facts, SPKG.supportedBy)}
    assert {"national-validation-workshop-2022-03-02",
            "technical-workshop-2022-05-09"} <= supported


def test_those_a_gathering_on_a_topic_was_held_with_took_part(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour convened a national conference on the draft law in Gulu "
            "on 2 March 2022 with the Federation of Uganda Employers and the National "
            "Organisation of Trade Unions.")
    facts = page_facts(tmp_path, gazetteer, body, title="Social protection in Uganda")
    assert {o for e, o in slug_pairs(facts, SPKG.participant)
            if e == "national-conference-2022-03-02"} == {
        "federation-of-uganda-employers", "national-organisation-of-trade-unions"}


def test_french_and_spanish_gatherings_named_with_a_capital(gazetteer: Gazetteer) -> None:
    text = ("La Conférence nationale sur la sécurité sociale s'est tenue à Dakar le 4 juin "
            "2021. El Foro Regional se celebró en Quito el 9 de junio de 2022. L'Atelier "
            "régional d'évaluation a eu lieu du 3 au 5 mars 2020 à Lomé.")
    assert events(text, gazetteer) == {
        "event/conference-nationale-sur-la-securite-sociale-2021-06-04",
        "event/foro-regional-2022-06-09",
        "event/atelier-regional-devaluation-2020-03-03"}


def test_capitalised_heads_that_name_no_gathering(gazetteer: Gazetteer) -> None:
    text = ("El Congreso Nacional aprobó la ley en 2023. El Foro Nacional de Diálogo Social "
            "se reunió. La Mesa de Diálogo Social fue creada. Le Forum a été un succès.")
    assert events(text, gazetteer) == set()


def test_those_a_text_is_presented_to_or_who_validate_it_at_a_gathering_take_part(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO presented the results of its costing study to the Ministry of Finance at "
            "a technical seminar in Gulu on 6 May 2022. The Federation of Uganda Employers "
            "validated the draft policy at a national workshop in Lira on 9 June 2022.")
    facts = page_facts(tmp_path, gazetteer, body, title="Social protection in Uganda")
    assert slug_pairs(facts, SPKG.participant) == {
        ("technical-seminar-2022-05-06", "ministry-of-finance"),
        ("national-workshop-2022-06-09", "federation-of-uganda-employers")}


def test_a_text_presented_without_a_gathering_gives_no_participant(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO presented the results of its costing study to the Ministry of Finance in "
            "May 2022, before a national workshop in Lira on 9 June 2022.")
    facts = page_facts(tmp_path, gazetteer, body, title="Social protection in Uganda")
    assert slug_pairs(facts, SPKG.participant) == set()


def test_a_date_after_a_french_or_spanish_article_dates_a_gathering(
        gazetteer: Gazetteer) -> None:
    text = ("Le 14 mars 2023, une réunion technique s'est tenue à Kayes. El 9 de mayo de 2022 "
            "se llevó a cabo una reunión técnica en Cusco.")
    assert events(text, gazetteer) == {"event/reunion-technique-2023-03-14",
                                       "event/reunion-tecnica-2022-05-09"}


def test_a_fronted_organiser_a_topic_and_inverted_participants_in_french_and_spanish(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    french = ("Un atelier national de validation de la Stratégie nationale de protection "
              "sociale s'est tenu à Kara du 8 au 10 mai 2023. Organisé par le Ministère du "
              "Travail, avec l'appui technique de l'OIT, l'atelier a réuni la Confédération "
              "syndicale des travailleurs du Togo (CSTT).")
    facts = page_facts(tmp_path, gazetteer, french, title="Protection sociale au Togo")
    event = "atelier-national-de-validation-2023-05-08"
    assert {e for e, _ in slug_pairs(facts, SPKG.organisedBy)} == {event}
    assert (event, "international-labour-organization") in slug_pairs(facts, SPKG.supportedBy)
    assert {e for e, _ in slug_pairs(facts, SPKG.participant)} == {event}
    assert {e for e, _ in slug_pairs(facts, SPKG.concerns)} == {event}
    spanish = ("Un taller nacional se realizó en Cusco el 3 de mayo de 2023. En el taller "
               "participaron la Confederación General de Trabajadores del Perú (CGTP) y la "
               "Sociedad Nacional de Industrias (SNI).")
    facts = page_facts(tmp_path, gazetteer, spanish, title="Protección social en el Perú")
    assert {o for e, o in slug_pairs(facts, SPKG.participant)
            if e == "taller-nacional-2023-05-03"} == {
        "confederacion-general-de-trabajadores-del-peru", "sociedad-nacional-de-industrias"}


def test_a_gathering_named_after_the_sentence_that_says_people_met(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Officials of the Ministry of Labour and the Federation of Uganda Employers met in "
            "Gulu on 6-7 June 2023 to discuss the draft regulations. The national consultation "
            "was organised by the Ministry of Gender, Labour and Social Development.")
    facts = page_facts(tmp_path, gazetteer, body, title="Social protection in Uganda")
    event = "national-consultation-2023-06-06"
    assert (event, "2023-06-07") in slug_pairs(facts, SPKG.endDate)
    assert (event, "gulu") in slug_pairs(facts, SPKG.locatedIn)
    assert {o for e, o in slug_pairs(facts, SPKG.participant) if e == event} == {
        "ministry-of-labour", "federation-of-uganda-employers"}
    assert {e for e, _ in slug_pairs(facts, SPKG.organisedBy)} == {event}


def test_the_gathering_alone_after_a_sentence_without_a_meeting_is_none(
        gazetteer: Gazetteer) -> None:
    text = ("The Ministry published the regulations on 6 June 2023. The national consultation "
            "was organised by the Ministry.")
    assert events(text, gazetteer) == set()
