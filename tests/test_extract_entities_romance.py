"""French, Spanish and Portuguese names kept untranslated in English texts, on made-up
sentences (spkg.ingest.mentions.romance and naming.class_from_head)."""

from __future__ import annotations

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def found(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}


def test_head_first_names_without_acronyms(gazetteer: Gazetteer) -> None:
    text = ("The Ministerio de Salud met. The Ministère de l'Agriculture, du Commerce et de "
            "la Pêche rurale with the Groupement inter-patronal du Sénégal chose the "
            "Régimen Especial de Pesca created in 2015.")
    assert {"organisation/ministerio-de-salud",
            "organisation/ministere-de-lagriculture-du-commerce-et-de-la-peche-rurale",
            "organisation/groupement-inter-patronal-du-senegal",
            "programme/regimen-especial-de-pesca"} <= found(text, gazetteer)


def test_a_translation_in_brackets_is_not_a_second_entity(gazetteer: Gazetteer) -> None:
    text = "The National Pension Fund (CNP – Caisse nationale des pensions) paid benefits."
    assert not any("caisse" in iri for iri in found(text, gazetteer))


def test_an_english_head_needs_a_sign_of_another_language(gazetteer: Gazetteer) -> None:
    assert not any(iri.startswith("organisation/office")
                   for iri in found("The Office Manager spoke to staff.", gazetteer))


def test_a_head_first_scheme_is_a_programme_even_with_an_acronym(gazetteer: Gazetteer) -> None:
    text = "It sets the rates of the Assurance volontaire retraite (AVR), managed by the fund."
    assert "programme/assurance-volontaire-retraite" in found(text, gazetteer)
