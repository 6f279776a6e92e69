"""The population-groups recogniser (spkg.ingest.mentions.groups) on made-up sentences, with
look-alikes that must give nothing."""

from __future__ import annotations

from entity_iris import group_iris
from entity_iris import group_names as groups

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.mentions import Context, find_mentions
from spkg.ingest.records import Span
from spkg.namespace import SPKG


def test_a_head_with_its_qualifiers(gazetteer: Gazetteer) -> None:
    text = ("The new benefit will reach landless farm labourers, poor households and "
            "self-employed tailors in the capital; home-care workers were consulted.")
    assert groups(text, gazetteer) == ["landless farm labourers", "poor households",
                                       "self-employed tailors", "home-care workers"]


def test_a_verb_or_quantifier_before_the_group_is_not_a_qualifier(gazetteer: Gazetteer) -> None:
    text = ("The scheme enrolled 40,000 low-income households; it will support many "
            "fishers and protects all older persons.")
    assert groups(text, gazetteer) == ["low-income households", "fishers", "older persons"]


def test_heads_that_name_a_group_alone_and_those_that_do_not(gazetteer: Gazetteer) -> None:
    text = "Pensioners, hawkers and pupils benefit, but workers and households wait."
    assert groups(text, gazetteer) == ["Pensioners", "hawkers", "pupils"]


def test_words_after_a_bare_head_pick_the_group_out(gazetteer: Gazetteer) -> None:
    text = ("It pays persons with disabilities, residents aged 65 or older, children under "
            "five, members of dairy cooperatives and workers abroad; it also pays members.")
    assert groups(text, gazetteer) == [
        "persons with disabilities", "residents aged 65 or older", "children under five",
        "members of dairy cooperatives", "workers abroad"]


def test_a_head_that_qualifies_another_word_is_no_group(gazetteer: Gazetteer) -> None:
    text = ("Farmers’ associations and the workers union met the household survey team. "
            "Families with children and 30 clerical workers of the NSSA attended.")
    assert groups(text, gazetteer) == []


def test_capitalised_words_inside_a_name_are_no_group(gazetteer: Gazetteer) -> None:
    text = "The Domestic Workers Union and the Farmers Federation signed."
    assert groups(text, gazetteer) == []


def test_adjectives_used_as_nouns(gazetteer: Gazetteer) -> None:
    text = "A pension for the self-employed and a grant for the elderly, who live alone."
    assert groups(text, gazetteer) == ["self-employed", "elderly"]


def test_iris_reference_concept_or_lowercase_slug(gazetteer: Gazetteer) -> None:
    text = ("The scheme covers rural workers and internally displaced persons. "
            "Informal workers in the informal economy joined.")
    assert group_iris(text, gazetteer) == {
        "population-group/rural-workers", "population-group/internally-displaced-persons",
        "population-group/informal-workers-in-the-informal-economy"}


def test_a_group_is_labelled_in_lowercase(gazetteer: Gazetteer) -> None:
    text = "Street vendors joined the fund."
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    labels = {e.label for e in link_mentions(mentions, gazetteer)
              if e.cls == SPKG.PopulationGroup}
    assert labels == {"street vendors"}


def test_a_group_after_with_is_read_unless_it_qualifies_a_head(gazetteer: Gazetteer) -> None:
    text = "The scheme starts with pupils and covers families with children."
    assert groups(text, gazetteer) == ["pupils"]


def test_workers_in_formal_employment_are_a_group(gazetteer: Gazetteer) -> None:
    assert "population-group/workers-in-formal-employment" in group_iris(
        "The fund insures workers in formal employment against invalidity.", gazetteer)



def test_a_bare_head_is_a_group_as_an_item_of_a_list_of_groups(gazetteer: Gazetteer) -> None:
    text = ("The fund now insures hairdressers, traders and street vendors. It pays employees, "
            "the self-employed and fishers. Traders and employees met; women and men voted.")
    assert sorted(groups(text, gazetteer)) == [
        "employees", "fishers", "hairdressers", "self-employed", "street vendors", "traders"]


def test_employees_need_words_after_them(gazetteer: Gazetteer) -> None:
    text = ("The law covers employees of companies with 10 or more workers, not public "
            "employees; civil servants and uniformed personnel have their own fund.")
    assert groups(text, gazetteer) == [
        "employees of companies with 10 or more workers", "civil servants",
        "uniformed personnel"]


def test_number_words_and_event_nouns_do_not_qualify(gazetteer: Gazetteer) -> None:
    text = "Twelve workshop participants and five hundred rural workers joined the twelve pilots."
    assert groups(text, gazetteer) == ["rural workers"]


def test_adjectives_in_un_ed_and_nationality_adjectives_qualify(gazetteer: Gazetteer) -> None:
    text = ("The board registered unregistered workers, Kenyan nationals and overseas "
            "Filipino workers, and paid poorer Ghanaians a grant.")
    assert groups(text, gazetteer) == [
        "unregistered workers", "Kenyan nationals", "overseas Filipino workers",
        "poorer Ghanaians"]


def test_age_and_household_words_after_the_head(gazetteer: Gazetteer) -> None:
    text = ("It targets persons of working age, children under two in low-income families and "
            "orphans of migrant and seasonal workers.")
    assert groups(text, gazetteer) == [
        "persons of working age", "children under two in low-income families",
        "orphans of migrant and seasonal workers"]


def test_french_and_spanish_groups_read_their_qualifiers_after_the_head(
        gazetteer: Gazetteer) -> None:
    text = ("Le fonds couvre les pêcheurs, les travailleurs du secteur agricole et les "
            "personnes handicapées. El programa atiende a trabajadoras del hogar, "
            "trabajadores por cuenta propia y jubilados.")
    assert groups(text, gazetteer) == [
        "pêcheurs", "travailleurs du secteur agricole", "personnes handicapées",
        "trabajadoras del hogar", "trabajadores por cuenta propia", "jubilados"]


def test_french_and_spanish_look_alikes_give_no_group(gazetteer: Gazetteer) -> None:
    text = ("La Fédération des Travailleurs du Bénin et le Régime spécial des travailleurs "
            "indépendants ont réuni les travailleurs et les petits commerçants. "
            "La Central de Trabajadores de Chile habló con las personas.")
    assert groups(text, gazetteer) == []


def test_qualifiers_coordinated_before_a_head_name_a_group_each(gazetteer: Gazetteer) -> None:
    text = ("The grant reaches poor and vulnerable households, and gig and platform workers. "
            "Tea, rubber and palm-oil pickers joined.")
    mentions = find_mentions(Context(text, gazetteer), [Span(0, len(text))], only={"groups"})
    assert sorted((m.text, m.label) for m in mentions) == [
        ("Tea", "tea pickers"), ("gig", "gig workers"), ("palm-oil pickers", "palm-oil pickers"),
        ("platform workers", "platform workers"), ("poor", "poor households"),
        ("rubber", "rubber pickers"), ("vulnerable households", "vulnerable households")]


def test_a_clause_boundary_is_no_coordination(gazetteer: Gazetteer) -> None:
    text = ("Farm workers are covered for the first time, and self-employed persons may "
            "join; training and domestic workers are next.")
    assert groups(text, gazetteer) == ["Farm workers", "self-employed persons",
                                       "domestic workers"]


def test_words_after_heads_living_with_and_headed_by(gazetteer: Gazetteer) -> None:
    text = ("The transfer reaches people living with HIV, households headed by women and "
            "elderly tea pickers.")
    assert groups(text, gazetteer) == [
        "people living with HIV", "households headed by women", "elderly tea pickers"]


def test_the_staff_of_a_body_in_lowercase_are_no_group(gazetteer: Gazetteer) -> None:
    text = "Social workers of the ministry and clerical employees at the board were trained."
    assert groups(text, gazetteer) == []


def test_a_romance_head_inside_a_longer_sentence_case_name_gives_nothing(
        gazetteer: Gazetteer) -> None:
    text = ("Le Fonds national de retraite des fonctionnaires verse les pensions; la Caisse "
            "a lancé à Dosso la campagne d'immatriculation des pêcheurs.")
    assert groups(text, gazetteer) == ["pêcheurs"]
