"""Publish a dataset as a build folder: dumps, on-disk store, manifest, swapped in whole."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from spkg import paths
from spkg.atomic import atomic_write, atomic_write_text
from spkg.export.canonical import CanonicalDataset, graph_iri
from spkg.store.build_dir import (
    INGESTED_FILE,
    MANIFEST_FILE,
    NQUADS_DUMP,
    SITE_DIR,
    STORE_DIR,
    Manifest,
    input_entry,
    write_store,
)
from spkg.store.swap import check_replaceable, staged
from spkg.version import __version__

if TYPE_CHECKING:
    from spkg.export.dumps import DumpSpec
    from spkg.store.build_dir import Build
    from spkg.store.incremental import Addition
    from spkg.store.removal import Removal


def build_outputs() -> frozenset[str]:
    """Every name a build folder may hold (what may be replaced without losing anything)."""
    from spkg.export.dumps import CONTEXT_FILE, DUMPS, VOID_FILE

    return frozenset({*(d.file_name for d in DUMPS), CONTEXT_FILE, VOID_FILE, MANIFEST_FILE,
                      STORE_DIR, SITE_DIR, INGESTED_FILE})


def check_output(out_dir: Path) -> None:
    """Fail before any work when ``out_dir`` holds files a build would delete."""
    check_replaceable(Path(os.path.abspath(out_dir)), build_outputs())


def background_inputs() -> list[Path]:
    """Every file a build reads besides the documents: ontology, reference data, their
    patches, and the shapes (a changed patch or shape changes the result, so `spkg add`
    must see it in the manifest and rebuild)."""
    from spkg.patches import patch_files

    return [paths.ontology_file(), *paths.reference_files(), *patch_files(),
            *sorted(paths.shapes_dir().glob("*.ttl"))]


def graph_counts(data: CanonicalDataset) -> dict[str, int]:
    """Triples per kind of graph: documents, ontology, reference, curation, inferred; quads
    in all."""
    from spkg.export.dumps import CURATION, INFERRED, ONTOLOGY, REFERENCE

    kinds = {ONTOLOGY: "ontology", REFERENCE: "reference", INFERRED: "inferred",
             CURATION: "curation"}
    counts = {"documents": 0, "document_graphs": 0, "ontology": 0, "reference": 0,
              "curation": 0, "inferred": 0}
    for name in data.graph_names():
        kind = kinds.get(graph_iri(name), "documents")
        counts[kind] += len(data.lines(name))
        counts["document_graphs"] += kind == "documents"
    counts["quads"] = len(data)
    return counts


def publish(data: CanonicalDataset, out_dir: Path, *,
            documents: Mapping[str, Path | dict[str, str]],
            inputs: Iterable[Path | dict[str, str]], started: float, progress: bool = True,
            ingested: CanonicalDataset | None = None,
            curation: Iterable[Path] = (),
            make_store: Callable[[Path], None] | None = None,
            reuse: Callable[[DumpSpec, IO[bytes]], bool] | None = None) -> list[Path]:
    """Write ``data`` as the build in ``out_dir``, replacing what was there at once.

    ``documents`` maps each document graph IRI to its source file (or to the manifest
    entry kept from an earlier build); ``inputs`` are the other files read; ``ingested``,
    the document graphs as ingested, is kept for ``spkg add`` (not a dump); ``curation``,
    the curation files applied, are recorded among the inputs with ``"kind": "curation"``;
    ``make_store(folder)`` writes ``folder/store`` (default: loaded from the N-Quads dump);
    ``reuse`` makes dumps from an earlier build's (spkg.export.dumps.export_canonical).
    """
    from spkg.export import export_canonical

    out_dir = Path(out_dir)
    with staged(out_dir, allowed=build_outputs()) as folder:
        written = export_canonical(data, folder, progress=progress, shown_as=out_dir,
                                   reuse=reuse)
        if make_store is None:
            write_store(folder, folder / NQUADS_DUMP)
        else:
            make_store(folder)
        if ingested is not None:
            with atomic_write(folder / INGESTED_FILE, "wb") as out:
                kept = [n for n in ingested.graph_names() if graph_iri(n) in documents]
                for line in ingested.nquads_lines(kept):  # not the documents held back
                    out.write(line + b"\n")
        _write_manifest(folder, documents=documents, inputs=inputs, started=started,
                        curation=curation, counts=graph_counts(data),
                        files=[p.name for p in written]
                        + ([INGESTED_FILE] if ingested is not None else []))
    return [out_dir / p.name for p in written] + [out_dir / STORE_DIR, out_dir / MANIFEST_FILE]


def publish_addition(build: Build, out_dir: Path, addition: Addition, *,
                     inputs: Iterable[Path], started: float, progress: bool = True,
                     make_store: Callable[[Path], None]) -> list[Path]:
    """The build ``build`` with the documents of ``addition`` added, written from its old
    dumps (spkg.store.spliced_dumps) and swapped in whole; Unsplicable where they are not
    as expected (nothing is replaced then: write it anew)."""
    from spkg.export.dumps import INFERRED
    from spkg.progress import Progress
    from spkg.store.change import subject_changes
    from spkg.store.sorted_blocks import mapped, nt_lines
    from spkg.store.spliced_dumps import Addition as Change
    from spkg.store.spliced_dumps import write_dumps, write_ingested

    report = Progress("export", enabled=progress)
    old_folder = build.root
    with mapped(old_folder / "spkg.nt") as union:
        old_inferred, new_inferred = set(addition.inferred_old), set(addition.inferred_new)
        subjects = subject_changes(
            nt_lines(union), build.store,
            added={**addition.graphs, INFERRED: sorted(new_inferred - old_inferred)},
            removed={INFERRED: sorted(old_inferred - new_inferred)})
    change = Change(addition.graphs, addition.ingested, addition.inferred_old,
                    addition.inferred_new, subjects)
    out_dir = Path(out_dir)
    with staged(out_dir, allowed=build_outputs()) as folder:
        written = write_dumps(old_folder, folder, change)
        make_store(folder)
        write_ingested(old_folder / INGESTED_FILE, folder / INGESTED_FILE, addition.ingested)
        counts = dict(build.manifest.counts)
        counts["documents"] += sum(len(lines) for lines in addition.graphs.values())
        counts["document_graphs"] += sum(1 for lines in addition.graphs.values() if lines)
        counts["inferred"] = len(addition.inferred_new)
        counts["quads"] = sum(counts[kind] for kind in
                              ("documents", "ontology", "reference", "curation", "inferred"))
        _write_manifest(folder, documents=addition.documents, inputs=inputs, started=started,
                        curation=(), counts=counts,
                        files=[p.name for p in written] + [INGESTED_FILE])
    report.finish(f"{len(written)} files spliced, {counts['quads']} quads → {out_dir}")
    return [out_dir / p.name for p in written] + [out_dir / INGESTED_FILE, out_dir / STORE_DIR,
                                                  out_dir / MANIFEST_FILE]


def publish_removal(build: Build, out_dir: Path, removal: Removal, *,
                    inputs: Iterable[Path], started: float, progress: bool = True,
                    make_store: Callable[[Path], None]) -> list[Path]:
    """The build ``build`` with the documents of ``removal`` taken out, written from its old
    dumps as publish_addition writes an addition; Unsplicable where they are not as
    expected (nothing is replaced then)."""
    from spkg.export.dumps import INFERRED
    from spkg.progress import Progress
    from spkg.store.change import subject_changes
    from spkg.store.sorted_blocks import mapped, nt_lines
    from spkg.store.spliced_dumps import Addition as Change
    from spkg.store.spliced_dumps import write_dumps, write_ingested

    report = Progress("export", enabled=progress)
    old_folder = build.root
    with mapped(old_folder / "spkg.nt") as union:
        old_inferred, new_inferred = set(removal.inferred_old), set(removal.inferred_new)
        subjects = subject_changes(
            nt_lines(union), build.store,
            added={INFERRED: sorted(new_inferred - old_inferred)},
            removed={**removal.removed, INFERRED: sorted(old_inferred - new_inferred)},
            whole=list(removal.removed))
    change = Change({}, {}, removal.inferred_old, removal.inferred_new, subjects,
                    removed=sorted(removal.removed), country_given=removal.country_given,
                    dates_given=removal.dates_given)
    out_dir = Path(out_dir)
    with staged(out_dir, allowed=build_outputs()) as folder:
        written = write_dumps(old_folder, folder, change)
        make_store(folder)
        write_ingested(old_folder / INGESTED_FILE, folder / INGESTED_FILE, {},
                       removed=sorted(removal.removed_ingested))
        counts = dict(build.manifest.counts)
        counts["documents"] -= sum(len(lines) for lines in removal.removed.values())
        counts["document_graphs"] -= sum(1 for lines in removal.removed.values() if lines)
        counts["inferred"] = len(removal.inferred_new)
        counts["quads"] = sum(counts[kind] for kind in
                              ("documents", "ontology", "reference", "curation", "inferred"))
        _write_manifest(folder, documents=removal.documents, inputs=inputs, started=started,
                        curation=(), counts=counts,
                        files=[p.name for p in written] + [INGESTED_FILE])
    report.finish(f"{len(written)} files spliced, {counts['quads']} quads → {out_dir}")
    return [out_dir / p.name for p in written] + [out_dir / INGESTED_FILE, out_dir / STORE_DIR,
                                                  out_dir / MANIFEST_FILE]


def _write_manifest(folder: Path, *, documents: Mapping[str, Path | dict[str, str]],
                    inputs: Iterable[Path | dict[str, str]], started: float,
                    curation: Iterable[Path], counts: dict[str, int], files: list[str]) -> None:
    document_entries = {iri: _entry(source) for iri, source in sorted(documents.items())}
    manifest = Manifest(
        spkg_version=__version__,
        built_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        seconds=round(time.perf_counter() - started, 3),
        inputs=[*(_entry(p) for p in inputs), *document_entries.values(),
                *({**_entry(p), "kind": "curation"} for p in curation)],
        documents=document_entries,
        counts=counts,
        files=sorted([*files, STORE_DIR]),
    )
    atomic_write_text(folder / MANIFEST_FILE, manifest.to_json())


def _entry(source: Path | dict[str, str]) -> dict[str, str]:
    return dict(source) if isinstance(source, dict) else input_entry(source)
