"""SERVICE and LOAD cannot reach the network, however the text is dressed up.

A tiny HTTP server on loopback plays the remote service and records every request it gets.
The endpoint's query workers run under a seccomp filter (no network sockets), so no trick
of syntax can make them call it: the answer is 403 (400 where the engine refuses the text),
or an empty answer for SILENT, and the service is never contacted. A control server run
without the filter shows the same requests do reach the service there.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from server.live import FIXTURE, LiveServer, fixture_quads
from server.service import Service

from spkg.server import sandbox
from spkg.server.app import ServerConfig

pytestmark = [pytest.mark.server,
              pytest.mark.skipif(not sandbox.available(), reason="needs seccomp")]

@pytest.fixture(scope="module")
def service() -> Iterator[Service]:
    remote = Service()
    yield remote
    remote.close()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[LiveServer]:
    config = ServerConfig(timeout=5.0, allow_update=True, workers=2)
    with LiveServer(fixture_quads(), config) as live:
        yield live


def queries(url: str) -> list[str]:
    """Ways to say SERVICE <url> that two SPARQL parsers may read differently."""
    s = f"<{url}/sparql>"
    return [
        f"SELECT * WHERE {{ SERVICE {s} {{ ?s ?p ?o }} }}",
        f"SELECT ?s {{#\rSERVICE {s} {{ ?s ?p ?o }}\n}}",  # a comment ended by a bare CR
        f"SELECT ?s {{#\r\nSERVICE {s} {{ ?s ?p ?o }}\n}}",
        f"SELECT ?s {{#\u2028SERVICE {s} {{ ?s ?p ?o }}\n}}",
        f'SELECT * {{ ?s ?p "\\u0022 }} SERVICE {s} {{ ?s ?p ?o }} {{ ?s ?p \\u0022" }}',
        f'SELECT * {{ BIND("\\u0022" AS ?q) SERVICE {s} {{ ?s ?p ?o }} }}',
        f"SELECT * {{ \\u0053ERVICE {s} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE <{url}/\\u0073parql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service {s} {{ ?s ?p ?o }} }}",
        f"SeLeCt * {{ SeRvIcE {s} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE SILENT {s} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ OPTIONAL {{ SERVICE {s} {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ {{ SELECT * {{ SERVICE {s} {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * {{ GRAPH ?g {{ ?x ?y ?z }} SERVICE {s} {{ ?s ?p ?o }} }} LIMIT 1",
        f"SELECT * {{ {{ ?a ?b ?c }} UNION {{ SERVICE {s} {{ ?s ?p ?o }} }} }} LIMIT 5",
        f"SELECT * {{ ?a ?b ?c MINUS {{ SERVICE {s} {{ ?a ?b ?c }} }} }} LIMIT 1",
        f"SELECT * {{ ?a ?b ?c FILTER EXISTS {{ SERVICE {s} {{ ?s ?p ?o }} }} }} LIMIT 1",
        f"SELECT * {{ VALUES ?e {{ {s} }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"BASE <{url}/> SELECT * {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{url}/> SELECT * {{ SERVICE r:sparql {{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE {s} {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {s} {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE {s} {{ ?s ?p ?o }} }}",
    ]


def updates(url: str) -> list[str]:
    data = f"<{url}/data.ttl>"
    return [
        f"LOAD {data}",
        f"LOAD SILENT {data}",
        f"LOAD {data} INTO GRAPH <http://example.org/g>",
        f"load silent {data} into graph <http://example.org/g>",
        f"\\u004cOAD {data}",
        f"#\rLOAD {data}",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"INSERT DATA {{ <http://example.org/a> <http://example.org/b> 1 }} ; LOAD {data}",
        "LOAD <file:///etc/passwd>",
        f"LOAD <file://{FIXTURE}> INTO GRAPH <http://example.org/fileload>",
    ]


def _is_refused_or_empty(response: httpx.Response) -> bool:
    if response.status_code in (400, 403):
        return True
    return response.status_code == 200 and "leak" not in response.text


def test_the_service_answers_when_asked_directly(service: Service) -> None:
    before = len(service.hits)
    assert httpx.get(f"{service.url}/sparql").status_code == 200
    assert len(service.hits) == before + 1


@pytest.mark.parametrize("index", range(len(queries("x"))))
def test_no_query_reaches_the_service(service: Service, endpoint: LiveServer,
                                      index: int) -> None:
    query = queries(service.url)[index]
    before = len(service.hits)
    response = httpx.post(f"{endpoint.url}/sparql", data={"query": query}, timeout=10)
    assert service.hits[before:] == [], f"contacted by {query!r}"
    assert _is_refused_or_empty(response), (response.status_code, response.text)


@pytest.mark.parametrize("index", range(len(updates("x"))))
def test_no_update_reaches_the_network(service: Service, endpoint: LiveServer,
                                       index: int) -> None:
    update = updates(service.url)[index]
    before = len(service.hits)
    response = httpx.post(f"{endpoint.url}/sparql", data={"update": update}, timeout=10)
    assert service.hits[before:] == [], f"contacted by {update!r}"
    assert response.status_code in (204, 400, 403), response.text
    if "SILENT" not in update.upper():
        assert response.status_code in (400, 403), response.text
    leaked = httpx.get(f"{endpoint.url}/sparql", params={
        "query": 'ASK { { ?s ?p "leaked" } UNION { GRAPH <http://example.org/fileload> '
                 '{ ?s ?p ?o } } }'}, timeout=10)
    assert leaked.json()["boolean"] is False


def test_plain_service_and_load_say_why(service: Service, endpoint: LiveServer) -> None:
    query = httpx.get(f"{endpoint.url}/sparql", timeout=10, params={
        "query": f"SELECT * {{ SERVICE <{service.url}/sparql> {{ ?s ?p ?o }} }}"})
    load = httpx.post(f"{endpoint.url}/sparql", data={"update": f"LOAD <{service.url}/d.ttl>"},
                      timeout=10)
    for response in (query, load):
        assert response.status_code == 403
        assert "SERVICE and LOAD" in response.text


def test_without_the_filter_the_bare_cr_trick_does_reach_the_service(service: Service) -> None:
    """The control: pyoxigraph itself does federate, so the tests above can fail."""
    config = ServerConfig(timeout=5.0, workers=1, sandbox=False)
    with LiveServer(fixture_quads(), config) as live:
        before = len(service.hits)
        response = httpx.post(f"{live.url}/sparql", data={"query": queries(service.url)[1]},
                              timeout=10)
    assert len(service.hits) > before
    assert "leak.example" in response.text


SANDBOXED = """
import os, socket, sys, tempfile
import pyoxigraph as ox
from spkg.server.sandbox import deny_network
folder = tempfile.mkdtemp()
ox.Store(folder + "/s").add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"),
                                    ox.NamedNode("http://c")))
deny_network()
for family, kind in [(socket.AF_INET, socket.SOCK_STREAM), (socket.AF_INET6, socket.SOCK_STREAM),
                     (socket.AF_INET, socket.SOCK_DGRAM), (socket.AF_PACKET, socket.SOCK_RAW)]:
    try:
        socket.socket(family, kind)
    except PermissionError:
        pass
    else:
        sys.exit("a network socket was created")
left, right = socket.socketpair()
left.sendall(b"ping")
assert right.recv(4) == b"ping"
reader, writer = os.pipe()
os.write(writer, b"x")
assert os.read(reader, 1) == b"x"
with open(folder + "/file", "w") as handle:
    handle.write("files still work")
store = ox.Store.read_only(folder + "/s")
assert len(list(store.quads_for_pattern(None, None, None))) == 1
print("sandboxed")
"""


def test_the_filter_denies_network_sockets_only() -> None:
    done = subprocess.run([sys.executable, "-c", SANDBOXED], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "sandboxed"


def test_no_filter_no_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where seccomp is missing the server refuses to start unless told otherwise."""
    from spkg.errors import SpkgError
    from spkg.server.app import build_state

    monkeypatch.setattr(sandbox, "available", lambda: False)
    with pytest.raises(SpkgError, match="seccomp"):
        build_state(fixture_quads(), ServerConfig())
