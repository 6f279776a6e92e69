"""Resource pages over real HTTP: HTML for browsers, RDF by Accept or suffix, safe by default."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from server.live import ESCAPE_IRI, ESCAPE_TRIG, LiveServer, fixture_quads

from spkg.server.app import ServerConfig

pytestmark = pytest.mark.server

MKE = URIRef("https://w3id.org/spkg/id/programme/mazdoor-ka-ehsaas")
SPKG = "https://w3id.org/spkg/ontology#"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    escape = tmp_path_factory.mktemp("escape") / "escape.trig"
    escape.write_text(ESCAPE_TRIG, encoding="utf-8")
    with LiveServer(fixture_quads([escape]), ServerConfig(timeout=5.0)) as live:
        yield live


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


def test_programme_page_shows_statements_and_sources(client: httpx.Client) -> None:
    response = client.get("/id/programme/mazdoor-ka-ehsaas", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<h1 id="label">Mazdoor Ka EHSAAS</h1>' in page
    # the organisation that adopted it links to its local page
    assert 'href="/id/organisation/government-of-pakistan"' in page
    # ontology terms link to local term pages
    assert 'href="/ontology/adoptedBy"' in page
    # the inferred type is marked as inferred
    assert "social protection intervention</a> <small" in page and "(inferred)" in page
    # the source sentence, with the extracted words marked
    assert ("The <mark>Government of Pakistan</mark> <mark>adopted</mark> the "
            "<mark>Mazdoor Ka EHSAAS</mark> (MKE) <mark>programme</mark> in March 2021.") in page


def test_incoming_links(client: httpx.Client) -> None:
    page = client.get("/id/organisation/government-of-pakistan").text
    assert 'href="/id/programme/mazdoor-ka-ehsaas"' in page
    assert "adopted by" in page


def test_class_page_lists_instances(client: httpx.Client) -> None:
    page = client.get("/ontology/Programme").text
    assert '<section id="instances">' in page
    assert 'href="/id/programme/mazdoor-ka-ehsaas"' in page


def test_home_lists_classes_documents_queries(client: httpx.Client) -> None:
    page = client.get("/").text
    assert 'href="/ontology/Programme"' in page
    assert 'href="/id/document/001-0844c7bbfea795f9"' in page
    assert "stored-query" in page


def test_ontology_page(client: httpx.Client) -> None:
    page = client.get("/ontology").text
    assert 'href="/ontology/Programme"' in page
    turtle = client.get("/ontology.ttl")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(SPKG + "Programme"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")
            ) in graph


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"),
])
def test_resource_conneg_by_accept(client: httpx.Client, accept: str, fmt: str) -> None:
    response = client.get("/id/programme/mazdoor-ka-ehsaas", headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["vary"] == "Accept"
    graph = Graph().parse(data=response.text, format=fmt)
    assert (MKE, RDFS.label, Literal("Mazdoor Ka EHSAAS", lang="en")) in graph
    assert (MKE, RDF.type, URIRef(SPKG + "Intervention")) in graph  # inferred, included


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".rdf", "xml"),
                                         (".jsonld", "json-ld")])
def test_resource_by_suffix(client: httpx.Client, server: LiveServer, suffix: str,
                            fmt: str) -> None:
    response = client.get(f"/id/programme/mazdoor-ka-ehsaas{suffix}")
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format=fmt,
                          publicID=f"{server.url}/id/programme/mazdoor-ka-ehsaas{suffix}")
    assert (MKE, URIRef(SPKG + "adoptedBy"),
            URIRef("https://w3id.org/spkg/id/organisation/government-of-pakistan")) in graph


def test_unknown_resource_is_a_404_page(client: httpx.Client) -> None:
    response = client.get("/id/programme/no-such-programme")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Nothing is known about https://w3id.org/spkg/id/programme/no-such-programme" in \
        response.text


def test_labels_and_literals_are_escaped(client: httpx.Client) -> None:
    page = client.get("/id/programme/escape-test").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt;" in page
    assert "a &amp; b &lt;img src=x onerror=alert(1)&gt;" in page
    # and on the class page that lists it
    assert "<script>alert" not in client.get("/ontology/Programme").text
    assert ESCAPE_IRI.endswith("escape-test")


def _raw_get(server: LiveServer, target: str) -> tuple[int, str]:
    """Send a request line exactly as written (httpx would normalise '..')."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                     .encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    text = data.decode("utf-8", "replace")
    return int(text.split(" ", 2)[1]), text


@pytest.mark.parametrize("target", [
    "/id/../../etc/passwd",
    "/id/%2e%2e/%2e%2e/etc/passwd",
    "/id/..%2f..%2fetc%2fpasswd",
    "/id/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/id/programme/..%5c..%5cetc%5cpasswd",
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/ontology/..%2f..%2fetc%2fpasswd",
])
def test_path_traversal_is_refused(server: LiveServer, target: str) -> None:
    status, text = _raw_get(server, target)
    assert status in (400, 404)
    assert "root:" not in text
    assert Path("/etc/passwd").exists()  # the file exists: the refusal is not an accident


def test_query_page_works_without_or_with_yasgui(client: httpx.Client) -> None:
    page = client.get("/sparql", headers={"Accept": "text/html"}).text
    assert 'class="stored-query"' in page
    assert ("/static/yasgui/yasgui.min.js" in page) or ('id="fallback-note"' in page)
    assert client.get("/static/query.js").status_code == 200
