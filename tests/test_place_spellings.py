"""Places are found however a text spells them and however it lists them (spkg.ingest.gazetteer
spellings/fold_letters, spkg.ingest.world, spkg.ingest.mentions.places). Sentences made up
for these tests."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer, fold_letters, normalise_name, spellings
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span
from spkg.ingest.world import load_world_places


def places(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/place/" in str(e.iri)}


def test_spellings_of_hyphens_and_abbreviated_saints() -> None:
    assert "Port Vila" in spellings("Port-Vila")
    assert {"St. Louis", "St Louis", "Saint Louis"} <= spellings("Saint-Louis")
    assert "Saint Catharines" in spellings("St. Catharines")
    assert spellings("Ille-et-Vilaine") == {"Ille-et-Vilaine"}  # lowercase parts keep them
    assert normalise_name("St. Lucia") == normalise_name("Saint Lucia")
    assert normalise_name("Mt. Hagen") == "mount hagen"


def test_folding_keeps_offsets() -> None:
    text = "Réunion à Lomé, Junín’s"
    folded = fold_letters(text)
    assert len(folded) == len(text) and folded == "Reunion a Lome, Junin's"


def test_a_town_is_found_without_its_hyphen_or_accent(gazetteer: Gazetteer) -> None:
    found = places("Vanuatu's provident fund opened a branch in Port Vila last year.", gazetteer)
    assert "place/port-vila" in found
    found = places("Togo's social security fund has an office in Lome and one in Sokode.",
                   gazetteer)
    assert "place/lome" in found


def test_hits_name_the_words_of_the_text() -> None:
    hits = list(load_world_places().scan("The fund met in Lome."))
    assert [h.name for h in hits] == ["Lome"]


def test_a_saint_written_st_listed_with_another_parish(gazetteer: Gazetteer) -> None:
    text = "In Jamaica, floods hit St. Catherine and Portland parishes in 2023."
    found = places(text, gazetteer)
    assert "place/saint-catherine" in found and "place/portland-parish" in found


def test_a_common_word_subdivision_alone_is_not_a_place(gazetteer: Gazetteer) -> None:
    text = "Saint Elizabeth was the subject of a sermon heard across Jamaica."
    assert "place/saint-elizabeth-parish" not in places(text, gazetteer)


def test_subdivisions_named_by_a_plural_type_word(gazetteer: Gazetteer) -> None:
    text = "In Zambia the pilot reaches the Northern and Luapula provinces."
    found = places(text, gazetteer)
    assert "place/northern-province" in found
    text = "In Zambia the scheme runs in the provinces of Western and Eastern."
    assert {"place/western-province", "place/eastern-province"} <= places(text, gazetteer)


def test_a_name_without_its_table_brackets(gazetteer: Gazetteer) -> None:
    text = "In the Philippines, Central Visayas prepared its own plan."
    assert "place/central-visayas-region-vii" in places(text, gazetteer)


def test_a_foreign_capital_with_a_place_cue(gazetteer: Gazetteer) -> None:
    text = "Tonga's experts were trained in Apia in May."
    assert "place/apia" in places(text, gazetteer)
    text = "Apia was not mentioned as a place here by any cue."
    assert "place/apia" not in places(text, gazetteer)  # Samoa is not the document's country


def test_a_philippine_region_by_its_number(gazetteer: Gazetteer) -> None:
    text = "In the Philippines, the pilot will reach Region VII next year."
    assert "place/central-visayas-region-vii" in places(text, gazetteer)


def test_towns_of_other_countries_listed_after_a_cue(gazetteer: Gazetteer) -> None:
    text = "Tonga's officials made study visits to Auckland and Canberra in 2022."
    assert {"place/auckland", "place/canberra"} <= places(text, gazetteer)


def test_a_foreign_town_needs_a_preposition_not_a_comma(gazetteer: Gazetteer) -> None:
    text = "In Malawi, Concord between the unions and employers was reached in 2023."
    assert "place/concord" not in places(text, gazetteer)
    text = "Au Bénin, les experts se sont réunis à Genève en mai."
    assert "place/geneva" in places(text, gazetteer)


def test_countries_written_with_st_or_without_a_hyphen(gazetteer: Gazetteer) -> None:
    text = "Officials of St. Vincent and the Grenadines visited Guinea Bissau in 2023."
    assert {"place/saint-vincent-and-the-grenadines", "place/guinea-bissau"} <= places(
        text, gazetteer)
