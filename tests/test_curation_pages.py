"""The review queue on `spkg serve`'s pages, over real HTTP on loopback: the planted
duplicates are listed; with --allow-update a same-origin POST writes the act (who from --by,
why from the form) into the curation file; a foreign Origin is refused and writes nothing;
a read-only server shows no buttons and refuses POST."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from server.live import free_port
from test_curation_review import planted  # noqa: F401  (the fixture: a record with twins)

from spkg.curation.fileformat import read_acts


@contextlib.contextmanager
def serve(data: Path, curation: Path, *, allow_update: bool) -> Iterator[httpx.Client]:
    """``spkg serve`` on a free loopback port, bounded wait; stopped after."""
    port = free_port()
    command = [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(data),
               "--curation", str(curation), "--by", "Ana Ortiz",
               *(["--allow-update"] if allow_update else [])]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            deadline = time.monotonic() + 120
            while True:
                assert process.poll() is None, "spkg serve exited early"
                assert time.monotonic() < deadline, "spkg serve did not come up"
                try:
                    if client.get("/sparql", params={"query": "ASK {}"}).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
            yield client
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _key(page: str, words: str) -> str:
    keys = [k for k in re.findall(r'data-key="([^"]+)"', page) if words in k]
    assert keys, f"no review item with {words!r}"
    return keys[0].replace("&#34;", '"').replace("&amp;", "&")


def test_review_page_and_its_buttons(planted: Path, tmp_path: Path) -> None:  # noqa: F811
    curation = tmp_path / "curation.ttl"
    with serve(planted, curation, allow_update=True) as client:
        page = client.get("/review")
        assert page.status_code == 200
        assert "acronym PASSD" in page.text and "ehsaas-delivery-unit-2" in page.text
        assert "review-sentence" in page.text and "<form" in page.text
        key = _key(page.text, "passd")
        own = {"Origin": str(client.base_url).rstrip("/")}

        foreign = client.post("/review", data={"key": key, "action": "accept", "why": "x"},
                              headers={"Origin": "http://evil.example"})
        assert foreign.status_code == 403 and not curation.exists()
        no_why = client.post("/review", data={"key": key, "action": "accept", "why": " "},
                             headers=own)
        assert no_why.status_code == 400 and not curation.exists()

        done = client.post("/review", data={"key": key, "action": "accept",
                                            "why": "one ministry, two names"}, headers=own)
        assert done.status_code == 200, done.text
        assert "next <code>spkg build</code>" in done.text or "next `spkg build`" in done.text
        (act,) = read_acts(curation)
        assert (act.kind, act.by, act.why) == ("merge", "Ana Ortiz", "one ministry, two names")
        assert "passd" in str(act.drop) or "passd" in str(act.keep)
        assert key not in client.get("/review").text  # settled: it leaves the queue

        dismissed = client.post("/review", headers=own, data={
            "key": _key(page.text, "ehsaas-delivery-unit-2"), "action": "reject",
            "why": "two units"})
        assert dismissed.status_code == 200
        assert [a.kind for a in read_acts(curation)] == ["merge", "dismiss"]


def test_read_only_server_has_no_buttons(planted: Path, tmp_path: Path) -> None:  # noqa: F811
    curation = tmp_path / "curation.ttl"
    with serve(planted, curation, allow_update=False) as client:
        page = client.get("/review")
        assert page.status_code == 200 and "acronym PASSD" in page.text
        assert "<form" not in page.text
        key = _key(page.text, "passd")
        own = {"Origin": str(client.base_url).rstrip("/")}
        refused = client.post("/review", headers=own,
                              data={"key": key, "action": "accept", "why": "x"})
        assert refused.status_code in (403, 405)
        assert not curation.exists()

