"""Places, location, funding and support forms of issue 16 (G4, fresh-11 classes), on
made-up sentences: each test fails without the change it names."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def places(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/place/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/place/" in str(e.iri)}


def test_a_subdivision_without_its_romanised_type_word(gazetteer: Gazetteer) -> None:
    # ISO writes "Hebei Sheng", "Almaty oblysy", "Tatarstan, Respublika"
    found = places("China extended the scheme to Hebei and Yunnan in 2021.", gazetteer)
    assert {"hebei-sheng", "yunnan-sheng"} <= found, found
    found = places("The Russian Federation opened an office in Tatarstan.", gazetteer)
    assert "tatarstan-respublika" in found, found


def test_a_bare_name_that_is_also_a_town_stays_the_town(gazetteer: Gazetteer) -> None:
    # "Shanghai Shi" gives "Shanghai", which GeoNames also lists as the city
    assert "shanghai" in places("China held a meeting in Shanghai in 2022.", gazetteer)
