"""Law numbers in IRIs, and the events that hang on laws, trainings and disasters, on
made-up sentences in English, French, Spanish and Portuguese (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.lawnumbers import law_number_form
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span
from spkg.namespace import SPKG


def slugs(text: str, gazetteer: Gazetteer, kind: str) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split(f"/id/{kind}/")[-1] for e in link_mentions(mentions, gazetteer)
            if f"/id/{kind}/" in str(e.iri)}


@pytest.mark.parametrize(("name", "form"), [
    ("Ley N° 48.512", "Ley N 48512"),
    ("Decreto Supremo n.º 9/2021", "Decreto Supremo n 9/2021"),
    ("Lei N.º 4.321", "Lei N 4321"),
    ("Ley 1.234.567", "Ley 1234567"),
    ("Loi n° 19/012", "Loi n 19/012"),
    ("Law No. 31.118", "Law No. 31118"),
    ("Decree of 12.05.2019", "Decree of 12.05.2019"),  # a date, not a grouped number
    ("Law 7.5", "Law 7.5"),
])
def test_law_number_form(name: str, form: str) -> None:
    assert law_number_form(name) == form


def test_number_signs_and_digit_groups_slug_alike_in_four_languages(
        gazetteer: Gazetteer) -> None:
    text = ("El Congreso aprobó la Ley N° 48.512 y el Decreto Supremo n.º 9/2021. "
            "O Parlamento votou a Lei Nº 3.450 em 2020. "
            "Le Sénat a voté la loi n° 19/012 en 2019. "
            "Parliament passed Law No. 31.118 in 2018.")
    found = slugs(text, gazetteer, "law")
    assert {"ley-n-48512", "decreto-supremo-n-9-2021", "lei-n-3450", "loi-n-19-012",
            "law-no-31118"} <= found, found


# -- two hazards of one date are one event --------------------------------------------------


@pytest.mark.parametrize(("text", "event"), [
    ("The volcanic eruption and tsunami of 9 March 2021 destroyed the harbour.",
     "volcanic-eruption-and-tsunami-2021-03-09"),
    ("Le séisme et le tsunami du 3 mars 2011 ont détruit le port.",
     "seisme-et-tsunami-2011-03-03"),
    ("Las inundaciones y deslizamiento de abril de 2019 afectaron a la región.",
     "inundaciones-y-deslizamiento-2019-04"),
    ("Floods and landslides of May 2018 cut the roads to the capital.",
     "floods-and-landslides-2018-05"),
])
def test_two_hazards_of_one_date_are_one_event(gazetteer: Gazetteer, text: str,
                                               event: str) -> None:
    found = slugs(text, gazetteer, "event")
    assert event in found, found
    assert not any(s.startswith(("tsunami", "landslides", "deslizamiento")) for s in found)


def test_a_hazard_pair_without_a_date_is_no_event(gazetteer: Gazetteer) -> None:
    # "the floods and the earthquake" with no date names no one event
    assert slugs("The floods and the earthquake destroyed homes in the valley.", gazetteer,
                 "event") == set()


# -- what follows "X amending Y, …" is said of X --------------------------------------------


@pytest.mark.parametrize(("body", "law", "adopter"), [
    ("The scheme rests on Loi n° 12/034 du 5 mai 2021 modifiant et complétant la loi n° "
     "08/011 du 14 juillet 2008 fixant les règles des pensions, passed by the Assemblée "
     "nationale on 28 April 2021.", "loi-n-12-034", "assemblee-nationale"),
    ("El régimen fue creado por la Ley N° 1.520 de 2019 que modifica la Ley N° 100 de 1993, "
     "aprobada por el Congreso de la República el 3 de mayo de 2019.", "ley-n-1520",
     "congreso-de-la-republica"),
    ("The Pensions Act 2020 amending the Social Security Act 1998, passed by the National "
     "Assembly on 3 May 2020, covers casual workers.", "pensions-act-2020", "national-assembly"),
])
def test_a_passive_adoption_after_an_amending_pair_is_the_amending_texts(
        tmp_path: Path, gazetteer: Gazetteer, body: str, law: str, adopter: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Gabon")
    adopted = slug_pairs(facts, SPKG.adoptedBy)
    assert adopted == {(law, adopter)}, adopted
    events = {s for s, _ in slug_pairs(facts, SPKG.concerns)}
    assert any(e.startswith(f"{law}-adoption-") for e in events), events


def test_a_law_adopted_after_a_law_it_does_not_amend_stays_itself(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Under the Social Security Act 1998 the Pensions Act 2020, passed by the National "
            "Assembly on 3 May 2020, covers casual workers.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Gabon")
    assert slug_pairs(facts, SPKG.adoptedBy) == {("pensions-act-2020", "national-assembly")}


# -- French texts named by their "portant" title --------------------------------------------


def test_a_lowercase_portant_title_is_a_law(gazetteer: Gazetteer) -> None:
    text = ("Le Conseil des ministres a adopté le 4 mars 2022 le décret portant extension de "
            "l'assurance vieillesse de la Caisse nationale aux travailleurs agricoles. "
            "La loi portant code de la sécurité sociale a été votée le 3 mai 2019. "
            "L'arrêté portant organisation du régime des indépendants, publié en 2021, suit.")
    assert slugs(text, gazetteer, "law") >= {
        "decret-portant-extension-de-lassurance-vieillesse",
        "loi-portant-code-de-la-securite-sociale",
        "arrete-portant-organisation-du-regime-des-independants"}


def test_a_one_word_portant_title_is_no_name(gazetteer: Gazetteer) -> None:
    text = "La loi portant création de la Caisse nationale de retraite a été votée en 2020."
    assert not any(s.startswith("loi-portant") for s in slugs(text, gazetteer, "law"))


def test_the_adoption_of_a_portant_decree_is_dated(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le Conseil des ministres a adopté le 4 mars 2022 le décret portant extension de "
            "l'assurance vieillesse aux travailleurs agricoles.")
    facts = page_facts(tmp_path, gazetteer, body, "La protection sociale au Gabon")
    assert ("decret-portant-extension-de-lassurance-vieillesse-adoption-2022-03-04",
            "decret-portant-extension-de-lassurance-vieillesse") in slug_pairs(
        facts, SPKG.concerns)


def test_a_bracketed_amendment_law_keeps_its_whole_name(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    body = ("The Workers Compensation (Amendment) Law 2021, passed by the National Assembly on "
            "9 June 2021, amends the Workers Compensation Law 2005.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zambia")
    assert slug_pairs(facts, SPKG.adoptedBy) == {
        ("workers-compensation-amendment-law-2021", "national-assembly")}
    assert not any(s.startswith("law-2021") for s, _ in slug_pairs(facts, SPKG.concerns))


# -- presentations and handovers of studies ---------------------------------------------------


def test_a_handover_of_a_study_is_a_dated_event(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO handed the Third Actuarial Review of the Pension Fund to the Social "
            "Security Board and the Ministry of Finance on 2 June 2023.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.concerns) == {
        ("handover-2023-06-02", "third-actuarial-review-of-the-pension-fund")}
    assert slug_pairs(facts, SPKG.participant) == {
        ("handover-2023-06-02", "social-security-board"),
        ("handover-2023-06-02", "ministry-of-finance")}
    assert slug_pairs(facts, SPKG.organisedBy) == {
        ("handover-2023-06-02", "international-labour-organization")}


def test_a_presentation_of_a_studys_results_is_a_dated_event(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Ministry of Labour and the ILO presented on 25 March 2024 the results of a "
            "feasibility study on unemployment insurance.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert {s for s, _ in slug_pairs(facts, SPKG.organisedBy)} == {"presentation-2024-03-25"}
    assert any(s == "presentation-2024-03-25" and o.startswith("feasibility-study")
               for s, o in slug_pairs(facts, SPKG.concerns))


def test_a_study_presented_at_a_workshop_or_undated_is_no_presentation(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO presented the actuarial study at a tripartite workshop in Nairobi on 4 May "
            "2022. The ILO presented a gap analysis in 2021.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert not any(s.startswith(("presentation", "handover"))
                   for s, _ in slug_pairs(facts, SPKG.concerns))


def test_a_date_of_a_coordinated_first_verb_does_not_date_the_adoption(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Fiji joined the ILO on 3 March 2015 and adopted its first Decent Work Country "
            "Programme for 2019-2023. The Cabinet met on 4 May 2020 and adopted the Pensions "
            "Bill.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Fiji")
    dated = {s for s, _ in slug_pairs(facts, SPKG.concerns)}
    assert not any("2015" in s for s in dated), dated
    assert "pensions-bill-adoption-2020-05-04" in dated, dated


def test_a_body_with_its_participle_of_establishment_is_dated(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In Oman, the Workers Protection Fund (WPF), established on 12 March 2015 by Royal "
            "Decree No. 5, pays wages owed to workers.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Oman")
    assert ("workers-protection-fund-establishment-2015-03-12", "workers-protection-fund") in (
        slug_pairs(facts, SPKG.concerns))


@pytest.mark.parametrize(("body", "event"), [
    ("Since 1 January 2024 the Law on Simplified Procedures in Certain Sectors has allowed "
     "employers to register workers online.",
     "law-on-simplified-procedures-in-certain-sectors-entry-into-force-2024-01-01"),
    ("Desde el 1 de enero de 2022 la Ley de Pensiones ha permitido afiliar a independientes.",
     "ley-de-pensiones-entry-into-force-2022-01-01"),
    ("Depuis le 1er juillet 2023, la loi n° 2023-12 permet aux indépendants de cotiser.",
     "loi-n-2023-12-entry-into-force-2023-07-01"),
])
def test_a_law_that_applies_since_a_day_entered_into_force_then(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Serbia")
    assert event in {s for s, _ in slug_pairs(facts, SPKG.concerns)}


def test_a_body_or_a_year_since_which_is_no_entry_into_force(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Since 2019 the Labour Act has covered interns. Since 1 May 2022 the Social "
            "Security Fund has paid benefits.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Serbia")
    assert not any("entry-into-force" in s for s, _ in slug_pairs(facts, SPKG.concerns))


def test_a_launched_web_brand_is_a_programme_with_its_launch(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In March 2023 the Ministry of Labour and the Pension Fund launched the Qyzmet.kz "
            "e-service, through which informal workers register.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Kazakhstan")
    assert ("qyzmet-kz-launch-2023-03", "qyzmet-kz") in slug_pairs(facts, SPKG.concerns)


@pytest.mark.parametrize(("body", "event"), [
    ("In Douala, the Health Fund implements the programme de soins gratuits des enfants, "
     "launched in March 2022 with support from UNICEF.",
     "programme-de-soins-gratuits-des-enfants-launch-2022-03"),
    ("El programa de pensiones no contributivas fue lanzado el 3 de mayo de 2021.",
     "programa-de-pensiones-no-contributivas-launch-2021-05-03"),
    ("O programa de apoio alimentar foi lançado em 2020.",
     "programa-de-apoio-alimentar-launch-2020"),
])
def test_a_romance_programme_in_lowercase_and_its_launch(
        tmp_path: Path, gazetteer: Gazetteer, body: str, event: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Cameroon")
    assert event in {s for s, _ in slug_pairs(facts, SPKG.concerns)}


def test_a_programme_of_work_is_no_programme(gazetteer: Gazetteer) -> None:
    assert slugs("The programme of work was discussed by the board in 2020.", gazetteer,
                 "programme") == set()


def test_a_system_a_body_began_piloting_is_a_programme_with_its_launch(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In Lori province, the Unified Social Service began piloting a new case management "
            "system in Vanadzor in March 2023 with support from the World Bank.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Armenia")
    assert ("case-management-system-launch-2023-03", "case-management-system") in slug_pairs(
        facts, SPKG.concerns)


def test_a_pension_system_introduced_is_no_launched_system(gazetteer: Gazetteer) -> None:
    assert slugs("The Government introduced a new pension system in 2020.", gazetteer,
                 "programme") == set()


def test_a_new_programme_launched_by_an_unnamed_launcher(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    # "the USS" is no name the entity stage reads: the object after "a new" is the launched
    body = "In Lori province, the USS began piloting a new case management system in March 2023."
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Armenia")
    assert ("case-management-system-launch-2023-03", "case-management-system") in slug_pairs(
        facts, SPKG.concerns)


def test_an_assessment_based_national_dialogue_is_a_study_not_a_gathering(
        gazetteer: Gazetteer) -> None:
    text = ("In 2023 the ILO, with UNICEF, completed a social protection assessment-based "
            "national dialogue for Samoa. A national dialogue on pensions was held in Apia on "
            "3 May 2023.")
    assert slugs(text, gazetteer, "study") == {
        "social-protection-assessment-based-national-dialogue-samoa"}
    assert slugs(text, gazetteer, "event") == {"national-dialogue-on-pensions-2023-05-03"}


def test_a_gathering_organised_by_the_ministry_named_before(tmp_path: Path,
                                                           gazetteer: Gazetteer) -> None:
    body = ("The ILO is assisting the Ministry of Labour and Home Affairs in drafting a pension "
            "bill. A costing of the scheme was presented at a national dialogue in Francistown "
            "on 4 October 2023, organised by the Ministry with the trade unions.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Botswana")
    assert ("national-dialogue-2023-10-04", "ministry-of-labour-and-home-affairs") in (
        slug_pairs(facts, SPKG.organisedBy))


def test_the_ministry_with_no_ministry_named_before_organises_nothing(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("A national dialogue was held in Francistown on 4 October 2023, organised by the "
            "Ministry with the trade unions.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Botswana")
    assert slug_pairs(facts, SPKG.organisedBy) == set()
