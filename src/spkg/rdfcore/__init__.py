"""RDF plumbing shared by the exports and the server: term conversion between rdflib and
pyoxigraph (terms), the Turtle/TriG/RDF-XML writer with spkg's prefixes (syntax), the
JSON-LD writer (jsonld), and parameters bound into SPARQL text as a VALUES block (values, for
the stores and the queries). It imports only the core modules, so the stages can use it
without importing each other."""
