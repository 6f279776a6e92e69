"""The W3C SPARQL 1.1 Protocol test cases (sparql11/protocol in the W3C rdf-tests), replayed
over real HTTP against ``spkg serve`` on 127.0.0.1: read-only, and with --allow-update.

Written from what each case of the manifest specifies (its name is the test's name); the
data are this file's own: three small graphs, each holding one foaf:Document.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph
from server.live import FIXTURE, free_port

pytestmark = pytest.mark.server

EX = "http://example.org/protocol-test/"
DATA = [f"{EX}data{i}" for i in (1, 2, 3)]
TRIG = "\n".join(f"<{g}> {{ <{g}> a <http://xmlns.com/foaf/0.1/Document> . }}" for g in DATA)
DOCS = "SELECT ?d WHERE { ?d a <http://xmlns.com/foaf/0.1/Document> } ORDER BY ?d"
NAMED = "SELECT ?g WHERE { GRAPH ?g { ?d a <http://xmlns.com/foaf/0.1/Document> } } ORDER BY ?g"
RESULTS_JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"


@contextlib.contextmanager
def _spkg_serve(tmp_path_factory: pytest.TempPathFactory,
                allow_update: bool) -> Iterator[httpx.Client]:
    """``spkg serve`` as a user runs it, on a free loopback port; stopped after."""
    extra = tmp_path_factory.mktemp("w3c") / "graphs.trig"
    extra.write_text(TRIG, encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data",
               str(FIXTURE), str(extra), "--timeout", "10"]
    process = subprocess.Popen([*command, *(["--allow-update"] if allow_update else [])],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            deadline = time.monotonic() + 120
            while True:
                assert process.poll() is None, "spkg serve exited early"
                assert time.monotonic() < deadline, "spkg serve did not come up"
                try:
                    if client.get("/sparql", params={"query": "ASK {}"}).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
            yield client
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def ro(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    with _spkg_serve(tmp_path_factory, False) as client:
        yield client


@pytest.fixture(scope="module")
def rw(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    with _spkg_serve(tmp_path_factory, True) as client:
        yield client


def _values(response: httpx.Response, var: str) -> list[str]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(RESULTS_JSON)
    return [row[var]["value"] for row in response.json()["results"]["bindings"]]


def _ask(client: httpx.Client, query: str) -> bool:
    response = client.get("/sparql", params={"query": query}, headers={"Accept": RESULTS_JSON})
    assert response.status_code == 200, response.text
    return bool(response.json()["boolean"])


def _graph(response: httpx.Response, media: str, fmt: str) -> Graph:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    return Graph().parse(data=response.content, format=fmt)


# -- queries ------------------------------------------------------------------------------

def test_query_get(ro: httpx.Client) -> None:
    assert _ask(ro, "ASK {}") is True


def test_query_post_form(ro: httpx.Client) -> None:
    response = ro.post("/sparql", data={"query": "ASK {}"}, headers={"Accept": RESULTS_JSON})
    assert response.status_code == 200 and response.json()["boolean"] is True


def test_query_post_direct(ro: httpx.Client) -> None:
    response = ro.post("/sparql", content=b"ASK {}", headers={
        "Content-Type": "application/sparql-query", "Accept": RESULTS_JSON})
    assert response.status_code == 200 and response.json()["boolean"] is True


def test_query_dataset_default_graphs_get(ro: httpx.Client) -> None:
    response = ro.get("/sparql", params=[("query", DOCS), ("default-graph-uri", DATA[0]),
                                         ("default-graph-uri", DATA[1])])
    assert _values(response, "d") == DATA[:2]


def test_query_dataset_default_graphs_post(ro: httpx.Client) -> None:
    response = ro.post("/sparql", data={"query": DOCS, "default-graph-uri": DATA[:2]})
    assert _values(response, "d") == DATA[:2]


def test_query_dataset_named_graphs_get(ro: httpx.Client) -> None:
    response = ro.get("/sparql", params=[("query", NAMED), ("named-graph-uri", DATA[0]),
                                         ("named-graph-uri", DATA[1])])
    assert _values(response, "g") == DATA[:2]


def test_query_dataset_named_graphs_post(ro: httpx.Client) -> None:
    response = ro.post("/sparql", data={"query": NAMED, "named-graph-uri": DATA[:2]})
    assert _values(response, "g") == DATA[:2]


def test_query_dataset_full(ro: httpx.Client) -> None:
    query = ("SELECT ?d ?g WHERE { { ?d a <http://xmlns.com/foaf/0.1/Document> } UNION "
             "{ GRAPH ?g { ?x a <http://xmlns.com/foaf/0.1/Document> } } }")
    response = ro.post("/sparql", data={"query": query, "default-graph-uri": DATA[2],
                                        "named-graph-uri": DATA[:2]})
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    assert sorted(r["d"]["value"] for r in rows if "d" in r) == [DATA[2]]
    assert sorted(r["g"]["value"] for r in rows if "g" in r) == DATA[:2]


def test_query_multiple_dataset(ro: httpx.Client) -> None:
    # The protocol's dataset takes precedence over the query's FROM.
    query = DOCS.replace(" WHERE", f" FROM <{DATA[2]}> WHERE")
    response = ro.get("/sparql", params={"query": query, "default-graph-uri": DATA[0]})
    assert _values(response, "d") == [DATA[0]]


def test_query_content_type_select(ro: httpx.Client) -> None:
    response = ro.get("/sparql", params={"query": "SELECT (1 AS ?x) {}"},
                      headers={"Accept": "application/sparql-results+xml"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+xml")


def test_query_content_type_ask(ro: httpx.Client) -> None:
    response = ro.post("/sparql", content=b"ASK {}", headers={
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+xml"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    assert "<boolean>true</boolean>" in response.text


def test_query_content_type_describe(ro: httpx.Client) -> None:
    response = ro.get("/sparql", params={"query": f"DESCRIBE <{DATA[0]}>"},
                      headers={"Accept": "application/rdf+xml"})
    assert len(_graph(response, "application/rdf+xml", "xml")) == 1


def test_query_content_type_construct(ro: httpx.Client) -> None:
    # A relative IRI resolves against the endpoint's URL.
    response = ro.post("/sparql", content=b"CONSTRUCT { <s> <p> 1 } WHERE {}", headers={
        "Content-Type": "application/sparql-query", "Accept": "text/turtle"})
    graph = _graph(response, "text/turtle", "turtle")
    base = str(ro.base_url).rstrip("/")
    assert [(str(s), str(p)) for s, p, _ in graph] == [(f"{base}/s", f"{base}/p")]


# -- updates ------------------------------------------------------------------------------

def test_update_post_form(rw: httpx.Client) -> None:
    response = rw.post("/sparql", data={
        "update": f"INSERT DATA {{ GRAPH <{EX}form> {{ <{EX}a> <{EX}b> 'form' }} }}"})
    assert response.status_code == 204, response.text
    assert _ask(rw, f"ASK {{ GRAPH <{EX}form> {{ <{EX}a> <{EX}b> 'form' }} }}")


def test_update_post_direct(rw: httpx.Client) -> None:
    response = rw.post("/sparql", headers={"Content-Type": "application/sparql-update"},
                       content=f"INSERT DATA {{ <{EX}a> <{EX}b> 'direct' }}".encode())
    assert response.status_code == 204, response.text
    assert _ask(rw, f"ASK {{ <{EX}a> <{EX}b> 'direct' }}")


def test_update_base_uri(rw: httpx.Client) -> None:
    response = rw.post("/sparql", headers={"Content-Type": "application/sparql-update"},
                       content=b"INSERT DATA { GRAPH <base-test> { <s> <p> 'relative' } }")
    assert response.status_code == 204, response.text
    base = str(rw.base_url).rstrip("/")
    assert _ask(rw, f"ASK {{ GRAPH <{base}/base-test> {{ <{base}/s> <{base}/p> 'relative' }} }}")


def _copy_documents(rw: httpx.Client, target: str, params: dict[str, object]) -> None:
    update = (f"INSERT {{ GRAPH <{target}> {{ ?d a <{EX}Copied> }} }} WHERE {{ "
              "{ ?d a <http://xmlns.com/foaf/0.1/Document> } UNION "
              "{ GRAPH ?g { ?d a <http://xmlns.com/foaf/0.1/Document> } } }")
    response = rw.post("/sparql", data={"update": update, **params})
    assert response.status_code == 204, response.text


def _copied(rw: httpx.Client, target: str) -> list[str]:
    query = f"SELECT ?d WHERE {{ GRAPH <{target}> {{ ?d a <{EX}Copied> }} }} ORDER BY ?d"
    return _values(rw.get("/sparql", params={"query": query}), "d")


def test_update_dataset_default_graph(rw: httpx.Client) -> None:
    _copy_documents(rw, f"{EX}out1", {"using-graph-uri": DATA[0]})
    assert _copied(rw, f"{EX}out1") == [DATA[0]]


def test_update_dataset_default_graphs(rw: httpx.Client) -> None:
    _copy_documents(rw, f"{EX}out2", {"using-graph-uri": DATA[:2]})
    assert _copied(rw, f"{EX}out2") == DATA[:2]


def test_update_dataset_named_graphs(rw: httpx.Client) -> None:
    _copy_documents(rw, f"{EX}out3", {"using-named-graph-uri": DATA[1:]})
    assert _copied(rw, f"{EX}out3") == DATA[1:]


def test_update_dataset_full(rw: httpx.Client) -> None:
    _copy_documents(rw, f"{EX}out4", {"using-graph-uri": DATA[0],
                                      "using-named-graph-uri": DATA[2]})
    assert _copied(rw, f"{EX}out4") == [DATA[0], DATA[2]]


# -- refusals -----------------------------------------------------------------------------

UPDATE = f"INSERT DATA {{ <{EX}x> <{EX}y> 'never' }}"


@pytest.mark.parametrize("name, method, kwargs", [
    ("bad_query_method", "PUT", {"params": {"query": "ASK {}"}}),
    ("bad_multiple_queries", "GET",
     {"params": [("query", "ASK {}"), ("query", "SELECT * {}")]}),
    ("bad_query_wrong_media_type", "POST",
     {"content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}),
    ("bad_query_missing_form_type", "POST", {"content": b"query=ASK%20%7B%7D"}),
    ("bad_query_missing_direct_type", "POST", {"content": b"ASK {}"}),
    ("bad_query_non_utf8", "POST", {"content": "ASK { FILTER('\u00e9' = '\u00e9') }".encode(
        "utf-16"), "headers": {"Content-Type": "application/sparql-query"}}),
    ("bad_query_syntax", "GET", {"params": {"query": "ASK {"}}),
    ("bad_query_twice_url_and_body", "POST",
     {"params": {"query": "ASK {}"}, "data": {"query": "ASK {}"}}),
    ("bad_update_get", "GET", {"params": {"update": UPDATE}}),
    ("bad_multiple_updates", "POST", {"data": {"update": [UPDATE, UPDATE]}}),
    ("bad_update_wrong_media_type", "POST",
     {"content": UPDATE.encode(), "headers": {"Content-Type": "text/plain"}}),
    ("bad_update_missing_form_type", "POST",
     {"content": ("update=" + UPDATE.replace(" ", "%20")).encode()}),
    ("bad_update_non_utf8", "POST", {"content": UPDATE.encode("utf-16"),
                                     "headers": {"Content-Type": "application/sparql-update"}}),
    ("bad_update_syntax", "POST", {"data": {"update": "INSERT DATA { <a> <b> }"}}),
    ("bad_update_dataset_conflict", "POST", {"data": {
        "update": f"INSERT {{ <{EX}x> <{EX}y> ?d }} USING <{DATA[0]}> WHERE {{ ?d ?p ?o }}",
        "using-graph-uri": DATA[1]}}),
])
def test_refused(rw: httpx.Client, name: str, method: str, kwargs: dict[str, object]) -> None:
    response = rw.request(method, "/sparql", **kwargs)  # type: ignore[arg-type]
    assert 400 <= response.status_code < 500, (name, response.status_code, response.text)
    assert not _ask(rw, f"ASK {{ <{EX}x> <{EX}y> ?o }}"), name


def test_dataset_conflict_names_the_problem(rw: httpx.Client) -> None:
    response = rw.post("/sparql", data={
        "update": f"WITH <{DATA[0]}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
        "using-named-graph-uri": DATA[1]})
    assert response.status_code == 400
    assert "WITH" in response.text
    assert _ask(rw, f"ASK {{ GRAPH <{DATA[0]}> {{ ?s ?p ?o }} }}")


def test_head_answers_like_get(ro: httpx.Client) -> None:
    get = ro.get("/sparql", params={"query": DOCS})
    head = ro.head("/sparql", params={"query": DOCS})
    assert head.status_code == get.status_code == 200
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["x-spkg-rows"] == get.headers["x-spkg-rows"] == "3"
    assert head.content == b""


def test_update_parameters_on_a_query_are_refused(ro: httpx.Client) -> None:
    response = ro.get("/sparql", params={"query": "ASK {}", "using-graph-uri": DATA[0]})
    assert response.status_code == 400
    assert "default-graph-uri" in response.text
