"""SPARQL 1.1 Protocol over real HTTP: a uvicorn server on 127.0.0.1, an httpx client."""

from __future__ import annotations

import csv
import io
import json
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Dataset, Graph
from server.live import LiveServer, fixture_quads

from spkg.server.app import ServerConfig

pytestmark = pytest.mark.server

PREFIX = "PREFIX spkg: <https://w3id.org/spkg/ontology#>\n" \
         "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
PROGRAMMES = PREFIX + "SELECT ?p ?label WHERE { ?p a spkg:Programme ; rdfs:label ?label }"
MKE = "https://w3id.org/spkg/id/programme/mazdoor-ka-ehsaas"
# Cross product of three triple patterns over ~10k triples: far longer than the timeout.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MAX_ROWS = 50


# Test-only data: one triple in two named graphs.
TWICE = """
<http://example.org/g1> { <http://example.org/s> <http://example.org/p> "twice" . }
<http://example.org/g2> { <http://example.org/s> <http://example.org/p> "twice" . }
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    twice = tmp_path_factory.mktemp("data") / "twice.trig"
    twice.write_text(TWICE, encoding="utf-8")
    config = ServerConfig(timeout=2.0, max_rows=MAX_ROWS, max_body=20_000)
    with LiveServer(fixture_quads([twice]), config) as live:
        yield live


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


def _bindings(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def test_get_query(client: httpx.Client) -> None:
    rows = _bindings(client.get("/sparql", params={"query": PROGRAMMES},
                                headers={"Accept": "application/sparql-results+json"}))
    assert [r["p"]["value"] for r in rows] == [MKE]
    assert rows[0]["label"] == {"type": "literal", "value": "Mazdoor Ka EHSAAS", "xml:lang": "en"}


def test_post_form_query(client: httpx.Client) -> None:
    rows = _bindings(client.post("/sparql", data={"query": PROGRAMMES}))
    assert [r["p"]["value"] for r in rows] == [MKE]


def test_post_direct_query(client: httpx.Client) -> None:
    response = client.post("/sparql", content=PROGRAMMES.encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert [r["p"]["value"] for r in _bindings(response)] == [MKE]


def test_default_graph_is_the_union(client: httpx.Client) -> None:
    # rdf:type Intervention is only in the inferred graph, rdfs:label only in the document graph
    query = PREFIX + "SELECT ?l WHERE { ?p a spkg:Intervention ; rdfs:label ?l }"
    assert any(r["l"]["value"] == "Mazdoor Ka EHSAAS"
               for r in _bindings(client.get("/sparql", params={"query": query})))


def test_default_graph_is_a_merge_not_a_bag(client: httpx.Client) -> None:
    query = "SELECT ?o WHERE { <http://example.org/s> <http://example.org/p> ?o }"
    assert len(_bindings(client.get("/sparql", params={"query": query}))) == 1
    per_graph = "SELECT ?g WHERE { GRAPH ?g { <http://example.org/s> ?p ?o } }"
    assert len(_bindings(client.get("/sparql", params={"query": per_graph}))) == 2


def test_default_graph_uri_parameter(client: httpx.Client) -> None:
    query = PREFIX + "ASK { ?p a spkg:Intervention }"
    inferred = client.get("/sparql", params={
        "query": query, "default-graph-uri": "https://w3id.org/spkg/graph/inferred"})
    reference = client.get("/sparql", params={
        "query": query, "default-graph-uri": "https://w3id.org/spkg/graph/reference"})
    assert inferred.json()["boolean"] is True
    assert reference.json()["boolean"] is False


@pytest.mark.parametrize("accept, media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
])
def test_select_content_negotiation(client: httpx.Client, accept: str, media: str) -> None:
    response = client.get("/sparql", params={"query": PROGRAMMES}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    body = response.text
    if media.endswith("json"):
        assert response.json()["results"]["bindings"][0]["p"]["value"] == MKE
    elif media.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(body)
        assert root.find(".//r:binding[@name='p']/r:uri", ns).text == MKE
        assert root.find(".//r:binding[@name='label']/r:literal", ns).get(
            "{http://www.w3.org/XML/1998/namespace}lang") == "en"
    elif media == "text/csv":
        assert list(csv.reader(io.StringIO(body))) == [["p", "label"], [MKE, "Mazdoor Ka EHSAAS"]]
    else:
        assert body.splitlines() == ["?p\t?label", f'<{MKE}>\t"Mazdoor Ka EHSAAS"@en']


@pytest.mark.parametrize("accept", ["application/sparql-results+json",
                                    "application/sparql-results+xml"])
def test_ask(client: httpx.Client, accept: str) -> None:
    response = client.get("/sparql", params={"query": PREFIX + "ASK { ?x a spkg:Programme }"},
                          headers={"Accept": accept})
    assert response.status_code == 200
    assert ("true" in response.text) and response.headers["content-type"].startswith(accept)


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", None),
    ("application/rdf+xml", "xml"),
    ("application/trig", "trig"),
    ("application/n-quads", "nquads"),
])
def test_construct_content_negotiation(client: httpx.Client, accept: str,
                                       rdflib_format: str | None) -> None:
    query = PREFIX + "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a spkg:Programme ; rdfs:label ?l }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(accept)
    if rdflib_format is None:  # JSON-LD refers to /context.jsonld on the same server
        document = response.json()
        context = client.get(document["@context"]).json()
        document["@context"] = context["@context"]
        graph = Graph().parse(data=json.dumps(document), format="json-ld")
    elif rdflib_format in ("trig", "nquads"):
        graph = Dataset().parse(data=response.text, format=rdflib_format)
    else:
        graph = Graph().parse(data=response.text, format=rdflib_format)
    labels = {str(o) for o in graph.objects()}
    assert labels == {"Mazdoor Ka EHSAAS"}


def test_describe(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": f"DESCRIBE <{MKE}>"},
                          headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    assert len(graph) >= 3


def test_malformed_query_is_400_with_the_parser_message(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELEC ?x WHERE { ?x ?y ?z }"})
    assert response.status_code == 400
    assert "syntax error" in response.text and "SELEC" in response.text


def test_unknown_prefix_is_400(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x a nope:Thing }"})
    assert response.status_code == 400


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { { service <http://example.org/sparql> { ?s ?p ?o } } }",
])
def test_service_is_refused(client: httpx.Client, query: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert "SERVICE" in response.text


def test_silent_service_answers_nothing(client: httpx.Client) -> None:
    query = ("select * where { optional { service silent <http://example.org/sparql> "
             "{ ?s ?p ?o } } }")
    response = client.get("/sparql", params={"query": query})
    assert all(not row for row in _bindings(response))


def test_service_to_an_unbound_variable_is_400(client: httpx.Client) -> None:
    query = "SELECT * WHERE { ?s ?p ?o . { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?q ?r } } } }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400 and "service" in response.text


def test_service_in_a_string_is_not_federation(client: httpx.Client) -> None:
    query = 'SELECT ?s WHERE { ?s ?p "SERVICE <http://example.org/>" } # SERVICE <x> { }'
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert _bindings(response) == []


def test_update_is_refused_by_default(client: httpx.Client) -> None:
    insert = "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }"
    form = client.post("/sparql", data={"update": insert})
    direct = client.post("/sparql", content=insert.encode(),
                         headers={"Content-Type": "application/sparql-update"})
    assert form.status_code == direct.status_code == 403
    ask = client.get("/sparql", params={"query": "ASK { <http://example.org/a> ?p ?o }"})
    assert ask.json()["boolean"] is False


def test_timeout_is_503_and_the_server_goes_on(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": SLOW})
    assert response.status_code == 503
    assert "timeout" in response.text and "2 s" in response.text
    after = client.get("/sparql", params={"query": PROGRAMMES})
    assert after.status_code == 200


def test_row_limit_truncates_and_says_so(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.headers["X-SPKG-Truncated"] == "true"
    assert response.headers["X-SPKG-Row-Limit"] == str(MAX_ROWS)
    assert len(response.json()["results"]["bindings"]) == MAX_ROWS
    assert response.json()["truncated"] is True
    small = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"})
    assert "X-SPKG-Truncated" not in small.headers and "truncated" not in small.json()


def test_construct_row_limit(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                          headers={"Accept": "application/n-triples"})
    assert response.headers["X-SPKG-Truncated"] == "true"
    assert len(response.text.strip().splitlines()) == MAX_ROWS


def test_body_size_limit_is_413(client: httpx.Client) -> None:
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30_000
    response = client.post("/sparql", content=huge.encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_unsupported_content_type_is_415(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"SELECT * {}", headers={"Content-Type": "text/x"})
    assert response.status_code == 415


def test_unacceptable_accept_is_406(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": PROGRAMMES}, headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_query_and_update_together_is_400(client: httpx.Client) -> None:
    response = client.post("/sparql", data={"query": PROGRAMMES, "update": "CLEAR ALL"})
    assert response.status_code == 400


def test_access_log_is_one_json_line_per_request(client: httpx.Client,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    import time

    with caplog.at_level(logging.INFO, logger="spkg.access"):
        client.get("/sparql", params={"query": PROGRAMMES})
        # the line is written after the last byte is sent, so it may trail the response
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
                r.name == "spkg.access" for r in caplog.records):
            time.sleep(0.02)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "spkg.access"]
    assert lines, "no access log line"
    entry = lines[-1]
    assert entry["method"] == "GET" and entry["path"] == "/sparql"
    assert entry["status"] == 200 and entry["rows"] == 1 and entry["duration_ms"] >= 0


def test_updates_when_allowed_reach_every_worker() -> None:
    config = ServerConfig(timeout=5.0, allow_update=True, workers=2)
    with LiveServer(fixture_quads(), config) as live, httpx.Client(base_url=live.url) as http:
        insert = "INSERT DATA { <http://example.org/a> <http://example.org/b> 42 }"
        assert http.post("/sparql", data={"update": insert}).status_code == 204
        ask = "ASK { <http://example.org/a> <http://example.org/b> 42 }"
        answers = {http.get("/sparql", params={"query": ask}).json()["boolean"] for _ in range(6)}
        assert answers == {True}
        load = http.post("/sparql", content=b"LOAD <http://example.org/data.ttl>",
                         headers={"Content-Type": "application/sparql-update"})
        assert load.status_code == 403 and "LOAD" in load.text


def test_a_slow_query_does_not_block_others(client: httpx.Client, server: LiveServer) -> None:
    import threading
    import time

    slow_status: list[int] = []

    def slow() -> None:
        with httpx.Client(base_url=server.url, timeout=30) as other:
            slow_status.append(other.get("/sparql", params={"query": SLOW}).status_code)

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)  # the slow query is now running in a worker
    started = time.monotonic()
    fast = client.get("/sparql", params={"query": PROGRAMMES})
    took = time.monotonic() - started
    thread.join(timeout=30)
    assert fast.status_code == 200 and took < 1.5, took
    assert slow_status == [503]


@pytest.mark.parametrize("path", ["/ontology", "/ontology/0.1.0"])
@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
    ("application/n-triples", "nt"), ("application/ld+json", "json-ld")])
def test_ontology_and_its_version_iri_negotiate(client: httpx.Client, path: str, accept: str,
                                                fmt: str) -> None:
    from rdflib import OWL, RDF, URIRef

    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.content, format=fmt, publicID=str(response.url))
    onto = URIRef("https://w3id.org/spkg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert (onto, OWL.versionIRI, URIRef("https://w3id.org/spkg/ontology/0.1.0")) in graph
    page = client.get(path, headers={"Accept": "text/html,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_other_versions_are_not_found(client: httpx.Client) -> None:
    assert client.get("/ontology/9.9.9", headers={"Accept": "text/turtle"}).status_code == 404
