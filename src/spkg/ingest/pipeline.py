"""read → detect → sections → sentences → fields + prose → mapping, for a set of paths."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef

from spkg.atomic import atomic_write
from spkg.errors import InputError
from spkg.ingest.detect import detect_kind
from spkg.ingest.fields import extract_fields
from spkg.ingest.mapping import Triple, document_triples
from spkg.ingest.reader import read_text
from spkg.ingest.records import Document, Fact
from spkg.ingest.sections import split_sections
from spkg.ingest.sentences import split_sentences
from spkg.ingest.trig import write_trig
from spkg.ingest.vocab import Vocabulary, load_vocabulary
from spkg.namespace import document_iri


@dataclass
class IngestResult:
    """The graphs read from documents: ``dataset`` holds one named graph per document."""

    dataset: Dataset
    documents: list[URIRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    triples: dict[URIRef, set[Triple]] = field(default_factory=dict)
    sources: dict[URIRef, Path] = field(default_factory=dict)


def collect_paths(paths: Sequence[Path]) -> list[Path]:
    """Every ``*.txt`` file named or under a named folder, recursively, sorted per argument."""
    files: list[Path] = []
    for path in map(Path, paths):
        if not path.exists():
            raise InputError("no such file or folder", path=path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise InputError("folder holds no .txt document", path=path)
            files.extend(found)
        else:
            files.append(path)
    unique: dict[Path, None] = dict.fromkeys(files)
    return list(unique)


def read_document(path: Path) -> Document:
    """A document read and split: kind, sections and sentences (no facts yet)."""
    text = read_text(path)
    kind = detect_kind(text, path)
    sections = split_sections(text, kind)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    document = Document(path=path, text=text, kind=kind, iri=document_iri(path.stem),
                        sha256=digest, sections=sections)
    document.sentences = split_sentences(text, sections)
    return document


def extract_facts(document: Document, vocab: Vocabulary) -> list[Fact]:
    """The fixed fields and what the prose says."""
    from spkg.ingest.gazetteer import load_gazetteer
    from spkg.ingest.prose import extract_prose

    return [*extract_fields(document, vocab), *extract_prose(document, load_gazetteer())]


def ingest_document(path: Path, vocab: Vocabulary | None = None) -> tuple[Document, set[Triple]]:
    document = read_document(path)
    facts = extract_facts(document, vocab or load_vocabulary())
    return document, document_triples(document, facts)


def ingest_paths(paths: Sequence[Path], *, strict: bool = False,
                 progress: bool = True) -> IngestResult:
    """Ingest every document under ``paths``.

    A document that cannot be read is a warning (``strict``: an error) and is skipped;
    if none can be read, the first problem is raised.
    """
    from spkg.dataset import new_dataset
    from spkg.progress import Progress

    files = collect_paths(paths)
    result = IngestResult(dataset=new_dataset())
    meter = Progress("ingest", len(files), enabled=progress)
    vocab = load_vocabulary()
    errors: list[InputError] = []
    for path in files:
        meter.step(path.name)
        try:
            document, triples = ingest_document(path, vocab)
            if document.iri in result.triples:
                raise InputError(f"same document IRI as {result.sources[document.iri]}",
                                 path=path)
        except InputError as error:
            if strict:
                raise
            errors.append(error)
            result.warnings.append(str(error))
            continue
        result.documents.append(document.iri)
        result.triples[document.iri] = triples
        result.sources[document.iri] = path
        graph = result.dataset.graph(document.iri)
        for triple in triples:
            graph.add(triple)
    if not result.documents and errors:
        raise errors[0]
    meter.finish(f"{len(result.documents)} documents, {len(result.warnings)} skipped")
    return result


def graph_file_name(document: URIRef) -> str:
    """data/graphs/<document slug>.trig"""
    return str(document).rsplit("/", 1)[-1] + ".trig"


def write_result(result: IngestResult, out: Path) -> list[Path]:
    """``out.trig``: every graph in one file; a folder: one TriG file per document.

    Each file is written whole or not at all, so a failed run leaves earlier output intact.
    """
    if out.suffix.lower() == ".trig":
        with atomic_write(out) as stream:
            write_trig(stream, ((d, result.triples[d]) for d in sorted(result.documents)))
        return [out]
    written = []
    for document in sorted(result.documents):
        target = out / graph_file_name(document)
        with atomic_write(target) as stream:
            write_trig(stream, [(document, result.triples[document])])
        written.append(target)
    return written
