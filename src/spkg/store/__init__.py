"""The one small store interface: load, query, count, drop.

Implementations register themselves by name (rdflib in memory, pyoxigraph, a remote
SPARQL 1.1 store); nothing else in spkg knows which one it talks to.
"""

from spkg.store.base import QueryResult, Store, open_store, register_store

__all__ = ["QueryResult", "Store", "open_store", "register_store"]
