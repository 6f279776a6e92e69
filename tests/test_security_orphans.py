"""A real `spkg serve` process: its workers end with it, even when it is SIGKILLed mid-query
(issue 18, finding 6: a busy query worker outlived it), and it runs under the network filter."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from server.live import FIXTURE, free_port

pytestmark = [pytest.mark.server, pytest.mark.slow]

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = task / "children"
        if children.exists():
            found += [int(p) for p in children.read_text().split()]
    return found


def _descendants(pid: int) -> list[int]:
    """A server's acceptors, and their query workers (a read-only server's processes are a
    supervisor, its acceptors, and each acceptor's workers)."""
    found: list[int] = []
    pending = _children(pid)
    while pending:
        current = pending.pop()
        found.append(current)
        pending += _children(current)
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "zombie" not in status.lower()


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


@pytest.mark.parametrize("extra", [[], ["--allow-update"]])
def test_sigkill_of_the_server_ends_every_worker(extra: list[str]) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(FIXTURE),
         "--timeout", "60", "--workers", "2", *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    survivors: list[int] = []
    try:
        _wait_up(process, port)
        # one process with two readers and the writer; or two acceptors, each with one
        # reader. The first answer comes from one acceptor: the other may still be starting
        # its worker, so wait for the whole tree (bounded) before counting.
        expected = 3 if extra else 4
        deadline = time.monotonic() + 60
        workers = _descendants(process.pid)
        while len(workers) < expected and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _descendants(process.pid)
        assert len(workers) == expected
        if not extra:
            assert len(_children(process.pid)) == 2

        def busy() -> None:
            with contextlib.suppress(httpx.TransportError):  # the server dies under it
                httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": SLOW}, timeout=60)

        thread = threading.Thread(target=busy, daemon=True)
        thread.start()
        time.sleep(1.0)  # a worker is now busy with the slow query
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        survivors = [pid for pid in workers if _alive(pid)]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    for pid in survivors:  # do not leave them behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


def _seccomp_mode(pid: int) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Seccomp:"):
            return line.split()[1]
    return "?"


def test_a_real_server_and_its_workers_run_filtered() -> None:
    """spkg serve itself loses network sockets once listening (defence in depth), and so
    do its acceptors (which run light queries themselves) and their workers from their start;
    it still answers, and replaces a timed-out worker."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(FIXTURE),
         "--timeout", "1", "--workers", "1", "--acceptors", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_up(process, port)
        pids = [process.pid, *_descendants(process.pid)]
        # 2: a filter is installed (the supervisor, its acceptor, the acceptor's worker)
        assert [_seccomp_mode(pid) for pid in pids] == ["2", "2", "2"]
        url = f"http://127.0.0.1:{port}/sparql"
        assert httpx.get(url, params={"query": SLOW}, timeout=30).status_code == 503
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the replacement worker, spawned after the filter
            answer = httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
            if answer.status_code == 200:
                break
            time.sleep(0.2)
        assert answer.json()["boolean"] is True
    finally:
        process.terminate()
        process.wait(timeout=15)
