"""`spkg add` and `spkg remove`: change the documents of an existing build.

A build keeps its document graphs as ingested (``ingested.nq``: before labels are
reconciled across documents and people's corrections applied, both of which depend on
the other documents). ``add`` ingests the new documents and puts their graphs in the
place of any earlier ones of the same name; ``remove`` leaves graphs out; then the stages
of a full build run on that (spkg.build with ``ingested=``), and the result is swapped in
whole. So the result is the full build of the same documents, byte for byte. What is
saved is the ingestion of the documents kept, and, above one reasoning batch, closing the
batches whose documents did not change (their closures are cached).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from spkg.dataset import new_dataset
from spkg.errors import InputError
from spkg.store.build_dir import (
    INGESTED_FILE,
    MANIFEST_FILE,
    STORE_DIR,
    Build,
    Manifest,
    input_entry,
)
from spkg.store.swap import writer_lock


@dataclass
class UpdateSummary:
    added: list[str] = field(default_factory=list)  # new or changed document graphs
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    documents: int = 0
    quads: int = 0
    violations: int = 0
    held_back: list[str] = field(default_factory=list)  # documents left out, and why
    seconds: float = 0.0
    mode: str = ""  # "incremental", or "full build (why)"
    reused: list[str] = field(default_factory=list)  # dumps made from the old build's
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def text(self) -> str:
        return "\n".join([
            f"added or replaced: {len(self.added)}",
            f"unchanged:         {len(self.unchanged)}",
            f"removed:           {len(self.removed)}",
            *([f"how:               {self.mode}"] if self.mode else []),
            f"documents now:     {self.documents}",
            f"quads now:         {self.quads}",
            *(f"held back:         {line}" for line in self.held_back),
            f"time:              {self.seconds:.2f} s",
            *([f"stages:            {stages}"] if (stages := ", ".join(
                f"{name} {s:.2f} s" for name, s in self.stage_seconds.items())) else []),
        ])


def add_documents(folder: Path, sources: Sequence[Path], *, engine: str | None = None,
                  allow_invalid: bool = False, progress: bool = True,
                  curation: Path | None = None, rebuild: bool = False) -> UpdateSummary:
    """Ingest ``sources`` into the build in ``folder``: new graphs added, changed ones replaced.

    New documents are added without a rebuild where spkg.store.incremental can (the same
    result); ``rebuild``: run the stages of a full build all the same.
    """
    from spkg.ingest import ingest_paths

    started = time.perf_counter()
    summary = UpdateSummary()
    with writer_lock(Path(os.path.abspath(folder))), Build(folder) as build:
        ingested = ingest_paths(list(sources), progress=progress)
        known = build.manifest.documents
        fresh: dict[str, Path] = {}
        for iri, path in ingested.sources.items():
            if known.get(str(iri), {}).get("sha256") == input_entry(path)["sha256"]:
                summary.unchanged.append(str(iri))
            else:
                fresh[str(iri)] = path
        summary.added = sorted(fresh)
        if not fresh:
            summary.documents = len(known)
            summary.quads = build.manifest.counts.get("quads", 0)
            summary.seconds = time.perf_counter() - started
            return summary
        replaced = {name for name in fresh if name in known}
        step = _changed_incrementally if replaced else _added_incrementally
        if rebuild:
            summary.mode = "full build (asked for)"
        elif step(build, folder, ingested.dataset, fresh, engine=engine,
                  allow_invalid=allow_invalid, progress=progress, curation=curation,
                  started=started, summary=summary):
            return summary
        dataset = _as_ingested(build, drop=set(fresh))
        for name in fresh:
            target = dataset.graph(URIRef(name))
            for triple in ingested.dataset.graph(URIRef(name)):
                target.add(triple)
        del ingested
        documents: dict[str, Path | dict[str, str]] = {
            i: e for i, e in known.items() if i not in fresh}
        documents.update(fresh)
        _rebuild(folder, dataset, documents, engine=engine, allow_invalid=allow_invalid,
                 progress=progress, curation=curation, started=started, summary=summary)
    return summary


def _added_incrementally(build: Build, folder: Path, ingested: Dataset, fresh: dict[str, Path],
                         *, engine: str | None, allow_invalid: bool, progress: bool,
                         curation: Path | None, started: float, summary: UpdateSummary
                         ) -> bool:
    """Add ``fresh`` without a rebuild (spkg.store.incremental); False where it cannot."""
    from spkg.curation import curation_inputs
    from spkg.progress import notice
    from spkg.reason import DEFAULT_ENGINE
    from spkg.store.incremental import NotIncremental, add, existed_in
    from spkg.store.patch import patched_store
    from spkg.store.publish import background_inputs, publish, publish_addition
    from spkg.store.sorted_blocks import Unsplicable
    from spkg.store.splice import Splicer

    sources: list[Path | dict[str, str]] = [*build.manifest.documents.values(),
                                            *fresh.values()]
    folders = sorted({Path(_source_path(source)).parent for source in sources})
    try:
        addition = add(build, {name: ingested.graph(URIRef(name)) for name in fresh}, fresh,
                       engine=engine or DEFAULT_ENGINE, allow_invalid=allow_invalid,
                       progress=progress, curation=curation_inputs(curation, folders))
    except NotIncremental as reason:
        notice("add", f"rebuilding: {reason}")
        summary.mode = f"full build ({reason})"
        return False
    written = time.perf_counter()
    def make_store(staged: Path) -> None:  # the old store, patched: no reload
        patched_store(build.root / STORE_DIR, staged / STORE_DIR,
                      remove=addition.store_remove, add=addition.store_add)

    try:  # the old dumps bisected and copied around the change
        spliced = publish_addition(build, Path(folder), addition, inputs=background_inputs(),
                                   started=started, progress=progress, make_store=make_store)
        summary.reused = sorted(p.name for p in spliced if p.name not in (STORE_DIR,
                                                                          MANIFEST_FILE))
    except Unsplicable as reason:  # read the old build whole, and write anew what changed
        notice("add", f"writing the dumps anew: {reason}")
        data, ingested_now, old_graphs = addition.whole(build)
        splicer = Splicer(build.root, old_graphs, data, addition.changed(),
                          subjects=addition.subjects(), existed=existed_in(build.store))
        publish(data, Path(folder), documents=addition.documents,
                inputs=background_inputs(), started=started, progress=progress,
                ingested=ingested_now, make_store=make_store, reuse=splicer)
        summary.reused = sorted(splicer.spliced)
    summary.stage_seconds = {**addition.stage_seconds,
                             "publish": time.perf_counter() - written}
    summary.mode = "incremental"
    summary.documents = len(addition.documents)
    summary.quads = (build.manifest.counts.get("quads", 0)
                     + sum(len(lines) for lines in addition.graphs.values())
                     + len(addition.inferred_new) - len(addition.inferred_old))
    summary.seconds = time.perf_counter() - started
    return True


def _changed_incrementally(build: Build, folder: Path, ingested: Dataset,
                           fresh: dict[str, Path], *, engine: str | None, allow_invalid: bool,
                           progress: bool, curation: Path | None, started: float,
                           summary: UpdateSummary) -> bool:
    """Replace changed documents without a rebuild: their old graphs removed
    (spkg.store.removal) into a folder beside the build, the new ones added to it
    (spkg.store.incremental), and that folder swapped in whole; False where either cannot
    (nothing replaced then). A run killed half-way leaves the folder beside the build
    under the staging name, which the next writer deletes."""
    import secrets
    import shutil

    from spkg.store.swap import STAGING, replace_dir

    out = Path(os.path.abspath(folder))
    middle = out.with_name(f"{out.name}{STAGING}{secrets.token_hex(4)}")
    replaced = {name for name in fresh if name in build.manifest.documents}
    removed = UpdateSummary()
    try:
        if not _removed_incrementally(build, middle, replaced, engine=engine,
                                      allow_invalid=allow_invalid, progress=progress,
                                      curation=curation, started=started, summary=removed):
            summary.mode = removed.mode
            return False
        with Build(middle) as halfway:
            if not _added_incrementally(halfway, middle, ingested, fresh, engine=engine,
                                        allow_invalid=allow_invalid, progress=progress,
                                        curation=curation, started=started, summary=summary):
                return False
        replace_dir(middle, out)
    finally:
        shutil.rmtree(middle, ignore_errors=True)
        (out.parent / f".{middle.name}.lock").unlink(missing_ok=True)
    summary.stage_seconds = {**{f"remove {k}": v for k, v in removed.stage_seconds.items()},
                             **summary.stage_seconds}
    summary.mode = "incremental (old versions removed, new ones added)"
    summary.seconds = time.perf_counter() - started
    return True


def remove_documents(folder: Path, names: Sequence[str], *, engine: str | None = None,
                     allow_invalid: bool = False, progress: bool = True,
                     curation: Path | None = None) -> UpdateSummary:
    """Take documents (graph IRI, source path or file name) out, and what followed from them."""
    started = time.perf_counter()
    summary = UpdateSummary()
    with writer_lock(Path(os.path.abspath(folder))), Build(folder) as build:
        known = build.manifest.documents
        gone = {find_document(build.manifest, name) for name in names}
        summary.removed = sorted(gone)
        if len(gone) == len(known):
            raise InputError("removing every document would leave an empty build; "
                             "build again instead", path=folder)
        if _removed_incrementally(build, folder, gone, engine=engine,
                                  allow_invalid=allow_invalid, progress=progress,
                                  curation=curation, started=started, summary=summary):
            return summary
        dataset = _as_ingested(build, drop=gone)
        documents: dict[str, Path | dict[str, str]] = {
            i: e for i, e in known.items() if i not in gone}
        _rebuild(folder, dataset, documents, engine=engine, allow_invalid=allow_invalid,
                 progress=progress, curation=curation, started=started, summary=summary)
    return summary


def _removed_incrementally(build: Build, folder: Path, gone: set[str], *, engine: str | None,
                           allow_invalid: bool, progress: bool, curation: Path | None,
                           started: float, summary: UpdateSummary) -> bool:
    """Take ``gone`` out without a rebuild (spkg.store.removal); False where it cannot."""
    from spkg.curation import curation_inputs
    from spkg.progress import notice
    from spkg.reason import DEFAULT_ENGINE
    from spkg.store.incremental import NotIncremental
    from spkg.store.patch import patched_store
    from spkg.store.publish import background_inputs, publish_removal
    from spkg.store.removal import remove
    from spkg.store.sorted_blocks import Unsplicable

    remaining = [e for i, e in build.manifest.documents.items() if i not in gone]
    folders = sorted({Path(_source_path(source)).parent for source in remaining})
    try:
        removal = remove(build, gone, engine=engine or DEFAULT_ENGINE,
                         allow_invalid=allow_invalid, progress=progress,
                         curation=curation_inputs(curation, folders))
    except NotIncremental as reason:
        notice("remove", f"rebuilding: {reason}")
        summary.mode = f"full build ({reason})"
        return False
    written = time.perf_counter()

    def make_store(staged: Path) -> None:  # the old store, patched: no reload
        patched_store(build.root / STORE_DIR, staged / STORE_DIR,
                      remove=removal.store_remove, add=removal.store_add)

    try:  # the old dumps bisected and copied around the change
        spliced = publish_removal(build, Path(folder), removal, inputs=background_inputs(),
                                  started=started, progress=progress, make_store=make_store)
    except Unsplicable as reason:
        notice("remove", f"rebuilding: {reason}")
        summary.mode = f"full build ({reason})"
        return False
    summary.reused = sorted(p.name for p in spliced if p.name not in (STORE_DIR,
                                                                      MANIFEST_FILE))
    summary.stage_seconds = {**removal.stage_seconds,
                             "publish": time.perf_counter() - written}
    summary.mode = "incremental"
    summary.documents = len(removal.documents)
    summary.quads = (build.manifest.counts.get("quads", 0)
                     - sum(len(lines) for lines in removal.removed.values())
                     + len(removal.inferred_new) - len(removal.inferred_old))
    summary.seconds = time.perf_counter() - started
    return True


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


def _as_ingested(build: Build, *, drop: set[str]) -> Dataset:
    """The build's document graphs as they were ingested, but ``drop``."""
    path = build.path(INGESTED_FILE)
    if not path.is_file():
        raise InputError(f"has no {INGESTED_FILE} (made by an earlier spkg): build it again "
                         "to add or remove documents", path=build.folder)
    import pyoxigraph as ox

    from spkg.store.terms import to_rdflib

    # pyoxigraph parses, rdflib only holds: 3.4 s instead of rdflib's 11.8 s for the 100k
    # build's 100,090 quads (the same quads; terms repeat, so each is converted once)
    dataset = new_dataset()
    graphs: dict[object, Graph] = {}
    terms: dict[object, Node] = {}

    def term(node: object) -> Node:
        found = terms.get(node)
        if found is None:
            found = terms[node] = to_rdflib(node)
        return found

    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            name = quad.graph_name
            if isinstance(name, ox.NamedNode) and name.value in drop:
                continue
            graph = graphs.get(name)
            if graph is None:
                graph = graphs[name] = (dataset.graph(URIRef(name.value))
                                        if isinstance(name, ox.NamedNode)
                                        else dataset.default_graph)
            graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    except SyntaxError as error:
        raise InputError(f"does not parse as N-Quads: {' '.join(str(error).split())[:200]} "
                         "(build it again)", path=path) from None
    return dataset


def _rebuild(folder: Path, dataset: Dataset, documents: dict[str, Path | dict[str, str]], *,
             engine: str | None, allow_invalid: bool, progress: bool, curation: Path | None,
             started: float, summary: UpdateSummary) -> None:
    """The stages of a full build on these document graphs; curation read beside them."""
    from spkg.store.refresh import full_build

    folders = sorted({Path(_source_path(source)).parent for source in documents.values()})
    result = full_build(Path(folder), sources=folders, engine=engine, allow_invalid=allow_invalid,
                   progress=progress, curation=curation, ingested=(dataset, documents))
    summary.documents = result.documents - len(result.held_back)
    summary.held_back = [line for held in result.held_back for line in held.lines()]
    summary.violations = result.violations
    with Build(folder) as rebuilt:
        summary.quads = rebuilt.manifest.counts.get("quads", 0)
    summary.seconds = time.perf_counter() - started


def _source_path(source: Path | dict[str, str]) -> str:
    return str(source["path"]) if isinstance(source, dict) else str(source)
