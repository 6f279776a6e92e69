"""Where a name ends: before a partner cue ("in collaboration with", "avec l'appui de" …) in
four languages, and before a last word the document's end cut off. Made-up sentences."""

from __future__ import annotations

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.records import Span


def names(text: str, gazetteer: Gazetteer) -> list[str]:
    return [m.text for m in MentionFinder(text, gazetteer).find([Span(0, len(text))])]


@pytest.mark.parametrize(("text", "name"), [
    ("Le projet pilote est conduit par le Ministère de la Famille en collaboration avec le "
     "BIT.", "Ministère de la Famille"),
    ("Le Ministère de l'Agriculture en partenariat avec la FAO a ouvert trois guichets.",
     "Ministère de l'Agriculture"),
    ("La Caisse de retraite des artisans avec l'Appui du BIT prépare une réforme.",
     "Caisse de retraite des artisans"),
    ("El Programa de Apoyo Rural en Colaboración con la OIT amplía su cobertura.",
     "Programa de Apoyo Rural"),
    ("El Instituto de Previsión Agraria en Colaboración con el PNUD visitó la provincia.",
     "Instituto de Previsión Agraria"),
    ("The Rural Pension Fund In Partnership With UNICEF opened two offices.",
     "Rural Pension Fund"),
    ("The Coastal Fisheries Board With The Support Of the FAO met twice.",
     "Coastal Fisheries Board"),
])
def test_a_name_ends_before_a_partner_cue(text: str, name: str,
                                          gazetteer: Gazetteer) -> None:
    found = names(text, gazetteer)
    assert name in found
    assert not any(n.startswith(name) and n != name for n in found)


@pytest.mark.parametrize("text", [
    # a preposition inside a name's own words is no cue
    "Le Ministère de la Femme et des Relations avec les Institutions a publié un guide.",
    "El Consejo Nacional para la Igualdad con Discapacidad presentó su plan.",
])
def test_a_name_with_a_preposition_is_kept_whole(text: str, gazetteer: Gazetteer) -> None:
    start = text.index(text.split()[1])
    assert any(n.startswith(text[start:start + 10]) and (" avec " in n or " con " in n)
               for n in names(text, gazetteer))


_OPENING = ("The regional training on contributory schemes for informal workers was designed "
            "by the ILO with trade unions, and carried out ")


def test_a_name_cut_at_the_document_end_is_not_read(gazetteer: Gazetteer) -> None:
    found = names(_OPENING + "with the Ministry of Fisheries and Mar", gazetteer)
    assert not any(n.startswith("Ministry of Fisheries") for n in found)
    whole = names(_OPENING + "with the Ministry of Fisheries and Maritime Affairs.", gazetteer)
    assert "Ministry of Fisheries and Maritime Affairs" in whole


def test_a_name_before_a_cut_clause_is_kept(gazetteer: Gazetteer) -> None:
    # the broken word belongs to a date after the name, not to the name
    found = names(_OPENING + "by the Ministry of Fisheries in Octo", gazetteer)
    assert "Ministry of Fisheries" in found


@pytest.mark.parametrize("ending", [
    # a whole last word the document uses elsewhere, a heading, a number: nothing was cut
    "with the Ministry of Fisheries and the Ministry of Labour of the Ministry of Labour",
    "with the Ministry of Fisheries.\nKey resources: Ministry of Labour",
])
def test_a_whole_last_word_is_kept(ending: str, gazetteer: Gazetteer) -> None:
    assert "Ministry of Labour" in names(_OPENING + ending, gazetteer)


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Le Ministère de la Santé avec le Ministère du Travail a lancé une enquête.",
     "Ministère de la Santé", "Ministère du Travail"),
    ("El Instituto de Seguridad Social con el Ministerio de Trabajo firmó un acuerdo.",
     "Instituto de Seguridad Social", "Ministerio de Trabajo"),
    ("El Instituto de Seguridad Social con la OIT firmó un acuerdo.",
     "Instituto de Seguridad Social", "OIT"),
])
def test_with_another_body_ends_a_name(text: str, first: str, second: str,
                                       gazetteer: Gazetteer) -> None:
    found = names(text, gazetteer)
    assert first in found
    assert second in found
