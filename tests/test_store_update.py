"""`spkg add` / `spkg remove` give the same dumps, byte for byte, as a full build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from spkg import paths
from spkg.build import build
from spkg.cli import main
from spkg.errors import InputError
from spkg.export.dumps import DUMPS
from spkg.store.build_dir import MANIFEST_FILE, Build
from spkg.store.update import add_documents, remove_documents

DUMP_NAMES = [d.file_name for d in DUMPS] + ["void.ttl", "context.jsonld"]


def seeds() -> list[Path]:
    return sorted(paths.sources_dir().glob("*.txt"))[:3]


def dumps(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in DUMP_NAMES}


def assert_same_dumps(a: Path, b: Path) -> None:
    left, right = dumps(a), dumps(b)
    for name in DUMP_NAMES:
        assert left[name] == right[name], name


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("update")
    first, second, third = seeds()
    two, three = root / "two", root / "three"
    build(two, sources=[first, second], allow_invalid=True, progress=False)
    build(three, sources=[first, second, third], allow_invalid=True, progress=False)
    work = root / "work"
    shutil.copytree(two, work)
    return {"two": two, "three": three, "work": work}


def test_add_then_remove_equal_full_builds(folders: dict[str, Path]) -> None:
    work = folders["work"]
    summary = add_documents(work, [seeds()[2]], allow_invalid=True, progress=False)
    assert len(summary.added) == 1 and summary.documents == 3
    assert_same_dumps(work, folders["three"])
    manifest = json.loads((work / MANIFEST_FILE).read_text())
    assert manifest["counts"] == json.loads((folders["three"] / MANIFEST_FILE).read_text())[
        "counts"]
    with Build(work) as opened:
        assert len(opened.store) == manifest["counts"]["quads"]

    summary = remove_documents(work, [seeds()[2].name], progress=False)
    assert len(summary.removed) == 1 and summary.documents == 2
    assert_same_dumps(work, folders["two"])


def test_unchanged_document_is_skipped(folders: dict[str, Path]) -> None:
    before = (folders["two"] / MANIFEST_FILE).read_bytes()
    summary = add_documents(folders["two"], [seeds()[0]], progress=False)
    assert summary.added == [] and len(summary.unchanged) == 1
    assert (folders["two"] / MANIFEST_FILE).read_bytes() == before


def test_unknown_document_is_one_line(folders: dict[str, Path],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remove", "--graph", str(folders["two"]), "nothing.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no document 'nothing.txt'" in err[0]
    with pytest.raises(InputError, match="not an spkg build"):
        add_documents(folders["two"].parent / "missing", [seeds()[0]], progress=False)


def test_reasoning_again_closes_only_the_changed_documents_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches are cached on their documents: after one document changes, one batch is
    closed again, and the result is still that of closing the whole graph at once."""
    import sys

    import spkg.reason as reasoning
    from spkg.dataset import document_graphs, load_asserted

    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "cache"))
    sys.path.insert(0, str(paths.resource_root() / "bench"))
    try:
        from generate_graph import iter_quads
    finally:
        sys.path.pop(0)
    dataset = load_asserted([])
    for quad in iter_quads(3_000, seed=5, ministries=4):
        dataset.add(quad)
    closes: list[int] = []
    close = reasoning.close

    def counted(triples: list, engine: str) -> object:
        closes.append(len(triples))
        return close(triples, engine)

    monkeypatch.setattr(reasoning, "close", counted)
    whole = reasoning.reason(dataset, use_cache=False, progress=False)
    first = reasoning.reason(dataset, progress=False, partition_triples=500)
    assert first.batches > 2 and set(first.graph) == set(whole.graph)
    graph = dataset.graph(document_graphs(dataset)[0])
    graph.remove(next(iter(graph)))
    closes.clear()
    again = reasoning.reason(dataset, progress=False, partition_triples=500)
    assert len(closes) == 1  # the changed document's batch; background and the rest cached
    assert set(again.graph) == set(reasoning.reason(dataset, use_cache=False,
                                                    progress=False).graph)
