"""Events and legal acts by general class, on made-up sentences: ratifications, disasters,
adoptions, entry into force, launches (spkg.ingest.mentions.events, spkg.ingest.rules.adoption,
spkg.ingest.rules.lifecycle)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span
from spkg.namespace import SPKG


def events(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).rsplit("/", 1)[-1] for e in link_mentions(mentions, gazetteer)
            if "/event/" in str(e.iri)}


# Ratifications ----------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "event"), [
    ("The new code draws on the Maternity Protection Convention, 2000 (No. 183), which "
     "Kenya ratified on 9 March 2021.", "c183-ratification-2021-03-09"),
    ("Le code s'inspire de la convention n° 102, que le Kenya a ratifiée le 2 mai 2019.",
     "c102-ratification-2019-05-02"),
    ("The reform follows Convention No. 102, ratified by Kenya in 2016, and other texts.",
     "c102-ratification-2016"),
])
def test_an_instrument_named_before_its_ratification_is_ratified_on_the_date(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert {s for s, _ in concerns if "ratification" in s} == {event}


@pytest.mark.parametrize(("body", "events_"), [
    ("In 2021, Kenya ratified Convention No. 102 and Convention No. 183.",
     {"c102-ratification-2021", "c183-ratification-2021"}),
    ("Kenya became the 60th country to ratify Convention No. 102 on 3 May 2021.",
     {"c102-ratification-2021-05-03"}),
    ("En 2019, le Kenya a ratifié la convention n° 183.", {"c183-ratification-2019"}),
])
def test_a_ratification_dated_by_the_opening_or_after_a_list_of_instruments(
        tmp_path: Path, gazetteer: Gazetteer, body: str, events_: set[str]) -> None:
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert {s for s, _ in concerns if "ratification" in s} == events_


@pytest.mark.parametrize("body", [
    "In 2019 the Government said it ratified nothing; Kenya ratified Convention No. 102.",
    "The plan cites Convention No. 102, which Kenya has not ratified, since 2019.",
    "The plan cites Convention No. 102, which Kenya ratified, and the 2019 Act.",
    "The ILO will support Kenya in considering the ratification of Convention No. 102 in 2025.",
])
def test_no_ratification_without_a_dated_verb_of_ratifying(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert not {s for s, _ in concerns if "ratification" in s}


# Disasters --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "event"), [
    ("During the March-April 2019 floods, the Ministry paid a top-up.", "floods-2019-03"),
    ("After the October 2015 earthquake the scheme paid pensions early.",
     "earthquake-2015-10"),
    ("After flash floods hit the capital on 4 May 2022, the Fund paid.",
     "flash-floods-2022-05-04"),
    ("The floods that struck the coast in August 2020 displaced 3,000 families.",
     "floods-2020-08"),
    ("Les inondations qui ont frappé le nord le 12 septembre 2020 ont tout détruit.",
     "inondations-2020-09-12"),
    ("Las inundaciones que afectaron a la costa en marzo de 2017 dejaron damnificados.",
     "inundaciones-2017-03"),
])
def test_a_disaster_dated_by_its_words_or_its_verb_is_an_event(
        text: str, event: str, gazetteer: Gazetteer) -> None:
    assert events(text, gazetteer) == {event}


@pytest.mark.parametrize("text", [
    "The floods hit the north in 2019.",  # points back, or at none in particular
    "Floods hit the region every year.",
    "Floods that hit the coast destroy crops.",
])
def test_an_undated_or_anaphoric_disaster_verb_gives_no_event(
        text: str, gazetteer: Gazetteer) -> None:
    assert events(text, gazetteer) == set()


def test_a_disaster_whose_name_holds_its_year_keeps_that_year_only(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In the north, where the 1999 earthquake still weighs on incomes, the Ministry "
            "of Labour began a pilot in May 2024. The 2017 drought halved harvests.")
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert ("drought-2017", "2017") in dates
    assert not {d for s, d in dates if s == "earthquake-1999" and d != "1999"}


# Adoption and entry into force ------------------------------------------------------------

def test_a_passive_adoption_dated_before_its_adopters_names_them(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Decree No. 45/2021 was adopted on 3 June 2021 by the Ministry of Labour and "
            "the Ministry of Finance. El Decreto Supremo No. 5 fue aprobado el 3 de junio de "
            "2021 por el Ministerio de Trabajo.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.adoptedBy) == {
        ("decree-no-45-2021", "ministry-of-labour"), ("decree-no-45-2021", "ministry-of-finance"),
        ("decreto-supremo-no-5", "ministerio-de-trabajo")}
    assert ("decree-no-45-2021-adoption-2021-06-03", "ministry-of-finance") in slug_pairs(
        facts, SPKG.participant)


def test_a_law_in_apposition_to_what_was_approved_is_adopted(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "In March 2022 the National Assembly approved the labour reform, Law No. 12/2022."
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.adoptedBy) == {("law-no-12-2022", "national-assembly")}
    assert ("law-no-12-2022-adoption-2022-03", "2022-03") in slug_pairs(facts, SPKG.date)


def test_a_reform_of_a_law_is_a_dated_adoption_about_that_law(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Cabinet approved a reform of the Pensions Act on 3 May 2022."
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert ("pensions-act-adoption-2022-05-03", "2022-05-03") in dates


def test_a_publication_date_is_no_adoption_date(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Cabinet approved the Pensions Act, published in the Official Gazette on "
            "16 November 2022.")
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert not {s for s, _ in dates if "adoption" in s}


def test_approving_something_of_a_programme_adopts_no_programme(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Cabinet approved the budget of the Hunger Safety Net Programme in March 2023."
    assert not slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.adoptedBy)


def test_the_subject_not_a_text_in_an_aside_enters_into_force(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The new Pensions Act, approved by the National Assembly on 2 January 2024 and "
            "issued by Decree No. 7, enters into force on 3 July 2024.")
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert {s for s, _ in concerns if "entry-into-force" in s} == {
        "pensions-act-entry-into-force-2024-07-03"}


@pytest.mark.parametrize(("body", "event"), [
    ("The Decree No. 45/2021 was adopted by the Ministry of Labour. In force since 1 July "
     "2021, it allows self-employed workers to join.",
     "decree-no-45-2021-entry-into-force-2021-07-01"),
    ("The Pensions Act was adopted in 2020. In force since 1 March 2021, the Act covers "
     "all employees.", "pensions-act-entry-into-force-2021-03-01"),
])
def test_a_fronted_in_force_since_dates_the_subjects_entry_into_force(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert {s for s, _ in concerns if "entry-into-force" in s} == {event}


@pytest.mark.parametrize(("body", "event"), [
    ("Since the entry into force of the Pensions Act on 1 July 2021, coverage has doubled.",
     "pensions-act-entry-into-force-2021-07-01"),
    ("Depuis l'entrée en vigueur de la Loi n° 2023-12 le 1er janvier 2024, les artisans "
     "cotisent.", "loi-n-2023-12-entry-into-force-2024-01-01"),
])
def test_the_entry_into_force_of_a_law_on_a_date_is_its_entry_into_force(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert {s for s, _ in concerns if "entry-into-force" in s} == {event}


def test_an_entry_into_force_still_expected_is_no_event(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The entry into force of the Pensions Act on 1 July 2025 is expected."
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert not {s for s, _ in concerns if "entry-into-force" in s}


# Launches ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "event"), [
    ("The launch of the Hunger Safety Net Programme took place in Nakuru on 4 June 2022.",
     "hunger-safety-net-programme-launch-2022-06-04"),
    ("Le lancement officiel du Programme National de Bourses Familiales a eu lieu le 5 mars "
     "2021 à Nakuru.", "programme-national-de-bourses-familiales-launch-2021-03-05"),
    ("El lanzamiento del Programa Juntos se realizó el 3 de abril de 2022 en Nakuru.",
     "programa-juntos-launch-2022-04-03"),
    ("The Ministry of Labour inaugurated the Hunger Safety Net Programme on 4 June 2022.",
     "hunger-safety-net-programme-launch-2022-06-04"),
])
def test_a_launch_named_by_its_noun_or_an_inauguration_is_a_dated_launch(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert {s for s, _ in dates if "launch" in s} == {event}


def test_a_launch_ceremony_of_an_intervention_is_its_launch(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The launch ceremony of the Hunger Safety Net Programme was held on 3 May 2023."
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert {s for s, _ in dates if "launch" in s} == {
        "hunger-safety-net-programme-launch-2023-05-03"}


def test_a_launch_still_to_come_is_no_event(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The launch of the Hunger Safety Net Programme is planned for May 2025."
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert not {s for s, _ in dates if "launch" in s}


def test_a_passive_launch_names_its_launcher_after_its_date_and_place(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Hunger Safety Net Programme was launched on 3 May 2023 in Nakuru by the "
            "Ministry of Labour.")
    organised = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.organisedBy)
    assert organised == {("hunger-safety-net-programme-launch-2023-05-03", "ministry-of-labour")}


def test_a_launch_event_its_sentence_dates_is_a_gathering(gazetteer: Gazetteer) -> None:
    text = ("A costing was presented at a launch event in Nakuru on 28 November 2023. "
            "A launch event will follow.")
    assert events(text, gazetteer) == {"launch-event-2023-11-28"}


# Trainings --------------------------------------------------------------------------------

def test_people_trained_make_a_training_named_by_its_date(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Hunger Safety Net Programme is run by the National Social Protection Agency. "
            "En agosto de 2023, la National Social Protection Agency y la OIT capacitaron en "
            "Nakuru, condado de Nakuru, a dirigentes comunitarios sobre el acceso al Hunger "
            "Safety Net Programme.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.organisedBy) == {
        ("training-2023-08", "national-social-protection-agency"),
        ("training-2023-08", "international-labour-organization")}
    assert ("training-2023-08", "nakuru") in slug_pairs(facts, SPKG.locatedIn)
    assert ("training-2023-08", "hunger-safety-net-programme") in slug_pairs(
        facts, SPKG.concerns)


def test_trained_without_a_date_or_a_trainer_gives_no_training(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO trained community leaders in Nakuru on the programme. In May 2022, "
            "trained volunteers visited households in Nakuru.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert not {s for s, _ in slug_pairs(facts, SPKG.date) if "training" in s}


def test_a_training_organised_by_a_body_named_after_its_date(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Social Protection Agency runs the registry. A training session for "
            "60 social workers of the National Social Protection Agency was held in Nakuru "
            "from 20 to 24 March 2023, organised by the ILO.")
    organised = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.organisedBy)
    assert organised == {("national-social-protection-agency-training-2023-03-20",
                          "international-labour-organization")}


def test_staff_of_a_body_trained_after_an_aside_is_a_dated_training(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Staff of the National Social Protection Agency (NSPA) in Nakuru were trained in "
            "February 2022 to register the newly insured.")
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert ("national-social-protection-agency-training-2022-02", "2022-02") in dates


def test_a_named_storm_is_dated_by_the_relative_clause_that_says_it_struck(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Cyclone Kamba, which struck the coast in March 2023, affected 20,000 people. "
            "El huracán Tito, que azotó la costa en noviembre de 2020, dejó damnificados.")
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert {("cyclone-kamba", "2023-03"), ("huracan-tito", "2020-11")} <= dates


def test_a_disaster_named_with_a_range_of_years_is_dated_by_its_first(
        gazetteer: Gazetteer) -> None:
    assert events("During the 2019-20 drought, the Government paid.", gazetteer) == {
        "drought-2019"}


# Amendment --------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "pair"), [
    ("The National Assembly passed the Social Security (Amendment) Bill 2024 on 2 May 2024; "
     "it amends the Social Security Act 2017 and raises contributions.",
     ("social-security-amendment-bill-2024", "social-security-act-2017")),
    ("The Pensions Act 2021 was adopted in May. It also amends the Labour Code.",
     ("pensions-act-2021", "labour-code")),
])
def test_a_subject_pointing_back_to_a_law_amends_the_law_after_the_verb(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    assert pair in slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.amends)


def test_a_law_that_it_amends_in_another_clause_is_not_read_back(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Pensions Act 2021 was adopted in May and the Ministry of Labour said it "
            "amends the Labour Code.")
    assert ("pensions-act-2021", "labour-code") not in slug_pairs(
        page_facts(tmp_path, gazetteer, body), SPKG.amends)
