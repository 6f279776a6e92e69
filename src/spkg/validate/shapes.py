"""Load the SHACL shapes: every *.ttl of a folder, remembering which file each shape came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import SH
from rdflib.term import Node

from spkg import paths
from spkg.errors import InputError
from spkg.rdfio import parse_into

SPKGSH = Namespace("https://w3id.org/spkg/shapes#")
HINT = SPKGSH.hint


@dataclass(frozen=True)
class Shapes:
    """The merged shapes graph, and for each shape the file that defines it."""

    graph: Graph
    files: dict[Node, str]
    digest: str = ""  # SHA-256 of the files' names and bytes: a cache key cheaper than the graph's

    def file_of(self, shape: Node) -> str | None:
        return self.files.get(shape)

    def hint(self, shape: Node) -> str | None:
        """The shape's own hint, else the hint of a node shape that has it as a property."""
        own = self.graph.value(shape, HINT)
        if own is not None:
            return str(own)
        parent = self.graph.value(None, SH.property, shape)
        hint = self.graph.value(parent, HINT) if parent is not None else None
        return str(hint) if hint is not None else None


def load_shapes(directory: Path | None = None) -> Shapes:
    """Parse every Turtle file of ``directory`` (default: the bundled shapes/) into one graph."""
    folder = Path(directory) if directory is not None else paths.shapes_dir()
    if not folder.is_dir():
        raise InputError("no such shapes folder", path=folder)
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise InputError("no *.ttl shapes files in this folder", path=folder)
    merged = Graph()
    origin: dict[Node, str] = {}
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        part = Graph()
        parse_into(part, path)
        for subject in set(part.subjects()):
            origin.setdefault(subject, path.name)
        merged += part
        for prefix, namespace in part.namespaces():
            merged.bind(prefix, namespace, override=False)
    merged.bind("spkgsh", SPKGSH)
    return Shapes(merged, origin, digest.hexdigest())
