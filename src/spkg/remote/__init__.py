"""Talking to remote SPARQL 1.1 stores: endpoint presets, HTTP with retries, result parsing,
and pushing a dataset (:mod:`spkg.remote.push`)."""
