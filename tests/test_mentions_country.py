"""The document's country is an entity however the text names it, and a place's own name
beats another place's alternate name (spkg.ingest.entities, spkg.ingest.mentions.places).
Sentences made up for these tests."""

from __future__ import annotations

from entity_iris import linked_iris as iris

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.records import Span


def test_a_country_named_only_inside_names_is_an_entity(gazetteer: Gazetteer) -> None:
    text = ("The Confederation of Employers of Armenia, the Trade Union Confederation of "
            "Armenia and the Pension Fund of Armenia signed the agreement.")
    assert "place/armenia" in iris(text, gazetteer)


def test_a_country_named_only_by_its_adjective_is_an_entity(gazetteer: Gazetteer) -> None:
    text = ("The Lao Federation of Trade Unions, the Lao Women's Union and the Lao Social "
            "Security Organisation opened an office in Pakse.")
    found = iris(text, gazetteer)
    assert "place/lao-peoples-democratic-republic" in found
    assert "place/pakse" in found  # a town of the document's country, named by adjective


def test_a_donor_or_a_country_named_in_passing_gives_no_country(gazetteer: Gazetteer) -> None:
    text = "The pilot was funded by the Government of Finland."
    assert not any(i.startswith("place/") for i in iris(text, gazetteer))
    text = "The Kenya Union of Journalists met the Central Organization of Trade Unions Kenya."
    assert "place/kenya" not in iris(text, gazetteer)  # twice, inside names only


def test_a_country_named_in_the_prose_is_not_added_twice(gazetteer: Gazetteer) -> None:
    text = "Ghana's National Pensions Regulatory Authority met the Ghana Employers' Association."
    assert sorted(i for i in iris(text, gazetteer) if i.startswith("place/")) == ["place/ghana"]


def test_a_province_named_as_geonames_names_another_town(gazetteer: Gazetteer) -> None:
    text = "Kyrgyzstan's Social Fund trained its staff in Osh and Jalal-Abad."
    found = iris(text, gazetteer)
    assert "place/jalal-abad" in found and "place/manas" not in found


def test_a_sectors_employees_are_a_group_the_employed_alone_are_not(
        gazetteer: Gazetteer) -> None:
    text = "The fund covers public employees; the new scheme covers private sector employees."
    groups = {i for i in iris(text, gazetteer) if i.startswith("population-group/")}
    assert groups == {"population-group/private-sector-employees"}


def test_a_group_in_a_quotation_is_no_entity(gazetteer: Gazetteer) -> None:
    text = ('"Pensions for domestic workers are overdue," said the union. The fund now '
            "covers domestic workers.")
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    groups = [m for m in mentions if m.family == "groups"]
    assert [text[m.span.start:m.span.end] for m in groups] == ["domestic workers"]
    assert groups[0].span.start > text.index("The fund")
