"""Population groups (task H6): where a group's name ends and which look-alikes give nothing,
on made-up sentences in English, French, Spanish and Portuguese."""

from __future__ import annotations

from entity_iris import group_iris
from entity_iris import group_names as groups

from spkg.ingest.gazetteer import Gazetteer


def test_what_a_group_lacks_picks_it_out(gazetteer: Gazetteer) -> None:
    text = ("Older persons without a pension receive a grant, and youth without work are "
            "trained; widows without income get a voucher.")
    assert groups(text, gazetteer) == ["Older persons without a pension",
                                       "youth without work", "widows without income"]


def test_without_something_else_is_no_part_of_the_group(gazetteer: Gazetteer) -> None:
    text = "The fund pays older persons without delay and farmers without exception."
    assert groups(text, gazetteer) == ["older persons", "farmers"]


def test_the_trade_after_a_bare_head(gazetteer: Gazetteer) -> None:
    text = ("The decree covers workers of the cocoa industry and employees in the banking "
            "sector; workers in the sector were consulted.")
    assert groups(text, gazetteer) == ["workers of the cocoa industry",
                                       "employees in the banking sector"]


def test_one_group_written_two_ways_is_named_once(gazetteer: Gazetteer) -> None:
    text = ("Workers in the cocoa sector save in the fund. A study looks at cocoa sector "
            "workers.")
    assert group_iris(text, gazetteer) == {"population-group/cocoa-sector-workers"}
    alone = "The law now reaches workers in the fishing sector."
    assert group_iris(alone, gazetteer) == {"population-group/workers-in-the-fishing-sector"}


def test_families_with_young_children(gazetteer: Gazetteer) -> None:
    text = "A grant is paid to households with children under five in Lindi."
    assert groups(text, gazetteer) == ["households with children under five"]
    assert groups("Families with children and 30 clerks attended.", gazetteer) == []


def test_a_participle_is_a_qualifier_after_a_group_or_a_preposition(
        gazetteer: Gazetteer) -> None:
    text = ("Since May it covers market vendors and registered fishers; benefits for "
            "licensed porters rose.")
    assert groups(text, gazetteer) == ["market vendors", "registered fishers",
                                       "licensed porters"]


def test_a_participle_after_a_name_is_a_verb(gazetteer: Gazetteer) -> None:
    assert groups("The Harbour Fund registered fishers in May.", gazetteer) == ["fishers"]


def test_a_qualified_employment_status_as_an_item_of_a_list(gazetteer: Gazetteer) -> None:
    text = "The scheme covers market vendors, hotel employees and taxi drivers."
    assert groups(text, gazetteer) == ["market vendors", "taxi drivers", "hotel employees"]
    assert groups("Hotel employees met the minister.", gazetteer) == []


def test_a_quoted_nominal_group_gives_nothing(gazetteer: Gazetteer) -> None:
    text = '"The reform makes room for the unemployed," said the minister.'
    assert groups(text, gazetteer) == []
    assert groups("It makes room for the unemployed.", gazetteer) == ["unemployed"]


def test_romance_heads_that_are_groups_only_in_a_list(gazetteer: Gazetteer) -> None:
    french = "Dès 2026, les artisans, les commerçants et les éleveurs sont couverts."
    assert sorted(groups(french, gazetteer)) == ["artisans", "commerçants", "éleveurs"]
    spanish = "Desde 2026, los agricultores, los comerciantes y las artesanas cotizan."
    assert sorted(groups(spanish, gazetteer)) == ["agricultores", "artesanas", "comerciantes"]
    assert groups("Les commerçants de Kindia ont protesté.", gazetteer) == []


def test_a_denied_status_after_a_workers_head(gazetteer: Gazetteer) -> None:
    text = ("Los trabajadores no asalariados y las vendedoras no registradas se afiliarán; "
            "les travailleuses non déclarées aussi.")
    assert groups(text, gazetteer) == ["trabajadores no asalariados",
                                       "vendedoras no registradas",
                                       "travailleuses non déclarées"]
    # a status denied to persons, not workers, is left as the head reads alone
    assert groups("la sécurité sociale des personnes non salariées", gazetteer) == []


def test_staff_of_a_body_are_no_romance_group(gazetteer: Gazetteer) -> None:
    text = ("Los funcionarios del INSSB y los agentes de la Caja recibirán una formación; "
            "les fonctionnaires du ministère aussi.")
    assert groups(text, gazetteer) == []
    assert groups("Los funcionarios públicos cotizan.", gazetteer) == ["funcionarios públicos"]


def test_a_bare_head_object_of_a_relative_clause(gazetteer: Gazetteer) -> None:
    text = ("The fund pays wages owed to workers whose employers failed to pay them, and a "
            "grant goes to families whose houses were flooded in Mopti.")
    assert groups(text, gazetteer) == ["workers whose employers failed to pay them",
                                       "families whose houses were flooded"]


def test_a_relative_clause_of_a_subject_is_no_group(gazetteer: Gazetteer) -> None:
    text = "Workers who want to join can register online. Members who retire are paid."
    assert groups(text, gazetteer) == []


def test_where_a_bare_head_lives(gazetteer: Gazetteer) -> None:
    text = ("A voucher helps households on the remote islands and families in rural areas; "
            "workers in the affected provinces were paid.")
    assert groups(text, gazetteer) == ["households on the remote islands",
                                       "families in rural areas"]


def test_whom_a_planned_benefit_is_for_is_no_relative_group(gazetteer: Gazetteer) -> None:
    text = "A study on a benefit for workers who lose their jobs in fishing is planned."
    assert groups(text, gazetteer) == []
    text = "It extends cover to persons who do paid care work."
    assert groups(text, gazetteer) == ["persons who do paid care work"]


def test_workers_of_the_informal_economy_is_the_reference_group(gazetteer: Gazetteer) -> None:
    text = "The scheme opens to workers of the informal economy in Sokodé."
    assert group_iris(text, gazetteer) == {"population-group/informal-economy-workers"}
