"""pyoxigraph serialisation with spkg's prefixes, byte-for-byte stable."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from spkg.prefixes import PREFIXES

# Not id: — its local names contain '/', which Turtle must escape (id:programme\/x).
SYNTAX_PREFIXES = {prefix: iri for prefix, iri in PREFIXES.items() if prefix != "id"}
_WITH_PREFIXES = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML}


def sorted_prefix_lines(text: bytes) -> bytes:
    """pyoxigraph writes @prefix lines in hash order, which changes between runs: sort them."""
    lines = text.split(b"\n")
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    return b"\n".join(sorted(lines[:head]) + lines[head:])


def to_bytes(data: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: ox.RdfFormat) -> bytes:
    """Serialise triples or quads (in the order given) in one RDF syntax."""
    if fmt not in _WITH_PREFIXES:
        return ox.serialize(data, format=fmt) or b""
    text = ox.serialize(data, format=fmt, prefixes=dict(SYNTAX_PREFIXES)) or b""
    return sorted_prefix_lines(text) if fmt != ox.RdfFormat.RDF_XML else text
