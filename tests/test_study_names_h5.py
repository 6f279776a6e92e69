"""Study names in lowercase (issue 16): where the name ends before a participle, objects
with accented capitals or a possessive, and actuarial projections
(spkg.ingest.mentions.documents). Sentences made up for these tests."""

from __future__ import annotations

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def studies(text: str, gazetteer: Gazetteer, country: str = "Ghana") -> set[str]:
    text = f"In {country}, " + text  # the study's IRI names the document's country
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/study/" in str(e.iri)}


@pytest.mark.parametrize("participle", ["funded", "financed", "commissioned", "requested",
                                        "validated", "presented", "reviewed", "endorsed"])
def test_a_participle_ends_the_name(gazetteer: Gazetteer, participle: str) -> None:
    text = (f"the ILO delivered a costing study on the proposed child benefit {participle} "
            "by the World Bank.")
    assert studies(text, gazetteer) == {
        "study/costing-study-on-the-proposed-child-benefit"}


def test_a_participle_ends_the_name_of_a_feasibility_study(gazetteer: Gazetteer) -> None:
    text = "the Ministry received a feasibility study on a pension plan financed by Irish Aid."
    assert studies(text, gazetteer, "Zambia") == {
        "study/feasibility-study-on-a-pension-plan"}


def test_an_accented_capital_stays_in_the_object(gazetteer: Gazetteer) -> None:
    text = "the ILO made an assessment of the Registro Único de Beneficiarios in 2020."
    assert studies(text, gazetteer, "Peru") == {
        "study/assessment-of-the-registro-unico-de-beneficiarios"}


def test_a_lowercase_possessive_stays_in_the_object(gazetteer: Gazetteer) -> None:
    text = "the ILO carried out an evaluation of the programme's second phase in 2023."
    assert studies(text, gazetteer, "Nepal") == {
        "study/evaluation-of-the-programmes-second-phase"}


def test_the_object_named_before_still_gives_nothing(gazetteer: Gazetteer) -> None:
    text = "a new law was adopted. The ILO then made an assessment of the law."
    assert studies(text, gazetteer, "Nepal") == set()


def test_an_actuarial_projection(gazetteer: Gazetteer) -> None:
    text = "the ILO completed an actuarial projection of the NPF in 2021."
    assert studies(text, gazetteer, "Fiji") == {"study/actuarial-projection-of-the-npf"}


def test_an_actuarial_projection_alone_names_the_countrys(gazetteer: Gazetteer) -> None:
    text = "the Fund published its actuarial projections in May."
    assert studies(text, gazetteer, "Fiji") == {"study/actuarial-projections-fiji"}


@pytest.mark.parametrize("text", [
    "population projections show an ageing society.",
    "the projection of the budget was revised.",
    "the Fund was funded by the Government.",
])
def test_look_alikes_give_no_study(gazetteer: Gazetteer, text: str) -> None:
    assert studies(text, gazetteer, "Fiji") == set()


@pytest.mark.parametrize(("country", "text", "expected"), [
    ("Bolivia", "la OIT preparó una valuación actuarial del Fondo de Pensiones en 2021.",
     "study/valuacion-actuarial-del-fondo-de-pensiones"),
    ("Bolivia", "the ILO prepared an estimación actuarial del Seguro Social at the request of "
     "the Ministry.", "study/estimacion-actuarial-del-seguro-social"),
    ("Paraguay", "se realizó un estudio de factibilidad con apoyo de la OIT.",
     "study/estudio-de-factibilidad-paraguay"),
    ("Mozambique", "a OIT elaborou um estudo de viabilidade do Subsídio Social Básico.",
     "study/estudo-de-viabilidade-do-subsidio-social-basico"),
    ("Angola", "o governo recebeu uma avaliação atuarial em 2022.",
     "study/avaliacao-atuarial-angola"),
    ("Angola", "o governo recebeu um diagnóstico do sistema de proteção social com apoio da OIT.",
     "study/diagnostico-do-sistema-de-protecao-social"),
    ("Chile", "the ILO prepared an informe actuarial on the pension system in 2021.",
     "study/informe-actuarial-chile"),
    ("Senegal", "le BIT a réalisé une projection actuarielle de la Caisse de Sécurité Sociale.",
     "study/projection-actuarielle-de-la-caisse-de-securite-sociale"),
    ("Togo", "le BIT a présenté une étude de faisabilité sur l'assurance maladie au Ministère.",
     "study/etude-de-faisabilite-sur-lassurance-maladie"),
    ("Ecuador", "the ILO presented an evaluación de impacto del programa Bono Joven in Quito.",
     "study/evaluacion-de-impacto-del-programa-bono-joven"),
])
def test_romance_study_names(gazetteer: Gazetteer, country: str, text: str,
                             expected: str) -> None:
    assert expected in studies(text, gazetteer, country)


@pytest.mark.parametrize("text", [
    "el informe fue publicado en mayo.",
    "the projection of the budget was revised.",
    "o relatório foi publicado.",
    "the ILO shared an informe de la OIT with the unions.",
    "le rapport de la réunion a été partagé.",
    "la revue de presse a été publiée.",
    "el informe sobre la cobertura fue publicado.",
])
def test_romance_look_alikes_give_no_study(gazetteer: Gazetteer, text: str) -> None:
    assert studies(text, gazetteer, "Angola") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("the ILO delivered a feasibility study on the new scheme in 2022.",
     {"study/feasibility-study-ghana"}),
    ("the Ministry received a rapid assessment of the programme in June.",
     {"study/rapid-assessment-ghana"}),
    ("the Ministry received an assessment of the programme in June.", set()),
    ("the unions recommended an actuarial valuation of the fund.", set()),
    ("the ILO advised on the actuarial costing of the regime.", set()),
])
def test_a_kind_of_study_of_an_object_named_before(gazetteer: Gazetteer, text: str,
                                                   expected: set[str]) -> None:
    assert studies(text, gazetteer) == expected


def test_a_sector_after_the_group_is_the_groups(gazetteer: Gazetteer) -> None:
    text = ("the ILO shared a feasibility study on a maternity benefit for domestic workers in "
            "the informal economy with the unions.")
    assert studies(text, gazetteer) == {
        "study/feasibility-study-on-a-maternity-benefit-for-domestic-workers"}


def test_a_sector_of_the_object_stays(gazetteer: Gazetteer) -> None:
    text = "the ILO shared a rapid assessment of coverage in the cocoa sector with the unions."
    assert studies(text, gazetteer) == {
        "study/rapid-assessment-of-coverage-in-the-cocoa-sector"}


def test_a_capitalised_actuarial_projection(gazetteer: Gazetteer) -> None:
    text = "the ILO completed the Actuarial Projection of the Pension Fund in 2020."
    assert studies(text, gazetteer) == {"study/actuarial-projection-of-the-pension-fund"}


def test_both_opens_an_object(gazetteer: Gazetteer) -> None:
    text = "the ILO shared a comparative assessment of both pension schemes with the unions."
    assert studies(text, gazetteer) == {
        "study/comparative-assessment-of-both-pension-schemes"}
