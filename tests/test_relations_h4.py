"""Funding, support and location forms of real ILO texts (issue 16), on made-up sentences:
a fronted "With funding from X, the ILO carried out A and B", "Both were funded by X" after
a sentence naming the studies, in English, French, Spanish and Portuguese."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.namespace import SPKG


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def related(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object,
            title: str = "Social protection in Kenya") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title), predicate)


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Social protection in Kenya",
     "With funding from the Swiss Agency for Development and Cooperation (SDC), the ILO "
     "carried out a feasibility study on the extension of the NHIF and an actuarial valuation "
     "of the NSSF.",
     {("feasibility-study-on-the-extension-of-the-nhif-kenya",
       "swiss-agency-for-development-and-cooperation"),
      ("actuarial-valuation-of-the-nssf-kenya", "swiss-agency-for-development-and-cooperation")}),
    ("Social protection in Kenya",
     "With financial support from the European Union and Irish Aid, the ILO prepared an "
     "actuarial valuation of the NSSF, which measured gaps, and a costing of a universal child "
     "benefit.",
     {("actuarial-valuation-of-the-nssf-kenya", "irish-aid"),
      ("costing-of-a-universal-child-benefit-kenya", "european-union")}),
    ("La protection sociale au Sénégal",
     "Avec le financement de l'Agence française de développement (AFD), le BIT a réalisé une "
     "étude actuarielle de la CNSS et une évaluation du régime simplifié.",
     {("etude-actuarielle-senegal", "french-development-agency"),
      ("evaluation-du-regime-simplifie-senegal", "french-development-agency")}),
    ("La protección social en Honduras",
     "Con financiamiento del Banco Interamericano de Desarrollo (BID), la OIT elaboró un "
     "estudio de factibilidad del seguro de desempleo.",
     {("estudio-de-factibilidad-del-seguro-de-desempleo-honduras",
       "inter-american-development-bank")}),
])
def test_fronted_funding_funds_the_studies_named(tmp_path: Path, gazetteer: Gazetteer,
                                                  title: str, body: str,
                                                  expected: set[tuple[str, str]]) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.fundedBy, title)
    assert expected <= found, found


def test_fronted_funding_stops_at_a_semicolon(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("With funding from Irish Aid, the ILO prepared an actuarial valuation of the NSSF; "
            "the Ministry of Labour prepared a costing of a universal child benefit.")
    found = related(tmp_path, gazetteer, body, SPKG.fundedBy)
    assert ("actuarial-valuation-of-the-nssf-kenya", "irish-aid") in found, found
    assert ("costing-of-a-universal-child-benefit-kenya", "irish-aid") not in found, found


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Social protection in Kenya",
     "The ILO prepared an actuarial valuation of the NSSF and a review of the draft law. Both "
     "were funded by the European Union.",
     {("actuarial-valuation-of-the-nssf-kenya", "european-union"),
      ("review-of-the-draft-law-kenya", "european-union")}),
    ("Social protection in Kenya",
     "The ILO prepared an actuarial valuation of the NSSF and a review of the draft law. Both "
     "studies were financed by the Government of Japan and by Irish Aid.",
     {("actuarial-valuation-of-the-nssf-kenya", "irish-aid"),
      ("review-of-the-draft-law-kenya", "government-of-japan")}),
    ("La protection sociale au Sénégal",
     "Le BIT a réalisé une étude actuarielle de la CNSS et une évaluation du régime simplifié. "
     "Les deux études ont été financées par l'Union européenne.",
     {("etude-actuarielle-senegal", "european-union"),
      ("evaluation-du-regime-simplifie-senegal", "european-union")}),
    ("La protección social en Honduras",
     "La OIT elaboró un estudio actuarial del IHSS y un estudio de factibilidad del seguro de "
     "desempleo. Ambos fueron financiados por la Unión Europea.",
     {("estudio-actuarial-honduras", "european-union"),
      ("estudio-de-factibilidad-del-seguro-de-desempleo-honduras", "european-union")}),
])
def test_both_were_funded_reads_the_sentence_before(tmp_path: Path, gazetteer: Gazetteer,
                                                    title: str, body: str,
                                                    expected: set[tuple[str, str]]) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.fundedBy, title)
    assert expected <= found, found


def test_both_needs_two_studies_before(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO prepared an actuarial valuation of the NSSF for the Ministry of Labour. "
            "Both were funded by the European Union.")
    found = related(tmp_path, gazetteer, body, SPKG.fundedBy)
    assert not found, found
