"""Ratification, entry into force and adoption said in French and Spanish (issue 16): each
test a made-up page, with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.namespace import SPKG


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def dated(tmp_path: Path, gazetteer: Gazetteer, body: str, title: str = "Social protection in Kenya"
          ) -> set[tuple[str, str]]:
    """(event slug, date) of every dated event read from the page."""
    facts = page_facts(tmp_path, gazetteer, body, title)
    return {(str(f.subject).rsplit("/", 1)[-1], str(f.object))
            for f in facts if f.predicate == SPKG.date}


def test_french_ratification_with_the_year_before_the_convention(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le Kenya a ratifié en 2011 la convention (n° 102) concernant la sécurité "
            "sociale (norme minimum), 1952, mais n'a pas encore ratifié la convention "
            "(n° 183) sur la protection de la maternité, 2000 en 2012.")
    events = dated(tmp_path, gazetteer, body, "La protection sociale au Kenya")
    assert ("c102-ratification-2011", "2011") in events, events
    assert not any("c183" in e for e, _ in events), events


def test_spanish_ratification_and_its_negation(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Kenia ratificó el Convenio sobre la seguridad social (norma mínima), 1952 "
            "(núm. 102) en 2017. Kenia no ha ratificado el Convenio sobre la protección de "
            "la maternidad, 2000 (núm. 183) en 2019.")
    events = dated(tmp_path, gazetteer, body, "La protección social en Kenia")
    assert ("c102-ratification-2017", "2017") in events, events
    assert not any("c183" in e for e, _ in events), events
