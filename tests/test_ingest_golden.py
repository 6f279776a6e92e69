"""data/graphs/*.trig is exactly what `spkg ingest` writes today (regenerate: `spkg ingest`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from spkg import paths
from spkg.ingest.pipeline import ingest_paths, write_result

COMMITTED = sorted(paths.graphs_dir().glob("*.trig"))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graphs")
    write_result(ingest_paths([paths.sources_dir()], progress=False), out)
    return out


def test_one_graph_file_per_seed(fresh: Path) -> None:
    stems = {p.stem.replace("_", "-") for p in paths.sources_dir().glob("*.txt")}
    assert {p.stem for p in fresh.glob("*.trig")} == stems


@pytest.mark.parametrize("committed", COMMITTED, ids=lambda p: p.name)
def test_committed_graph_equals_a_fresh_ingest(committed: Path, fresh: Path) -> None:
    assert (fresh / committed.name).read_bytes() == committed.read_bytes(), (
        f"{committed} is stale: run `spkg ingest` to regenerate data/graphs/")


def test_ingest_twice_is_byte_identical(fresh: Path, tmp_path: Path) -> None:
    write_result(ingest_paths([paths.sources_dir()], progress=False), tmp_path)
    for path in fresh.glob("*.trig"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_output_parses_back_to_the_same_triples(fresh: Path) -> None:
    result = ingest_paths([paths.sources_dir()], progress=False)
    for document in result.documents:
        parsed = Dataset()
        from spkg.ingest.pipeline import graph_file_name

        parsed.parse(fresh / graph_file_name(document), format="trig")
        assert set(parsed.graph(document)) == result.triples[document]
        assert "_:" not in (fresh / graph_file_name(document)).read_text(encoding="utf-8")
