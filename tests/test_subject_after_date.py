"""A subject that points back ("it", "the scheme", "il", "el programa") after an opening
time adverbial ("From 1 January 2025 …", "In 2023, …", "Depuis 2021, …") is resolved like
one opening the sentence: made-up sentences, and look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.rules.context import anaphor_opening
from spkg.namespace import SPKG


@pytest.mark.parametrize(("sentence", "subject", "noun"), [
    ("From 1 January 2025 it also allows farmers to join.", "it", None),
    ("In 2023, it extended cover to fishers.", "it", None),
    ("Since March 2022, the scheme has paid a grant.", "the scheme", "scheme"),
    ("As of 2024, this programme covers carers.", "this programme", "programme"),
    ("Depuis 2021, il couvre les pêcheurs.", "il", None),
    ("À partir du 1er janvier 2025, la loi couvre les pêcheurs.", "la loi", "law"),
    ("Desde 2020, el programa cubre a los pescadores.", "el programa", "programme"),
    ("Em março de 2021, o programa passou a cobrir pescadores.", "o programa", "programme"),
    ("March 2022, it was revised.", "it", None),
])
def test_a_subject_after_a_date_points_back(sentence: str, subject: str,
                                            noun: str | None) -> None:
    found = anaphor_opening(sentence, 0, len(sentence))
    assert found is not None, sentence
    assert found[1] == noun
    assert sentence[: found[0]].endswith(subject), (sentence, found)


@pytest.mark.parametrize("sentence", [
    "In Kenya, it covers fishers.",        # a place, not a date
    "2023 saw it extended to fishers.",    # a bare date with no comma is the subject
    "In the years after 2020, it grew.",   # the date does not open the phrase
    "Le gouvernement a adopté la loi.",    # a noun that points at nothing
])
def test_no_pointing_subject_without_an_opening_date(sentence: str) -> None:
    assert anaphor_opening(sentence, 0, len(sentence)) is None, sentence


def covered(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.extendsCoverageTo)


@pytest.mark.parametrize(("body", "expected"), [
    ("The Rural Pension Act was adopted in 2019. From 1 January 2025 it also "
     "covers self-employed workers and fishers.",
     ("rural-pension-act", "self-employed-workers")),
    ("The Ministry of Labour launched the Harvest Income Programme. In 2023, it extended "
     "coverage to domestic workers.",
     ("harvest-income", "domestic-workers")),
    ("Le Ministère du Travail a lancé le Programme Récolte Solidaire. Depuis 2021, il "
     "couvre les travailleurs domestiques.",
     ("programme-recolte-solidaire", "travailleurs-domestiques")),
    ("El Ministerio de Trabajo creó el Programa Cosecha Segura. Desde 2020, el programa "
     "cubre a los trabajadores domésticos.",
     ("programa-cosecha-segura", "trabajadores-domesticos")),
])
def test_coverage_of_a_subject_after_a_date(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                            expected: tuple[str, str]) -> None:
    assert expected in covered(tmp_path, gazetteer, body), body
