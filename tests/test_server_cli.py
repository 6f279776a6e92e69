"""`spkg serve` as a user runs it: a subprocess that answers, then stops cleanly on a signal."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from server.live import FIXTURE, free_port

pytestmark = [pytest.mark.server, pytest.mark.slow]


def _start(port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(FIXTURE),
         "--timeout", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def _wait_until_up(process: subprocess.Popen[str], port: int, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"spkg serve exited early:\n{process.stdout.read()}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    raise AssertionError("spkg serve did not come up")


def _worker_pids(parent: int) -> list[int]:
    """Every process under the server: its acceptors and their query workers."""
    found: list[int] = []
    pending = [parent]
    while pending:
        children = Path(f"/proc/{pending.pop()}/task")
        for task in children.glob("*/children") if children.exists() else []:
            pids = [int(pid) for pid in task.read_text().split()]
            found += pids
            pending += pids
    return found


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_cleanly_on_signal(sig: signal.Signals) -> None:
    port = free_port()
    process = _start(port)
    try:
        _wait_until_up(process, port)
        workers = _worker_pids(process.pid)
        assert len(workers) >= 2  # an acceptor and its query worker at least
        answer = httpx.get(f"http://127.0.0.1:{port}/sparql",
                           params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
        assert answer.json()["boolean"] is True
        process.send_signal(sig)
        output, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, output
    assert '"path": "/sparql", "status": 200' in output  # the structured access log
    for pid in workers:  # the query workers went with it
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(
            f"/proc/{pid}/status").read_text().lower()


def test_serve_answers_whole_head_streamed_and_closing_requests() -> None:
    """The server as run (its own HTTP protocol, which sends a response's header block and
    body in one write): headers-only answers, keep-alive, streams and closing connections
    all come through whole."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(FIXTURE),
         "--stream-after", "20000", "--answer-cache", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    url = f"http://127.0.0.1:{port}/sparql"
    small = {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"}
    try:
        _wait_until_up(process, port)
        with httpx.Client(timeout=30) as http:  # one connection, kept alive
            for _ in range(20):
                response = http.get(url, params=small)
                assert response.status_code == 200
                assert len(response.json()["results"]["bindings"]) == 3
            head = http.head(url, params=small)
            assert head.status_code == 200 and head.content == b""
            assert http.get(url, params=small).status_code == 200  # after a HEAD
            large = http.get(url, params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3000"})
            assert large.headers["transfer-encoding"] == "chunked"
            assert len(large.json()["results"]["bindings"]) == 3000
        closing = httpx.get(url, params=small, headers={"Connection": "close"}, timeout=30)
        assert closing.status_code == 200 and closing.json()["results"]["bindings"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
