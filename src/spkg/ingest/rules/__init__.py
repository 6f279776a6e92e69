"""The relation rules of spkg.ingest.relations, one module per family."""
