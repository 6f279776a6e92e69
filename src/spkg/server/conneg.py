"""Content negotiation: pick the best of the formats we offer from an Accept header."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from starlette.requests import Request
from starlette.responses import Response

from spkg.formats import RDF_MEDIA_TYPES

# media type → short format name, in order of preference when the client does not mind.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
RDF_TYPES: dict[str, str] = RDF_MEDIA_TYPES
FORMAT_MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "html": "text/html; charset=utf-8",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, best first (stable for equal q)."""
    if not header:
        return [("*/*", 1.0)]
    ranges: list[tuple[str, float, int]] = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q, position))
    ranges.sort(key=lambda r: (-r[1], -_specificity(r[0]), r[2]))
    return [(media, q) for media, q, _ in ranges]


def _specificity(media: str) -> int:
    if media == "*/*":
        return 0
    return 1 if media.endswith("/*") else 2


def negotiate(header: str | None, offered: Mapping[str, str],
              default_order: Sequence[str] | None = None) -> str | None:
    """The short format name to answer with, or None when nothing acceptable is offered."""
    order = list(default_order or dict.fromkeys(offered.values()))
    for media, q in parse_accept(header):
        if q <= 0:
            continue
        if media == "*/*":
            return order[0]
        if media.endswith("/*"):
            major = media[:-1]
            for candidate_media, fmt in offered.items():
                if candidate_media.startswith(major):
                    return fmt
            continue
        if media in offered:
            return offered[media]
    return None


def rdf_or_html(request: Request, offered: Mapping[str, str]) -> str | Response | None:
    """What a resource that has a page and RDF forms answers: None when the client prefers
    the HTML page, an RDF format name, or a 406 response listing what is offered."""
    fmt = negotiate(request.headers.get("accept"), offered, ["html"])
    if fmt == "html":
        return None
    if fmt is None:
        return Response(f"offered: {', '.join(offered)}\n", status_code=406,
                        media_type="text/plain; charset=utf-8")
    return fmt
