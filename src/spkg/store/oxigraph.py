"""OxigraphStore: pyoxigraph in memory or on disk; parameters bound with a VALUES block.

Queries see the union of all graphs as their default graph, like RdflibStore, and
answers come back as rdflib terms equal to the ones rdflib would give; or, made with
``terms="oxigraph"``, parameters and answers stay pyoxigraph terms and rdflib is never
imported (`spkg query` on a build: rdflib's import costs more than most queries).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from spkg.deadline import call_with_timeout
from spkg.errors import InputError, QueryError, SpkgError
from spkg.rdfcore.values import insert_values, is_variable_name, query_form, term_n3
from spkg.store.base import QueryResult
from spkg.store.terms import is_oxigraph_term
from spkg.store.terms import to_rdflib as _to_rdflib

if TYPE_CHECKING:
    from rdflib import Dataset, URIRef
    from rdflib.term import Node

_DEFAULT_GRAPH_ID = "urn:x-rdflib:default"  # rdflib's DATASET_DEFAULT_GRAPH_ID

# file suffix → pyoxigraph format, for loading files without going through rdflib
_FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".n3": ox.RdfFormat.N3,
}


# (query text, bound variables) → whether pyoxigraph can substitute them (all projected)
_SUBSTITUTABLE: dict[tuple[str, frozenset[Any]], bool] = {}

# A query that answered in under this, and under 1/QUICK_SHARE of its time limit, on a
# read-only store runs in the caller's thread the next time (same text, bindings and row
# limit: the same work on the same data). Handing it to the thread that enforces the limit
# cost 1-2.5 ms when the cores were oversubscribed, several times such a query itself.
QUICK_SECONDS = 0.05
QUICK_SHARE = 100
_QUICK_ENTRIES = 4096


class OxigraphStore:
    """A pyoxigraph Store; ``path=None`` keeps it in memory."""

    name = "oxigraph"
    binds_with = "substitutions"
    parses_queries = True  # a syntax error comes back from pyoxigraph with line and column

    def __init__(self, path: str | Path | None = None, *, store: ox.Store | None = None,
                 hide: Iterable[str] = (), terms: str = "rdflib",
                 read_only: bool = False) -> None:
        """``store``: an opened pyoxigraph store (a build's, read-only) to query instead.

        ``hide``: graph IRIs left out of the default graph (e.g. the inferred graph).
        ``terms``: "rdflib" (answers as rdflib terms) or "oxigraph" (parameters and SELECT
        answers as pyoxigraph terms, without importing rdflib).
        ``read_only``: the data never changes (a build's store), so a query that was quick
        once is run without the time-limit thread again (see QUICK_SECONDS).
        """
        if terms not in ("rdflib", "oxigraph"):
            raise SpkgError(f"terms must be 'rdflib' or 'oxigraph', not {terms!r}")
        self.terms = terms
        self.path = Path(path) if path is not None else None
        if store is not None:
            self.store = store
        else:
            self.store = ox.Store(str(path)) if path is not None else ox.Store()
        self.hidden = frozenset(hide)
        self.read_only = read_only
        self._seconds: dict[tuple[Any, ...], float] = {}  # what each query took last time

    # --- loading -------------------------------------------------------------------------

    def load(self, dataset: Dataset, *, graphs: Sequence[URIRef] | None = None) -> int:
        """Bulk-load named graphs of an rdflib Dataset: one N-Triples document per graph."""
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        wanted = None if graphs is None else set(graphs)
        added = 0
        for graph in dataset.graphs():
            name = graph.identifier
            if (wanted is not None and name not in wanted) or len(graph) == 0:
                continue
            data = graph.serialize(format="nt", encoding="utf-8")
            target = ox.DefaultGraph() if name == DATASET_DEFAULT_GRAPH_ID else _named(name)
            self.store.bulk_load(data, ox.RdfFormat.N_TRIPLES, to_graph=target)
            added += len(graph)
        return added

    def load_files(self, files: Iterable[Path]) -> None:
        """Parse files straight into the store (much faster than through rdflib)."""
        for path in files:
            path = Path(path)
            fmt = _FILE_FORMATS.get(path.suffix.lower())
            if fmt is None:
                raise InputError(f"unknown RDF format {path.suffix!r}", path=path)
            if not path.is_file():
                raise InputError("no such file", path=path)
            try:
                self.store.bulk_load(path=str(path), format=fmt)
            except SyntaxError as error:
                raise InputError(f"does not parse: {' '.join(str(error).split())[:300]}",
                                 path=path) from error

    # --- querying ------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Node] | None = None,
        timeout: float | None = None,
        limit: int | None = None,
    ) -> QueryResult:
        # Bound by pyoxigraph (SEP-0007 substitution) before evaluation, as rdflib's
        # initBindings: no scan of the text. pyoxigraph substitutes projected variables
        # only; a query that binds another one gets a VALUES block instead.
        substitutions = {ox.Variable(name): _bound_term(name, value)
                         for name, value in (bindings or {}).items()}

        def answer() -> Any:
            graphs = self._default_graph()
            if not substitutions:
                return self.store.query(sparql, **graphs)
            key = (sparql, frozenset(substitutions))
            if _SUBSTITUTABLE.get(key, True):
                try:
                    return self.store.query(sparql, substitutions=substitutions, **graphs)
                except RuntimeError as error:
                    if "does not contain" not in str(error):
                        raise
                    _SUBSTITUTABLE[key] = False  # remembered: the next run goes straight on
            return self.store.query(insert_values(sparql, bindings), **graphs)

        def run() -> QueryResult:
            try:
                return _to_query_result(answer(), limit, sparql, raw=self.terms == "oxigraph")
            except SyntaxError as error:
                raise QueryError(f"SPARQL syntax error: {' '.join(str(error).split())}") from None
            except SpkgError:
                raise
            except (OSError, ValueError, TypeError) as error:
                raise QueryError(f"query failed: {' '.join(str(error).split())[:300]}") from error

        return self._within_limit(run, (sparql, frozenset(substitutions.items()), limit),
                                  timeout)

    def _within_limit(self, run: Callable[[], QueryResult], key: tuple[Any, ...],
                      timeout: float | None) -> QueryResult:
        """``run()`` under its time limit; in this thread if it was quick last time."""
        if not self.read_only or timeout is None:
            return call_with_timeout(run, timeout)
        last = self._seconds.get(key)
        if last is not None and last < min(QUICK_SECONDS, timeout / QUICK_SHARE):
            return run()
        started = time.perf_counter()
        result = call_with_timeout(run, timeout)
        if len(self._seconds) >= _QUICK_ENTRIES:
            self._seconds.clear()
        self._seconds[key] = time.perf_counter() - started
        return result

    def _default_graph(self) -> dict[str, Any]:
        """The union of every graph, or of those not hidden."""
        if not self.hidden:
            return {"use_default_graph_as_union": True}
        shown: list[Any] = [g for g in self.store.named_graphs() if g.value not in self.hidden]
        return {"default_graph": [ox.DefaultGraph(), *shown]}

    def count(self, graph: URIRef | None = None) -> int:
        if graph is None:
            return len(self.store)
        target = ox.DefaultGraph() if str(graph) == _DEFAULT_GRAPH_ID else _named(graph)
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, target))

    def drop(self, graph: URIRef | None = None) -> None:
        if graph is None:
            self.store.clear()
        elif str(graph) == _DEFAULT_GRAPH_ID:
            self.store.clear_graph(ox.DefaultGraph())
        else:
            self.store.remove_graph(_named(graph))


def _named(iri: Node) -> ox.NamedNode:
    from rdflib import URIRef

    if not isinstance(iri, URIRef):
        raise SpkgError(f"graph names must be IRIs, not {iri!r}")
    return ox.NamedNode(str(iri))


def to_rdflib(term: Any) -> Node | None:
    """A pyoxigraph term as the rdflib term rdflib itself would have produced."""
    if term is None:
        return None
    if not is_oxigraph_term(term):
        raise QueryError(f"unsupported term in a query answer: {term!r}")
    return _to_rdflib(term)  # type: ignore[no-any-return]


def _bound_term(name: str, value: Any) -> Any:
    """A parameter value as a pyoxigraph term, after the checks a VALUES block makes."""
    if not is_variable_name(name):
        raise QueryError(f"not a valid SPARQL variable name: {name!r}")
    term_n3(value)  # raises on a blank node or an IRI no SPARQL text could hold
    if is_oxigraph_term(value):
        return value
    from rdflib import Literal, URIRef

    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    assert isinstance(value, Literal)  # term_n3 let nothing else through
    if value.language:
        return ox.Literal(str(value), language=value.language)
    if value.datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
    return ox.Literal(str(value))


def _to_query_result(answer: Any, limit: int | None, sparql: str, *,
                     raw: bool = False) -> QueryResult:
    """The answer as a QueryResult; ``raw``: SELECT cells stay pyoxigraph terms (a graph
    answer is always an rdflib Graph)."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(kind="ASK", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        from rdflib import Graph

        graph = Graph()
        for triple in answer:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate),  # type: ignore[arg-type]
                       to_rdflib(triple.object)))
        return QueryResult(kind=query_form(sparql), graph=graph)  # CONSTRUCT or DESCRIBE
    variables = [v.value for v in answer.variables]
    rows: list[tuple[Any, ...]] = []
    truncated = False
    convert = (lambda term: term) if raw else to_rdflib
    width = range(len(variables))
    for solution in answer:
        if limit is not None and len(rows) >= limit:
            truncated = True
            break
        rows.append(tuple(convert(solution[i]) for i in width))
    return QueryResult(kind="SELECT", variables=variables, rows=rows, truncated=truncated)
