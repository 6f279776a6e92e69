"""A body a record's partners line names in French, Spanish or Portuguese and its prose in
English is one entity (spkg.ingest.entity_facts, data/reference/lexicon/institution-words.csv).
Texts made up for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from spkg.ingest.entity_facts import organisation_fact_for_name
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.records import Document, Span

PROSE = (
    "Outcome achieved\n\nIn 2023 the Paraguayan Social Welfare Institute and the Ministry of "
    "Labour, Employment and Social Security signed an agreement with the National Union of "
    "Rural Workers and the Federation of Production, Industry and Commerce. The Ministry of "
    "Health and the National Statistics Institute shared their data. The Ministry of Public "
    "Service, Labour and Social Protection drafted the decree.\n\n")


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("record") / "paraguay-result-record.txt"
    path.write_text(PROSE, encoding="utf-8")
    return read_document(Path(path))


def slug(name: str, document: Document, gazetteer: Gazetteer) -> str:
    iri, _facts = organisation_fact_for_name(name, document, Span(0, 1), Span(0, 1), gazetteer)
    return str(iri).rsplit("/", 1)[-1]


@pytest.mark.parametrize(("name", "english"), [
    ("Instituto Paraguayo de Previsión Social", "paraguayan-social-welfare-institute"),
    ("Ministerio de Trabajo, Empleo y Seguridad Social",
     "ministry-of-labour-employment-and-social-security"),
    ("Unión Nacional de Trabajadores Rurales", "national-union-of-rural-workers"),
    ("Federación de la Producción, la Industria y el Comercio",
     "federation-of-production-industry-and-commerce"),
    ("Ministère de la Santé", "ministry-of-health"),
    ("Ministère de la Fonction publique, du Travail et de la Protection sociale",
     "ministry-of-public-service-labour-and-social-protection"),
])
def test_a_translated_name_is_the_prose_bodys(name: str, english: str, document: Document,
                                              gazetteer: Gazetteer) -> None:
    assert slug(name, document, gazetteer) == english


@pytest.mark.parametrize(("name", "own"), [
    # another body: a word the English names do not have
    ("Ministerio de Trabajo", "ministerio-de-trabajo"),
    ("Instituto Nacional de Estadística y Censos", "instituto-nacional-de-estadistica-y-censos"),
    ("Central Unitaria de Trabajadores", "central-unitaria-de-trabajadores"),
])
def test_a_name_the_prose_does_not_translate_keeps_its_own(name: str, own: str,
                                                           document: Document,
                                                           gazetteer: Gazetteer) -> None:
    assert slug(name, document, gazetteer) == own
