"""Load the SHACL shapes: every *.ttl of a folder, remembering which file each shape came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from spkg import paths
from spkg.errors import InputError
from spkg.rdfio import parse_into

if TYPE_CHECKING:
    from spkg.rdfcore.parsecache import Parsed

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
    """Parse every Turtle file of ``directory`` (default: the bundled shapes/) into one graph.

    The parse is kept in the user's cache, keyed by the files' names and bytes
    (spkg.rdfcore.parsecache): every validation loads the shapes, and parsing them cost a
    tenth of a second each time.
    """
    from spkg.rdfcore import parsecache

    folder = Path(directory) if directory is not None else paths.shapes_dir()
    if not folder.is_dir():
        raise InputError("no such shapes folder", path=folder)
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise InputError("no *.ttl shapes files in this folder", path=folder)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    parsed = parsecache.load_or_parse("shapes", files, lambda: _parse(files))
    merged = Graph()
    merged.store.addN((s, p, o, merged) for s, p, o, _ in parsed.quads)
    names: dict[Node, str] = {_file_graph(n): path.name for n, path in enumerate(files)}
    origin: dict[Node, str] = {}
    for subject, _, _, graph in parsed.quads:  # file by file: the first file to define wins
        origin.setdefault(subject, names[graph])
    for prefix, namespace in parsed.namespaces:
        merged.bind(prefix, URIRef(namespace), override=False)
    merged.bind("spkgsh", SPKGSH)
    return Shapes(merged, origin, digest.hexdigest())


def _file_graph(number: int) -> URIRef:
    """Which file a cached triple came from (its place in the sorted list of files)."""
    return URIRef(f"urn:x-spkg:shapes-file:{number}")


def _parse(files: list[Path]) -> Parsed:
    from spkg.rdfcore.parsecache import Parsed

    quads: list[tuple[Node, Node, Node, Node]] = []
    bound: list[tuple[str, str]] = []  # every file's prefixes, in order, as merged below
    for number, path in enumerate(files):
        part = Graph()
        parse_into(part, path)
        quads += [(s, p, o, _file_graph(number)) for s, p, o in part]
        bound += [(prefix, str(namespace)) for prefix, namespace in part.namespaces()]
    return Parsed(quads, bound)
