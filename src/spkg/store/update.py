"""`spkg add` and `spkg remove`: change the documents of an existing build.

The build's exact record (spkg.nq) gives the documents that stay; the added documents are
ingested; ontology and reference data are read afresh, as a full build reads them. Then
the stages of a full build run on that dataset: reasoning (whose per-batch closures are
cached, so above one batch only the changed documents' batches are closed again),
validation of the added documents' graphs, and the dumps, store and manifest, written
beside the build and swapped in whole. So the result is the full build of the same
documents, byte for byte.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef

from spkg.dataset import BACKGROUND_GRAPHS, document_graphs, load_background, new_dataset
from spkg.errors import InputError, ValidationFailed
from spkg.namespace import INFERRED_GRAPH
from spkg.progress import Progress
from spkg.store.build_dir import Build, Manifest, input_entry
from spkg.store.swap import writer_lock


@dataclass
class UpdateSummary:
    added: list[str] = field(default_factory=list)  # new or changed document graphs
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    documents: int = 0
    quads: int = 0
    violations: int = 0
    seconds: float = 0.0

    def text(self) -> str:
        return "\n".join([
            f"added or replaced: {len(self.added)}",
            f"unchanged:         {len(self.unchanged)}",
            f"removed:           {len(self.removed)}",
            f"documents now:     {self.documents}",
            f"quads now:         {self.quads}",
            f"time:              {self.seconds:.2f} s",
        ])


def add_documents(folder: Path, sources: Sequence[Path], *, engine: str | None = None,
                  allow_invalid: bool = False, progress: bool = True) -> UpdateSummary:
    """Ingest ``sources`` into the build in ``folder``: new graphs added, changed ones replaced."""
    from spkg.ingest import ingest_paths

    started = time.perf_counter()
    summary = UpdateSummary()
    with writer_lock(Path(os.path.abspath(folder))), Build(folder) as build:
        ingested = ingest_paths(list(sources), progress=progress)
        known = build.manifest.documents
        fresh: dict[str, Path] = {}
        for iri, path in ingested.sources.items():
            entry = input_entry(path)
            if known.get(str(iri), {}).get("sha256") == entry["sha256"]:
                summary.unchanged.append(str(iri))
                ingested.dataset.remove_graph(iri)
            else:
                fresh[str(iri)] = path
        summary.added = sorted(fresh)
        if not fresh:
            summary.documents = len(known)
            summary.quads = build.manifest.counts.get("quads", 0)
            summary.seconds = time.perf_counter() - started
            return summary
        dataset = _kept_documents(build, drop=set(fresh))
        for name in fresh:
            target = dataset.graph(URIRef(name))
            for triple in ingested.dataset.graph(URIRef(name)):
                target.add(triple)
        del ingested
        documents: dict[str, Path | dict] = {i: e for i, e in known.items() if i not in fresh}
        documents.update(fresh)
        _restage(folder, dataset, documents, check=set(fresh), engine=engine,
                 allow_invalid=allow_invalid, progress=progress, started=started,
                 summary=summary)
    return summary


def remove_documents(folder: Path, names: Sequence[str], *, engine: str | None = None,
                     progress: bool = True) -> UpdateSummary:
    """Take documents (graph IRI, source path or file name) and what was inferred from them out."""
    started = time.perf_counter()
    summary = UpdateSummary()
    with writer_lock(Path(os.path.abspath(folder))), Build(folder) as build:
        known = build.manifest.documents
        gone = {find_document(build.manifest, name) for name in names}
        summary.removed = sorted(gone)
        if len(gone) == len(known):
            raise InputError("removing every document would leave an empty build; "
                             "build again instead", path=folder)
        dataset = _kept_documents(build, drop=gone)
        documents: dict[str, Path | dict] = {i: e for i, e in known.items() if i not in gone}
        _restage(folder, dataset, documents, check=set(), engine=engine, allow_invalid=True,
                 progress=progress, started=started, summary=summary)
    return summary


def find_document(manifest: Manifest, name: str) -> str:
    """The graph IRI of a document named by its IRI, its source path or its file name."""
    from spkg.namespace import document_iri

    documents = manifest.documents
    if name in documents:
        return name
    by_stem = str(document_iri(Path(name).stem)) if Path(name).stem else ""
    if by_stem in documents:
        return by_stem
    wanted = os.path.abspath(name)
    for iri, entry in documents.items():
        if entry.get("path") in (wanted, name) or Path(entry.get("path", "")).name == name:
            return iri
    raise InputError(f"no document {name!r} in this build "
                     f"({len(documents)} documents; see manifest.json)")


def _kept_documents(build: Build, *, drop: set[str]) -> Dataset:
    """The build's document graphs but ``drop``, with the ontology and reference read afresh."""
    dataset = new_dataset()
    dataset.parse(build.nquads, format="nquads")
    for name in [*BACKGROUND_GRAPHS, INFERRED_GRAPH, *map(URIRef, drop)]:
        dataset.remove_graph(name)
    load_background(dataset)
    return dataset


def _restage(folder: Path, dataset: Dataset, documents: Mapping[str, Path | dict], *,
             check: set[str], engine: str | None, allow_invalid: bool, progress: bool,
             started: float, summary: UpdateSummary) -> None:
    """Reason, validate the ``check`` graphs, publish: the later stages of a full build."""
    from spkg.build import release_free_memory
    from spkg.export.canonical import CanonicalDataset
    from spkg.reason import DEFAULT_ENGINE, add_inferred
    from spkg.store.publish import background_inputs, publish

    add_inferred(dataset, engine=engine or DEFAULT_ENGINE, progress=progress)
    if check:
        summary.violations = _validate_graphs(dataset, check, progress=progress)
        if summary.violations and not allow_invalid:
            raise ValidationFailed(f"{summary.violations} SHACL violations in the added "
                                   "documents; the build is unchanged (see `spkg validate "
                                   "FILE`, or pass --allow-invalid)")
    canonical = CanonicalDataset.from_rdflib(dataset)
    summary.documents = len(document_graphs(dataset))
    del dataset
    release_free_memory()
    publish(canonical, Path(folder), documents=documents, inputs=background_inputs(),
            started=started, progress=progress)
    summary.quads = len(canonical)
    summary.seconds = time.perf_counter() - started


def _validate_graphs(dataset: Dataset, names: set[str], *, progress: bool) -> int:
    """SHACL violations in the given document graphs (with the background and their inferences).

    Only the inferred triples about the documents' own subjects come along: other documents'
    nodes, typed by inference but without their own graphs, would look incomplete.
    """
    from spkg.validate import validate_dataset

    meter = Progress("validate", enabled=progress)
    subset = new_dataset()
    subjects: set[object] = set()
    for name in sorted(names):
        source = dataset.graph(URIRef(name))
        target = subset.graph(URIRef(name))
        for triple in source:
            target.add(triple)
            subjects.add(triple[0])
    for graph_name in BACKGROUND_GRAPHS:
        subset.graph(graph_name).__iadd__(dataset.graph(graph_name))
    inferred = subset.graph(INFERRED_GRAPH)
    for triple in dataset.graph(INFERRED_GRAPH):
        if triple[0] in subjects:
            inferred.add(triple)
    result = validate_dataset(subset)
    violations = result.counts.get("Violation", 0)
    meter.finish(f"{violations} violations in {len(names)} added documents")
    return violations
