"""Implementation, membership and topic forms of real ILO texts (issue 16, fresh-11's
classes), on made-up sentences."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import ORG, SPKG


def test_a_partner_listed_after_an_ilo_office_is_no_ilo_unit(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A consultation on the draft pension reform was held in Kingsport on 4 May 2022, "
            "with support from the ILO Decent Work Team and Office for the Caribbean, UNICEF "
            "and the World Food Programme (WFP).")
    units = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Jamaica"),
                       ORG.subOrganizationOf)
    assert ("world-food-programme", "international-labour-organization") not in units


def test_an_indefinite_apposition_restates_the_programme_named_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Bolsa Apoio Rural, a cash transfer programme implemented by the Direção "
            "Nacional de Acção Social (DNAS), reaches poor households in the north.")
    done = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Angola"),
                      SPKG.implementedBy)
    assert ("bolsa-apoio-rural", "direcao-nacional-de-accao-social") in done
    assert not any(programme == "cash-transfer-programme" for programme, _ in done)


def test_a_law_inside_a_participle_clause_is_not_what_the_body_runs(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Maternity Benefit Scheme, established under the Maternity Protection Act, "
            "2015 (Act No. 12 of 2015), is administered by the Ministry of Labour.")
    done = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Ghana"),
                      SPKG.implementedBy)
    assert not any(subject.startswith("maternity-protection-act") for subject, _ in done)
    assert ("maternity-benefit-scheme", "ministry-of-labour") in done


def test_both_studies_of_the_sentence_before_are_what_a_meeting_discussed(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO prepared an actuarial valuation of the Old Age Fund and a feasibility "
            "study on maternity insurance. Both were discussed at a tripartite meeting in "
            "Kumasi on 3 March 2022.")
    topics = {study for _, study in slug_pairs(
        page_facts(tmp_path, gazetteer, body, "Social protection in Ghana"), SPKG.concerns)}
    assert {"actuarial-valuation-of-the-old-age-fund",
            "feasibility-study-on-maternity-insurance"} <= topics


def test_spanish_reflexive_passive_findings_at_a_workshop(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("La OIT elaboró una valuación actuarial del régimen de salud. Sus resultados se "
            "presentaron en un taller tripartito celebrado en Cuenca el 4 de mayo de 2023.")
    topics = {study for _, study in slug_pairs(
        page_facts(tmp_path, gazetteer, body, "Protección social en Ecuador"), SPKG.concerns)}
    assert "valuacion-actuarial-del-regimen-de-salud" in topics


def test_a_spanish_law_applied_by_an_institute(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("La Ley de Pensiones Solidarias, aprobada por la Asamblea Nacional el 3 de "
            "marzo de 2021, será aplicada por el Instituto Nacional de Previsión Social (INPS).")
    done = slug_pairs(page_facts(tmp_path, gazetteer, body, "Protección social en Panamá"),
                      SPKG.implementedBy)
    assert ("ley-de-pensiones-solidarias", "instituto-nacional-de-prevision-social") in done


def test_its_division_is_part_of_the_one_body_named_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Social assistance is the task of the Ministry of Family Affairs and Housing. Its "
            "Social Welfare Division administers the Elderly Support Programme.")
    units = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Belize"),
                       ORG.subOrganizationOf)
    assert ("social-welfare-division", "ministry-of-family-affairs-and-housing") in units


def test_its_division_after_two_bodies_is_nobodys(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Family Affairs and Housing and the Ministry of Finance met. Its "
            "Social Welfare Division administers the Elderly Support Programme.")
    units = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Belize"),
                       ORG.subOrganizationOf)
    assert not any(part == "social-welfare-division" for part, _ in units)


def test_a_french_decree_whose_implementation_is_entrusted_to_a_fund(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le décret n° 21-404 portant régime des pensions a été adopté le 4 mai 2021. Il "
            "modifie le décret n° 11-020, et sa mise en œuvre est confiée à la Caisse "
            "nationale de prévoyance sociale (CNPS).")
    done = slug_pairs(page_facts(tmp_path, gazetteer, body, "Protection sociale au Gabon"),
                      SPKG.implementedBy)
    assert any(law.startswith("decret-n-21-404")
               and agent == "caisse-nationale-de-prevoyance-sociale" for law, agent in done)
    assert not any(law.startswith("decret-n-11-020") for law, _ in done)


def test_an_english_programme_whose_administration_is_entrusted(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Rural Pension Programme started in 2019, and its administration is entrusted "
            "to the Social Security Board.")
    done = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Belize"),
                      SPKG.implementedBy)
    assert ("rural-pension-programme", "social-security-board") in done


def test_elle_presented_at_a_workshop_is_the_study_of_the_sentence_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("En 2022, le BIT a réalisé une étude actuarielle de la Caisse de retraite. Elle a "
            "été présentée lors d'un atelier tripartite tenu à Kindia le 4 mai 2023.")
    topics = {topic for _, topic in slug_pairs(
        page_facts(tmp_path, gazetteer, body, "Protection sociale en Guinée"), SPKG.concerns)}
    assert any(topic.startswith("etude-actuarielle") for topic in topics)


def test_a_pronoun_after_a_sentence_without_study_names_no_topic(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le décret n° 22-101 a été adopté le 3 mars 2022. Il a été présenté lors d'un "
            "atelier tripartite tenu à Kindia le 4 mai 2023.")
    topics = slug_pairs(page_facts(tmp_path, gazetteer, body, "Protection sociale en Guinée"),
                        SPKG.concerns)
    assert not any("atelier" in event or "workshop" in event for event, _ in topics)
