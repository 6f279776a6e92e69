"""The base IRI and the SDG namespace as plain strings (a core module without rdflib).

spkg.namespace builds its rdflib namespaces from these; `spkg query` on a build's store
reads them without importing rdflib (see spkg.store.terms).
"""

BASE = "https://w3id.org/spkg/"
SDG = "http://metadata.un.org/sdg/"
