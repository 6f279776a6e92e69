"""spkg add/remove read ingested.nq with pyoxigraph: the same quads rdflib's parser gives."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from rdflib import Dataset

from spkg.errors import InputError
from spkg.store.build_dir import INGESTED_FILE
from spkg.store.update import _as_ingested

XSD = "http://www.w3.org/2001/XMLSchema#"
NQ = f"""<http://ex.org/a> <http://ex.org/p> "x"@en <http://ex.org/g1> .
<http://ex.org/a> <http://ex.org/p> "15"^^<{XSD}nonNegativeInteger> <http://ex.org/g1> .
<http://ex.org/b> <http://ex.org/p> "tab\\tand \\"quote\\"" <http://ex.org/g2> .
<http://ex.org/c> <http://ex.org/p> <http://ex.org/d> .
"""


def _build(folder: Path) -> Any:
    return SimpleNamespace(folder=folder, path=lambda name: folder / name)


def test_the_same_quads_as_rdflib_and_dropped_graphs_left_out(tmp_path: Path) -> None:
    (tmp_path / INGESTED_FILE).write_text(NQ, encoding="utf-8")
    expected = Dataset()
    expected.parse(tmp_path / INGESTED_FILE, format="nquads")
    got = _as_ingested(_build(tmp_path), drop=set())
    assert set(got.quads()) == set(expected.quads())
    assert len(set(got.quads())) == 4
    kept = _as_ingested(_build(tmp_path), drop={"http://ex.org/g1"})
    assert {str(q[3]) for q in kept.quads()} == {"http://ex.org/g2", "urn:x-rdflib:default"}


def test_a_corrupt_file_is_one_line_naming_it(tmp_path: Path) -> None:
    (tmp_path / INGESTED_FILE).write_text(NQ + "<broken\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        _as_ingested(_build(tmp_path), drop=set())
    assert INGESTED_FILE in str(caught.value) and "\n" not in str(caught.value)
