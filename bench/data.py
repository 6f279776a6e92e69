"""The benchmark's inputs at one scale, generated once and cached in bench/out/.

- the synthetic graph of about ``triples`` document triples (bench/generate_graph.py, by
  way of bench/reason_bench.py's cached ``graph_file``);
- the same with the ontology and reference data in front (``dataset-*.nq``): what the load,
  query, export and endpoint stages all read, so every engine sees the same quads;
- a folder of generated documents that ingest to about ``triples`` triples
  (bench/generate_documents.py), for the ingest and build stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
_SCALE = re.compile(r"^(\d+(?:\.\d+)?)([kKmM]?)$")


def parse_scale(text: str) -> int:
    """"10k" → 10000, "1M" → 1000000, "2500" → 2500."""
    match = _SCALE.match(text.strip())
    if not match:
        raise ValueError(f"not a scale: {text!r} (try 10k, 100k, 1M)")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[match[2].lower()]
    return int(float(match[1]) * factor)


def scale_name(triples: int) -> str:
    if triples >= 1_000_000 and triples % 1_000_000 == 0:
        return f"{triples // 1_000_000}M"
    if triples >= 1_000 and triples % 1_000 == 0:
        return f"{triples // 1_000}k"
    return str(triples)


def count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


@dataclass(frozen=True)
class ScaleData:
    name: str
    graph: Path  # synthetic document graphs only (N-Quads)
    dataset: Path  # ontology + reference + the synthetic graphs (N-Quads)
    documents: Path  # folder of generated *.txt
    graph_triples: int
    dataset_triples: int
    document_count: int


def background_file() -> Path:
    """Ontology + reference data as N-Quads in their named graphs (rewritten every run)."""
    from spkg.atomic import atomic_write_bytes
    from spkg.dataset import load_background, new_dataset

    dataset = new_dataset()
    load_background(dataset)
    path = OUT / "background.nq"
    atomic_write_bytes(path, dataset.serialize(format="nquads", encoding="utf-8"))
    return path


def prepare(triples: int, *, seed: int = 0, documents: int | None = None,
            background: Path | None = None) -> ScaleData:
    """Generate (or reuse) every input of one scale."""
    from bench.generate_documents import documents_for_triples, generate_documents
    from bench.reason_bench import graph_file

    OUT.mkdir(parents=True, exist_ok=True)
    graph = graph_file(triples, seed)
    background = background or background_file()
    dataset = OUT / f"dataset-{triples}-seed{seed}.nq"
    if not dataset.is_file() or dataset.stat().st_mtime < max(graph.stat().st_mtime,
                                                               background.stat().st_mtime):
        tmp = dataset.with_name(dataset.name + ".tmp")
        with tmp.open("wb") as out:
            for part in (background, graph):
                out.write(part.read_bytes())
        tmp.replace(dataset)
    count = documents if documents is not None else documents_for_triples(triples)
    folder = OUT / f"docs-{count}-seed{seed}"
    generate_documents(folder, count, seed)
    return ScaleData(scale_name(triples), graph, dataset, folder, count_lines(graph),
                     count_lines(dataset), count)
