"""bench/build_1m.py: a build replicated into distinct documents about distinct things."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_1m import replicate  # noqa: E402
from spkg.namespace import BASE  # noqa: E402
from spkg.store.resolve import seeds_build  # noqa: E402


def _quads(path: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))


def _graph(quad: ox.Quad) -> str:
    return quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""


def test_copies_are_distinct_documents_citing_the_same_background(tmp_path: Path) -> None:
    source = seeds_build(progress=False)
    original = _quads(source / "spkg.nq")
    counts = replicate(source, tmp_path / "x3.nq", 3)
    copied = _quads(tmp_path / "x3.nq")
    assert len(copied) == counts["quads"]
    assert len(set(copied)) == len(copied), "no quad written twice"

    background = {f"{BASE}graph/ontology", f"{BASE}graph/reference", f"{BASE}graph/curation"}

    def graphs(quads: list[ox.Quad], suffix: str) -> set[str]:
        return {_graph(q) for q in quads if _graph(q).endswith(suffix)} - {""}

    documents = {g for g in graphs(original, "") if g.startswith(f"{BASE}id/document/")}
    assert documents
    assert graphs(copied, "-c2") == {f"{g}-c2" for g in documents}
    assert graphs(copied, "-c1") == {f"{g}-c1" for g in documents}
    # the background is there once, as it was
    assert [q for q in copied if _graph(q) in background] == \
        [q for q in original if _graph(q) in background]
    # copies keep citing the reference's places: Pakistan is never renamed
    pakistan = ox.NamedNode(f"{BASE}id/place/pakistan")
    cited = {_graph(q) for q in copied if q.object == pakistan}
    assert any(g.endswith("-c2") for g in cited)
    renamed = ox.NamedNode(f"{BASE}id/place/pakistan-c1")
    assert not any(renamed in (q.subject, q.object) for q in copied)
    document_quads = sum(1 for q in original if _graph(q) in documents)
    assert counts["documents"] >= 3 * document_quads
