"""Contingencies and groups an intervention covers (issue 16): made-up pages stating them in
forms the rules missed, and look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.namespace import SPKG


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def covered(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object
            ) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), predicate)


def test_branches_right_after_covers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Workers Welfare Scheme was launched in 2019. "
            "The scheme covers sickness, maternity and employment injury.")
    found = {o for s, o in covered(tmp_path, gazetteer, body, SPKG.coversContingency)
             if s.startswith("workers-welfare-scheme")}
    assert found == {"sickness", "maternity", "employment-injury"}, found


def test_groups_after_covers_are_not_branches(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Workers Welfare Scheme was launched in 2019. "
            "The scheme covers dock workers and fishers in the coastal provinces.")
    assert not covered(tmp_path, gazetteer, body, SPKG.coversContingency)
