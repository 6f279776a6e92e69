"""`spkg build`: ingest the documents, reason, validate, export — the whole pipeline."""

from __future__ import annotations

import gc
import resource
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, URIRef

from spkg import paths
from spkg.dataset import count_triples, document_graphs, load_background
from spkg.errors import ValidationFailed
from spkg.glibc import trim_free_memory
from spkg.namespace import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.progress import Progress, notice

if TYPE_CHECKING:
    from spkg.validate.holdback import HeldBack


@dataclass
class BuildSummary:
    documents: int = 0
    asserted_triples: int = 0
    background_triples: int = 0
    inferred_triples: int = 0
    violations: int = 0
    warnings: int = 0
    infos: int = 0
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    peak_mb: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    stage_peak_mb: dict[str, float] = field(default_factory=dict)  # process peak after each stage
    held_back: list[HeldBack] = field(default_factory=list)  # documents left out, and why
    curation: str = ""  # what the curation file did, stale acts named (spkg.curation)

    def text(self) -> str:
        stages = ", ".join(f"{name} {s:.2f} s" for name, s in self.stage_seconds.items())
        return "\n".join(
            [
                f"documents:        {self.documents}",
                f"triples asserted: {self.asserted_triples} (documents)"
                f" + {self.background_triples} (ontology and reference)",
                f"triples inferred: {self.inferred_triples}",
                f"validation:       {self._verdict()}",
                f"files written:    {len(self.files)}",
                f"time:             {self.seconds:.2f} s ({stages})",
                f"peak memory:      {self.peak_mb:.0f} MB",
                *(f"held back:        {line}" for held in self.held_back for line in held.lines()),
                *([self.curation] if self.curation else []),
            ]
        )

    def _verdict(self) -> str:
        """The words and counts `spkg validate` prints (spkg.validate.report.verdict_line)."""
        from spkg.validate.report import verdict_line

        return verdict_line({"Violation": self.violations, "Warning": self.warnings,
                             "Info": self.infos})


def _peak_mb() -> float:
    """The largest peak of one process: the build's or a validation worker's.

    Children share the build's pages copy-on-write, so their peaks do not add up;
    bench/memory.py measures the whole process tree."""
    peaks = (resource.getrusage(who).ru_maxrss for who in
             (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return max(peaks) / 1024  # Linux reports KiB


def release_free_memory() -> None:
    """Hand the memory a stage has freed back to the system.

    Freed Python objects leave their pages with the C allocator, which keeps them: after
    reasoning at 1M triples the build held ~1 GB it no longer used, and the validation
    workers forked from it then counted on top.
    """
    trim_free_memory()


@contextmanager
def settled_between_stages() -> Iterator[None]:
    """Freeze what each stage leaves behind out of the cyclic garbage collector's sight.

    The dataset is millions of long-lived objects that every full collection walks again:
    8% of a 100k build went to that. Frozen objects are still freed by reference counting;
    unfreezing at the end hands any frozen cycles back to the collector.
    """
    try:
        yield
    finally:
        gc.unfreeze()


def build(
    out_dir: Path,
    *,
    sources: Sequence[Path] | None = None,
    graph_files: Sequence[Path] | None = None,
    engine: str | None = None,
    allow_invalid: bool = False,
    progress: bool = True,
    curation: Path | None = None,
    ingested: Ingested | None = None,
) -> BuildSummary:
    """Run ingest → reason → validate → export; stop before export on a violation.

    ``graph_files``: already ingested document graphs (TriG) to build from instead of
    documents; ``ingested``: the document graphs as ingested and each one's source (what
    ``spkg add`` assembles from a build and new documents). ``out_dir`` is replaced whole
    at the end (spkg.store.publish).
    """
    with settled_between_stages():
        return _build(out_dir, sources=sources, graph_files=graph_files, engine=engine,
                      allow_invalid=allow_invalid, progress=progress, curation=curation,
                      ingested=ingested)


# The document graphs as ingested (before labels are reconciled and curation applied), and
# each one's source: a path, or the manifest entry an earlier build kept.
Ingested = tuple[Dataset, dict[str, Path | dict[str, str]]]


def _ingest(sources: Sequence[Path] | None, graph_files: Sequence[Path] | None,
            progress: bool) -> Ingested:
    """The document graphs, and each one's source file."""
    if graph_files is not None:
        from spkg.dataset import load_files, new_dataset

        dataset = new_dataset()
        load_files(dataset, graph_files)
        return dataset, {str(g): Path(f) for g, f in _graph_sources(dataset, graph_files)}
    from spkg.ingest import ingest_paths

    ingested = ingest_paths(list(sources or [paths.sources_dir()]), progress=progress)
    for refusal in ingested.refused:  # named with its reason, even with -q: never silent
        notice("build", f"skipped {refusal}")
    return ingested.dataset, {str(iri): path for iri, path in ingested.sources.items()}


def _source_paths(sources: dict[str, Path | dict[str, str]]) -> dict[str, Path]:
    return {iri: Path(s["path"]) if isinstance(s, dict) else s for iri, s in sources.items()}


def _graph_sources(dataset: Dataset, files: Sequence[Path]) -> list[tuple[URIRef, Path]]:
    """Which file each document graph came from (a one-graph-per-file layout, as data/graphs)."""
    from spkg.ingest.pipeline import graph_file_name

    by_name = {Path(f).name: Path(f) for f in files}
    return [(g, by_name.get(graph_file_name(g), Path(files[0])))
            for g in document_graphs(dataset)]


def _build(out_dir: Path, *, sources: Sequence[Path] | None,
           graph_files: Sequence[Path] | None, engine: str | None,
           allow_invalid: bool, progress: bool, curation: Path | None = None,
           ingested: Ingested | None = None) -> BuildSummary:
    from spkg.export.canonical import CanonicalDataset
    from spkg.reason import DEFAULT_ENGINE, add_inferred
    from spkg.store.publish import background_inputs, check_output, publish
    from spkg.validate import validate_dataset

    check_output(Path(out_dir))  # before the work, not after it
    summary = BuildSummary()
    started = time.perf_counter()

    def timed(stage: str, start: float) -> None:
        summary.stage_seconds[stage] = time.perf_counter() - start
        summary.stage_peak_mb[stage] = _peak_mb()
        release_free_memory()
        gc.freeze()

    t = time.perf_counter()
    # Build on the ingested dataset itself: copying it into a fresh one doubled peak memory.
    dataset, document_sources = ingested or _ingest(sources, graph_files, progress)
    # kept in the build as ingested, so that `spkg add` and `spkg remove` start from there
    as_ingested = CanonicalDataset.from_rdflib(dataset)
    load_background(dataset)
    from spkg.labels import reconcile_labels  # two documents' names for one thing: one label
    reconcile_labels(dataset)
    from spkg.curation import apply_curation, curation_inputs  # → graph/curation
    from spkg.curation.fileformat import read_all
    curation_files = curation_inputs(curation, sources)  # recorded in the manifest
    summary.curation = apply_curation(dataset, read_all(curation_files),
                                      texts=_source_paths(document_sources)).text()
    summary.documents = len(document_sources)
    summary.asserted_triples = count_triples(dataset, document_graphs(dataset))
    summary.background_triples = count_triples(dataset, (ONTOLOGY_GRAPH, REFERENCE_GRAPH))
    timed("ingest", t)

    t = time.perf_counter()
    add_inferred(dataset, engine=engine or DEFAULT_ENGINE, progress=progress)
    summary.inferred_triples = len(dataset.graph(INFERRED_GRAPH))
    timed("reason", t)

    t = time.perf_counter()
    meter = Progress("validate", enabled=progress)
    meter.note(f"SHACL over {summary.asserted_triples:,} document triples")  # as validate counts
    if allow_invalid:
        result = validate_dataset(dataset)
    else:  # a document that violates a shape is left out; the others are published
        from spkg.validate.holdback import validate_holding_back
        result, summary.held_back = validate_holding_back(dataset, validate=validate_dataset,
            reason=lambda d: add_inferred(d, engine=engine or DEFAULT_ENGINE, progress=False))
        for held in summary.held_back:
            document_sources.pop(str(held.document), None)
        summary.asserted_triples = count_triples(dataset, document_graphs(dataset))
        summary.inferred_triples = len(dataset.graph(INFERRED_GRAPH))
    summary.violations = result.counts.get("Violation", 0)
    summary.warnings = result.counts.get("Warning", 0)
    summary.infos = result.counts.get("Info", 0)
    meter.finish(f"{summary.violations} violations, {summary.warnings} warnings")
    timed("validate", t)
    if summary.violations and not allow_invalid:
        raise ValidationFailed(
            f"{summary.violations} SHACL violations; nothing exported "
            "(see `spkg validate`, or pass --allow-invalid)\n" + result.text()
        )

    t = time.perf_counter()
    del result
    canonical = CanonicalDataset.from_rdflib(dataset)
    # Free the rdflib dataset before the dumps: it holds reference cycles, and it was frozen.
    # (Emptying it graph by graph while copying cost 17 s at 1M and lowered no peak: the
    # reasoning stage's is higher.)
    del dataset
    gc.unfreeze()
    gc.collect()
    summary.files = publish(canonical, Path(out_dir), documents=document_sources,
                            inputs=background_inputs(), started=started, progress=progress,
                            ingested=as_ingested, curation=curation_files)
    timed("export", t)

    summary.seconds = time.perf_counter() - started
    summary.peak_mb = _peak_mb()
    return summary
