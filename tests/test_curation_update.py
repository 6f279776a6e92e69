"""`spkg add` applies the curation beside the documents as a full build does: the same dumps,
byte for byte, and the manifest names the curation file; curation is a graph kind of its own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from spkg import paths
from spkg.build import build
from spkg.curation import Act
from spkg.curation.fileformat import write_acts
from spkg.export.dumps import DUMPS
from spkg.ingest import ingest_paths
from spkg.namespace import CURATION_GRAPH, SPKG
from spkg.store.build_dir import MANIFEST_FILE
from spkg.store.update import add_documents

DUMP_NAMES = [d.file_name for d in DUMPS] + ["void.ttl", "context.jsonld"]


def _a_fact_of(document: Path) -> tuple[URIRef, tuple[URIRef, URIRef, URIRef]]:
    """The document's graph and the first spkg relation between two IRIs read from it."""
    ingested = ingest_paths([document], progress=False)
    (graph,) = ingested.sources
    facts = sorted((s, p, o) for s, p, o in ingested.dataset.graph(URIRef(str(graph)))
                   if str(p).startswith(str(SPKG)) and isinstance(s, URIRef)
                   and isinstance(o, URIRef))
    assert facts, f"{document.name} reads no relation to reject"
    s, p, o = facts[0]
    return URIRef(str(graph)), (s, URIRef(str(p)), o)


def test_add_with_curation_equals_full_build(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the document added is named relatively, as users do
    docs = tmp_path / "docs"
    docs.mkdir()
    seeds = sorted(paths.sources_dir().glob("*.txt"))[:3]
    for seed in seeds:
        shutil.copy(seed, docs / seed.name)
    first, second, third = (docs / s.name for s in seeds)
    graph, fact = _a_fact_of(third)
    curation = docs / "curation.ttl"  # beside the documents: both builds find it
    write_acts(curation, [Act(kind="reject", by="Bo", when="2026-12-07T01:00:00Z",
                              why="misread", facts=[fact], documents=[graph])])

    full = build(tmp_path / "full", sources=[docs], allow_invalid=True, progress=False)
    assert "1 acts applied, 0 stale" in full.curation
    partial = build(tmp_path / "work", sources=[first, second], allow_invalid=True,
                    progress=False)
    assert "0 acts applied, 1 stale" in partial.curation  # its document is not there yet

    add_documents(tmp_path / "work", [Path("docs") / third.name], allow_invalid=True,
                  progress=False)
    for name in DUMP_NAMES:
        assert (tmp_path / "work" / name).read_bytes() == (tmp_path / "full" / name).read_bytes(
            ), name

    manifest = json.loads((tmp_path / "work" / MANIFEST_FILE).read_text())
    used = [e for e in manifest["inputs"] if e.get("kind") == "curation"]
    assert [e["path"] for e in used] == [str(curation.resolve())]
    counts = manifest["counts"]
    assert counts["curation"] > 0 and counts["document_graphs"] == 3
    documents = (tmp_path / "work" / "documents.trig").read_text()
    assert str(CURATION_GRAPH) not in documents
    void = (tmp_path / "work" / "void.ttl").read_text()
    assert "curation" in void
