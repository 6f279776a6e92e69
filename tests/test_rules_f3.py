"""Coverage, implementation and membership forms of real ILO texts (issue 16, the classes of
fresh-10's misses and false hits), on made-up sentences in English, Spanish and Portuguese."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


@pytest.mark.parametrize(("body", "head", "described"), [
    ("The Hope Programme, a cash transfer programme of the Kenya Social Safety Net Project, "
     "is implemented by the National Drought Agency (NDA) and the Department of Social "
     "Development and financed by the World Bank.",
     "hope", "kenya-social-safety-net-project"),
    ("El Programa Esperanza, un programa de transferencias del Proyecto Red de Protección "
     "Social, es ejecutado por el Ministerio de Desarrollo Social.",
     "programa-esperanza", "proyecto-red-de-proteccion-social"),
])
def test_an_apposition_describes_the_head_that_is_implemented(
        tmp_path: Path, gazetteer: Gazetteer, body: str, head: str, described: str) -> None:
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.implementedBy)
    assert any(s.startswith(head) for s, _ in found), found
    assert not any(s == described for s, _ in found), found
