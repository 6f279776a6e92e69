"""Make and change builds: :func:`build_graph`, :func:`read_documents`,
:func:`write_documents`, :func:`add_documents`, :func:`remove_documents`.

A build of one document, one more added to it and taken out again:

>>> import pathlib, shutil, tempfile
>>> import spkg
>>> docs = pathlib.Path(tempfile.mkdtemp())
>>> _ = shutil.copy(spkg.paths.sources_dir() / "001_0844c7bbfea795f9.txt", docs)
>>> spkg.build_graph(docs, out=docs / "out").documents
1
>>> spkg.add_documents(docs / "out", spkg.paths.sources_dir() / "003_fe60b1eef80f63e0.txt").added
['https://w3id.org/spkg/id/document/003-fe60b1eef80f63e0']
>>> spkg.remove_documents(docs / "out", ["003_fe60b1eef80f63e0.txt"]).documents
1
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from spkg.api.graph import as_path, as_paths

if TYPE_CHECKING:
    from spkg.build import BuildSummary
    from spkg.ingest.pipeline import IngestResult
    from spkg.store.update import UpdateSummary


def build_graph(
    sources: Path | str | Sequence[Path | str] | None = None,
    *,
    out: Path | str = "dist",
    engine: str | None = None,
    allow_invalid: bool = False,
    curation: Path | str | None = None,
    progress: bool = False,
) -> BuildSummary:
    """Ingest documents, reason, validate and write the build (store, dumps, manifest).

    ``sources``: files or folders of ``.txt`` documents (default: the bundled seeds). A
    document whose graph violates a shape is held back (``summary.held_back``);
    ``allow_invalid`` exports it anyway. The folder ``out`` is replaced whole, never left
    half written.
    """
    from spkg.build import build as run_build

    return run_build(Path(out), sources=as_paths(sources) if sources else None,
                     engine=engine, allow_invalid=allow_invalid, progress=progress,
                     curation=as_path(curation))


def read_documents(sources: Path | str | Sequence[Path | str], *, strict: bool = False,
                   max_bytes: int | None = None, allow_none: bool = False,
                   progress: bool = False) -> IngestResult:
    """Read documents into one named graph each (no reasoning, no validation).

    A document that cannot be read is refused (``result.refused``; ``strict``: raised) and
    the others are read; if none can be, the first problem is raised, unless
    ``allow_none``. ``max_bytes``: the size limit per document (default: SPKG_MAX_BYTES or
    10 MB; :func:`parse_size` reads "20MB").

    >>> import spkg
    >>> result = spkg.read_documents(spkg.paths.sources_dir() / "000_d088c9348fb0c60c.txt")
    >>> len(result.documents)
    1
    """
    from spkg.ingest import ingest_paths

    return ingest_paths(as_paths(sources), strict=strict, progress=progress,
                        max_bytes=max_bytes, allow_none=allow_none)


def write_documents(result: IngestResult, out: Path | str | IO[str]) -> list[Path]:
    """Write what :func:`read_documents` read as TriG, byte for byte reproducibly: into a
    ``.trig`` file (every graph), a folder (one file per document) or an open text stream;
    return the files written (none for a stream).

    >>> import io, spkg
    >>> result = spkg.read_documents(spkg.paths.sources_dir() / "000_d088c9348fb0c60c.txt")
    >>> out = io.StringIO()
    >>> spkg.write_documents(result, out)
    []
    >>> "<https://w3id.org/spkg/id/document/000-d088c9348fb0c60c> {" in out.getvalue()
    True
    """
    if isinstance(out, (str, Path)):
        from spkg.ingest import write_result

        return write_result(result, Path(out))
    from spkg.ingest.trig import write_trig

    write_trig(out, ((d, result.triples[d]) for d in sorted(result.documents)))
    return []


def parse_size(text: str) -> int:
    """A size in bytes from "10MB", "500kB" or "2048" (decimal units); ValueError when it
    is none.

    >>> import spkg
    >>> spkg.parse_size("20MB") == 20 * 10**6
    True
    """
    from spkg.ingest.reader import parse_size as parse

    return parse(text)


def add_documents(graph: Path | str, sources: Path | str | Sequence[Path | str], *,
                  engine: str | None = None, allow_invalid: bool = False,
                  curation: Path | str | None = None, rebuild: bool = False,
                  progress: bool = False) -> UpdateSummary:
    """Ingest new or changed documents into the build in ``graph``; the result equals a
    full build of the same documents (``rebuild``: made as one), ``engine``,
    ``allow_invalid`` and ``curation`` as for :func:`build_graph`. The folder is swapped
    whole."""
    from spkg.store.update import add_documents as add

    return add(Path(graph), as_paths(sources), engine=engine, allow_invalid=allow_invalid,
               progress=progress, curation=as_path(curation), rebuild=rebuild)


def remove_documents(graph: Path | str, documents: Sequence[str], *,
                     engine: str | None = None, allow_invalid: bool = False,
                     curation: Path | str | None = None,
                     progress: bool = False) -> UpdateSummary:
    """Take documents (graph IRI, source path or file name) out of the build in ``graph``,
    with everything that was inferred from them; the other options as for
    :func:`add_documents`."""
    from spkg.store.update import remove_documents as remove

    return remove(Path(graph), list(documents), engine=engine, allow_invalid=allow_invalid,
                  progress=progress, curation=as_path(curation))
