"""Ingestion of the documents written after the seeds (tests/extract/heldout2, fresh2): every
kind is detected from the opening lines, every document names its country, and the fixed
fields survive header lines, Arabic-Indic digits, French and Spanish keywords, a dateline
without a place and a copy cut off mid-word."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from spkg.ingest import ingest_paths
from spkg.ingest.pipeline import read_document
from spkg.namespace import SPKG

FOLDERS = [Path(__file__).resolve().parent / "extract" / name for name in ("heldout2", "fresh2")]
DOCUMENTS = sorted(p for folder in FOLDERS for p in folder.glob("*.txt"))
KINDS = {"result-record": "result-record", "press-release": "press-release",
         "country-page": "country-page"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return ingest_paths(DOCUMENTS, progress=False).dataset


def _kind_in_name(path: Path) -> str:
    return next(kind for kind in KINDS if kind in path.stem)


def test_there_are_documents_of_every_kind() -> None:
    assert len(DOCUMENTS) >= 12
    assert {_kind_in_name(p) for p in DOCUMENTS} == set(KINDS)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_the_kind_is_detected(path: Path) -> None:
    assert read_document(path).kind == _kind_in_name(path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_every_document_names_its_country(dataset: Dataset, path: Path) -> None:
    country = path.stem.split("-")[0]
    found = {o for _, _, o in dataset.triples((None, SPKG.country, None))}
    assert URIRef(f"https://w3id.org/spkg/id/place/{country}") in found


def test_arabic_indic_digits_are_read(dataset: Dataset) -> None:
    covered = {o for _, _, o in dataset.triples((None, SPKG.personsCovered, None))}
    assert Literal(45000, datatype=XSD.integer) in covered  # "Total: ٤٥٬٠٠٠"


def test_the_header_line_gives_the_record_its_cpo(dataset: Dataset) -> None:
    cpos = {str(o) for _, _, o in dataset.triples((None, SPKG.countryProgrammeOutcome, None))}
    assert "https://w3id.org/spkg/id/cpo/ken152" in cpos
    assert "https://w3id.org/spkg/id/cpo/jor151" in cpos  # on a line of Arabic-Indic digits
