"""Entity names on made-up sentences (issue 16, fresh-10 classes)."""

from __future__ import annotations

import pytest
from entity_iris import linked_iris

from spkg.ingest.gazetteer import Gazetteer


def studies(text: str, gazetteer: Gazetteer) -> set[str]:
    return {iri for iri in linked_iris(text, gazetteer) if iri.startswith("study/")}


@pytest.mark.parametrize(("text", "expected"), [
    # English: what the study is of, even in lowercase, says which study it is
    ("In Zambia, the ILO prepared a feasibility study for a maternity insurance benefit. "
     "Zambia will use it.", "study/feasibility-study-for-a-maternity-insurance-benefit"),
    ("In Peru, the ILO completed a legal gap analysis of the health insurance system in "
     "2021.", "study/legal-gap-analysis-of-the-health-insurance-system"),
    # French, Spanish, Portuguese: a complement after the kind does the same
    ("Au Niger, une étude de faisabilité sur la retraite des artisans a été réalisée en 2022.",
     "study/etude-de-faisabilite-sur-la-retraite-des-artisans"),
    ("En Bolivia, un estudio de factibilidad sobre el seguro de desempleo fue presentado.",
     "study/estudio-de-factibilidad-sobre-el-seguro-de-desempleo"),
    ("Em Angola, um diagnóstico do sistema de pensões rurais foi apresentado em 2022.",
     "study/diagnostico-do-sistema-de-pensoes-rurais"),
])
def test_a_study_whose_object_is_given_adds_no_country(
        text: str, expected: str, gazetteer: Gazetteer) -> None:
    assert studies(text, gazetteer) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # a kind alone: every country has one, so its IRI names the country
    ("In Zambia, the ILO prepared a feasibility study in 2021. Zambia will use it.",
     "study/feasibility-study-zambia"),
    ("Au Niger, une étude de faisabilité a été réalisée en 2022.",
     "study/etude-de-faisabilite-niger"),
    # a count says how many were asked, not which survey it is
    ("In Ghana, the ILO ran a survey of 1,200 drivers in 2022. Ghana will use it.",
     "study/survey-of-1-200-drivers-ghana"),
])
def test_a_study_of_a_kind_names_the_country(
        text: str, expected: str, gazetteer: Gazetteer) -> None:
    assert studies(text, gazetteer) == {expected}


def groups(text: str, gazetteer: Gazetteer) -> set[str]:
    return {iri for iri in linked_iris(text, gazetteer) if iri.startswith("population-group/")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Since 2021 the grant has covered extremely poor households in the north.",
     "population-group/extremely-poor-households"),
    ("A new allowance supports persons with severe disabilities.",
     "population-group/persons-with-severe-disabilities"),
    ("Since 2020 the benefit has been paid for children under seven.",
     "population-group/children-under-seven"),
    ("The decree extended the fund to employees of private companies in 2022.",
     "population-group/employees-of-private-companies"),
    ("The rules cover employees of small firms with ten or more workers against old age.",
     "population-group/employees-of-small-firms-with-ten-or-more-workers"),
])
def test_what_picks_a_group_out_is_part_of_it(
        text: str, expected: str, gazetteer: Gazetteer) -> None:
    assert groups(text, gazetteer) == {expected}


@pytest.mark.parametrize("text", [
    # the staff of a named employer or a determiner's noun: no group of employers
    "The law covers employees of the companies that registered.",
    "The fund pays employees of the Ministry every month.",
])
def test_look_alikes_add_no_group(text: str, gazetteer: Gazetteer) -> None:
    assert groups(text, gazetteer) == set()


def test_an_adverb_of_time_is_no_degree(gazetteer: Gazetteer) -> None:
    # "usually" says when, not how poor: the group is the poor households
    assert groups("The grant usually poor households reach is small.", gazetteer) == {
        "population-group/poor-households"}


def bodies(text: str, gazetteer: Gazetteer) -> set[str]:
    return {iri for iri in linked_iris(text, gazetteer) if iri.startswith("organisation/")}


@pytest.mark.parametrize(("text", "expected"), [
    # English: a portfolio ending in "Government" is an item of the ministry's name
    ("It works with the Ministry of Fisheries, Rural Development, Labour and Local Government "
     "on the scheme.",
     "organisation/ministry-of-fisheries-rural-development-labour-and-local-government"),
    # Spanish and Portuguese: items joined by "de"/"do", then the sentence's verb
    ("La ley, adoptada por el Ministerio de Trabajo, Fomento de Empleo y Seguridad Social, "
     "reorganiza el instituto.",
     "organisation/ministerio-de-trabajo-fomento-de-empleo-y-seguridad-social"),
    ("O Ministério do Trabalho, Fomento do Emprego e Previdência Social lançou o plano.",
     "organisation/ministerio-do-trabalho-fomento-do-emprego-e-previdencia-social"),
    # French: the list with its own articles (as before)
    ("Le Ministère de l'Agriculture, de l'Élevage et de la Pêche a lancé le programme.",
     "organisation/ministere-de-lagriculture-de-lelevage-et-de-la-peche"),
])
def test_a_ministry_with_a_list_of_portfolios_is_one_body(
        text: str, expected: str, gazetteer: Gazetteer) -> None:
    assert bodies(text, gazetteer) == {expected}


def test_a_list_of_bodies_stays_a_list(gazetteer: Gazetteer) -> None:
    # an acronym among the items: three names, not one ministry
    found = bodies("The Ministry of Health, Local Government and UNICEF met.", gazetteer)
    assert "organisation/ministry-of-health" in found
    assert not any("local-government-and" in iri for iri in found)


def laws(text: str, gazetteer: Gazetteer) -> set[str]:
    return {iri for iri in linked_iris(text, gazetteer) if iri.startswith("law/")}


@pytest.mark.parametrize(("text", "expected"), [
    # Spanish "Núm." is a number sign as "N°" is
    ("El Consejo aprobó en 2023 el Decreto Núm. 45/2023, que crea el fondo.",
     "law/decreto-num-45-2023"),
    ("The Government issued the Ley Núm. 12-07 on pensions in 2007.", "law/ley-num-12-07"),
    # French numbers with the issuer, the year and the legislature
    ("La loi n° 37/AN/19/8ème L a été adoptée par l'Assemblée.", "law/loi-n-37-an-19-8eme-l"),
    # as before: English and Portuguese signs
    ("The Decree No. 14/2020 was issued in May.", "law/decree-no-14-2020"),
    ("A Lei n.º 7/2023 foi aprovada em maio.", "law/lei-n-7-2023"),
])
def test_number_signs_and_series(text: str, expected: str, gazetteer: Gazetteer) -> None:
    assert laws(text, gazetteer) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # French: "Union" heads a trade union's name; after "avec" it is a second body
    ("L'atelier a été organisé par le ministère du Travail avec l'Union générale des "
     "travailleurs (UGT) en mars.",
     {"organisation/ministere-du-travail", "organisation/union-generale-des-travailleurs"}),
    ("L'Union nationale des travailleurs du Niger a signé l'accord.",
     {"organisation/union-nationale-des-travailleurs-du-niger"}),
    # English names with "Union" are read as before
    ("The African Union and the Union of Teachers met.",
     {"organisation/african-union", "organisation/union-of-teachers"}),
])
def test_a_french_union_is_a_body(text: str, expected: set[str],
                                  gazetteer: Gazetteer) -> None:
    assert bodies(text, gazetteer) == expected


def test_a_minister_belongs_to_the_ministry_whose_portfolios_name_them(
        gazetteer: Gazetteer) -> None:
    found = bodies("It works with the Ministry of Fisheries, Rural Development, Labour and "
                   "Local Government. The workshop was chaired by the Minister of Labour.",
                   gazetteer)
    assert found == {
        "organisation/ministry-of-fisheries-rural-development-labour-and-local-government"}
    # a minister whose ministry the text does not name still names it
    assert bodies("The Minister of Labour opened the meeting.", gazetteer) == {
        "organisation/ministry-of-labour"}


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2022 the ILO completed a social protection assessment based national dialogue "
     "(ABND) for Tonga.",
     "study/social-protection-assessment-based-national-dialogue-tonga"),
    ("The ILO completed an assessment-based national dialogue in Fiji in 2022.",
     "study/assessment-based-national-dialogue-fiji"),
])
def test_an_assessment_based_national_dialogue_is_one_study(
        text: str, expected: str, gazetteer: Gazetteer) -> None:
    assert studies(text, gazetteer) == {expected}


def test_and_inside_a_studys_object(gazetteer: Gazetteer) -> None:
    found = studies("In 2023 the ILO published a rapid assessment of the flood's impact on "
                    "employment and social security and a costing of a wage subsidy.", gazetteer)
    assert found == {
        "study/rapid-assessment-of-the-floods-impact-on-employment-and-social-security",
        "study/costing-of-a-wage-subsidy"}
    # a participle or a determiner after "and" opens a clause, not the object
    assert studies("The ILO made a rapid assessment of pension coverage and recommended "
                   "changes.", gazetteer) == {"study/rapid-assessment-of-pension-coverage"}
    assert studies("The ILO made a rapid assessment of pension coverage and began a review.",
                   gazetteer) == {"study/rapid-assessment-of-pension-coverage"}


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2023 the tripartite steering committee on the extension of maternity cover to "
     "domestic workers, chaired by the Ministry, met.",
     "organisation/tripartite-steering-committee-on-the-extension-of-maternity-cover-to-"
     "domestic-workers"),
    # an action's topic runs to the clause's end only: here a place follows, as before
    ("The national steering committee on the reform of the pension system in the capital "
     "met.", "organisation/national-steering-committee"),
])
def test_a_lowercase_body_on_an_action(text: str, expected: str,
                                       gazetteer: Gazetteer) -> None:
    assert {i for i in bodies(text, gazetteer) if "committee" in i} == {expected}


def test_a_romance_name_ends_before_et_l_and_another_body(gazetteer: Gazetteer) -> None:
    found = {iri for iri in linked_iris(
        "Le ministère du Travail a rencontré l'Union nationale des employeurs et l'OIT.",
        gazetteer) if iri.startswith("organisation/")}
    assert "organisation/union-nationale-des-employeurs" in found, found
    assert not any(iri.endswith("-et-l") for iri in found), found
