"""Studies named in lowercase: where their name ends, and which are none yet
(spkg.ingest.mentions.documents). Sentences made up for these tests."""

from __future__ import annotations

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def studies(text: str, gazetteer: Gazetteer) -> set[str]:
    text = "In Ghana, " + text  # the study's IRI names the document's country
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/study/" in str(e.iri)}


def test_which_sector_is_part_of_the_name(gazetteer: Gazetteer) -> None:
    text = "the ILO prepared a rapid assessment of pension coverage in the fishing sector."
    assert studies(text, gazetteer) == {
        "study/rapid-assessment-of-pension-coverage-in-the-fishing-sector"}


def test_where_is_not_part_of_the_name(gazetteer: Gazetteer) -> None:
    text = "the ILO prepared a rapid assessment of pension coverage in Kumasi."
    assert studies(text, gazetteer) == {"study/rapid-assessment-of-pension-coverage"}


def test_an_action_keeps_whom_it_extends_to(gazetteer: Gazetteer) -> None:
    text = ("the ILO completed a feasibility study on extending maternity cover to domestic "
            "workers in 2022.")
    assert studies(text, gazetteer) == {
        "study/feasibility-study-on-extending-maternity-cover-to-domestic-workers"}


def test_a_study_of_a_named_scheme_keeps_its_owner(gazetteer: Gazetteer) -> None:
    # the object is named: the study is that one, as written, with no country added
    text = "the ILO ran an actuarial valuation of the SSNIT's Basic Pension Scheme in 2021."
    assert studies(text, gazetteer) == {
        "study/actuarial-valuation-of-the-ssnits-basic-pension-scheme"}


@pytest.mark.parametrize("text", [
    "the board recommended an actuarial valuation of the pension fund.",
    "the new act requires an actuarial review of the scheme every five years.",
    "the unions called for a review of the benefit formula.",
    "the ILO advised on the costing of the scheme, in line with Convention No. 102.",
])
def test_a_study_asked_for_or_of_something_named_before_is_none(
        text: str, gazetteer: Gazetteer) -> None:
    assert studies(text, gazetteer) == set()


def test_the_agency_that_made_a_study_is_no_word_of_its_name(gazetteer: Gazetteer) -> None:
    text = "an ILO actuarial review completed in March 2024 found a deficit."
    assert studies(text, gazetteer) == {"study/actuarial-review-ghana"}


def test_a_kind_of_study_alone_is_the_countrys(gazetteer: Gazetteer) -> None:
    text = "a costing study by the ILO put the subsidy at 20 million."
    assert studies(text, gazetteer) == {"study/costing-study-ghana"}
    assert studies("a study by the ILO put the subsidy at 20 million.", gazetteer) == set()


def test_a_by_law_is_named_with_what_it_is_on(gazetteer: Gazetteer) -> None:
    text = "In Jordan, the Cabinet approved the by-law on the protection of home-based workers."
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    found = {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}
    assert "law/by-law-on-the-protection-of-home-based-workers" in found


def test_an_estimate_and_a_question_a_study_asks(gazetteer: Gazetteer) -> None:
    text = ("the ILO made an actuarial estimate of the benefit costs and began a joint "
            "assessment of how the health fund could pay sooner.")
    assert studies(text, gazetteer) == {
        "study/actuarial-estimate-of-the-benefit-costs", "study/joint-assessment-ghana"}


def test_french_and_spanish_studies_in_lowercase(gazetteer: Gazetteer) -> None:
    text = ("l'OIT a lancé une étude de faisabilité d'une mutuelle pour les pêcheurs qui sera "
            "présentée en mai, et un estudio actuarial del Fondo Rural de Pensiones, "
            "presentado en Accra. Une étude sera faite.")
    assert studies(text, gazetteer) == {
        "study/etude-de-faisabilite-dune-mutuelle-pour-les-pecheurs",
        "study/estudio-actuarial-del-fondo-rural-de-pensiones"}


def test_who_made_a_french_or_spanish_study_is_no_word_of_its_name(
        gazetteer: Gazetteer) -> None:
    text = ("un estudio de la OIT indica que pocos cotizan, et une étude du BIT sur la "
            "couverture des pêcheurs a été publiée.")
    assert studies(text, gazetteer) == {"study/etude-sur-la-couverture-des-pecheurs"}


def test_a_bodys_possessive_and_an_ordinal_before_a_studys_kind(gazetteer: Gazetteer) -> None:
    text = "the ILO supported the NSSF's second actuarial valuation, completed in 2022."
    assert studies(text, gazetteer) == {"study/actuarial-valuation-ghana"}


def test_studies_named_in_capitals(gazetteer: Gazetteer) -> None:
    text = ("the ILO finished the Social Insurance Diagnostic for Ghana, the Actuarial "
            "Valuation of the Rural Pension Fund and the Health Financing Review 2021-2022; "
            "the Review Committee met and the ILO Report was read.")
    found = studies(text, gazetteer)
    assert {"study/social-insurance-diagnostic-for-ghana",
            "study/actuarial-valuation-of-the-rural-pension-fund",
            "study/health-financing-review-2021-2022"} <= found
    assert not any("committee" in i or i.startswith("study/ilo-report") for i in found)
