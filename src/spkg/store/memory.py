"""RdflibStore: the dataset in memory with rdflib; parameters bound with initBindings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node

from spkg.deadline import call_with_timeout
from spkg.errors import QueryError, SpkgError
from spkg.store.base import QueryResult


class RdflibStore:
    """An rdflib Dataset whose default graph is the union of its named graphs."""

    name = "rdflib"
    binds_with = "initBindings"

    def __init__(self, dataset: Dataset | None = None) -> None:
        if dataset is None:
            from spkg.dataset import new_dataset

            dataset = new_dataset()
        if not dataset.default_union:
            raise SpkgError("RdflibStore needs a Dataset with default_union=True")
        self.dataset = dataset

    def load(self, dataset: Dataset, *, graphs: Sequence[URIRef] | None = None) -> int:
        wanted = None if graphs is None else set(graphs)
        added = 0
        for graph in dataset.graphs():
            name = graph.identifier
            if wanted is not None and name not in wanted:
                continue
            target = self.dataset.graph(name)
            before = len(target)
            target += graph
            added += len(target) - before
        return added

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Node] | None = None,
        timeout: float | None = None,
        limit: int | None = None,
    ) -> QueryResult:
        def run() -> QueryResult:
            try:
                init: dict[str, Any] = dict(bindings or {})
                result = self.dataset.query(sparql, initBindings=init)
                return to_query_result(result, limit)
            except SpkgError:
                raise
            except Exception as error:  # rdflib raises many types for bad or failing queries
                raise QueryError(f"query failed: {' '.join(str(error).split())[:300]}") from error

        return call_with_timeout(run, timeout)

    def count(self, graph: URIRef | None = None) -> int:
        if graph is not None:
            return len(self.dataset.graph(graph))
        return sum(len(g) for g in self.dataset.graphs())

    def drop(self, graph: URIRef | None = None) -> None:
        names = [graph] if graph is not None else [g.identifier for g in self.dataset.graphs()]
        for name in names:
            if name == DATASET_DEFAULT_GRAPH_ID:
                self.dataset.default_graph.remove((None, None, None))
            else:
                self.dataset.remove_graph(name)


def to_query_result(result: Result, limit: int | None) -> QueryResult:
    """An rdflib query Result as a QueryResult, cut to ``limit`` rows."""
    if result.type == "ASK":
        return QueryResult(kind="ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(kind=result.type, graph=result.graph)
    variables = [str(v) for v in result.vars or []]
    rows: list[tuple[Node | None, ...]] = []
    truncated = False
    for row in result:
        if limit is not None and len(rows) >= limit:
            truncated = True
            break
        rows.append(tuple(row))  # type: ignore[arg-type]
    return QueryResult(kind="SELECT", variables=variables, rows=rows, truncated=truncated)
