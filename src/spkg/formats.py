"""The RDF and SPARQL results formats spkg reads and writes, by short name.

The short names are pyoxigraph's file extensions (``ttl``, ``nt``, ``jsonld``, ``rdf``,
``trig``, ``nq``), and the media types are pyoxigraph's, so one table serves the server's
content negotiation, uploads and dump suffixes. Order matters: it is the server's preference
when a client accepts anything.
"""

from __future__ import annotations

import pyoxigraph as ox

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    f.file_extension: f
    for f in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD,
              ox.RdfFormat.RDF_XML, ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
}
# media type → short name: the registered types, then older or looser ones clients send
RDF_MEDIA_TYPES: dict[str, str] = {
    **{f.media_type: name for name, f in RDF_FORMATS.items()},
    "text/plain": "nt",
    "application/x-turtle": "ttl",
    "application/json": "jsonld",
}

__all__ = ["RDF_FORMATS", "RDF_MEDIA_TYPES"]
