"""Disasters written with a common noun, their dates, and dated trainings and launches, on
made-up sentences (spkg.ingest.mentions.events, spkg.ingest.rules.gatherings,
spkg.ingest.rules.events, spkg.ingest.rules.lifecycle)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span
from spkg.namespace import SPKG


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


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
