"""Coverage stated with the covered groups as subject, in English, French, Spanish and
Portuguese ("les pêcheurs … sont couverts par la Caisse pour la vieillesse"), read from
made-up sentences, with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import ORG, SPKG


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str,
          predicate: object) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection"), predicate)


@pytest.mark.parametrize(("body", "law", "groups", "branches"), [
    # French: a date opening, the article, "et les", a registration participle, the paying
    # body between the verb and the branches
    ("Le décret n° 2031-14 a été adopté le 3 mars 2031. À partir du 1er mai 2031, les "
     "pêcheurs et les artisans immatriculés sont couverts par la Caisse Nationale de "
     "Sécurité Sociale (CNSS) pour la vieillesse, l'invalidité et les soins de santé.",
     "decret-n-2031-14", {"pecheurs", "artisans"}, {"old-age", "invalidity", "medical-care"}),
    # French: the body they registered with inside the subject
    ("Le décret n° 2031-14 a été adopté le 3 mars 2031. À compter du 1er mai 2031, les "
     "pêcheurs inscrits auprès de la Caisse Nationale de Sécurité Sociale sont couverts pour "
     "la maladie et la maternité.",
     "decret-n-2031-14", {"pecheurs"}, {"sickness", "maternity"}),
    # Spanish
    ("El Decreto n.º 45/2031 fue aprobado el 3 de marzo de 2031. Desde el 1 de mayo de 2031, "
     "los pescadores y los vendedores ambulantes están cubiertos por el Instituto Nacional de "
     "Seguridad Social (INSS) contra la vejez y la invalidez.",
     "decreto-n-45-2031", {"pescadores", "vendedores-ambulantes"}, {"old-age", "invalidity"}),
    # Portuguese
    ("A Lei n.º 12/2031 foi aprovada em 3 de março de 2031. Os pescadores ficam cobertos "
     "para a velhice e a invalidez.",
     "lei-n-12-2031", {"pescadores"}, {"old-age", "invalidity"}),
    # English: "have also been covered"
    ("The Fishers Welfare Act, 2031 entered into force on 1 May 2031. Since 1 June 2031, "
     "fishers and domestic workers have also been covered for employment injury.",
     "fishers-welfare-act-2031", {"fishers", "domestic-workers"}, {"employment-injury"}),
    # English: "under the same decree" after a date, a registration naming a register
    ("Under Decree No. 418 of 2 May 2031, employers who hire new workers receive a subsidy. "
     "Since 1 June 2031, under the same decree, domestic workers registered in the National "
     "Workers Registry have also been covered for employment injury.",
     "decree-no-418", {"domestic-workers"}, {"employment-injury"}),
])
def test_groups_covered_for_branches_by_the_law_just_named(
        tmp_path: Path, gazetteer: Gazetteer, body: str, law: str, groups: set[str],
        branches: set[str]) -> None:
    assert {(law, g) for g in groups} <= pairs(tmp_path, gazetteer, body,
                                                SPKG.extendsCoverageTo)
    assert {(law, b) for b in branches} <= pairs(tmp_path, gazetteer, body,
                                                 SPKG.coversContingency)


@pytest.mark.parametrize("body", [
    # a wish, not a fact
    "Le décret n° 2031-14 a été adopté le 3 mars 2031. Les pêcheurs devraient être couverts "
    "pour la vieillesse.",
    "El Decreto n.º 45/2031 fue aprobado en 2031. Los pescadores deberían estar cubiertos "
    "contra la vejez.",
    # the groups are not the subject: they are the object of another clause
    "Le décret n° 2031-14 a été adopté le 3 mars 2031. Le syndicat des pêcheurs est couvert "
    "pour la vieillesse.",
])
def test_no_coverage_from_a_wish_or_another_subject(tmp_path: Path, gazetteer: Gazetteer,
                                                    body: str) -> None:
    assert not pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)
    assert not pairs(tmp_path, gazetteer, body, SPKG.coversContingency)


def test_a_body_that_continues_to_implement_a_project_implements_it(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Social Welfare continues to implement the Rural Resilience "
            "Project with the World Food Programme.")
    assert ("rural-resilience-project", "ministry-of-social-welfare") in pairs(
        tmp_path, gazetteer, body, SPKG.implementedBy)


def test_continuing_to_implement_reforms_names_no_implementer(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Social Welfare continues to implement reforms of the Child "
            "Support Grant.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.implementedBy)
    assert not pairs(tmp_path, gazetteer, body, SPKG.implements)


@pytest.mark.parametrize(("body", "board", "whole"), [
    ("The National Pension Authority (NPA) was created in 2030. The ILO presented the "
     "valuation to the Board of Directors of the NPA in Accra on 3 May 2031.",
     "board-of-directors-of-the-npa", "national-pension-authority"),
    ("La Caja Nacional de Previsión (CNP) fue creada en 2030. La OIT presentó el estudio a la "
     "Junta Directiva de la CNP el 3 de mayo de 2031.",
     "junta-directiva-de-la-cnp", "caja-nacional-de-prevision"),
])
def test_a_board_named_after_an_acronym_is_part_of_the_body_it_stands_for(
        tmp_path: Path, gazetteer: Gazetteer, body: str, board: str, whole: str) -> None:
    assert (board, whole) in pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)


def test_a_board_named_after_an_unintroduced_acronym_is_part_of_nothing(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The ILO presented the valuation to the Board of Directors of the NPA in Accra."
    assert not pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)


@pytest.mark.parametrize(("body", "event", "studies"), [
    ("In 2031 the ILO prepared an actuarial valuation of the National Pension Fund. Its "
     "findings were discussed at a tripartite workshop in Accra on 3 May 2031.",
     "tripartite-workshop-2031-05-03", {"actuarial-valuation-of-the-national-pension-fund"}),
    ("In 2031 the ILO prepared an actuarial valuation of the National Pension Fund and a legal "
     "gap analysis of the Pension Act. Their findings were presented at a national workshop in "
     "Accra on 3 May 2031.",
     "national-workshop-2031-05-03", {"actuarial-valuation-of-the-national-pension-fund",
                                      "legal-gap-analysis-of-the-pension-act"}),
    ("En 2031, l'OIT a réalisé une étude de faisabilité sur l'assurance maladie. Ses "
     "conclusions ont été présentées lors d'un atelier national de validation à Dakar le "
     "3 mai 2031.",
     "atelier-national-de-validation-2031-05-03",
     {"etude-de-faisabilite-sur-lassurance-maladie"}),
])
def test_findings_discussed_at_a_gathering_make_it_concern_the_study(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str, studies: set[str]) -> None:
    assert {(event, s) for s in studies} <= pairs(tmp_path, gazetteer, body, SPKG.concerns)


def test_findings_shown_at_a_forum_on_its_own_subject_do_not_make_it_concern_the_study(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In 2031 the ILO prepared an actuarial valuation of the National Pension Fund. Its "
            "results were presented at a regional forum on adaptive social protection in Accra "
            "on 3 May 2031.")
    assert not {o for _, o in pairs(tmp_path, gazetteer, body, SPKG.concerns)} & {
        "actuarial-valuation-of-the-national-pension-fund"}

