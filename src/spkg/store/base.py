"""The Store protocol, the result type every store returns, and the registry of stores."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from spkg.errors import StoreError

if TYPE_CHECKING:  # annotations only: `spkg query` on a build's store never imports rdflib
    from rdflib import Dataset, Graph, URIRef
    from rdflib.term import Node


@dataclass
class QueryResult:
    """A query's answer as rdflib terms, whichever store produced it (pyoxigraph's terms
    from an OxigraphStore made with ``terms="oxigraph"``: the fast path of `spkg query`).

    SELECT: ``variables`` and ``rows`` (None for an unbound cell); ASK: ``boolean``;
    CONSTRUCT/DESCRIBE: ``graph``. ``truncated`` says a row limit cut the result.
    """

    kind: str  # "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False


class Store(Protocol):
    """What spkg needs of a triple store."""

    name: str

    def load(self, dataset: Dataset, *, graphs: Sequence[URIRef] | None = None) -> int:
        """Add the named graphs of ``dataset`` (all by default); return triples added."""
        ...

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Node] | None = None,
        timeout: float | None = None,
        limit: int | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; ``bindings`` are bound as RDF terms, never pasted as text."""
        ...

    def count(self, graph: URIRef | None = None) -> int:
        """Triples in one named graph, or in the whole store."""
        ...

    def drop(self, graph: URIRef | None = None) -> None:
        """Remove one named graph, or everything."""
        ...


StoreFactory = Callable[..., Store]

# name → "module:factory"; modules are imported on first use so that start-up stays fast.
_REGISTRY: dict[str, str | StoreFactory] = {
    "rdflib": "spkg.store.memory:RdflibStore",
    "oxigraph": "spkg.store.oxigraph:OxigraphStore",
    "remote": "spkg.store.remote:RemoteStore",
    "auto": "spkg.store.auto:open_auto",  # rdflib for small graphs, oxigraph for large ones
}


def register_store(name: str, factory: str | StoreFactory) -> None:
    _REGISTRY[name] = factory


def open_store(name: str, **options: Any) -> Store:
    """A store by registered name, e.g. ``open_store("oxigraph")``."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise StoreError(f"unknown store {name!r} (known: {known})") from None
    if isinstance(factory, str):
        module_name, _, attribute = factory.partition(":")
        factory = getattr(importlib.import_module(module_name), attribute)
    return factory(**options)
