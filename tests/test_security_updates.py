"""Updates reach every reader, including one started after a timeout (issue 18, finding 4),
and a built on-disk store is served by opening it, read-only, never changed by a client.
"""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from server.live import LiveServer, fixture_quads

from spkg.server.app import ServerConfig

pytestmark = pytest.mark.server

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { <http://example.org/a> <http://example.org/b> ?n }"
MKE = "https://w3id.org/spkg/id/programme/mazdoor-ka-ehsaas"


def _insert(n: int) -> str:
    return f"INSERT DATA {{ <http://example.org/a> <http://example.org/b> {n} }}"


def _asks(url: str, query: str, times: int) -> set[bool]:
    with httpx.Client(base_url=url, timeout=30) as http:
        return {http.get("/sparql", params={"query": query}).json()["boolean"]
                for _ in range(times)}


def test_an_update_during_a_worker_replacement_reaches_the_new_worker() -> None:
    config = ServerConfig(timeout=1.5, allow_update=True, workers=2)
    with LiveServer(fixture_quads(), config) as live, \
            httpx.Client(base_url=live.url, timeout=30) as http:
        slow = http.get("/sparql", params={"query": SLOW})
        assert slow.status_code == 503  # its worker is killed; a new one is starting now
        assert http.post("/sparql", data={"update": _insert(1)}).status_code == 204
        assert _asks(live.url, ASK, 12) == {True}
        time.sleep(1.0)  # the replacement is certainly up and in the pool by now
        assert _asks(live.url, ASK, 12) == {True}


def test_updates_while_queries_run_are_seen_by_all_readers() -> None:
    config = ServerConfig(timeout=1.0, allow_update=True, workers=3)
    with LiveServer(fixture_quads(), config) as live:
        stop = threading.Event()

        def churn() -> None:  # keeps killing and replacing workers
            with httpx.Client(base_url=live.url, timeout=30) as other:
                while not stop.is_set():
                    other.get("/sparql", params={"query": SLOW})

        churner = threading.Thread(target=churn)
        churner.start()
        try:
            with httpx.Client(base_url=live.url, timeout=30) as http:
                for n in range(5):
                    assert http.post("/sparql", data={"update": _insert(n)}).status_code == 204
                    seen = f"ASK {{ <http://example.org/a> <http://example.org/b> {n} }}"
                    assert _asks(live.url, seen, 6) == {True}
        finally:
            stop.set()
            churner.join(timeout=30)


def _build_store(folder: Path) -> Path:
    path = folder / "store"
    store = ox.Store(str(path))
    store.extend(fixture_quads())
    store.flush()
    del store
    gc.collect()
    return path


def _count(path: Path) -> int:
    store = ox.Store.read_only(str(path))
    return len(list(store.quads_for_pattern(None, None, None)))


def test_a_built_store_is_opened_not_loaded(tmp_path: Path) -> None:
    store_path = _build_store(tmp_path)
    config = ServerConfig(timeout=5.0, workers=2)
    started = time.perf_counter()
    with LiveServer(None, config, store_path=store_path) as live:
        took = time.perf_counter() - started
        query = f"SELECT ?l WHERE {{ <{MKE}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
        response = httpx.get(f"{live.url}/sparql", params={"query": query}, timeout=10)
        assert response.status_code == 200
        assert response.json()["results"]["bindings"][0]["l"]["value"] == "Mazdoor Ka EHSAAS"
        page = httpx.get(f"{live.url}/id/programme/mazdoor-ka-ehsaas", timeout=10)
        assert page.status_code == 200 and "Mazdoor Ka EHSAAS" in page.text
        assert not list(live.state.workdir.path.glob("**/CURRENT"))  # nothing copied or loaded
    assert took < 30


def test_updates_on_a_built_store_leave_the_build_unchanged(tmp_path: Path) -> None:
    store_path = _build_store(tmp_path)
    before = _count(store_path)
    config = ServerConfig(timeout=5.0, workers=2, allow_update=True)
    with LiveServer(None, config, store_path=store_path) as live:
        response = httpx.post(f"{live.url}/sparql", data={"update": _insert(7)}, timeout=10)
        assert response.status_code == 204
        assert _asks(live.url, ASK, 6) == {True}
        page = httpx.get(f"{live.url}/sparql", params={"query": "SELECT * { ?s ?p 7 }"},
                         timeout=10)
        assert page.json()["results"]["bindings"]
    assert _count(store_path) == before


def test_a_missing_store_is_one_clear_error(tmp_path: Path) -> None:
    from spkg.errors import SpkgError
    from spkg.server.app import build_state

    with pytest.raises(SpkgError, match="not a store directory"):
        build_state(None, ServerConfig(), store_path=tmp_path / "nope")
