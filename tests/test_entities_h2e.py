"""Entity names on made-up sentences (issue 16, fresh-3/7/8/9 classes): the IRIs of studies
named by their object or kept in French, Spanish or Portuguese."""

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


def studies(text: str, gazetteer: Gazetteer) -> set[str]:
    return {iri for iri in iris(text, gazetteer) if iri.startswith("study/")}


def test_a_study_of_a_named_body_is_that_one_without_the_country(
        gazetteer: Gazetteer) -> None:
    # "of the NSF" says which valuation: the country is no word of its IRI
    found = studies("In Ghana, the ILO completed an actuarial valuation of the NSF in 2021. "
                    "Ghana will use it.", gazetteer)
    assert found == {"study/actuarial-valuation-of-the-nsf"}
    # an owner inside the object is kept as written ("the SSA's …")
    found = studies("In Kenya, the ILO completed an actuarial valuation of the SSA’s "
                    "long-term benefits branch in 2021. Kenya will use it.", gazetteer)
    assert found == {"study/actuarial-valuation-of-the-ssas-long-term-benefits-branch"}


def test_a_study_of_a_kind_still_names_the_country(gazetteer: Gazetteer) -> None:
    found = studies("In Ghana, the ILO completed an actuarial valuation in 2021. Ghana will "
                    "use it.", gazetteer)
    assert found == {"study/actuarial-valuation-ghana"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Au Tchad, le BIT a réalisé une étude actuarielle en 2022. Le Tchad l'a validée.",
     "study/etude-actuarielle-tchad"),
    ("En Algérie, le BIT a réalisé une étude de faisabilité en 2022. L'Algérie l'a validée.",
     "study/etude-de-faisabilite-algerie"),
    ("En España, la OIT realizó un estudio actuarial en 2022. España lo validó.",
     "study/estudio-actuarial-espana"),
    ("No Brasil, a OIT realizou um estudo atuarial em 2022. O Brasil o validou.",
     "study/estudo-atuarial-brasil"),
])
def test_a_romance_study_names_the_country_in_its_language(
        gazetteer: Gazetteer, text: str, expected: str) -> None:
    assert expected in studies(text, gazetteer)


def test_parliament_alone_is_named_as_written(gazetteer: Gazetteer) -> None:
    # the annotation guide: the name as the text writes it
    found = iris("In Kenya, Parliament passed the Social Assistance Act on 3 May 2023; the "
                 "bill had gone to parliament in March.", gazetteer)
    assert "organisation/parliament" in found
    assert "organisation/parliament-of-kenya" not in found


@pytest.mark.parametrize("text", [
    "In Uganda, the Parliament of Uganda debated the bill. Parliament passed it in May.",
    "Uganda's Parliament debated the bill. In Uganda, Parliament passed it in May.",
])
def test_parliament_named_with_its_country_is_that_one(gazetteer: Gazetteer,
                                                      text: str) -> None:
    found = {i for i in iris(text, gazetteer) if i.startswith("organisation/")}
    assert found == {"organisation/parliament-of-uganda"}


def sdgs(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).rsplit("/", 1)[-1] for e in link_mentions(mentions, gazetteer)
            if "metadata.un.org/sdg" in str(e.iri)}


@pytest.mark.parametrize(("text", "expected"), [
    ("« La réforme rapproche le Sénégal de la cible 1.3 des objectifs de développement "
     "durable », a déclaré le ministre.", {"1.3"}),
    ("Le programme contribue à l'ODD 1 et aux cibles 1.3 et 8.5.", {"1", "1.3", "8.5"}),
    ("La ley contribuye a la meta 1.3 de los Objetivos de Desarrollo Sostenible.", {"1.3"}),
    ("A reforma contribui para a meta 8.5 dos ODS.", {"8.5"}),
])
def test_sdg_targets_in_french_spanish_and_portuguese(gazetteer: Gazetteer, text: str,
                                                     expected: set[str]) -> None:
    assert sdgs(text, gazetteer) == expected


def test_a_target_without_the_goals_is_none(gazetteer: Gazetteer) -> None:
    # no goal is named in the text: "meta" and "cible" are any aim
    assert sdgs("La meta 1.3 del plan es llegar a 500 hogares; la cible 2.1 aussi.",
                gazetteer) == set()


def groups(text: str, gazetteer: Gazetteer) -> set[str]:
    return {i for i in iris(text, gazetteer) if i.startswith("population-group/")}


def test_a_conjunct_beside_a_two_word_qualifier_takes_the_head(gazetteer: Gazetteer) -> None:
    found = groups("In Togo, the law opens social security to self-employed and informal "
                   "economy workers.", gazetteer)
    assert found == {"population-group/self-employed-workers",
                     "population-group/informal-economy-workers"}
    # one-word qualifiers share the rest as before
    found = groups("In Togo, the law covers gig and platform workers.", gazetteer)
    assert found == {"population-group/gig-workers", "population-group/platform-workers"}


@pytest.mark.parametrize(("text", "expected"), [
    ("In Jordan, the benefit lasts 12 months for jobseekers aged over 55.",
     "population-group/jobseekers-aged-over-55"),
    ("In Jordan, the scheme pays women aged 18 to 35.", "population-group/women-aged-18-to-35"),
    ("In Jordan, it pays pensioners aged between 70 and 79.",
     "population-group/pensioners-aged-between-70-and-79"),
])
def test_an_age_range_is_part_of_the_group(gazetteer: Gazetteer, text: str,
                                           expected: str) -> None:
    assert groups(text, gazetteer) == {expected}


@pytest.mark.parametrize("text", [
    "The benefit is paid by the Pension Fund of Turkmenistan. In 2022 the ILO trained "
    "specialists of the Pension Fund in Mary.",
    "The Workers Provident Fund of Sri Lanka pays pensions; the Workers Provident Fund "
    "also pays family benefits.",
    "The Social Insurance Fund of the Philippines pays it; the Social Insurance Fund also "
    "pays sickness benefits.",
])
def test_a_body_named_again_without_its_country_is_the_same(gazetteer: Gazetteer,
                                                           text: str) -> None:
    found = {i for i in iris(text, gazetteer) if i.startswith("organisation/")
             and "labour-organization" not in i}
    assert len(found) == 1, found
    assert found.pop().split("-of-")[-1] in {"turkmenistan", "sri-lanka",
                                             "the-philippines"}


def test_a_body_of_a_subject_is_not_a_country_s(gazetteer: Gazetteer) -> None:
    # "of Labour" is no country: the two ministries stay two
    found = iris("The Ministry of Labour of Kenya met the Ministry of Health.", gazetteer)
    assert {"organisation/ministry-of-labour-of-kenya", "organisation/ministry-of-health"} <= (
        found)


@pytest.mark.parametrize(("text", "expected"), [
    ("In Myanmar, the Maternal and Child Cash Transfer, run by the Department of Social "
     "Welfare, covers pregnant women.", "programme/maternal-and-child-cash-transfer"),
    ("In Kenya, the Older Persons Cash Transfer pays 2,000 shillings a month.",
     "programme/older-persons-cash-transfer"),
])
def test_a_cash_transfer_named_without_programme_is_one(gazetteer: Gazetteer, text: str,
                                                        expected: str) -> None:
    assert expected in iris(text, gazetteer)


def test_a_unit_named_after_cash_transfers_is_a_body(gazetteer: Gazetteer) -> None:
    found = iris("In Kenya, the Cash Transfer Unit of the ministry met in May.", gazetteer)
    assert not any(i.startswith("programme/") for i in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("The ILO Country Office for Malaysia organised it. The ILO Country Office also funded "
     "it.", {"organisation/ilo-country-office-for-malaysia"}),
    ("The Ministry of Labour and the Ministry of Labour of the Republic of Moldova met.",
     {"organisation/ministry-of-labour-of-the-republic-of-moldova"}),
])
def test_a_country_after_for_or_a_state_of_is_dropped_to_link(
        gazetteer: Gazetteer, text: str, expected: set[str]) -> None:
    found = {i for i in iris(text, gazetteer) if i.startswith("organisation/")
             and "labour-organization" not in i}
    assert found == expected


@pytest.mark.parametrize("text", [
    "In Oman, the ILO trained claims officers on the new benefit rules in May.",
    "In Thailand, the Cabinet approved a ministerial regulation raising the benefits.",
    "En Uruguay, the ILO trained staff on the revised contribution regulations.",
])
def test_rules_in_lowercase_name_no_legal_text(gazetteer: Gazetteer, text: str) -> None:
    assert not any(i.startswith("law/") for i in iris(text, gazetteer))


def test_named_rules_are_still_a_legal_text(gazetteer: Gazetteer) -> None:
    found = iris("In Oman, the Social Protection Fund Rules 2023 apply from May.", gazetteer)
    assert "law/social-protection-fund-rules-2023" in found


@pytest.mark.parametrize(("text", "expected"), [
    ("In Panama, the ministry runs Programa 120 a los 65, a monthly transfer for persons "
     "aged 65 and over.", "programme/programa-120-a-los-65"),
    ("In Peru, the ministry runs Pensión 65, a non-contributory pension for older persons.",
     "programme/pension-65"),
    ("In Kenya, Inua Jamii, a cash transfer programme, pays older persons.",
     "programme/inua-jamii"),
    ("No Brasil, o ministério gere o Bolsa Verde, a conditional cash transfer for families.",
     "programme/bolsa-verde"),
])
def test_a_name_apposed_to_a_kind_of_programme_is_one(gazetteer: Gazetteer, text: str,
                                                      expected: str) -> None:
    assert expected in iris(text, gazetteer)


@pytest.mark.parametrize("text", [
    "In 2019, a new scheme was set up for older persons.",
    "The Ministry of Labour, a key partner, met officials of Kenya, a country with a "
    "cash transfer.",
])
def test_an_opener_a_body_or_a_place_apposed_is_no_programme(gazetteer: Gazetteer,
                                                            text: str) -> None:
    assert not any(i.startswith("programme/") for i in iris(text, gazetteer))


def test_poverty_is_part_of_a_group(gazetteer: Gazetteer) -> None:
    assert "population-group/families-in-extreme-poverty" in groups(
        "In Panama, the transfer covers families in extreme poverty.", gazetteer)
