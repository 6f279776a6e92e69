"""Organisations and places (issue 16, J3), on made-up sentences: an acronym a text
defines for its own body over the reference lists' other body of that acronym; a
ministry's list of portfolios that stops before a partner named after "with"; an ILO unit
split from a partner after its last "and"; the ILO's regional offices in English, French
and Spanish; towns with a lowercase particle; a dateline in Spanish."""

import tempfile
from pathlib import Path

from rdflib import RDF

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import extract_prose
from spkg.ingest.records import Span


def _found(text: str) -> dict[str, str]:
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    return {m.text: str(m.iri or (m.reference.iri if m.reference else m.cls)) for m in found}


def _typed(name: str, text: str) -> set[str]:
    path = Path(tempfile.mkdtemp()) / name
    path.write_text(text, encoding="utf-8")
    facts = extract_prose(read_document(path), load_gazetteer())
    return {str(f.subject).rsplit("/id/", 1)[-1] for f in facts if f.predicate == RDF.type}


def test_an_acronym_the_text_defines_is_its_own_body() -> None:
    found = _found("It was organised by the Public Authority for Manpower (PAM) of Zedland. "
                   "PAM will run the registry.")
    assert not any("world-food-programme" in iri for iri in found.values())


def test_a_reference_body_named_in_another_language_keeps_its_acronym() -> None:
    found = _found("Le Programme alimentaire mondial (PAM) et l'Agence française de "
                   "développement (AFD) ont financé l'étude.")
    assert any("world-food-programme" in iri for iri in found.values())
    assert any("french-development-agency" in iri for iri in found.values())


def test_a_ministrys_portfolios_stop_before_a_partner_after_with() -> None:
    found = _found("The forum was organised by the Ministry of Fisheries, Ports and Inland "
                   "Waters with the Ghana Chamber of Commerce and the unions.")
    assert "Ministry of Fisheries, Ports and Inland Waters" in found
    assert "Ghana Chamber of Commerce" in found


def test_a_portfolio_with_a_lowercase_relation_stays_in_the_name() -> None:
    found = _found("The Ministry of Labour, Social Dialogue and Relations with Institutions "
                   "met on Monday.")
    assert "Ministry of Labour, Social Dialogue and Relations with Institutions" in found


def test_an_ilo_unit_and_a_known_partner_are_two_names() -> None:
    found = _found("The study was validated with support from the ILO Decent Work Team and "
                   "Office for the Northern Isles and UNICEF, and with the unions.")
    assert "ILO Decent Work Team and Office for the Northern Isles" in found
    assert "UNICEF" in found


def test_a_ministry_with_a_portfolio_in_capitals_is_one_name() -> None:
    found = _found("The Ministry of Education and ICT met on Monday.")
    assert "Ministry of Education and ICT" in found


def test_the_ilo_regional_offices_keep_their_region() -> None:
    found = _found("The ILO Regional Office for Latin America and the Caribbean and the "
                   "Zedland Pension Board held a seminar.")
    assert "ILO Regional Office for Latin America and the Caribbean" in found
    found = _found("Con el apoyo de la Oficina Regional de la OIT para América Latina y el "
                   "Caribe, el ministerio presentó el estudio.")
    assert "Oficina Regional de la OIT para América Latina y el Caribe" in found


def test_a_french_team_joined_to_an_office_is_one_name() -> None:
    text = ("L'étude a été réalisée avec l'appui de l'Équipe d'appui technique au travail "
            "décent et bureau de pays de l'OIT pour l'Afrique de l'Ouest.")
    assert ("Équipe d'appui technique au travail décent et bureau de pays de l'OIT pour "
            "l'Afrique de l'Ouest") in _found(text)


def test_a_lowercase_ilo_office_alone_is_no_name() -> None:
    found = _found("L'équipe du ministère et le bureau de l'OIT pour le Niger se sont réunis.")
    assert not any(text.startswith("bureau") for text in found)


def test_a_town_with_a_lowercase_particle() -> None:
    typed = _typed("zedland-country-page.txt",
                   "Tanzania country page\n\nIn Tanzania, street vendors were trained in "
                   "Dar-es-Salaam in May 2024. The pay-as-you-go scheme continues.\n")
    assert "place/dar-es-salaam" in typed


def test_a_spanish_dateline_names_its_town() -> None:
    typed = _typed("chile-press-release.txt",
                   "Comunicado de prensa | 3 de marzo de 2025\n\nVALPARAÍSO (Noticias OIT) – El "
                   "Ministerio del Trabajo de Chile presentó hoy un estudio sobre los "
                   "trabajadores de plataformas.\n")
    assert "place/valparaiso" in typed


def test_a_country_inside_another_places_name_is_not_that_country() -> None:
    text = ("When Hurricane Zora struck Carriacou and Little Jamaica on 1 July 2024, Jamaica "
            "sent help.")
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    starts = [m.span.start for m in found if m.text == "Jamaica"]
    assert starts == [text.index("Jamaica sent")]
