"""A place's name inside a longer place's name is no mention of it (issue 16): "Port of
Spain" is not Spain, in any case form (spkg.ingest.gazetteer cover_with). Sentences made up
for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Entry, Gazetteer, country_holding
from spkg.ingest.linking import link_mentions
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Span
from spkg.ingest.relations import run_rules
from spkg.namespace import BASE, SPKG


def scanned(text: str, gazetteer: Gazetteer) -> list[str]:
    return [text[start:end] for start, end, entry in gazetteer.scan(text) if entry.is_place]


def places(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/place/" in str(e.iri)}


def _country(slug: str, name: str) -> Entry:
    return Entry(URIRef(f"{BASE}id/place/{slug}"), SPKG.Country, name, {name})


def test_a_covering_name_hides_the_country_inside_it() -> None:
    gazetteer = Gazetteer([_country("guinea", "Guinea"), _country("chad", "Chad")])
    gazetteer.cover_with(lambda: ["Nueva Guinea", "Lake Chad's"])
    text = "NUEVA GUINEA, Nicaragua: a fair in Nueva Guinea with guests from Guinea and Chad."
    assert scanned(text, gazetteer) == ["Guinea", "Chad"]


def test_an_article_possessive_or_acronym_does_not_cover() -> None:
    gazetteer = Gazetteer([_country("reunion", "Réunion"), _country("lucia", "Saint Lucia"),
                           _country("hk", "Hong Kong")])
    gazetteer.cover_with(lambda: ["La Réunion", "Saint Lucia's", "Hong Kong SAR"])
    text = "Teams from La Réunion, Saint Lucia's ministry and Hong Kong SAR met."
    assert scanned(text, gazetteer) == ["Réunion", "Saint Lucia", "Hong Kong"]


def test_without_covering_names_the_country_is_found() -> None:
    gazetteer = Gazetteer([_country("guinea", "Guinea")])
    assert scanned("A fair in Nueva Guinea.", gazetteer) == ["Guinea"]


@pytest.mark.parametrize("text", [
    "PORT OF SPAIN (ILO News) – The labour ministry opened a new benefits office today.",
    "The labour ministry opened a new benefits office in Port of Spain last week.",
])
def test_a_town_named_after_a_country_is_not_that_country(text: str,
                                                          gazetteer: Gazetteer) -> None:
    assert "place/spain" not in places(text, gazetteer)


def test_the_country_itself_is_still_found(gazetteer: Gazetteer) -> None:
    text = "Experts from Spain visited Mexico City and New Mexico."
    found = scanned(text, gazetteer)
    assert found == ["Spain"]


def _reference(slug: str, gazetteer: Gazetteer) -> Entry:
    entry = gazetteer.get(URIRef(f"{BASE}id/place/{slug}"))
    assert entry is not None
    return entry


def test_a_short_country_name_is_the_named_country_that_holds_it(gazetteer: Gazetteer) -> None:
    congo = _reference("congo", gazetteer)
    drc = _reference("congo-the-democratic-republic-of-the", gazetteer)
    spain = _reference("spain", gazetteer)
    assert country_holding(congo, [drc, spain]) == drc
    assert country_holding(congo, [drc, congo]) is None  # both named: no guess
    assert country_holding(congo, [spain]) is None
    assert country_holding(drc, [congo]) is None  # the longer name is not inside the short


def test_the_organisation_rule_does_not_place_a_dr_congo_union_in_the_congo(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / "made-up-press-release.txt"
    path.write_text(
        "Pensions for miners in the Democratic Republic of the Congo\n\n"
        "The Democratic Republic of the Congo opened a pension fund for miners. The "
        "Syndicat des Mineurs du Congo welcomed the fund at a meeting in Kinshasa.\n",
        encoding="utf-8")
    document = read_document(path)
    regions, entities = prose_entities(document, gazetteer)
    ctx = run_rules(document, entities, gazetteer, regions)
    placed = {str(fact.object) for fact, origin in zip(ctx.facts, ctx.origins, strict=True)
              if origin == "organisation-place" and fact.predicate == SPKG.locatedIn}
    assert not any(iri.endswith("/place/congo") for iri in placed)
    assert any("mineurs" in str(e.iri) for e in entities)  # the union was read
