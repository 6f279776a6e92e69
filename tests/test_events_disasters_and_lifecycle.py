"""Disasters written with a common noun, their dates, and dated trainings and launches, on
made-up sentences (spkg.ingest.mentions.events, spkg.ingest.rules.gatherings,
spkg.ingest.rules.events, spkg.ingest.rules.lifecycle)."""

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
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/event/" in str(e.iri)}


@pytest.mark.parametrize(("text", "event"), [
    ("Homes were lost in the earthquake of 3 April 2017 in the north.",
     "event/earthquake-2017-04-03"),
    ("The floods of July 2021 displaced 9,000 families.", "event/floods-2021-07"),
    ("After the Sumba landslide of June 2020, the scheme paid.", "event/sumba-landslide"),
    ("Après le séisme du 14 août 2021, le Gouvernement a agi.", "event/seisme-2021-08-14"),
    ("Tras las inundaciones de abril de 2019, el Gobierno pagó.",
     "event/inundaciones-2019-04"),
    ("En 2017 el huracán María azotó la isla.", "event/huracan-maria"),
])
def test_a_disaster_named_with_a_common_noun_is_an_event(
        text: str, event: str, gazetteer: Gazetteer) -> None:
    assert events(text, gazetteer) == {event}


@pytest.mark.parametrize("text", [
    "The drought response plan was adopted in 2021.",
    "The earthquake destroyed 300 homes.",  # points back, or at none in particular
    "The Floods of 2019 Act was repealed.",
    "Flood insurance of 2020 was extended to farmers.",
])
def test_a_hazard_word_that_names_no_disaster_gives_nothing(
        text: str, gazetteer: Gazetteer) -> None:
    assert events(text, gazetteer) == set()


def test_a_named_disaster_is_dated_by_what_it_is_of_and_past_a_towns_full_stop(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("After the Sumba landslide of June 2020, the Ministry of Labour paid a top-up. "
            "After Hurricane Irma struck St. Martin on 6 September 2017, the scheme paid.")
    dates = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.date)
    assert ("sumba-landslide", "2020-06") in dates
    assert ("hurricane-irma", "2017-09-06") in dates


def test_trainings_dated_before_or_after_and_their_places(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Hospital Insurance Fund (NHIF) and the National Social Security Fund "
            "(NSSF) pay benefits. "
            "In June 2022 the ILO trained 25 NHIF officers in Nakuru and Eldoret on claims "
            "processing. A two-day training on actuarial modelling for 15 NSSF specialists "
            "took place in Mombasa, Coast region, in March 2023.")
    facts = page_facts(tmp_path, gazetteer, body)
    places = slug_pairs(facts, SPKG.locatedIn)
    nhif = {e for e, o in places if "training-2022-06" in e}
    assert len(nhif) == 1
    event = nhif.pop()
    assert {(event, "nakuru"), (event, "eldoret")} <= places
    assert (event, "international-labour-organization") in slug_pairs(facts, SPKG.organisedBy)
    nssf = {e for e, d in slug_pairs(facts, SPKG.date) if d == "2023-03"}
    assert len(nssf) == 1 and "training" in next(iter(nssf))
    # "Mombasa, Coast region": the town's region, not a second place of the training
    assert {o for e, o in places if e in nssf} == {"mombasa"}


def test_a_coordinated_verb_gives_the_trainer_and_a_bare_number_no_trainee(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Social Security Fund (NSSF) pays pensions. "
            "The ILO reviewed the pension formula and trained six NSSF actuaries in Kisumu in "
            "May 2021. Elsewhere 40 workers were trained in May 2021.")
    facts = page_facts(tmp_path, gazetteer, body)
    trainings = {e for e, _ in slug_pairs(facts, SPKG.date) if "training" in e}
    assert len(trainings) == 1
    assert {o for e, o in slug_pairs(facts, SPKG.organisedBy) if e in trainings} == {
        "international-labour-organization"}


def test_launches_of_a_project_phase_in_french_and_without_a_named_launcher(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO and the World Food Programme launched a new phase of the Rural Resilience "
            "Project in Garissa on 4 March 2024. In 2021 the county launched the Inua Jamii "
            "Programme. Le 2 mai 2023, la Caisse nationale de sécurité sociale (CNSS) a lancé à "
            "Kisumu le Régime de pension des artisans (RPA).")
    facts = page_facts(tmp_path, gazetteer, body)
    concerns = slug_pairs(facts, SPKG.concerns)
    assert ("rural-resilience-project-launch-2024-03-04", "rural-resilience-project") in concerns
    assert ("inua-jamii-launch-2021", "inua-jamii") in concerns
    french = {e for e, o in concerns if e.endswith("launch-2023-05-02")}
    assert len(french) == 1
    event = french.pop()
    assert (event, "kisumu") in slug_pairs(facts, SPKG.locatedIn)
    assert {o for e, o in slug_pairs(facts, SPKG.organisedBy) if e == event} == {
        "caisse-nationale-de-securite-sociale"}


def test_a_launch_announced_or_of_something_named_later_is_none(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Inua Jamii Programme will be launched in June 2025. In 2021 the county "
            "launched a survey of the households that the Inua Jamii Programme reaches.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert not any("launch" in e for e, _ in slug_pairs(facts, SPKG.concerns))


def test_an_establishment_is_of_the_body_set_up_not_of_its_chair(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Pensions Regulatory Authority, chaired by the Ministry of Finance, was set up "
            "in 2019. The Ministry of Labour runs the Hunger Safety Net Programme, created in "
            "2008. The ILO supports the National Social Security Fund (NSSF), which was "
            "established in 1965.")
    concerns = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
    assert concerns == {
        ("pensions-regulatory-authority-establishment-2019", "pensions-regulatory-authority"),
        ("hunger-safety-net-programme-establishment-2008", "hunger-safety-net-programme"),
        ("national-social-security-fund-establishment-1965", "national-social-security-fund")}


def test_a_disaster_without_an_article_needs_its_date(gazetteer: Gazetteer) -> None:
    assert events("Severe floods in March 2019 hit the coast.", gazetteer) == {
        "event/floods-2019-03"}
    assert events("Floods destroy crops every year.", gazetteer) == set()
    assert events("Floods of 2019 Act amendments were passed.", gazetteer) == set()


def test_a_training_over_a_range_that_opens_the_sentence(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Social Security Fund (NSSF) pays pensions. From 3 to 5 October "
            "2023, the ILO trained 45 NSSF officers in Kisumu.")
    facts = page_facts(tmp_path, gazetteer, body)
    trainings = {e for e, d in slug_pairs(facts, SPKG.date) if d == "2023-10-03"}
    assert len(trainings) == 1 and "training" in next(iter(trainings))
    assert (next(iter(trainings)), "2023-10-05") in slug_pairs(facts, SPKG.endDate)


def test_a_quoted_title_does_not_hide_where_a_gathering_was(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour organised a validation workshop on “Extending cover to "
            "informal workers” on 5 April 2022 at a hotel in Kisumu.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert ("validation-workshop-2022-04-05", "kisumu") in slug_pairs(facts, SPKG.locatedIn)
