"""read → detect → sections → sentences → fields + prose → mapping, for a set of paths."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef

from spkg.atomic import atomic_write
from spkg.errors import InputError
from spkg.ingest.detect import detect_kind
from spkg.ingest.fields import extract_fields
from spkg.ingest.mapping import Triple, document_triples
from spkg.ingest.reader import (
    DOCUMENT_SUFFIXES,
    decode_text,
    max_bytes_from_env,
    read_bytes,
)
from spkg.ingest.records import Document, Fact
from spkg.ingest.sections import split_sections
from spkg.ingest.sentences import split_sentences
from spkg.ingest.trig import write_trig
from spkg.ingest.vocab import Vocabulary, load_vocabulary
from spkg.namespace import document_iri


@dataclass
class IngestResult:
    """The graphs read from documents: ``dataset`` holds one named graph per document.

    ``refused`` holds one InputError per document that was not ingested (its file and why);
    ``warnings`` the same as one-line texts. A caller that reads a folder should say each
    and end with a non-zero exit when there is any (as `spkg ingest` does).
    """

    dataset: Dataset
    documents: list[URIRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    triples: dict[URIRef, set[Triple]] = field(default_factory=dict)
    sources: dict[URIRef, Path] = field(default_factory=dict)
    refused: list[InputError] = field(default_factory=list)


class DocumentFailed(InputError):
    """A document on which a stage of spkg itself failed: a bug, reported as a refusal so
    that the other documents are still ingested (``strict`` shows the traceback instead)."""


def collect_paths(paths: Sequence[Path]) -> list[Path]:
    """Every ``*.txt`` file named or under a named folder, recursively, sorted per argument.

    Under a folder, files of other document formats (PDF, Word, HTML …) are listed too, so
    that they are refused by name with what to do, instead of being passed over in silence.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if not path.exists():
            raise InputError("no such file or folder", path=path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_document(p))
            if not found:
                raise InputError("folder holds no .txt document", path=path)
            files.extend(found)
        else:
            files.append(path)
    unique: dict[Path, None] = dict.fromkeys(files)
    return list(unique)


def _is_document(path: Path) -> bool:
    suffix = path.suffix.lower()
    wanted = suffix == ".txt" or suffix in DOCUMENT_SUFFIXES
    return wanted and not path.name.startswith(".") and path.is_file()


def read_document(path: Path, *, max_bytes: int | None = None) -> Document:
    """A document read and split: kind, sections and sentences (no facts yet)."""
    data = read_bytes(path, max_bytes=max_bytes)
    text = decode_text(data, path)
    kind = detect_kind(text, path)
    sections = split_sections(text, kind)
    document = Document(path=path, text=text, kind=kind, iri=document_iri(path.stem),
                        sha256=hashlib.sha256(data).hexdigest(), sections=sections)
    document.sentences = split_sentences(text, sections)
    return document


def extract_facts(document: Document, vocab: Vocabulary) -> list[Fact]:
    """The fixed fields and what the prose says."""
    from spkg.ingest.gazetteer import load_gazetteer
    from spkg.ingest.prose import extract_prose

    return [*extract_fields(document, vocab), *extract_prose(document, load_gazetteer())]


# Objects allocated between two young collections, and young collections between two older
# ones, while a document is ingested (Python's defaults: 700 and 10).
_YOUNG, _OLDER = 100_000, 50


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector run less often, then as before: reading a document
    makes millions of small objects that live until it is done (spans, mentions, facts,
    triples), so most collections free nothing, and each full one also walks the reference
    tables (half a million objects): ~9 % of the CPU of ingesting a megabyte."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _YOUNG), max(before[1], _OLDER), before[2])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def ingest_document(path: Path, vocab: Vocabulary | None = None, *,
                    max_bytes: int | None = None) -> tuple[Document, set[Triple]]:
    with fewer_collections():
        document = read_document(path, max_bytes=max_bytes)
        facts = extract_facts(document, vocab or load_vocabulary())
        return document, document_triples(document, facts)


def _ingest_one(path: Path, vocab: Vocabulary, *, strict: bool,
                max_bytes: int) -> tuple[Document, set[Triple]]:
    """One document; any failure becomes an InputError naming it (strict: bugs propagate)."""
    try:
        return ingest_document(path, vocab, max_bytes=max_bytes)
    except (InputError, MemoryError):
        raise
    except Exception as error:  # a bug in a stage must not cost the other documents
        if strict:
            raise
        detail = " ".join(str(error).split())[:200]
        raise DocumentFailed(f"spkg failed on this document ({type(error).__name__}: "
                             f"{detail}); please report it", path=path) from error


def ingest_paths(paths: Sequence[Path], *, strict: bool = False, progress: bool = True,
                 max_bytes: int | None = None, allow_none: bool = False) -> IngestResult:
    """Ingest every document under ``paths``.

    A document that cannot be read is refused (``result.refused``; ``strict``: raised) and
    the others are ingested; if none can be read, the first problem is raised (unless
    ``allow_none``: then the result has no documents and every refusal).
    ``max_bytes``: the size limit per document (default: SPKG_MAX_BYTES or 10 MB).
    """
    from spkg.dataset import new_dataset
    from spkg.progress import Progress

    limit = max_bytes if max_bytes is not None else max_bytes_from_env()
    files = collect_paths(paths)
    result = IngestResult(dataset=new_dataset())
    meter = Progress("ingest", len(files), enabled=progress)
    vocab = load_vocabulary()
    for path in files:
        meter.step(path.name)
        try:
            document, triples = _ingest_one(path, vocab, strict=strict, max_bytes=limit)
            if document.iri in result.triples:
                raise InputError(
                    f"same document IRI <{document.iri}> as {result.sources[document.iri]} "
                    "(file names that differ only in case, punctuation or script): "
                    "rename one of them", path=path)
        except InputError as error:
            if strict:
                raise
            result.refused.append(error)
            result.warnings.append(str(error))
            continue
        result.documents.append(document.iri)
        result.triples[document.iri] = triples
        result.sources[document.iri] = path
        graph = result.dataset.graph(document.iri)
        for triple in triples:
            graph.add(triple)
    if not result.documents and result.refused and not allow_none:
        raise result.refused[0]
    meter.finish(f"{_count(len(result.documents), 'document')}, "
                 f"{len(result.refused)} refused")
    return result


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


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
