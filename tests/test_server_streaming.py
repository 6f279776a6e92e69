"""Large answers are streamed as the worker writes them, under the same caps and deadline;
repeated queries are answered from the answer cache until the data changes (issue 18,
items 2 and 9)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from server.live import LiveServer, fixture_quads

from spkg.server.answer_cache import deterministic
from spkg.server.state import ServerConfig

pytestmark = pytest.mark.server

STREAM_AFTER = 16_384
MAX_ANSWER = 3_000_000
# Every (s, p, o) with a 500-character string: about 6 MB in all, cut at MAX_ANSWER.
WIDE = ('SELECT ?s ?long WHERE { ?s ?p ?o BIND(CONCAT(STR(?o), "' + "x" * 500
        + '") AS ?long) }')
WIDE_CONSTRUCT = ('CONSTRUCT { ?s <http://example.org/long> ?long } WHERE { ?s ?p ?o '
                  'BIND(CONCAT(STR(?o), "' + "y" * 500 + '") AS ?long) }')
SMALL = "SELECT ?s WHERE { ?s a ?type } LIMIT 3"


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    config = ServerConfig(timeout=20.0, max_rows=1_000_000, max_answer=MAX_ANSWER,
                          stream_after=STREAM_AFTER, workers=2)
    with LiveServer(fixture_quads(), config) as live:
        yield live


def _stream(server: LiveServer, query: str, accept: str) -> tuple[httpx.Response, bytes,
                                                                     list[float]]:
    """The response, its body, and when each chunk arrived (s after the request)."""
    arrivals: list[float] = []
    parts: list[bytes] = []
    started = time.perf_counter()
    with httpx.stream("POST", f"{server.url}/sparql", data={"query": query},
                      headers={"Accept": accept}, timeout=60) as response:
        for part in response.iter_raw():
            arrivals.append(time.perf_counter() - started)
            parts.append(part)
    return response, b"".join(parts), arrivals


def test_a_small_answer_is_sent_whole(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/sparql", data={"query": SMALL}, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-length"] == str(len(response.content))
    assert "X-SPKG-Streamed" not in response.headers
    assert response.headers["X-SPKG-Rows"] == "3"


def test_a_large_answer_streams_and_the_byte_cap_holds(server: LiveServer) -> None:
    response, body, arrivals = _stream(server, WIDE, "application/sparql-results+json")
    assert response.status_code == 200
    assert response.headers["X-SPKG-Streamed"] == "true"
    assert response.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in response.headers
    assert response.headers["X-SPKG-Byte-Limit"] == str(MAX_ANSWER)
    # Cut cleanly at a row: a whole JSON document, saying it was cut, within the cap.
    assert MAX_ANSWER - 10_000 < len(body) <= MAX_ANSWER + 1_000
    document = json.loads(body)
    assert document["truncated"] is True and len(document["results"]["bindings"]) > 1000
    # The first bytes came long before the last: sent while the rest was being made.
    assert len(arrivals) > 10
    assert arrivals[0] < arrivals[-1] / 2, (arrivals[0], arrivals[-1])


@pytest.mark.parametrize(("accept", "marker"), [
    ("application/sparql-results+xml", b"<!-- truncated"),
    ("text/csv", b""),
    ("text/tab-separated-values", b""),
])
def test_every_results_format_streams_under_the_cap(server: LiveServer, accept: str,
                                                    marker: bytes) -> None:
    response, body, _ = _stream(server, WIDE, accept)
    assert response.status_code == 200 and response.headers["X-SPKG-Streamed"] == "true"
    assert len(body) <= MAX_ANSWER + 1_000
    assert marker in body
    if accept.endswith("xml"):
        assert body.rstrip().endswith(b"</sparql>")


def test_a_large_construct_streams_as_n_triples_under_the_cap(server: LiveServer) -> None:
    response, body, arrivals = _stream(server, WIDE_CONSTRUCT, "application/n-triples")
    assert response.status_code == 200 and response.headers["X-SPKG-Streamed"] == "true"
    assert len(body) <= MAX_ANSWER + 2_000
    lines = body.decode("utf-8").splitlines()
    assert lines[-1].startswith("# truncated")
    assert all(line.endswith(" .") for line in lines[:-1]) and len(lines) > 1000
    assert len(arrivals) > 10


def test_the_event_loop_answers_others_while_a_stream_is_read_slowly(
        server: LiveServer) -> None:
    """A client reading a large answer slowly holds one worker; the server still answers
    another query at once (the bytes are made in the worker, only waited for here)."""
    done = threading.Event()

    def slow_reader() -> None:
        with httpx.stream("POST", f"{server.url}/sparql", data={"query": WIDE},
                          timeout=60) as response:
            for _ in response.iter_raw(4096):
                time.sleep(0.01)
                if done.is_set():
                    break

    reader = threading.Thread(target=slow_reader)
    reader.start()
    try:
        time.sleep(0.5)
        started = time.perf_counter()
        response = httpx.post(f"{server.url}/sparql", data={"query": SMALL}, timeout=30)
        took = time.perf_counter() - started
        assert response.status_code == 200 and took < 2.0, took
    finally:
        done.set()
        reader.join(timeout=30)
    # The worker the abandoned stream held is replaced: queries still run on both.
    for _ in range(4):
        assert httpx.post(f"{server.url}/sparql", data={"query": SMALL},
                          timeout=30).status_code == 200


# -- the answer cache -------------------------------------------------------------------

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def cached() -> Iterator[LiveServer]:
    config = ServerConfig(timeout=10.0, workers=1, allow_update=True,
                          answer_cache=4_000_000)
    with LiveServer(fixture_quads(), config) as live:
        yield live


def _count(server: LiveServer) -> httpx.Response:
    response = httpx.post(f"{server.url}/sparql", data={"query": COUNT}, timeout=30)
    assert response.status_code == 200
    return response


def test_a_repeated_query_is_answered_from_the_cache(cached: LiveServer) -> None:
    first = _count(cached)
    second = _count(cached)
    assert "X-SPKG-Cache" not in first.headers
    assert second.headers["X-SPKG-Cache"] == "hit"
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    other = httpx.post(f"{cached.url}/sparql", data={"query": COUNT}, timeout=30,
                       headers={"Accept": "text/csv"})
    assert "X-SPKG-Cache" not in other.headers and other.text.startswith("n\r\n")


def test_an_update_invalidates_every_kept_answer(cached: LiveServer) -> None:
    before = int(_count(cached).json()["results"]["bindings"][0]["n"]["value"])
    assert _count(cached).headers.get("X-SPKG-Cache") == "hit"
    update = "INSERT DATA { <http://example.org/new> <http://example.org/p> 1 }"
    assert httpx.post(f"{cached.url}/sparql", data={"update": update},
                      timeout=30).status_code == 204
    after = _count(cached)
    assert "X-SPKG-Cache" not in after.headers
    assert int(after.json()["results"]["bindings"][0]["n"]["value"]) == before + 1


def test_answers_that_change_from_run_to_run_are_not_kept(cached: LiveServer) -> None:
    query = "SELECT (RAND() AS ?r) WHERE {}"
    answers = [httpx.post(f"{cached.url}/sparql", data={"query": query}, timeout=30)
               for _ in range(3)]
    assert all("X-SPKG-Cache" not in a.headers for a in answers)
    assert len({a.json()["results"]["bindings"][0]["r"]["value"] for a in answers}) == 3


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * { ?s ?p ?o }", True),
    ("SELECT (NOW() AS ?t) {}", False),
    ("SELECT (struuid () AS ?t) {}", False),
    ("SELECT (\\u0052AND() AS ?t) {}", False),  # an escape spelling RAND
    ("SELECT ?brand { ?s <http://example.org/brand> ?brand }", True),
])
def test_volatile_functions_are_found(query: str, expected: bool) -> None:
    assert deterministic(query) is expected


# -- a stream that cannot be finished -----------------------------------------------------

# Every pair of triples: far more rows than the worker can write before the deadline, and
# caps set so high that the deadline, not a cap, is what stops it.
PAIRS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


@pytest.fixture(scope="module")
def hurried() -> Iterator[LiveServer]:
    config = ServerConfig(timeout=1.5, max_rows=100_000_000, max_answer=2_000_000_000,
                          stream_after=STREAM_AFTER, workers=1)
    with LiveServer(fixture_quads(), config) as live:
        yield live


def test_a_stream_past_the_deadline_is_cut_not_ended(hurried: LiveServer) -> None:
    started = time.perf_counter()
    received = 0
    with httpx.stream("POST", f"{hurried.url}/sparql", data={"query": PAIRS},
                      timeout=30) as response:
        assert response.status_code == 200
        assert response.headers["X-SPKG-Streamed"] == "true"
        with pytest.raises(httpx.RemoteProtocolError):  # no final chunk: incomplete
            for part in response.iter_raw():
                received += len(part)
    took = time.perf_counter() - started
    assert received > STREAM_AFTER and took < 1.5 + 3.0, (received, took)
    # The worker that was cut off is replaced; the next query is answered.
    after = httpx.post(f"{hurried.url}/sparql", data={"query": SMALL}, timeout=30)
    assert after.status_code == 200 and len(after.json()["results"]["bindings"]) == 3


def test_the_cache_forgets_at_a_new_generation_and_keeps_to_its_budget() -> None:
    from spkg.server.answer_cache import AnswerCache, Cached

    cache = AnswerCache(budget=10_000, entry_limit=3_000)
    answer = Cached(b"x" * 2_000, ((b"content-type", b"text/csv"),))
    assert cache.get("g1", "a") is None
    cache.put("g1", "a", answer)
    assert cache.get("g1", "a") == answer
    cache.put("g0", "b", answer)  # computed on an older snapshot: never kept
    assert cache.get("g1", "b") is None
    cache.put("g1", "big", Cached(b"x" * 5_000, ()))  # over the entry limit
    assert cache.get("g1", "big") is None
    for key in "cdefgh":  # 2,200 bytes each against 10,000: the oldest go first
        cache.put("g1", key, answer)
    assert cache.get("g1", "a") is None and cache.get("g1", "h") == answer
    assert len(cache) == 4
    assert cache.get("g2", "h") is None and len(cache) == 0  # an update: all dropped
