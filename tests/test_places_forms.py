"""Country names as texts write ISO's inverted names (scripts/make_places.py reading forms)
and towns with hyphens and apostrophes. Sentences made up for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_places.py"


@pytest.fixture(scope="module")
def make_places() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_places_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def places(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/place/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/place/" in str(e.iri)}


def test_reading_order_of_inverted_names(make_places: ModuleType) -> None:
    order = make_places.reading_order
    assert order("Congo, The Democratic Republic of the") == "Democratic Republic of the Congo"
    assert order("Korea, Republic of") == "Republic of Korea"
    assert order("Corée, République de") == "République de Corée"
    assert order("Iran, République islamique d'") == "République islamique d'Iran"
    assert order("Bolivie, état plurinational de") == "État plurinational de Bolivie"
    assert order("Bonaire, Sint Eustatius and Saba") is None  # a list, not an inversion
    assert order("Taiwan, Province of China") is None


def test_acronyms_and_typed_short_forms(make_places: ModuleType) -> None:
    assert make_places.acronym("Democratic Republic of the Congo") == "DRC"
    assert make_places.acronym("République démocratique du Congo") == "RDC"
    assert make_places.acronym("Democratic People's Republic of Korea") == "DPRK"
    assert make_places.acronym("Republic of Korea") is None  # two letters: a word or code
    forms = make_places.reading_forms("Congo, The Democratic Republic of the",
                                      frozenset({"Congo"}), frozenset(), english=True)
    assert "DR Congo" in forms and "Congo" not in forms  # "Congo" is the other Congo


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Delegates from the Democratic Republic of the Congo met in March.",
     "congo-the-democratic-republic-of-the"),
    ("The DRC and its partners signed the plan.", "congo-the-democratic-republic-of-the"),
    ("Une mission en République démocratique du Congo a eu lieu.",
     "congo-the-democratic-republic-of-the"),
    ("La RDC a adopté une stratégie.", "congo-the-democratic-republic-of-the"),
    ("A visit to DR Congo took place.", "congo-the-democratic-republic-of-the"),
    ("The Republic of Korea shared its experience.", "korea-republic-of"),
    ("La République de Corée a partagé son expérience.", "korea-republic-of"),
    ("La República de Moldavia aprobó la ley.", "moldova-republic-of"),
])
def test_countries_in_reading_order(sentence: str, expected: str,
                                    gazetteer: Gazetteer) -> None:
    found = places(sentence, gazetteer)
    assert expected in found
    assert "congo" not in found  # the Republic of the Congo is another country


@pytest.mark.parametrize(("sentence", "expected"), [
    # GeoNames writes the town joined, the text with a hyphen
    ("In Haiti, the union met in Pétion-Ville on Friday.", "petionville"),
    # ISO writes the department with one letter more than the text
    ("Haïti : les pluies ont touché la Grand'Anse et les Nippes.", "grandeanse"),
])
def test_compound_names_of_the_documents_country(sentence: str, expected: str,
                                                 gazetteer: Gazetteer) -> None:
    assert expected in places(sentence, gazetteer)


def test_compound_names_need_the_country(gazetteer: Gazetteer) -> None:
    # the same words without Haiti in the text are no place of any country
    assert "petionville" not in places("The union met in Pétion-Ville on Friday.", gazetteer)
    assert places("The Anti-Corruption Commission met in Pétion-Ville.", gazetteer) == set()


def test_a_plural_type_word_after_a_list(gazetteer: Gazetteer) -> None:
    found = places("Myanmar: the grant reached mothers in Chin and Rakhine States.", gazetteer)
    assert "rakhine" in found and ("chin" in found or "chin-state" in found)
