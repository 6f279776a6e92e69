"""A remote SPARQL 1.1 store (Oxigraph server, Virtuoso, Fuseki, any other) as a Store.

Queries go through SPARQLWrapper (parameters bound with a VALUES block by
spkg.rdfcore.values, the helper the pyoxigraph store shares; answers turned back
into rdflib terms); writes go through httpx, to the Graph Store HTTP Protocol endpoint where
the store has one, else as SPARQL 1.1 Update. The default graph a stored query sees is the
union of the named graphs on every preset: Oxigraph gets ``union-default-graph`` on each
query; Virtuoso's default graph already spans every graph (its own system graphs too).
"""

from __future__ import annotations

import ast
import io
import math
import os
import urllib.error
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import httpx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from spkg.errors import QueryError, QueryTimeout, StoreError
from spkg.namespace import BASE
from spkg.rdfcore.values import insert_values, query_form, term_n3
from spkg.remote.http import (
    RetryPolicy,
    TransientError,
    body_summary,
    new_client,
    redact,
    send,
    status_message,
    with_retries,
)
from spkg.remote.presets import Endpoints, resolve_endpoints
from spkg.store.base import QueryResult

if TYPE_CHECKING:
    from SPARQLWrapper import SPARQLWrapper

_RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


# Graphs per counting query (see graph_counts).
GRAPH_COUNT_CHUNK = 500


class RemoteStore:
    """A SPARQL 1.1 store at ``endpoint``; ``store`` picks the endpoint layout (see presets).

    Credentials come from ``user``/``password`` or the SPKG_USER/SPKG_PASSWORD environment
    variables; ``auth`` is ``basic`` or ``digest`` (default: digest for Virtuoso, else basic).
    ``graph_prefix`` says which named graphs are spkg's: those ``count()`` and ``drop()``
    with no argument count and remove.
    """

    name = "remote"

    def __init__(
        self,
        endpoint: str,
        *,
        store: str = "generic",
        query_url: str | None = None,
        update_url: str | None = None,
        gsp_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        auth: str | None = None,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        graph_prefix: str = BASE,
    ):
        self.endpoint = endpoint
        self.kind = store
        self.endpoints: Endpoints = resolve_endpoints(
            endpoint, store, query_url=query_url, update_url=update_url, gsp_url=gsp_url,
            auth=auth,
        )
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.graph_prefix = graph_prefix
        self._user = user if user is not None else os.environ.get("SPKG_USER") or None
        self._password = (
            password if password is not None else os.environ.get("SPKG_PASSWORD") or None
        )
        self._client: httpx.Client | None = None

    def __repr__(self) -> str:  # never shows the credentials
        return f"RemoteStore({redact(self.endpoint)!r}, store={self.kind!r})"

    # -- Store protocol -----------------------------------------------------------------

    def load(self, dataset: Dataset, *, graphs: Sequence[URIRef] | None = None) -> int:
        from spkg.push import push_dataset

        report = push_dataset(dataset, self, graphs=graphs, progress=False)
        return report.triples_sent

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Node] | None = None,
        timeout: float | None = None,
        limit: int | None = None,
    ) -> QueryResult:
        text = insert_values(sparql, bindings)
        result = self._run_query(text, timeout=timeout)
        if limit is not None and result.kind == "SELECT" and len(result.rows) > limit:
            result.rows = result.rows[:limit]
            result.truncated = True
        return result

    def count(self, graph: URIRef | None = None) -> int:
        if graph is not None:
            return self.graph_counts([graph])[str(graph)]
        prefix = term_n3(Literal(self.graph_prefix))
        result = self._run_query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(STRSTARTS(STR(?g), {prefix})) }}"
        )
        return _int_cell(result)

    def drop(self, graph: URIRef | None = None) -> None:
        targets = [str(graph)] if graph is not None else self.graphs()
        for name in targets:
            self._drop_graph(name)

    # -- beyond the protocol: what push needs ---------------------------------------------

    def graphs(self) -> list[str]:
        """Named graphs in the store under ``graph_prefix``."""
        result = self._run_query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), {term_n3(Literal(self.graph_prefix))})) }}"
        )
        return sorted(str(row[0]) for row in result.rows if row[0] is not None)

    def graph_counts(self, graphs: Iterable[URIRef | str]) -> dict[str, int]:
        """Triples per named graph, GRAPH_COUNT_CHUNK graphs per query; missing graphs count 0."""
        names = [str(graph) for graph in graphs]
        counts = dict.fromkeys(names, 0)
        # In chunks: Virtuoso compiles VALUES into an IN (…) with a bounded number of
        # arguments, and rejected the 5,200 graphs of a million-triple push in one query.
        for start in range(0, len(names), GRAPH_COUNT_CHUNK):
            chunk = names[start:start + GRAPH_COUNT_CHUNK]
            values = " ".join(term_n3(URIRef(name)) for name in chunk)
            result = self._run_query(
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
            )
            for graph, number in result.rows:
                if graph is not None and number is not None:
                    counts[str(graph)] = int(number.toPython())  # type: ignore[attr-defined]
        return counts

    def graph_triples(self, graph: URIRef) -> Graph | None:
        """The triples of one named graph as the store holds them (None if it sent none back
        as a graph). Callers check the size against a count: some stores cut long answers."""
        result = self._run_query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {term_n3(URIRef(graph))} {{ ?s ?p ?o }} }}"
        )
        return result.graph

    def add_triples(self, graph: URIRef, ntriples: bytes) -> None:
        """Add N-Triples to ``graph``: Graph Store POST where there is one, else INSERT DATA."""
        if self.endpoints.gsp:
            url = self.endpoints.gsp
            self._write(
                "POST", url, what="graph store",
                params={self.endpoints.gsp_graph_parameter: str(graph)},
                content=ntriples, headers={"Content-Type": "application/n-triples"},
            )
        else:
            body = f"INSERT DATA {{ GRAPH {URIRef(graph).n3()} {{\n"
            self.update(body + ntriples.decode("utf-8") + "\n} }")

    @property
    def accepts_quads(self) -> bool:
        """Whether one request may carry triples of several graphs (N-Quads)."""
        return bool(self.endpoints.gsp and self.endpoints.gsp_quads)

    def add_quads(self, nquads: bytes) -> None:
        """Add N-Quads to their graphs in one Graph Store request (stores that allow it)."""
        if not self.accepts_quads:
            raise StoreError(f"{redact(self.endpoint)}: this store takes one graph per request")
        self._write("POST", str(self.endpoints.gsp), what="graph store", content=nquads,
                    headers={"Content-Type": "application/n-quads"})

    def replace_triples(self, graph: URIRef, ntriples: bytes) -> None:
        """Make ``graph`` hold exactly these triples, in one request (Graph Store PUT, or
        DROP + INSERT DATA in one update), so blank nodes keep their scope."""
        if self.endpoints.gsp:
            self._write(
                "PUT", self.endpoints.gsp, what="graph store",
                params={self.endpoints.gsp_graph_parameter: str(graph)},
                content=ntriples, headers={"Content-Type": "application/n-triples"},
            )
        else:
            name = URIRef(graph).n3()
            self.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n"
                        + ntriples.decode("utf-8") + "\n} }")

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""
        if not self.endpoints.update:
            raise StoreError(f"{redact(self.endpoint)}: no update endpoint; give --update-url")
        self._write("POST", self.endpoints.update, what="update",
                    data={"update": sparql},
                    headers={"Accept": "*/*"})

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ----------------------------------------------------------------------

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = new_client(self._user, self._password, self.endpoints.auth,
                                      self.timeout)
        return self._client

    def _write(self, method: str, url: str, *, what: str, **kwargs: Any) -> httpx.Response:
        return with_retries(
            lambda: send(self._http(), method, url, what=what, **kwargs), self.retry
        )

    def _drop_graph(self, name: str) -> None:
        if self.endpoints.update:
            self.update(f"DROP SILENT GRAPH {URIRef(name).n3()}")
            return
        if not self.endpoints.gsp:
            raise StoreError(f"{redact(self.endpoint)}: no update or graph store endpoint")
        try:
            self._write("DELETE", self.endpoints.gsp, what="graph store",
                        params={self.endpoints.gsp_graph_parameter: name})
        except StoreError as error:
            if "HTTP 404" not in error.message:  # an absent graph is already dropped
                raise

    def _run_query(self, text: str, *, timeout: float | None = None) -> QueryResult:
        form = query_form(text)
        wrapper = self._wrapper(text, form, timeout if timeout is not None else self.timeout)
        if self.endpoints.union_parameter:
            wrapper.addParameter(self.endpoints.union_parameter, "")
        body, content_type = with_retries(lambda: self._fetch(wrapper), self.retry)
        return _parse_answer(form, body, content_type, self.endpoints.query)

    def _wrapper(self, text: str, form: str, timeout: float) -> SPARQLWrapper:
        from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        wrapper = SPARQLWrapper(self.endpoints.query)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setQuery(text)
        wrapper.setTimeout(max(1, math.ceil(timeout)))
        # Our own reading of the form: SPARQLWrapper's guess trips over words in comments.
        wrapper.queryType = form
        wrapper.setReturnFormat(TURTLE if form in ("CONSTRUCT", "DESCRIBE") else JSON)
        if self._user is not None:
            wrapper.setHTTPAuth(DIGEST if self.endpoints.auth == "digest" else BASIC)
            wrapper.setCredentials(self._user, self._password or "")
        return wrapper

    def _fetch(self, wrapper: SPARQLWrapper) -> tuple[bytes, str]:
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        url = self.endpoints.query
        try:
            response = wrapper.query().response
            return response.read(), response.headers.get("Content-Type", "")
        except QueryBadFormed as error:
            raise QueryError(
                f"query rejected by {redact(url)}: {body_summary(_wrapped_body(error))}"
            ) from None
        except SPARQLWrapperException as error:
            status = _STATUS.get(type(error).__name__, 0)
            message = status_message("query", url, status, _wrapped_body(error))
            raise StoreError(message) from None
        except urllib.error.HTTPError as error:
            message = status_message("query", url, error.code, error.read())
            if error.code in (502, 503, 504):
                raise TransientError(message) from None
            raise StoreError(message) from None
        except TimeoutError:
            raise QueryTimeout(f"query: {redact(url)} did not answer in time") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise QueryTimeout(f"query: {redact(url)} did not answer in time") from None
            raise TransientError(
                f"query: cannot reach {redact(url)} (connection refused or host unreachable)"
            ) from None
        except (ConnectionError, OSError) as error:
            raise TransientError(
                f"query: connection to {redact(url)} failed ({type(error).__name__})"
            ) from None


_STATUS = {
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def _wrapped_body(error: Exception) -> bytes:
    """The response body SPARQLWrapper folded into its exception message."""
    text = str(error)
    marker = "Response:\n"
    if marker not in text:
        return b""
    try:
        value = ast.literal_eval(text.split(marker, 1)[1])
    except (ValueError, SyntaxError):
        return b""
    return value if isinstance(value, bytes) else str(value).encode()


def _parse_answer(kind: str, body: bytes, content_type: str, url: str) -> QueryResult:
    mime = content_type.split(";")[0].strip().lower()
    if kind in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        try:
            graph.parse(data=body, format=_RDF_FORMATS.get(mime, "turtle"))
        except Exception as error:  # rdflib raises many types for bad input
            raise StoreError(
                f"query: {redact(url)} sent an unreadable {mime or 'graph'} answer ({error})"
            ) from None
        return QueryResult(kind=kind, graph=graph)
    if "json" not in mime:
        raise StoreError(
            f"query: {redact(url)} answered {mime or 'without a content type'} instead of "
            f"SPARQL JSON results: {body_summary(body)}"
        )
    try:
        parsed = Result.parse(io.BytesIO(body), format="json")
    except Exception as error:  # malformed JSON from a misbehaving server
        raise StoreError(f"query: {redact(url)} sent unreadable JSON results ({error})") from None
    if parsed.type == "ASK":
        return QueryResult(kind="ASK", boolean=bool(parsed.askAnswer))
    if kind == "ASK":
        # Virtuoso answers ASK as a SELECT of ?__ASK_RETVAL: one row of 1, or no row.
        return QueryResult(kind="ASK", boolean=any(
            cell is not None and bool(cell.toPython())  # type: ignore[attr-defined]
            for row in parsed.bindings for cell in row.values()
        ))
    variables = [str(variable) for variable in parsed.vars or []]
    rows: list[tuple[Node | None, ...]] = [
        tuple(binding.get(variable) for variable in parsed.vars or [])
        for binding in parsed.bindings
    ]
    return QueryResult(kind="SELECT", variables=variables, rows=rows)


def _int_cell(result: QueryResult) -> int:
    if not result.rows or result.rows[0][0] is None:
        return 0
    return int(result.rows[0][0].toPython())  # type: ignore[attr-defined]
