"""Events and legal acts by general class, on made-up sentences: ratifications, disasters,
adoptions, entry into force, launches (spkg.ingest.mentions.events, spkg.ingest.rules.adoption,
spkg.ingest.rules.lifecycle)."""

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


@pytest.mark.parametrize("body", [
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
    assert ("2017-drought", "2017") in dates
    assert not {d for s, d in dates if s == "1999-earthquake" and d != "1999"}
