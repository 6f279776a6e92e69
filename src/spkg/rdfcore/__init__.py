"""RDF plumbing shared by the exports and the server: term conversion between rdflib and
pyoxigraph (terms), the Turtle/TriG/RDF-XML writer with spkg's prefixes (syntax), and the
JSON-LD writer (jsonld). It imports only the core modules, so both stages can use it
without importing each other."""
