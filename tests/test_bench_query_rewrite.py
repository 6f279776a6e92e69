"""bench/query_rewrite.py: a rewrite with the same rows passes, one that loses a row fails."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.query_rewrite import main  # noqa: E402

RESOURCE = "resource=Labour Welfare and Social Protection Expert Group"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pyoxigraph as ox

    from spkg.queries.golden import fixture_dataset

    folder = tmp_path_factory.mktemp("fixture-store")
    target = ox.Store(str(folder))
    target.bulk_load(fixture_dataset().serialize(format="nquads").encode(), ox.RdfFormat.N_QUADS)
    target.flush()
    del target  # read_only below needs the writer closed
    return folder


def test_the_plain_form_gives_the_same_rows(store: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    reference = ROOT / "tests" / "queries" / "reference" / "provenance.rq"
    assert main(["provenance", str(reference), "--store", str(store), "-p", RESOURCE,
                 "--repeat", "1"]) == 0
    assert "2 / 2 rows, same rows" in capsys.readouterr().out


def test_a_rewrite_that_loses_rows_fails(store: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "tests" / "queries" / "reference" / "provenance.rq").read_text(encoding="utf-8")
    wrong = tmp_path / "wrong.rq"
    wrong.write_text(text.rstrip() + "\nLIMIT 1\n", encoding="utf-8")
    assert main(["provenance", str(wrong), "--store", str(store), "-p", RESOURCE,
                 "--repeat", "1"]) == 1
    assert "2 / 1 rows, DIFFERENT rows" in capsys.readouterr().out
