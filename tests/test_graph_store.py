"""The SPARQL 1.1 Graph Store HTTP Protocol and the Service Description at /sparql, over
real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from server.live import LiveServer, fixture_quads

from spkg.server.app import ServerConfig

pytestmark = pytest.mark.server

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
SERVICE = Namespace("https://w3id.org/spkg/service#")
EX = "http://example.org/gsp/"
ONTOLOGY_GRAPH = "https://w3id.org/spkg/graph/ontology"
TURTLE = "@prefix ex: <http://example.org/gsp/> . ex:a ex:b 'one', 'two' ."


@pytest.fixture(scope="module")
def ro() -> Iterator[httpx.Client]:
    with LiveServer(fixture_quads(), ServerConfig(timeout=10.0, max_rows=123)) as live, \
            httpx.Client(base_url=live.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def rw() -> Iterator[httpx.Client]:
    config = ServerConfig(timeout=10.0, allow_update=True, update_token="sesame")
    with LiveServer(fixture_quads(), config) as live, \
            httpx.Client(base_url=live.url, timeout=30,
                         headers={"Authorization": "Bearer sesame"}) as client:
        yield client


def _parse(response: httpx.Response, fmt: str) -> Graph:
    assert response.status_code == 200, response.text
    # The JSON-LD names its context relative to the server: resolve it against the URL.
    return Graph().parse(data=response.content, format=fmt, publicID=str(response.url))


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")])
def test_service_description(ro: httpx.Client, accept: str, fmt: str) -> None:
    response = ro.get("/sparql", headers={"Accept": accept})
    assert response.headers["content-type"].startswith(accept)
    graph = _parse(response, fmt)
    endpoint = URIRef(str(ro.base_url).rstrip("/") + "/sparql")
    assert (endpoint, RDF.type, SD.Service) in graph
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert set(graph.objects(endpoint, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in set(
        graph.objects(endpoint, SD.resultFormat))
    assert graph.value(endpoint, SERVICE.maxResultRows) == Literal(123)
    names = {graph.value(named, SD.name): graph.value(graph.value(named, SD.graph), VOID.triples)
             for named in graph.objects(None, SD.namedGraph)}
    assert int(str(names[URIRef(ONTOLOGY_GRAPH)])) > 100


def test_service_description_names_update_when_allowed(rw: httpx.Client) -> None:
    graph = _parse(rw.get("/sparql", headers={"Accept": "text/turtle"}), "turtle")
    assert SD.SPARQL11Update in set(graph.objects(None, SD.supportedLanguage))


def test_browsers_still_get_the_query_page(ro: httpx.Client) -> None:
    response = ro.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")])
def test_get_a_named_graph(ro: httpx.Client, accept: str, fmt: str) -> None:
    response = ro.get("/sparql", params={"graph": ONTOLOGY_GRAPH}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith(accept)
    graph = _parse(response, fmt)
    # The ontology graph is over --max-rows (123 here): cut there, and said.
    assert len(graph) == int(response.headers["x-spkg-rows"]) == 123
    assert response.headers["x-spkg-truncated"] == "true"
    assert any(str(s).startswith("https://w3id.org/spkg/ontology#") for s in graph.subjects())
    head = ro.head("/sparql", params={"graph": ONTOLOGY_GRAPH}, headers={"Accept": accept})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == response.headers["content-type"]


def test_default_graph_and_unknown_graph(ro: httpx.Client) -> None:
    default = ro.get("/sparql", params={"default": ""}, headers={"Accept": "text/turtle"})
    assert int(default.headers["x-spkg-rows"]) == 123  # capped at --max-rows, and flagged
    assert default.headers["x-spkg-truncated"] == "true"
    assert ro.get("/sparql", params={"graph": f"{EX}nothing"}).status_code == 404
    assert ro.get("/sparql", params={"graph": "not an iri"}).status_code == 400
    assert ro.get("/sparql", params=[("graph", EX), ("default", "")]).status_code == 400


def test_writes_refused_on_a_read_only_endpoint(ro: httpx.Client) -> None:
    response = ro.put("/sparql", params={"graph": f"{EX}g"}, content=TURTLE.encode(),
                      headers={"Content-Type": "text/turtle"})
    assert response.status_code == 403
    assert ro.get("/sparql", params={"graph": f"{EX}g"}).status_code == 404


def test_put_post_delete(rw: httpx.Client) -> None:
    graph = {"graph": f"{EX}g"}
    nt = {"Accept": "application/n-triples"}
    created = rw.put("/sparql", params=graph, content=TURTLE.encode(),
                     headers={"Content-Type": "text/turtle"})
    assert created.status_code == 201, created.text
    assert len(_parse(rw.get("/sparql", params=graph, headers=nt), "nt")) == 2
    replaced = rw.put("/sparql", params=graph, headers={"Content-Type": "application/n-triples"},
                      content=f'<{EX}a> <{EX}b> "three" .'.encode())
    assert replaced.status_code == 204
    assert len(_parse(rw.get("/sparql", params=graph, headers=nt), "nt")) == 1
    added = rw.post("/sparql", params=graph, content=TURTLE.encode(),
                    headers={"Content-Type": "text/turtle"})
    assert added.status_code == 204
    assert len(_parse(rw.get("/sparql", params=graph, headers=nt), "nt")) == 3
    bad = rw.post("/sparql", params=graph, content=b"<a> <b", headers={
        "Content-Type": "text/turtle"})
    assert bad.status_code == 400
    assert rw.delete("/sparql", params=graph).status_code == 204
    assert rw.get("/sparql", params=graph).status_code == 404
    assert rw.delete("/sparql", params=graph).status_code == 404


def test_writes_follow_the_update_rules(rw: httpx.Client) -> None:
    target = {"graph": f"{EX}guarded"}
    no_token = rw.put("/sparql", params=target, content=TURTLE.encode(),
                      headers={"Content-Type": "text/turtle", "Authorization": ""})
    assert no_token.status_code == 401
    foreign = rw.put("/sparql", params=target, content=TURTLE.encode(),
                     headers={"Content-Type": "text/turtle", "Origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert rw.get("/sparql", params=target).status_code == 404
