"""Cross-site updates, DNS rebinding and the security headers (issue 18, finding 3).

A web page on another origin could make a browser POST ``update=DROP ALL`` to a local
endpoint started with --allow-update; a rebinding DNS name could read it. Here: foreign
Origin/Referer refused, unknown Host names refused, a token when one is set, and the
headers that keep the pages from being framed or sniffed on every response.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from server.live import LiveServer, fixture_quads

from spkg.server.app import ServerConfig
from spkg.server.guard import allowed_hosts, host_name, is_loopback

pytestmark = pytest.mark.server

ASK = "ASK { GRAPH ?g { ?s ?p ?o } }"
INSERT = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> " \
         "<http://example.org/b> 1 } }"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    config = ServerConfig(timeout=5.0, allow_update=True, workers=1)
    with LiveServer(fixture_quads(), config) as live:
        yield live


@pytest.fixture(scope="module")
def tokened() -> Iterator[LiveServer]:
    config = ServerConfig(timeout=5.0, allow_update=True, workers=1, update_token=TOKEN)
    with LiveServer(fixture_quads(), config) as live:
        yield live


def _still_has_data(server: LiveServer) -> bool:
    response = httpx.get(f"{server.url}/sparql", params={"query": ASK}, timeout=10)
    return bool(response.json()["boolean"])


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:1"},  # same host, another port: another origin
    {"Referer": "http://evil.example/page.html"},
])
def test_a_foreign_page_cannot_update(server: LiveServer, headers: dict[str, str]) -> None:
    response = httpx.post(f"{server.url}/sparql", data={"update": "DROP ALL"}, headers=headers,
                          timeout=10)
    assert response.status_code == 403 and "own pages" in response.text
    assert _still_has_data(server)


def test_the_same_origin_and_scripts_can_update(server: LiveServer) -> None:
    same = httpx.post(f"{server.url}/sparql", data={"update": INSERT},
                      headers={"Origin": server.url, "Referer": f"{server.url}/sparql"},
                      timeout=10)
    script = httpx.post(f"{server.url}/sparql", content=INSERT.encode(), timeout=10,
                        headers={"Content-Type": "application/sparql-update"})
    assert same.status_code == script.status_code == 204


def test_a_foreign_page_may_still_query(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/sparql", data={"query": ASK}, timeout=10,
                          headers={"Origin": "http://evil.example"})
    assert response.status_code == 200  # a query changes nothing; no CORS lets it be read


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.2",
                                  "rebind.attacker.test"])
def test_unknown_host_names_are_refused(server: LiveServer, host: str) -> None:
    for path, params in (("/", None), ("/sparql", {"query": ASK})):
        response = httpx.get(f"{server.url}{path}", params=params, headers={"Host": host},
                             timeout=10)
        assert response.status_code == 400 and "--allow-host" in response.text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_loopback_host_names_are_served(server: LiveServer, host: str) -> None:
    response = httpx.get(f"{server.url}/", headers={"Host": f"{host}:{server.port}"},
                         timeout=10)
    assert response.status_code == 200


def test_updates_need_the_token_when_one_is_set(tokened: LiveServer) -> None:
    url = f"{tokened.url}/sparql"
    missing = httpx.post(url, data={"update": "DROP ALL"}, timeout=10)
    wrong = httpx.post(url, data={"update": "DROP ALL"}, timeout=10,
                       headers={"Authorization": "Bearer nope"})
    assert missing.status_code == wrong.status_code == 401
    assert _still_has_data(tokened)
    right = httpx.post(url, data={"update": INSERT}, timeout=10,
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 204


@pytest.mark.parametrize("path", ["/", "/sparql", "/sparql?query=ASK%7B%7D", "/nope",
                                  "/static/style.css", "/ontology", "/context.jsonld"])
def test_security_headers_on_every_response(server: LiveServer, path: str) -> None:
    response = httpx.get(f"{server.url}{path}", timeout=10)
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"


def test_refusals_carry_the_headers_too(server: LiveServer) -> None:
    response = httpx.get(f"{server.url}/", headers={"Host": "evil.example"}, timeout=10)
    assert response.headers["x-frame-options"] == "DENY"


def test_host_rules() -> None:
    assert host_name("Example.org:8000") == "example.org"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"
    assert is_loopback("127.0.0.5") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    hosts = allowed_hosts("0.0.0.0", ["data.example.org"])
    assert {"0.0.0.0", "localhost", "127.0.0.1", "::1", "data.example.org"} <= hosts
