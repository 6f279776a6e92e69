"""A SELECT answer past the streaming threshold but within the caps is written by
pyoxigraph whole from its second time on, not run twice and written row by row."""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
import pytest

from spkg.server import worker

EX = "http://example.org/"


class CountingStore:
    """A store that counts the queries run on it."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.runs = 0

    def query(self, *args: Any, **kwargs: Any) -> Any:
        self.runs += 1
        return self.store.query(*args, **kwargs)


def _store(count: int) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"),
                         ox.Literal("x" * 40 + str(i))) for i in range(count))
    return store


def _request(query: str, *, max_bytes: int = 10_000_000,
             max_rows: int = 100_000) -> dict[str, Any]:
    return {"op": "query", "query": query, "select_format": "json", "ask_format": "json",
            "graph_format": "ttl", "max_rows": max_rows, "max_bytes": max_bytes,
            "stream_after": 4_096, "default_graphs": [], "named_graphs": [],
            "base_iri": None}


def _run(store: CountingStore, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    sent: list[tuple[str, Any]] = []
    answer = worker.run_query(store, request, union=False,
                              send=sent.append)
    body = b"".join(part for kind, part in sent if kind == "chunk")
    return answer, body


def test_a_large_answer_within_the_caps_runs_once_the_second_time() -> None:
    worker._FITS.clear()
    store = CountingStore(_store(500))
    request = _request(f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }}")
    first, first_body = _run(store, request)
    assert first["streamed"] and first["rows"] == 500 and not first["truncated"]
    assert store.runs == 2  # too large for the first look: run again, row by row
    second, second_body = _run(store, request)
    assert store.runs == 3  # once more only
    assert second == {"kind": "SELECT", "format": "json", "rows": 500, "truncated": False,
                      "streamed": True}
    assert len(second_body) > 4_096
    assert {json.dumps(b, sort_keys=True) for b in json.loads(first_body)["results"]["bindings"]} \
        == {json.dumps(b, sort_keys=True) for b in json.loads(second_body)["results"]["bindings"]}


def test_an_answer_over_a_cap_is_never_written_whole() -> None:
    worker._FITS.clear()
    store = CountingStore(_store(500))
    request = _request(f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }}", max_rows=100)
    for runs in (2, 4):
        answer, body = _run(store, request)
        assert answer["truncated"] and answer["rows"] == 100
        assert store.runs == runs  # cut row by row each time, under the row cap
        assert len(json.loads(body)["results"]["bindings"]) == 100


def test_an_answer_over_what_a_worker_holds_is_not_written_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    worker._FITS.clear()
    monkeypatch.setattr(worker, "HOLD", 10_000)  # the 500 rows are ~50 KB
    store = CountingStore(_store(500))
    request = _request(f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }}")
    for runs in (2, 4):
        answer, body = _run(store, request)
        assert answer["rows"] == 500 and not answer["truncated"]
        assert store.runs == runs  # streamed row by row each time
        assert len(json.loads(body)["results"]["bindings"]) == 500
