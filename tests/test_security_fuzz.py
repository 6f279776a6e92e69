"""Fuzz the query and update endpoint: text stitched from SPARQL fragments, federation and
escape tricks, and arbitrary characters. Whatever comes in, the endpoint never fails with a
server error (a 503 is only ever a timeout), never contacts the loopback 'remote' service,
and answers within its deadline.

The suite runs a bounded number of examples; a release check runs many more:
SPKG_FUZZ_EXAMPLES=5000 pytest tests/test_security_fuzz.py (see docs/security.md).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server.live import LiveServer, fixture_quads
from server.service import Service

from spkg.server import sandbox
from spkg.server.app import ServerConfig

pytestmark = [pytest.mark.server,
              pytest.mark.skipif(not sandbox.available(), reason="needs seccomp")]

EXAMPLES = int(os.environ.get("SPKG_FUZZ_EXAMPLES", "60"))
TIMEOUT = 2.0
SLACK = 3.0  # replacing a killed worker, and a loaded machine
REMOTE = "http://127.0.0.1:{port}/"

FRAGMENTS = [
    "SELECT", "select", "ASK", "CONSTRUCT", "DESCRIBE", "*", "?s", "?p", "?o", "?x", "WHERE",
    "{", "}", "(", ")", ".", ";", ",", "OPTIONAL", "UNION", "MINUS", "FILTER", "EXISTS",
    "NOT", "GRAPH", "VALUES", "BIND", "AS", "LIMIT 3", "ORDER BY", "GROUP BY", "COUNT(*)",
    "SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "SILENT", "LOAD", "load", "\\u004cOAD",
    "INTO GRAPH", "INSERT", "DELETE", "DATA", "WHERE", "CLEAR", "DROP", "ALL", "DEFAULT",
    "NAMED", "BASE", "PREFIX r:", "r:x", "#", "\r", "\n", "\r\n", "\u2028", "\t", '"',
    "'", '"""', "\\u0022", "\\u0027", "\\", "<", ">", "<{remote}sparql>", "<{remote}d.ttl>",
    "<sparql>", "<http://example.org/a>", "1", "1e9", '"x"@en', "a", "^^", "_:b",
    "CONCAT(?o, ?o)", "STR(?s)", "REGEX(?o, \"(a+)+$\")", "?s ?p ?o .", "{ ?s ?p ?o }",
]


def texts(remote: str) -> st.SearchStrategy[str]:
    fragment = st.sampled_from(FRAGMENTS).map(lambda f: f.replace("{remote}", remote))
    noise = st.text(max_size=6)
    return st.lists(st.one_of(fragment, fragment, noise), max_size=24).map(" ".join)


@pytest.fixture(scope="module")
def service() -> Iterator[Service]:
    remote = Service()
    yield remote
    remote.close()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[LiveServer]:
    config = ServerConfig(timeout=TIMEOUT, allow_update=True, workers=2, max_rows=100,
                          max_answer=100_000)
    with LiveServer(fixture_quads(), config) as live:
        yield live


def _check(endpoint: LiveServer, service: Service, field: str, text: str) -> None:
    before = len(service.hits)
    started = time.monotonic()
    response = httpx.post(f"{endpoint.url}/sparql", data={field: text}, timeout=60)
    took = time.monotonic() - started
    assert service.hits[before:] == [], f"{text!r} reached the network"
    assert response.status_code < 500 or (
        response.status_code == 503 and "timeout" in response.text), (text, response.text)
    assert took < TIMEOUT + SLACK, (text, took)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_queries(endpoint: LiveServer, service: Service, data: st.DataObject) -> None:
    _check(endpoint, service, "query", data.draw(texts(service.url + "/")))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_updates(endpoint: LiveServer, service: Service, data: st.DataObject) -> None:
    _check(endpoint, service, "update", data.draw(texts(service.url + "/")))
