"""A record cut off before its year line takes its year from its header, and the year
never contradicts the biennium or the record's date (spkgsh:OutcomeYearAgreement)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from spkg.ingest.pipeline import ingest_document
from spkg.namespace import SPKG

BODY = """Result achieved

A social protection scheme has been adopted or reformed (Step 2)

Outcome summary

The Government adopted a decree on social insurance for informal workers.

Outcome achieved

The decree was adopted in the year of the record and extends coverage to informal workers.
"""


@pytest.mark.parametrize(("header", "year"), [
    ("31.12.2020 GHA101 Public 2020-21 | 8.1.1", "2020"),  # dated inside the biennium
    ("30.06.2022 GHA101 Public 2020-21 | 8.1.1", "2021"),  # reported after it: its last year
    ("30.06.2019 GHA101 Public 2020-21 | 8.1.1", None),    # before it: contradictory, no year
])
def test_year_from_the_header(tmp_path: Path, header: str, year: str | None) -> None:
    path = tmp_path / "cut-record.txt"
    path.write_text(f"{header}\n{BODY}", encoding="utf-8")
    _, triples = ingest_document(path)
    years = {o for _, p, o in triples if p == SPKG.year}
    assert years == ({Literal(year, datatype=XSD.gYear)} if year else set())
