"""Population groups (task J6): occupations ISCO-08 names that need a word before them
("private notaries", "insurance agents", "dependent contractors", "handicraft makers"), "the
military" as a group, and their look-alikes, on made-up sentences."""

from __future__ import annotations

from entity_iris import group_names as groups

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.mentions import Context, find_mentions
from spkg.ingest.records import Span


def test_occupations_with_a_qualifier_are_groups(gazetteer: Gazetteer) -> None:
    text = ("Since 2025 the Zarvian Insurance Act has covered independent contractors, "
            "travel agents and home tutors, and the new fund insures basket makers and "
            "rural notaries.")
    assert groups(text, gazetteer) == ["independent contractors", "travel agents",
                                       "home tutors", "basket makers", "rural notaries"]


def test_bare_occupations_are_groups_only_in_a_list_of_groups(gazetteer: Gazetteer) -> None:
    text = "The decree covers fishers, notaries and tutors. Contractors built the office."
    assert groups(text, gazetteer) == ["fishers", "notaries", "tutors"]


def test_makers_of_policy_and_staff_of_a_body_are_no_group(gazetteer: Gazetteer) -> None:
    text = ("Policy makers and decision makers met law makers; ZNSF agents and insurance "
            "agents of the Board were trained.")
    assert groups(text, gazetteer) == []


def test_the_military_is_a_group(gazetteer: Gazetteer) -> None:
    text = ("Pensions were limited to civil servants and the military, while the military "
            "government of the time consulted nobody.")
    assert groups(text, gazetteer) == ["civil servants", "military"]


def test_what_a_romance_group_lacks_picks_it_out(gazetteer: Gazetteer) -> None:
    text = ("La renta garantiza un ingreso a los hogares sin ingresos suficientes. "
            "L'allocation aide les ménages sans revenu et les personnes âgées sans pension.")
    assert groups(text, gazetteer) == ["hogares sin ingresos suficientes",
                                       "ménages sans revenu", "personnes âgées sans pension"]


def test_without_delay_is_no_part_of_a_romance_group(gazetteer: Gazetteer) -> None:
    text = "La caja paga a los hogares sin demora y a las personas sin excepción."
    assert groups(text, gazetteer) == []


def test_romance_workers_named_by_where_they_work(gazetteer: Gazetteer) -> None:
    text = ("Le décret étend la couverture aux travailleurs des zones franches, aux ouvriers "
            "de la sous-traitance textile et aux auto-entrepreneurs. La ley cubre a los "
            "trabajadores de las zonas francas y a los trabajadores industriales.")
    assert groups(text, gazetteer) == [
        "travailleurs des zones franches", "ouvriers de la sous-traitance textile",
        "auto-entrepreneurs", "trabajadores de las zonas francas",
        "trabajadores industriales"]


def test_romance_look_alikes_of_workplaces_give_no_group(gazetteer: Gazetteer) -> None:
    text = ("Le Syndicat national des ouvriers du textile a visité les parcs industriels ; "
            "les ouvriers ont été reçus par la Zone franche de Tarvel.")
    assert groups(text, gazetteer) == []


def test_a_second_employer_after_and_of_names_a_second_group(gazetteer: Gazetteer) -> None:
    text = ("Since 2025, employees of small enterprises and of charitable organisations are "
            "covered; employees of the Board and of its partners were consulted.")
    assert groups(text, gazetteer) == ["employees of small enterprises",
                                       "charitable organisations"]
    context = Context(text, gazetteer)
    labels = [m.label for m in find_mentions(context, [Span(0, len(text))], only={"groups"})]
    assert labels[1] == "employees of charitable organisations"
