"""A read-only `spkg serve` as a supervisor and its acceptors (spkg.server.acceptors), and
light queries answered in an acceptor itself (spkg.server.inline): the worker's answer byte
for byte, never for a query whose answer may change, never outside the network filter, and a
query that overruns there is answered 503 and its acceptor ended (then replaced)."""

from __future__ import annotations

import gc
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from server.live import FIXTURE, free_port

from spkg.server import inline, sandbox
from spkg.server.inline import InlineRunner

pytestmark = [pytest.mark.server]

LIGHT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5"
VOLATILE = "SELECT ?s (RAND() AS ?r) WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
HEADERS = {"Content-Type": "application/sparql-query",
           "Accept": "application/sparql-results+json"}


def _store(folder: Path) -> Path:
    path = folder / "store"
    store = ox.Store(str(path))
    store.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    gc.collect()  # closes RocksDB, so that it opens read-only
    return path


def _request(query: str) -> dict[str, object]:
    return {"query": query, "select_format": "json", "ask_format": "json",
            "graph_format": "ttl", "max_rows": 100, "max_bytes": 1_000_000,
            "stream_after": 100_000, "default_graphs": [], "named_graphs": [],
            "base_iri": None}


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return found


def _serve(port: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(FIXTURE),
         "--answer-cache", "0", *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_up(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "spkg serve exited early"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("spkg serve did not come up")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# -- the learning rules, in this (unfiltered) process -----------------------------------


def test_only_light_whole_deterministic_answers_are_learnt(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    runner = InlineRunner(str(_store(tmp_path)), union=True, timeout=5)
    light = {"seconds": 0.001, "body": b"{}"}
    runner.learn("light", LIGHT, light)
    runner.learn("heavy", LIGHT, {**light, "seconds": inline.LIGHT_SECONDS * 2})
    runner.learn("large", LIGHT, {**light, "body": b" " * (inline.MAX_BYTES + 1)})
    runner.learn("streamed", LIGHT, {"seconds": 0.001, "streamed": True})
    runner.learn("volatile", VOLATILE, light)
    runner.learn("waited", LIGHT, {**light, "wall": inline.LIGHT_WALL * 2})
    assert not sandbox.installed()
    assert not runner.knows("light")  # never run here while this process is unfiltered
    monkeypatch.setattr(sandbox, "installed", lambda: True)
    assert [k for k in ("light", "heavy", "large", "streamed", "volatile", "waited")
            if runner.knows(k)] == ["light"]


# -- filtered acceptor code, in a child process (the filter is for good) -----------------

_CHILD = textwrap.dedent("""
    import sys, time
    from spkg.server import sandbox
    from spkg.server.engine import Forbidden
    from spkg.server.inline import InlineRunner
    from test_server_acceptors import SLOW, _request

    store, client = sys.argv[1], int(sys.argv[2])
    sandbox.deny_network()
    runner = InlineRunner(store, union=True, timeout=1)
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    light = {"seconds": 0.001, "body": b"{}"}
    runner.learn("service", service, light)
    try:
        runner.run("service", _request(service), time.monotonic() + 5, None)
        print("service ran", flush=True)
    except Forbidden:
        print("service refused", flush=True)
    runner.learn("slow", SLOW, light)  # as if it had been light: it is not
    runner.run("slow", _request(SLOW), time.monotonic() + 1, client)
    print("slow returned", flush=True)
""")


def test_an_acceptor_query_cannot_reach_the_network_nor_outrun_its_deadline(
        tmp_path: Path) -> None:
    if not sandbox.available():
        pytest.skip("seccomp is not available here")
    store = _store(tmp_path)
    ours, theirs = socket.socketpair()
    started = time.monotonic()
    with ours, theirs:
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, str(store), str(theirs.fileno())],
            pass_fds=[theirs.fileno()], capture_output=True, text=True, timeout=60,
            cwd=Path(__file__).parent,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parent)})
        took = time.monotonic() - started
        ours.settimeout(5)
        answer = ours.recv(4096)
    assert "service refused" in child.stdout, child.stderr
    assert "slow returned" not in child.stdout
    assert child.returncode == inline.EXIT_OVERRUN, child.stderr
    assert answer.startswith(b"HTTP/1.1 503 ")
    assert b"query timeout" in answer
    assert took < 30  # the deadline was 1 s: the process ended, the work with it


# -- a real server ---------------------------------------------------------------------


@pytest.mark.slow
def test_a_repeated_light_query_is_answered_by_the_acceptor_as_the_worker_did() -> None:
    port = free_port()
    process = _serve(port, "--acceptors", "2")
    try:
        _wait_up(process, port)
        url = f"http://127.0.0.1:{port}/sparql"
        with httpx.Client(timeout=30) as client:  # one connection: one acceptor
            first = client.post(url, content=LIGHT, headers=HEADERS)
            assert first.status_code == 200
            assert "x-spkg-engine" not in first.headers  # unknown: a worker ran it
            for _ in range(20):  # learnt once a worker answers it light (a cold one may not)
                if "x-spkg-engine" in client.post(url, content=LIGHT, headers=HEADERS).headers:
                    break
            again = [client.post(url, content=LIGHT, headers=HEADERS) for _ in range(3)]
            volatile = [client.post(url, content=VOLATILE, headers=HEADERS)
                        for _ in range(3)]
            refused = client.post(url, content="SELECT * WHERE { SERVICE <http://127.0.0.1:9/>"
                                  " { ?s ?p ?o } }", headers=HEADERS)
        assert [r.headers.get("x-spkg-engine") for r in again] == ["acceptor"] * 3
        assert {r.content for r in again} == {first.content}
        assert {r.headers["x-spkg-rows"] for r in again} == {first.headers["x-spkg-rows"]}
        assert all(r.status_code == 200 and "x-spkg-engine" not in r.headers
                   for r in volatile)
        assert refused.status_code == 403
    finally:
        _stop(process)


@pytest.mark.slow
def test_an_acceptor_that_ends_is_replaced_and_the_server_answers_on() -> None:
    port = free_port()
    process = _serve(port, "--acceptors", "2", "--workers", "2")
    try:
        _wait_up(process, port)
        acceptors = _children(process.pid)
        assert len(acceptors) == 2
        os.kill(acceptors[0], signal.SIGKILL)
        url = f"http://127.0.0.1:{port}/sparql"
        deadline = time.monotonic() + 90
        replaced: list[int] = []
        while time.monotonic() < deadline:
            answer = httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
            assert answer.json()["boolean"] is True  # the other acceptor serves meanwhile
            replaced = [pid for pid in _children(process.pid) if pid not in acceptors]
            if replaced:
                break
            time.sleep(0.3)
        assert len(replaced) == 1
        assert len(_children(process.pid)) == 2
    finally:
        _stop(process)
    assert process.returncode == 0


@pytest.mark.slow
def test_answers_given_at_once_carry_what_the_ordinary_way_adds(tmp_path: Path) -> None:
    """A cache hit or an acceptor's own answer skips the ASGI stack (spkg.server.fastpath):
    it still gets the security headers, an access-log line, keep-alive or close as asked,
    and a wrong Host, a large body or an unusual request still take the ordinary way."""
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data",
             str(FIXTURE), "--acceptors", "1"], stdout=err, stderr=err)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        _wait_up(process, port)
        with httpx.Client(timeout=30) as client:  # one connection throughout
            first = client.get(url, params={"query": LIGHT})
            hits = [client.get(url, params={"query": LIGHT}) for _ in range(3)]
            posted = client.post(url, content=LIGHT, headers=HEADERS)
            padded = client.post(url, content=LIGHT + "#" * 20_000, headers=HEADERS)
            foreign = client.get(url, params={"query": LIGHT}, headers={"Host": "evil.example"})
            closing = client.get(url, params={"query": LIGHT}, headers={"Connection": "close"})
        assert [r.headers.get("x-spkg-cache") for r in hits] == ["hit"] * 3
        assert {r.content for r in (*hits, closing)} == {first.content}
        for response in (first, *hits, posted, padded, closing):
            assert response.status_code == 200
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
            assert response.headers["x-content-type-options"] == "nosniff"
        assert posted.headers["x-spkg-rows"] == "5"
        assert padded.status_code == 200 and padded.headers["x-spkg-rows"] == "5"
        assert foreign.status_code == 400
        assert closing.headers["connection"] == "close"
    finally:
        _stop(process)
    lines = [line for line in log.read_text().splitlines() if '"path": "/sparql"' in line]
    assert len(lines) == 8, "\n".join(lines)  # one per request, whichever way
    assert sum('"status": 200' in line and '"rows": 5' in line for line in lines) == 7
