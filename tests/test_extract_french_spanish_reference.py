"""French and Spanish names of countries (iso-codes translations) and of UN agencies
(reference altLabels) are found in prose, on made-up sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def found(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}


def test_french_and_spanish_country_names(gazetteer: Gazetteer) -> None:
    assert "place/germany" in found("Le ministère a signé un accord avec l'Allemagne.", gazetteer)
    assert "place/germany" in found("El acuerdo con Alemania fue firmado.", gazetteer)
    assert "place/chad" in found("Une mission a visité le Tchad en mai.", gazetteer)


def test_un_agency_named_in_french_or_spanish(gazetteer: Gazetteer) -> None:
    text = "L'Organisation internationale du Travail a présenté un rapport."
    assert "organisation/international-labour-organization" in found(text, gazetteer)
    text = "El estudio contó con el apoyo de la Organización Internacional del Trabajo."
    assert "organisation/international-labour-organization" in found(text, gazetteer)


@pytest.mark.parametrize("text", [
    "Le Bureau international du Travail a appuyé la réforme.",
    "Avec l'appui technique du BIT, le ministère a rédigé un décret.",
    "La Oficina Internacional del Trabajo presentó un informe.",
])
def test_the_international_labour_office_in_french_or_spanish(text: str,
                                                               gazetteer: Gazetteer) -> None:
    assert "organisation/international-labour-organization" in found(text, gazetteer)


def test_labels_stay_english(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Allemagne")
    assert entry is not None and entry.label == "Germany"


def test_an_unlisted_word_is_not_a_country(gazetteer: Gazetteer) -> None:
    assert not any(iri.startswith("place/") for iri in found("Le comité a parlé.", gazetteer))


def test_a_lowercase_word_is_not_a_place(gazetteer: Gazetteer) -> None:
    # "réunion" is a meeting in French; "Réunion" the island
    assert "place/reunion" not in found("La réunion a commencé hier.", gazetteer)
    assert "place/reunion" in found("Une mission est partie pour La Réunion.", gazetteer)


def test_inverted_country_keeps_its_english_words(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("République démocratique du Congo")
    assert entry is not None and entry.label.startswith("Congo")


def test_eu_and_conventions_in_french_and_spanish(gazetteer: Gazetteer) -> None:
    text = "Le programme est financé par l'Union européenne depuis 2020."
    assert "organisation/european-union" in found(text, gazetteer)
    text = "En 2020, el programa fue financiado por la Unión Europea."
    assert "organisation/european-union" in found(text, gazetteer)
    text = "Le pays a ratifié la convention (n° 168) concernant la promotion de l'emploi."
    assert "instrument/c168" in found(text, gazetteer)


def test_french_and_spanish_press_release_headers() -> None:
    from spkg.ingest.detect import PRESS_RELEASE, detect_kind
    french = "Un titre\n\nCommuniqué de presse | Dakar, Sénégal | 3 avril 2023\nDAKAR – Texte."
    spanish = "Un título\n\nComunicado de prensa | Lima, Perú | 3 de abril de 2023\nTexto."
    news = "Un titre\n\nBAMAKO (OIT Info) – Le ministère a publié un rapport."
    assert {detect_kind(t) for t in (french, spanish, news)} == {PRESS_RELEASE}
    assert detect_kind("Un titre\n\nLe ministère a publié un rapport.") != PRESS_RELEASE


def _relations(tmp_path: Path, body: str, gazetteer: Gazetteer) -> set[tuple[str, str, str]]:
    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import prose_entities
    from spkg.ingest.relations import read_relations
    path = tmp_path / "page.txt"
    path.write_text(f"Social protection in Testland\n\n{body}\n", encoding="utf-8")
    document = read_document(path)
    regions, entities = prose_entities(document, gazetteer)
    facts = read_relations(document, entities, gazetteer, regions)
    return {(str(f.subject).split("/id/")[-1], str(f.predicate).split("#")[-1],
             str(f.object).split("/id/")[-1]) for f in facts}


ILO = "organisation/international-labour-organization"


def test_french_and_spanish_funding_cues(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _relations(tmp_path, "Le Social Protection Project est financé par l'Union "
                       "européenne.", gazetteer)
    assert {(p, o) for _, p, o in found} >= {("fundedBy", "organisation/european-union")}
    found = _relations(tmp_path, "Le Social Protection Project a présenté l'Union "
                       "européenne.", gazetteer)
    assert not {t for t in found if t[1] == "fundedBy"}


def test_french_and_spanish_support_cues(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _relations(tmp_path, "La National Social Protection Policy fue diseñada con el "
                       "apoyo de la Organización Internacional del Trabajo.", gazetteer)
    assert ("supportedBy", ILO) in {(p, o) for _, p, o in found}
    found = _relations(tmp_path, "La National Social Protection Policy a été élaborée avec "
                       "l'appui de l'Organisation internationale du Travail.", gazetteer)
    assert ("supportedBy", ILO) in {(p, o) for _, p, o in found}
    found = _relations(tmp_path, "La National Social Protection Policy a été présentée à "
                       "l'Organisation internationale du Travail.", gazetteer)
    assert not {t for t in found if t[1] == "supportedBy"}


def test_french_and_spanish_event_places(tmp_path: Path, gazetteer: Gazetteer) -> None:
    # the event is injected (as in test_extract_relations_families): this tests the rule
    from test_extract_relations_families import relations

    from spkg.namespace import SPKG, mint
    workshop = mint("event", "atelier de validation")
    found = relations(tmp_path, "Au Mali, un atelier de validation s'est tenu à Bamako en "
                      "mai 2023.", gazetteer, events=("atelier de validation",))
    assert (workshop, SPKG.locatedIn, mint("place", "bamako")) in found
    taller = mint("event", "taller nacional")
    found = relations(tmp_path, "En el Perú, un taller nacional fue celebrado en Cusco en "
                      "mayo de 2023.", gazetteer, events=("taller nacional",))
    assert (taller, SPKG.locatedIn, mint("place", "cusco")) in found
    found = relations(tmp_path, "Au Mali, un atelier de validation a porté sur les travailleurs "
                      "à Bamako.", gazetteer, events=("atelier de validation",))
    assert not {t for t in found if t[1] == SPKG.locatedIn and t[0] == workshop}


def test_covered_against_contingencies(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _relations(tmp_path, "The Social Insurance Act covers employees and farmers "
                       "against old age, sickness, the death of the breadwinner and maternity.",
                       gazetteer)
    branches = {o for _, p, o in found if p == "coversContingency"}
    assert branches == {"contingency/old-age", "contingency/sickness",
                        "contingency/survivors", "contingency/maternity"}
    assert ("extendsCoverageTo", "population-group/farmers") in {(p, o) for _, p, o in found}
    found = _relations(tmp_path, "The Social Insurance Act covers employees; the union "
                       "campaigned against unemployment.", gazetteer)
    assert not {t for t in found if t[1] == "coversContingency"}


def test_branches_named_before_their_benefits(tmp_path: Path, gazetteer: Gazetteer) -> None:
    found = _relations(tmp_path, "The Rural Pension Programme, run by the Social Security "
                       "Office, pays old-age, disability and survivors' pensions.", gazetteer)
    assert {o for _, p, o in found if p == "coversContingency"} == {
        "contingency/old-age", "contingency/invalidity", "contingency/survivors"}
    found = _relations(tmp_path, "The Rural Pension Programme provides cash and in-kind "
                       "benefits to farmers.", gazetteer)
    assert not {t for t in found if t[1] == "coversContingency"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Programme alimentaire mondial (PAM) et l'UNICEF ont appuyé le ministère, "
     "avec un financement de la Banque mondiale.",
     {"world-food-programme", "united-nations-childrens-fund", "world-bank-group"}),
    ("Le Fonds conjoint pour les ODD finance un programme mené par le PNUD et ONU Femmes.",
     {"joint-sdg-fund", "united-nations-development-programme",
      "united-nations-entity-for-gender-equality-and-the-empowerment-of-women"}),
    ("L'Organisation mondiale de la Santé et le Fonds monétaire international ont rencontré "
     "l'Agence française de développement en mai.",
     {"world-health-organization", "international-monetary-fund", "french-development-agency"}),
    ("Le HCR et l'OIM ont présenté un rapport avec l'Union européenne et l'OCDE.",
     {"office-of-the-united-nations-high-commissioner-for-refugees",
      "international-organization-for-migration", "european-union",
      "organisation-for-economic-co-operation-and-development"}),
    ("El Programa Mundial de Alimentos y el Banco Mundial apoyaron al ministerio "
     "junto con la Organización Mundial de la Salud (OMS).",
     {"world-food-programme", "world-bank-group", "world-health-organization"}),
    ("El PNUD, ONU Mujeres y la Unión Europea firmaron un acuerdo con el "
     "Banco Interamericano de Desarrollo.",
     {"united-nations-development-programme",
      "united-nations-entity-for-gender-equality-and-the-empowerment-of-women",
      "european-union", "inter-american-development-bank"}),
    ("La Organización de las Naciones Unidas para la Alimentación y la Agricultura y el "
     "ACNUR trabajan con la Asociación Internacional de la Seguridad Social.",
     {"food-and-agriculture-organization-of-the-united-nations",
      "office-of-the-united-nations-high-commissioner-for-refugees",
      "international-social-security-association"}),
    ("La Confederación Sindical Internacional y la Organización Internacional de Empleadores "
     "participaron con el Fondo Conjunto para los ODS.",
     {"international-trade-union-confederation", "international-organisation-of-employers",
      "joint-sdg-fund"}),
])
def test_agencies_named_in_french_or_spanish(text: str, expected: set[str],
                                             gazetteer: Gazetteer) -> None:
    assert {f"organisation/{slug}" for slug in expected} <= found(text, gazetteer)
