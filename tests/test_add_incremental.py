"""`spkg add` without a rebuild (spkg.store.incremental): the same build as a full one.

The seeds share programmes, bodies and places, so the added document joins a reasoning
group with the documents already built, relabels entities they name, and is validated
against them: every stage of the incremental path has work to do here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from spkg import paths
from spkg.build import build
from spkg.export.dumps import CONTEXT_FILE, DUMPS, VOID_FILE
from spkg.ingest import ingest_paths
from spkg.namespace import BASE, SPKG
from spkg.store.build_dir import INGESTED_FILE, MANIFEST_FILE, Build
from spkg.store.incremental import NotIncremental, add
from spkg.store.update import add_documents

FILES = [d.file_name for d in DUMPS] + [VOID_FILE, CONTEXT_FILE, INGESTED_FILE]


def seeds() -> list[Path]:
    return sorted(paths.sources_dir().glob("*.txt"))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("incremental")
    before, after = root / "before", root / "after"
    build(before, sources=seeds()[:3], progress=False)
    build(after, sources=seeds()[:4], progress=False)
    return {"before": before, "after": after, "root": root}


def quads(folder: Path) -> set[ox.Quad]:
    """The store's quads, blank nodes labelled canonically (the store labels them at will)."""
    with Build(folder) as opened:
        dataset = ox.Dataset(opened.store)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def test_add_equals_the_full_build_byte_for_byte(builds: dict[str, Path]) -> None:
    work = builds["root"] / "work"
    shutil.copytree(builds["before"], work)
    summary = add_documents(work, [seeds()[3]], progress=False)
    assert summary.mode == "incremental", summary.mode
    # every dump made from the old ones (spkg.store.spliced_dumps): and still equal
    assert set(FILES) <= set(summary.reused), summary.reused
    for name in FILES:
        assert (work / name).read_bytes() == (builds["after"] / name).read_bytes(), name
    ours, theirs = (json.loads((f / MANIFEST_FILE).read_text()) for f in
                    (work, builds["after"]))
    assert ours["counts"] == theirs["counts"]
    assert ours["documents"] == theirs["documents"]
    assert quads(work) == quads(builds["after"])


def test_two_documents_added_at_once(builds: dict[str, Path]) -> None:
    """Several new graphs go into each dump in their places (the seeds' graphs sort as
    their files: one before the old documents' graphs, one after them)."""
    work = builds["root"] / "work-two"
    build(work, sources=seeds()[1:3], progress=False)
    summary = add_documents(work, [seeds()[0], seeds()[3]], progress=False)
    assert summary.mode == "incremental", summary.mode
    assert set(FILES) <= set(summary.reused), summary.reused
    for name in FILES:
        assert (work / name).read_bytes() == (builds["after"] / name).read_bytes(), name


def test_an_old_dump_not_as_expected_is_written_anew(builds: dict[str, Path]) -> None:
    """Splicing only saves time: an old dump that is not as spkg writes it (here RDF/XML
    cut short) sends add back to reading the old build whole, with the same result."""
    work = builds["root"] / "work-unexpected"
    shutil.copytree(builds["before"], work)
    rdf = work / "spkg.rdf"
    rdf.write_bytes(rdf.read_bytes()[:-len(b"</rdf:RDF>")])
    summary = add_documents(work, [seeds()[3]], progress=False)
    assert summary.mode == "incremental", summary.mode
    assert "spkg.rdf" not in summary.reused and "spkg.trig" in summary.reused
    for name in FILES:
        assert (work / name).read_bytes() == (builds["after"] / name).read_bytes(), name


def test_a_violating_document_is_left_to_the_full_build(builds: dict[str, Path]) -> None:
    """The focus validation sees what a full one would: an instrument citation of a
    country (spkgsh:CitesInstrument, a Violation) is caught, and the full build decides."""
    ingested = ingest_paths([seeds()[3]], progress=False)
    name = next(iter(ingested.sources))
    graph = Graph()
    for triple in ingested.dataset.graph(URIRef(str(name))):
        graph.add(triple)
    graph.add((URIRef(str(name)), SPKG.citesInstrument, URIRef(BASE + "id/place/pakistan")))
    with Build(builds["before"]) as opened, pytest.raises(NotIncremental, match="violation"):
        add(opened, {str(name): graph}, {str(name): seeds()[3]}, engine="reasonable",
            allow_invalid=False, progress=False)
    with Build(builds["before"]) as opened:  # the same graph, as it was, passes
        clean = Graph()
        for triple in ingested.dataset.graph(URIRef(str(name))):
            clean.add(triple)
        result = add(opened, {str(name): clean}, {str(name): seeds()[3]},
                     engine="reasonable", allow_invalid=False, progress=False)
        assert result.focus_nodes > 0


def test_a_changed_document_is_rebuilt_in_full(builds: dict[str, Path], tmp_path: Path
                                               ) -> None:
    """Replacing a document takes inferences away: its old version is removed first
    (spkg.store.removal; tests/test_store_remove.py checks the bytes), then the new one
    added."""
    folder = tmp_path / "docs"
    folder.mkdir()
    changed = folder / seeds()[3].name
    changed.write_text(seeds()[3].read_text(encoding="utf-8") + "\nThe end.\n",
                       encoding="utf-8")
    work = tmp_path / "work"
    shutil.copytree(builds["after"], work)
    summary = add_documents(work, [changed], progress=False)
    assert summary.mode.startswith("incremental"), summary.mode


def test_add_killed_while_changing_the_store_leaves_the_old_build(
        builds: dict[str, Path], tmp_path: Path) -> None:
    """The store is changed in a copy whose tables are hard links to the old store's: a
    kill at that point leaves the old build's every byte, and readable."""
    import hashlib
    import os
    import signal
    import subprocess
    import sys
    import time

    from spkg.store.swap import STAGING, clean_leftovers

    out = tmp_path / "out"
    shutil.copytree(builds["before"], out)

    def digests() -> dict[str, str]:
        return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(out.rglob("*")) if p.is_file()}

    before = digests()
    child = subprocess.Popen(
        [sys.executable, "-c", "from pathlib import Path; "
         "from spkg.store.update import add_documents; "
         f"add_documents(Path({str(out)!r}), [Path({str(seeds()[3])!r})], progress=False)"],
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
    clean_leftovers(out)
    assert not list(tmp_path.glob(f"out{STAGING}*"))


@pytest.mark.parametrize("kind", ["shapes", "patches"])
def test_a_shape_or_patch_changed_since_the_build_takes_the_full_build(
        builds: dict[str, Path], tmp_path: Path, kind: str) -> None:
    """The manifest records every background file, shapes and reference patches included:
    one that differs from what the build read means old documents were validated or
    reasoned on other terms, so the result can only be a full build's."""
    work = tmp_path / "work"
    shutil.copytree(builds["before"], work)
    manifest = json.loads((work / MANIFEST_FILE).read_text())
    entries = [e for e in manifest["inputs"] if f"/{kind}/" in e["path"]]
    assert entries, f"the manifest lists no {kind} file"
    entries[0]["sha256"] = "0" * 64  # as if the build had read another version of it
    (work / MANIFEST_FILE).write_text(json.dumps(manifest))
    summary = add_documents(work, [seeds()[3]], progress=False)
    assert summary.mode.startswith("full build (") and "changed since the build" in summary.mode
    assert Path(entries[0]["path"]).name in summary.mode
