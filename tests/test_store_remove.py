"""`spkg remove` without a rebuild (spkg.store.removal): the same build as a full one.

The seeds share programmes, bodies and places, so a removed seed leaves entities other
documents still name, inferences that other documents still support, and some that only
it supported: every stage of the path has work to do.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from spkg import paths
from spkg.build import build
from spkg.export.dumps import CONTEXT_FILE, DUMPS, VOID_FILE
from spkg.store.build_dir import INGESTED_FILE, MANIFEST_FILE, Build
from spkg.store.update import remove_documents

FILES = [d.file_name for d in DUMPS] + [VOID_FILE, CONTEXT_FILE, INGESTED_FILE]


def seeds() -> list[Path]:
    return sorted(paths.sources_dir().glob("*.txt"))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("removal")
    made = {"all": seeds()[:4], "first-three": seeds()[:3], "last-three": seeds()[1:4]}
    for name, sources in made.items():
        build(root / name, sources=sources, progress=False)
    return {**{name: root / name for name in made}, "root": root}


def quads(folder: Path) -> set[ox.Quad]:
    with Build(folder) as opened:
        dataset = ox.Dataset(opened.store)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def assert_same_build(ours: Path, theirs: Path) -> None:
    for name in FILES:
        assert (ours / name).read_bytes() == (theirs / name).read_bytes(), name
    mine, full = (json.loads((f / MANIFEST_FILE).read_text()) for f in (ours, theirs))
    assert mine["counts"] == full["counts"]
    assert mine["documents"] == full["documents"]
    assert quads(ours) == quads(theirs)


@pytest.mark.parametrize(("gone", "expected"), [(3, "first-three"), (0, "last-three")])
def test_remove_equals_the_full_build_byte_for_byte(builds: dict[str, Path], gone: int,
                                                    expected: str) -> None:
    work = builds["root"] / f"work-{gone}"
    shutil.copytree(builds["all"], work)
    summary = remove_documents(work, [seeds()[gone].name], progress=False)
    assert summary.mode == "incremental", summary.mode
    assert set(FILES) <= set(summary.reused), summary.reused
    assert summary.documents == 3
    assert_same_build(work, builds[expected])


def test_remove_killed_while_changing_the_store_leaves_the_old_build(
        builds: dict[str, Path], tmp_path: Path) -> None:
    """A real process killed (SIGKILL) once the new store is being made beside the build:
    the old build keeps its every byte and stays readable; the next run clears the rest."""
    import hashlib
    import os
    import signal
    import subprocess
    import sys
    import time

    from spkg.store.swap import STAGING, clean_leftovers

    out = tmp_path / "out"
    shutil.copytree(builds["all"], out)

    def digests() -> dict[str, str]:
        return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(out.rglob("*")) if p.is_file()}

    before = digests()
    child = subprocess.Popen(
        [sys.executable, "-c", "from pathlib import Path; "
         "from spkg.store.update import remove_documents; "
         f"remove_documents(Path({str(out)!r}), [{seeds()[3].name!r}], progress=False)"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 180
    try:
        while not any((s / "store").is_dir() for s in tmp_path.glob(f"out{STAGING}*")):
            assert child.poll() is None, child.stderr.read()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the child never reached the store"
            time.sleep(0.002)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
    assert digests() == before
    with Build(out) as opened:
        assert len(opened.store) == opened.manifest.counts["quads"]
        assert len(opened.manifest.documents) == 4
    clean_leftovers(out)
    assert not list(tmp_path.glob(f"out{STAGING}*"))


def test_a_changed_document_equals_the_full_build(builds: dict[str, Path], tmp_path: Path
                                                 ) -> None:
    """`spkg add` of a changed document: the old version removed, the new one added, one
    swap; the same bytes as a full build with the new version."""
    from spkg.store.update import add_documents

    folder = tmp_path / "docs"
    folder.mkdir()
    changed = folder / seeds()[3].name
    text = seeds()[3].read_text(encoding="utf-8")
    changed.write_text(text[:len(text) * 2 // 3] + "\n", encoding="utf-8")
    expected = tmp_path / "expected"
    build(expected, sources=[*seeds()[:3], changed], progress=False)
    work = tmp_path / "work"
    shutil.copytree(builds["all"], work)
    summary = add_documents(work, [changed], progress=False)
    assert summary.mode.startswith("incremental"), summary.mode
    assert_same_build(work, expected)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("work.")]
