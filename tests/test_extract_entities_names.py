"""Capitalised names whose words the simple chunking used to cut (spkg.ingest.entities), on
made-up sentences, with look-alikes that must stay apart."""

from __future__ import annotations

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def iris(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}


def test_a_list_inside_a_names_complement_is_part_of_it(gazetteer: Gazetteer) -> None:
    text = ("The Ministry of Fisheries, Forestry and Rural Development met the Regional "
            "Office for Chad, Niger and Burkina Faso.")
    assert iris(text, gazetteer) == {
        "organisation/ministry-of-fisheries-forestry-and-rural-development",
        "organisation/regional-office-for-chad-niger-and-burkina-faso"}


def test_a_list_of_other_names_after_a_name_stays_apart(gazetteer: Gazetteer) -> None:
    text = ("Funds came from the Ministry of Energy, UNDP and the World Bank, and from the "
            "Ministry of Trade, National Pension Fund and Tax Authority.")
    found = iris(text, gazetteer)
    assert {"organisation/ministry-of-energy", "organisation/ministry-of-trade"} <= found
    assert not any("energy-undp" in iri or "trade-national" in iri for iri in found)
