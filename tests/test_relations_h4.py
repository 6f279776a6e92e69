"""Funding, support and location forms of real ILO texts (issue 16), on made-up sentences:
a fronted "With funding from X, the ILO carried out A and B", "Both were funded by X" after
a sentence naming the studies, in English, French, Spanish and Portuguese."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs
from rdflib import URIRef

from spkg.ingest.entity_facts import entity_facts
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import Entity
from spkg.ingest.mentions import Mention
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Span
from spkg.ingest.rules.context import document_country
from spkg.namespace import ORG, SPKG


def related(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object,
            title: str = "Social protection in Kenya") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title), predicate)


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Social protection in Kenya",
     "With funding from the Swiss Agency for Development and Cooperation (SDC), the ILO "
     "carried out a feasibility study on the extension of the NHIF and an actuarial valuation "
     "of the NSSF.",
     {("feasibility-study-on-the-extension-of-the-nhif",
       "swiss-agency-for-development-and-cooperation"),
      ("actuarial-valuation-of-the-nssf", "swiss-agency-for-development-and-cooperation")}),
    ("Social protection in Kenya",
     "With financial support from the European Union and Irish Aid, the ILO prepared an "
     "actuarial valuation of the NSSF, which measured gaps, and a costing of a universal child "
     "benefit.",
     {("actuarial-valuation-of-the-nssf", "irish-aid"),
      ("costing-of-a-universal-child-benefit", "european-union")}),
    ("La protection sociale au Sénégal",
     "Avec le financement de l'Agence française de développement (AFD), le BIT a réalisé une "
     "étude actuarielle de la CNSS et une évaluation du régime simplifié.",
     {("etude-actuarielle-senegal", "french-development-agency"),
      ("evaluation-du-regime-simplifie", "french-development-agency")}),
    ("La protección social en Honduras",
     "Con financiamiento del Banco Interamericano de Desarrollo (BID), la OIT elaboró un "
     "estudio de factibilidad del seguro de desempleo.",
     {("estudio-de-factibilidad-del-seguro-de-desempleo",
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
    assert ("actuarial-valuation-of-the-nssf", "irish-aid") in found, found
    assert ("costing-of-a-universal-child-benefit", "irish-aid") not in found, found


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Social protection in Kenya",
     "The ILO prepared an actuarial valuation of the NSSF and a review of the draft law. Both "
     "were funded by the European Union.",
     {("actuarial-valuation-of-the-nssf", "european-union"),
      ("review-of-the-draft-law", "european-union")}),
    ("Social protection in Kenya",
     "The ILO prepared an actuarial valuation of the NSSF and a review of the draft law. Both "
     "studies were financed by the Government of Japan and by Irish Aid.",
     {("actuarial-valuation-of-the-nssf", "irish-aid"),
      ("review-of-the-draft-law", "government-of-japan")}),
    ("La protection sociale au Sénégal",
     "Le BIT a réalisé une étude actuarielle de la CNSS et une évaluation du régime simplifié. "
     "Les deux études ont été financées par l'Union européenne.",
     {("etude-actuarielle-senegal", "european-union"),
      ("evaluation-du-regime-simplifie", "european-union")}),
    ("La protección social en Honduras",
     "La OIT elaboró un estudio actuarial del IHSS y un estudio de factibilidad del seguro de "
     "desempleo. Ambos fueron financiados por la Unión Europea.",
     {("estudio-actuarial-honduras", "european-union"),
      ("estudio-de-factibilidad-del-seguro-de-desempleo", "european-union")}),
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


def located(tmp_path: Path, gazetteer: Gazetteer, body: str, title: str) -> set[tuple[str, str]]:
    """locatedIn pairs of the entity stage (places inside names, donors)."""
    path = tmp_path / "page.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    document = read_document(path)
    _, entities = prose_entities(document, gazetteer)
    facts = [f for e in entities for f in entity_facts(document, e, gazetteer)]
    return slug_pairs(facts, SPKG.locatedIn)


def test_national_names_are_located_only_by_the_english_spelling(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Confédération Nationale des Travailleurs de Guinée (CNTG) took part. The "
            "Union Démocratique des Travailleurs du Sénégal (UDTS) took part. The Central "
            "Unitaria de Trabajadores de Chile (CUT) took part. The União Geral dos "
            "Trabalhadores de Angola (UGTA) took part.")
    found = located(tmp_path, gazetteer, body, "Social protection in Guinea")
    assert ("central-unitaria-de-trabajadores-de-chile", "chile") in found, found
    assert ("uniao-geral-dos-trabalhadores-de-angola", "angola") in found, found
    assert not {pair for pair in found if pair[1] in {"guinea", "senegal"}}, found


def test_a_short_country_name_held_by_the_named_one(tmp_path: Path,
                                                     gazetteer: Gazetteer) -> None:
    title = "Social protection in the Democratic Republic of the Congo"
    found = located(tmp_path, gazetteer, "The Fédération des Entreprises du Congo (FEC) "
                    "met the Federation of Congo Employers.", title)
    assert ("federation-of-congo-employers", "congo-the-democratic-republic-of-the") in found, \
        found
    assert not {pair for pair in found if pair[0].startswith("federation-des")}, found
    assert ("federation-of-congo-employers", "congo") not in found, found


def test_an_office_for_several_countries_is_not_located_by_its_name(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO Country Office for Kenya, Rwanda and Uganda and the ILO Country Office "
            "for Zambia, Malawi and Mozambique advised the Ghana Employers Association.")
    found = located(tmp_path, gazetteer, body, "Social protection in Kenya")
    assert found == {("ghana-employers-association", "ghana")}, found


@pytest.mark.parametrize(("body", "pair"), [
    ("With funding from the Luxembourg Agency for Development Cooperation (LuxDev), the ILO "
     "prepared a costing.", ("luxembourg-agency-for-development-cooperation", "luxembourg")),
    ("Une étude actuarielle, financée par Affaires mondiales Canada, a servi de base.",
     ("global-affairs-canada", "canada")),
    ("La OIT contó con el apoyo de la Agencia Española de Cooperación Internacional para el "
     "Desarrollo.", ("spanish-agency-for-international-development-cooperation", "spain")),
])
def test_a_known_donor_is_located_by_its_english_name(tmp_path: Path, gazetteer: Gazetteer,
                                                      body: str, pair: tuple[str, str]) -> None:
    assert pair in located(tmp_path, gazetteer, body, "Social protection in Cabo Verde")


def test_a_german_label_or_a_two_word_brand_is_not_located(tmp_path: Path,
                                                          gazetteer: Gazetteer) -> None:
    body = ("Irish Aid and the Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) "
            "funded the work.")
    found = located(tmp_path, gazetteer, body, "Social protection in Malawi")
    assert not found, found


@pytest.mark.parametrize("body", [
    "In 2022 the ILO trained officers of the National Pensions Regulatory Authority in Kumasi "
    "and Tamale.",
    "The findings were discussed at a meeting with the Social Security and National Insurance "
    "Trust in Kumasi on 3 May 2023.",
    "Ghana's Livelihood Empowerment Against Poverty Programme pays a grant to poor households.",
])
def test_a_gathering_place_or_a_country_possessive_is_no_location(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.locatedIn, "Social protection in Ghana")
    bodies = ("national-pensions-regulatory-authority", "social-security-and-national-insurance-"
              "trust", "livelihood-empowerment-against-poverty-programme")
    assert not {pair for pair in found if pair[0] in bodies}, found


@pytest.mark.parametrize(("body", "pair"), [
    ("The ILO Regional Office for Africa in Abidjan advised the Ministry of Employment.",
     ("ilo-regional-office-for-africa", "abidjan")),
    ("The Social Security and National Insurance Trust, based in Accra, pays pensions.",
     ("social-security-and-national-insurance-trust", "accra")),
])
def test_a_seat_is_still_read(tmp_path: Path, gazetteer: Gazetteer, body: str,
                              pair: tuple[str, str]) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.locatedIn, "Social protection in Ghana")
    assert pair in found, found


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Social protection in Ghana",
     "The reform follows a national tripartite forum on pensions that the Ministry of "
     "Employment (MELR) held in Kumasi on 24-25 June 2024 with support from the ILO.",
     {("national-tripartite-forum-on-pensions-2024-06-24", "international-labour-organization")}),
    ("Social protection in Ghana",
     "In 2024 the ILO prepared, with support from the African Development Bank (AfDB), an "
     "actuarial valuation of the SSNIT scheme and a review of the draft law.",
     {("actuarial-valuation-of-the-ssnit-scheme", "african-development-bank"),
      ("review-of-the-draft-law", "african-development-bank")}),
])
def test_support_of_a_gathering_or_of_what_was_made(tmp_path: Path, gazetteer: Gazetteer,
                                                    title: str, body: str,
                                                    expected: set[tuple[str, str]]) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.supportedBy, title)
    assert expected <= found, found


@pytest.mark.parametrize("body", [
    "The ILO is assisting the Ministry of Employment in drafting a National Pensions Bill that "
    "would create a contributory scheme.",
    "The ILO and the World Bank supported the Ministry of Employment in preparing an actuarial "
    "valuation of the pension system.",
])
def test_a_bill_or_study_the_helped_party_makes_is_not_supported(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.supportedBy, "Social protection in Ghana")
    assert ("ministry-of-employment", "international-labour-organization") in found, found
    assert not {pair for pair in found if pair[0] != "ministry-of-employment"}, found


def test_document_country_counts_a_short_name_for_the_named_country(
        gazetteer: Gazetteer) -> None:
    drc = gazetteer.lookup("Democratic Republic of the Congo")
    assert drc is not None
    span = Span(0, 1)
    entities = [Entity(drc.iri, drc.cls, drc.label, [Mention(span, drc.label, drc.cls, drc)],
                       reference=drc)]
    for name in ("Fédération des Entreprises du Congo", "Union Nationale des Travailleurs du "
                 "Congo", "Confédération Syndicale du Congo"):
        entities.append(Entity(URIRef(f"urn:x:{len(entities)}"), ORG.Organization, name,
                               [Mention(span, name, ORG.Organization)]))
    assert document_country(entities, gazetteer) == drc.label


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Social protection in Oman",
     "The Ministry of Labour asked the ILO for a feasibility study on an unemployment "
     "insurance scheme. The feasibility study follows the principles of the Social Protection "
     "Floors Recommendation, 2012 (No. 202) and the Social Security (Minimum Standards) "
     "Convention, 1952 (No. 102), which Oman has not ratified.",
     {("feasibility-study-on-an-unemployment-insurance-scheme", "r202"),
      ("feasibility-study-on-an-unemployment-insurance-scheme", "c102")}),
    ("Social protection in Oman",
     "The Cabinet approved the Social Insurance Law in 2023. The ILO also commented on the "
     "draft law against the provisions of the Social Security (Minimum Standards) Convention, "
     "1952 (No. 102), and the Social Protection Floors Recommendation, 2012 (No. 202).",
     {("social-insurance-law", "c102"), ("social-insurance-law", "r202")}),
])
def test_a_pointing_noun_cites_and_so_does_the_list(tmp_path: Path, gazetteer: Gazetteer,
                                                    title: str, body: str,
                                                    expected: set[tuple[str, str]]) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.citesInstrument, title)
    assert expected <= found, found


@pytest.mark.parametrize(("body", "pair"), [
    ("In 2023 the ILO helped the National Health Insurance Authority (NHIA) design the Free "
     "Maternal Care Programme.",
     ("free-maternal-care-programme", "national-health-insurance-authority")),
    ("The ILO assisted the Ministry of Employment to develop the National Social Protection "
     "Policy.", ("national-social-protection-policy", "ministry-of-employment")),
])
def test_the_helped_party_makes_what_it_is_helped_to_make(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.developedBy, "Social protection in Ghana")
    assert pair in found, found
    assert not {p for p in found if p[1] == "international-labour-organization"}, found


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("La protección social en Chile", "En agosto de 2023, el IPS y la OIT capacitaron en "
     "Temuco, región de La Araucanía, a dirigentes mapuches.",
     ("temuco", "la-araucania", "chile")),
    ("Social protection in Ghana", "The ILO held a workshop in Kumasi, Ashanti Region, in "
     "2024. A second one was held in Tamale.", ("kumasi", "ashanti", "ghana")),
])
def test_a_town_with_its_subdivision_in_apposition_is_located_there(
        tmp_path: Path, gazetteer: Gazetteer, title: str, body: str,
        pair: tuple[str, str, str]) -> None:
    """In the subdivision and (the annotation guide: every town) in its country; nowhere else."""
    town, area, country = pair
    found = located(tmp_path, gazetteer, body, title)
    assert {(town, area), (town, country)} <= found, found
    assert not {p for p in found if p[0] == town and p[1] not in (area, country)}, found


@pytest.mark.parametrize(("title", "body", "pair"), [
    ("La protection sociale au Sénégal",
     "Le projet « Appui à la réforme de la protection sociale », mis en œuvre par le BIT et "
     "l'UNICEF, accompagne aussi l'Institution de prévoyance retraite du Sénégal (IPRES), qui "
     "verse les pensions.",
     ("institution-de-prevoyance-retraite-du-senegal",
      "appui-a-la-reforme-de-la-protection-sociale")),
    ("La protección social en Honduras",
     "El proyecto «Protección social para todos», ejecutado por la OIT, acompañó también al "
     "Instituto Hondureño de Seguridad Social (IHSS).",
     ("instituto-hondureno-de-seguridad-social", "proteccion-social-para-todos")),
])
def test_a_quoted_project_accompanies_a_body(tmp_path: Path, gazetteer: Gazetteer, title: str,
                                             body: str, pair: tuple[str, str]) -> None:
    assert pair in related(tmp_path, gazetteer, body, SPKG.supportedBy, title)


def test_a_short_name_inside_a_longer_one_or_a_lowercase_complement_names_nothing(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    """'DR Congo' in a headline and '… des travailleurs du Congo' do not name the Republic
    of the Congo by itself."""
    body = ("DR Congo: a new scheme. The Union nationale des travailleurs du Congo (UNTC) and "
            "the Fédération des Entreprises du Congo (FEC) took part.")
    found = located(tmp_path, gazetteer, body, "Social protection in DR Congo")
    assert not {pair for pair in found if pair[1] == "congo"}, found


def test_a_planned_opening_in_places_is_no_location(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    body = ("The policy also commits the Government to open the Mbao Pension Plan of the NSSF "
            "to informal workers in Turkana and Marsabit counties by 2026.")
    assert not related(tmp_path, gazetteer, body, SPKG.locatedIn) - {
        ("turkana", "kenya"), ("marsabit", "kenya")}
    body = "The Inua Jamii Programme was rolled out in Turkana and Marsabit counties in 2019."
    assert ("inua-jamii-programme", "turkana") in related(tmp_path, gazetteer, body,
                                                          SPKG.locatedIn) or (
        "inua-jamii", "turkana") in related(tmp_path, gazetteer, body, SPKG.locatedIn)


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("Social protection in Ghana",
     "The ILO prepared a legal review of the draft law and an actuarial valuation of the "
     "SSNIT, both with funding from the Swiss Agency for Development and Cooperation (SDC).",
     {("legal-review-of-the-draft-law", "swiss-agency-for-development-and-cooperation"),
      ("actuarial-valuation-of-the-ssnit",
       "swiss-agency-for-development-and-cooperation")}),
    ("La protection sociale au Sénégal",
     "Le BIT a réalisé une étude actuarielle de la CNSS et une évaluation du régime simplifié, "
     "toutes deux avec le financement de l'Union européenne.",
     {("etude-actuarielle-senegal", "european-union"),
      ("evaluation-du-regime-simplifie", "european-union")}),
])
def test_both_with_funding_from(tmp_path: Path, gazetteer: Gazetteer, title: str, body: str,
                                expected: set[tuple[str, str]]) -> None:
    found = related(tmp_path, gazetteer, body, SPKG.fundedBy, title)
    assert expected <= found, found
