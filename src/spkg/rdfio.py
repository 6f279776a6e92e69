"""Read RDF files with errors that name the file and line; guess formats from suffixes."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from spkg.errors import InputError, RdfParseError

# Suffix → rdflib parser/serialiser name.
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".n3": "n3",
}
QUAD_FORMATS = {"trig", "nquads", "json-ld"}

_LINE_PATTERNS = (
    re.compile(r"[Ll]ine:? ?(\d+)"),
    re.compile(r"at line (\d+)"),
)


def format_for(path: Path) -> str:
    """The rdflib format name for a file, from its suffix."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"unknown RDF format {path.suffix!r} (known: {known})", path=path)
    return fmt


def _line_of(error: Exception) -> int | None:
    for pattern in _LINE_PATTERNS:
        match = pattern.search(str(error))
        if match:
            return int(match.group(1))
    return None


def _first_line(error: Exception) -> str:
    why = getattr(error, "_why", None)
    if isinstance(why, str):  # rdflib's BadSyntax: its str() shows the input as bytes reprs
        return f"{why}{_near(error)}"
    text = " ".join(str(error).split())
    return text[:300] or type(error).__name__


def _near(error: Exception) -> str:
    """The text just before where the parser stopped, decoded, on one line."""
    data, at = getattr(error, "_str", None), getattr(error, "_i", None)
    if not isinstance(data, bytes | str) or not isinstance(at, int):
        return ""
    before = data[max(0, at - 40):at]
    text = before.decode("utf-8", "replace") if isinstance(before, bytes) else before
    text = " ".join(text.split())
    return f", after “{text}”" if text else ", at the start"


def parse_into(target: Graph | Dataset, path: Path, *, graph: URIRef | None = None) -> None:
    """Parse ``path`` into ``target`` (a named graph of a Dataset when ``graph`` is given)."""
    fmt = format_for(path)
    if not path.is_file():
        raise InputError("no such file", path=path)
    try:
        if isinstance(target, Dataset) and fmt not in QUAD_FORMATS:
            target.graph(graph or target.default_graph.identifier).parse(path, format=fmt)
        elif isinstance(target, Dataset) and graph is not None:
            target.graph(graph).parse(path, format=fmt)
        else:
            target.parse(path, format=fmt)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read: {_first_line(error)}", path=path) from error
    except Exception as error:  # rdflib raises many unrelated types for bad syntax
        raise RdfParseError(
            f"does not parse as {fmt}: {_first_line(error)}", path=path, line=_line_of(error)
        ) from error


def read_graph(path: Path) -> Graph:
    """A single-graph file as a Graph."""
    graph = Graph()
    parse_into(graph, path)
    return graph
