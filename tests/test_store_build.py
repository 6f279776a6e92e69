"""The build folder: dumps, on-disk store and manifest, replaced whole; --graph on commands."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from spkg.build import build
from spkg.cli import main
from spkg.dataset import document_graph_files
from spkg.errors import InputError
from spkg.store.build_dir import MANIFEST_FILE, STORE_DIR, Build, is_build
from spkg.store.resolve import resolve_build
from spkg.store.swap import RETIRED, STAGING, clean_leftovers, replace_dir


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (the store's too), by relative path."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "out"
    build(out, graph_files=document_graph_files(), allow_invalid=True, progress=False)
    return out


def test_build_holds_store_manifest_and_dumps(built: Path) -> None:
    assert is_build(built)
    manifest = json.loads((built / MANIFEST_FILE).read_text())
    counts = manifest["counts"]
    assert counts["document_graphs"] == len(document_graph_files()) == len(manifest["documents"])
    assert counts["quads"] == sum(counts[k] for k in ("documents", "ontology", "reference",
                                                       "inferred"))
    for entry in manifest["inputs"]:
        assert hashlib.sha256(Path(entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    store = ox.Store.read_only(str(built / STORE_DIR))
    assert len(store) == counts["quads"]
    lines = (built / "spkg.nq").read_bytes().count(b"\n")
    assert lines == counts["quads"]
    assert not list(built.parent.glob(f"out{STAGING}*"))  # nothing left beside it


def test_build_reads_back_exactly(built: Path) -> None:
    # the store keeps xsd:nonNegativeInteger as xsd:integer: readers get terms from spkg.nq
    with Build(built) as opened:
        kinds = {q.object.datatype.value for q in opened.quads()
                 if isinstance(q.object, ox.Literal)}
    assert "http://www.w3.org/2001/XMLSchema#nonNegativeInteger" in kinds


def test_query_reads_the_build_with_reference_data(built: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--graph", str(built), "located-in", "-p", "place=Pakistan",
                 "-f", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"[graph] reading {built} ")
    assert "id/place/khyber-pakhtunkhwa" in captured.out
    assert main(["query", "--graph", str(built), "--store", "rdflib", "located-in", "-p",
                 "place=Pakistan", "-f", "csv"]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == sorted(captured.out.splitlines())


def test_export_of_a_build_gives_its_dumps(built: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--graph", str(built), "-o", str(tmp_path), "--quiet"]) == 0
    for name in ("spkg.nq", "spkg.ttl", "void.ttl", "documents.trig"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_default_is_dist_when_it_holds_a_build(built: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dist").symlink_to(built)
    assert resolve_build() == Path("dist")
    with pytest.raises(InputError, match="not an spkg build"):
        Build(tmp_path)


def test_not_a_build_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--graph", str(tmp_path), "partner-counts"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not an spkg build" in err[0] and str(tmp_path) in err[0]


def test_a_folder_of_other_files_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(InputError, match=r"notes\.txt"):
        build(out, graph_files=document_graph_files()[:1], allow_invalid=True, progress=False)
    assert (out / "notes.txt").read_text() == "keep me"


def test_rebuild_replaces_the_whole_folder(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    os.system(f"cp -r {built} {out}")
    (out / ".spkg.nt.abc.tmp").write_bytes(b"left by a killed writer")
    before = digests(out)
    build(out, graph_files=document_graph_files()[:2], allow_invalid=True, progress=False)
    after = json.loads((out / MANIFEST_FILE).read_text())
    assert after["counts"]["document_graphs"] == 2
    assert not (out / ".spkg.nt.abc.tmp").exists()
    assert digests(out) != before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_swap_exchanges_and_leftovers_are_cleaned(tmp_path: Path) -> None:
    out, new = tmp_path / "out", tmp_path / f"out{STAGING}1"
    out.mkdir()
    (out / "a").write_text("old")
    new.mkdir()
    (new / "a").write_text("new")
    replace_dir(new, out)
    assert (out / "a").read_text() == "new" and not new.exists()
    # a run killed between the two fallback renames left only the retired folder
    out.rename(tmp_path / f"out{RETIRED}2")
    (tmp_path / f"out{STAGING}3").mkdir()
    clean_leftovers(out)
    assert (out / "a").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_export_into_another_build_is_refused(built: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other"
    shutil.copytree(built, other)
    before = digests(other)
    assert main(["export", "--graph", str(built), "-o", str(other), "--quiet"]) == 2
    assert "holds a build" in capsys.readouterr().err
    assert digests(other) == before


def test_export_replaces_its_folder_whole(built: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "export"
    data = ["--data", str(document_graph_files()[0]), "--quiet"]
    assert main(["export", "-o", str(out), "--site", *data]) == 0
    assert (out / "site").is_dir()
    assert main(["export", "-o", str(out), *data]) == 0
    assert not (out / "site").exists()  # nothing of the earlier export mixes in
    assert sorted(p.name for p in tmp_path.iterdir()) == [".export.lock", "export"]
    (out / "mine.txt").write_text("keep")
    assert main(["export", "-o", str(out), *data]) == 2
    assert "mine.txt" in capsys.readouterr().err and (out / "mine.txt").exists()
