"""Reasoning results cached on the inputs' content: an unchanged graph is not reasoned twice.

The key is a SHA-256 over: the spkg version, a format version of this module's output,
the engine name, and for each input graph (sorted by name) a SHA-256 of its triples as
sorted lines of unambiguous term text (blank nodes relabelled canonically first). Entries
are N-Triples files plus a small JSON file of warnings, each written atomically.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from spkg.atomic import atomic_write_bytes, atomic_write_text
from spkg.reason.filtering import Triple
from spkg.version import __version__

# Bump when the filtering or rules change what a given input produces.
FORMAT_VERSION = "1"


def cache_dir() -> Path:
    """$SPKG_CACHE_DIR, else ~/.cache/spkg (XDG_CACHE_HOME respected)."""
    from spkg.paths import cache_dir as spkg_cache_dir

    return spkg_cache_dir()


def _term_key(term: Node) -> str:
    """An unambiguous text for a term; cheaper than n3() at a million triples."""
    if type(term) is Literal:
        return f'"{term}"^^{term.datatype or ""}@{term.language or ""}'
    if type(term) is BNode:
        return f"_:{term}"
    return f"<{term}>"


def _line(triple: Triple) -> str:
    return " ".join(map(_term_key, triple))


def graph_digest(triples: Iterable[Triple]) -> str:
    """A digest of a set of triples that does not depend on order or blank node labels."""
    lines: list[str] = []
    with_blanks = Graph()
    for triple in triples:
        if type(triple[0]) is BNode or type(triple[2]) is BNode:
            with_blanks.add(triple)
        else:
            lines.append(_line(triple))
    if len(with_blanks):
        lines.extend(_line(t) for t in to_canonical_graph(with_blanks))
    lines.sort()
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def cache_key(graph_digests: dict[Node, str], engine: str, purpose: str = "closure") -> str:
    digest = hashlib.sha256()
    digest.update(f"spkg {__version__}\nformat {FORMAT_VERSION}\nengine {engine}\n"
                  f"purpose {purpose}\n".encode())
    for name in sorted(graph_digests, key=str):
        digest.update(f"{name} {graph_digests[name]}\n".encode())
    return digest.hexdigest()


@dataclass
class CachedResult:
    triples: list[Triple]
    warnings: list[str]


def _paths(key: str) -> tuple[Path, Path]:
    folder = cache_dir() / "reason"
    return folder / f"{key}.nt", folder / f"{key}.json"


def load(key: str) -> CachedResult | None:
    triples_path, meta_path = _paths(key)
    if not (triples_path.is_file() and meta_path.is_file()):
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        graph = Graph()
        graph.parse(triples_path, format="nt")
    except Exception:  # a damaged entry is a miss, not an error: it is rewritten
        return None
    if meta.get("count") != len(graph):
        return None
    return CachedResult(list(graph), list(meta.get("warnings", [])))


def store(key: str, triples: Iterable[Triple], warnings: list[str]) -> None:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    triples_path, meta_path = _paths(key)
    atomic_write_bytes(triples_path, graph.serialize(format="nt", encoding="utf-8"))
    # Written second: an entry counts only when its metadata exists and its count matches.
    atomic_write_text(meta_path, json.dumps({"count": len(graph), "warnings": warnings}))
