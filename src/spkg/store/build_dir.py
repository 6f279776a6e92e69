"""A build folder: the dumps, ``store/`` (pyoxigraph on disk) and ``manifest.json``.

The store holds every graph of the build (documents, ontology, reference, inferred) and is
never written once the folder is in place: builds and ``spkg add`` write a new folder and
swap it in (spkg.store.swap), so readers open it read-only.

The store answers queries; it is not the exact record. Oxigraph keeps literals of derived
XSD types under their base type ("15"^^xsd:nonNegativeInteger comes back as xsd:integer),
so what needs the exact terms (validation, export, ``spkg add``) reads ``spkg.nq``, the
canonical N-Quads the store was loaded from.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from spkg.errors import InputError

STORE_DIR = "store"
MANIFEST_FILE = "manifest.json"
MANIFEST_FORMAT = 1
SITE_DIR = "site"
NQUADS_DUMP = "spkg.nq"  # the canonical N-Quads of every graph: the store is loaded from it
INGESTED_FILE = "ingested.nq"  # the document graphs as ingested, for `spkg add` / `remove`


@dataclass
class Manifest:
    """What a build was made from and holds; written last, so its presence means complete."""

    spkg_version: str
    built_at: str  # UTC, ISO 8601
    seconds: float
    inputs: list[dict[str, str]]  # {"path", "sha256"} of every file read
    documents: dict[str, dict[str, str]]  # graph IRI → {"path", "sha256"} of its source
    counts: dict[str, int]  # triples per graph kind, and quads in all
    files: list[str] = field(default_factory=list)
    format: int = MANIFEST_FORMAT

    def to_json(self) -> str:
        # the fields hold JSON values already: asdict's deep copy took 0.8 s at 4,000 documents
        plain = {f.name: getattr(self, f.name) for f in fields(self)}
        return json.dumps(plain, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def read(cls, path: Path) -> Manifest:
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except (OSError, ValueError, TypeError) as error:
            raise InputError(f"not a readable build manifest: {error}", path=path) from None


def sha256_file(path: Path) -> str:
    import hashlib  # here: readers never hash, and `spkg query` starts fast

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def input_entry(path: Path) -> dict[str, str]:
    return {"path": str(Path(os.path.abspath(path))), "sha256": sha256_file(path)}


def is_build(folder: Path) -> bool:
    return (folder / MANIFEST_FILE).is_file() and (folder / STORE_DIR).is_dir()


def write_store(folder: Path, nquads: Path) -> None:
    """Bulk-load the canonical N-Quads dump into ``folder/store`` (made here, closed after)."""
    store = ox.Store(str(folder / STORE_DIR))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store  # closes RocksDB before the folder is swapped in


class Build:
    """A build folder opened for reading, pinned by a file descriptor.

    Paths go through /proc/self/fd/N where it exists, so a build swapped in while this
    one is read does not mix into it: the old folder stays readable until closed.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        if not is_build(self.folder):
            raise InputError(f"not an spkg build (no {MANIFEST_FILE} and {STORE_DIR}/; "
                             "make one with `spkg build -o DIR`)", path=folder)
        self._fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)
        pinned = Path(f"/proc/self/fd/{self._fd}")
        self.root = pinned if pinned.is_dir() else self.folder
        self.manifest = Manifest.read(self.root / MANIFEST_FILE)
        self._store: ox.Store | None = None

    def path(self, name: str) -> Path:
        return self.root / name

    @property
    def store(self) -> ox.Store:
        """The on-disk store, read-only."""
        if self._store is None:
            try:
                self._store = ox.Store.read_only(str(self.root / STORE_DIR))
            except OSError as error:
                raise InputError(f"cannot open the store: {error}",
                                 path=self.folder / STORE_DIR) from None
        return self._store

    @property
    def nquads(self) -> Path:
        """The exact record: every graph as canonical N-Quads."""
        return self.root / NQUADS_DUMP

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the build, exactly as built (read from the N-Quads dump)."""
        return iter(ox.parse(path=str(self.nquads), format=ox.RdfFormat.N_QUADS))

    def close(self) -> None:
        self._store = None
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Build:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
