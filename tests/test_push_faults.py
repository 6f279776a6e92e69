"""`spkg push` when things go wrong: no store, wrong password, HTML error pages, a store that
dies mid-push or loses data. Each gives one clear line and a non-zero exit."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS
from servers import LOOPBACK, OxigraphServer, free_port, virtuoso_server  # noqa: F401

from spkg.cli import main
from spkg.errors import StoreError
from spkg.push import push_dataset
from spkg.remote.http import RetryPolicy
from spkg.store.remote import RemoteStore

pytestmark = pytest.mark.server

ID = "https://w3id.org/spkg/id/"
TRIG = f"""\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{ID}document/one> {{ <{ID}programme/a> rdfs:label "A"@en . <{ID}programme/b> rdfs:label "B"@en . }}
<{ID}document/two> {{ <{ID}programme/c> rdfs:label "C"@en . }}
"""
HTML_ERROR = (b"<html><head><title>500 Internal Server Error</title><style>h1{color:red}"
              b"</style></head><body><h1>Internal Server Error</h1>"
              b"<p>The database is on fire.</p></body></html>")


@pytest.fixture
def trig(tmp_path: Path) -> Path:
    path = tmp_path / "documents.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


def push(*args: str) -> list[str]:
    return ["push", *args, "--no-inferred", "-q"]


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_unreachable_endpoint(trig: Path, capsys: pytest.CaptureFixture[str]) -> None:
    closed = f"http://{LOOPBACK}:{free_port()}"
    code = main(push(closed, "--store", "oxigraph", "--data", str(trig), "--retries", "2"))
    line = one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("spkg push: ")
    assert "cannot reach" in line and "gave up after 2 tries" in line


def test_wrong_password_is_refused_and_never_echoed(
    virtuoso_server, trig: Path, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    secret = "not-the-password-4711"
    code = main(push(virtuoso_server.url, "--store", "virtuoso", "--data", str(trig),
                     "--user", "dba", "--password", secret))
    captured = capsys.readouterr()
    line = one_line(captured.err)
    assert code == 2
    assert "HTTP 401" in line and "wrong user or password" in line
    assert secret not in captured.out + captured.err


def test_credentials_from_the_environment(
    virtuoso_server, trig: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SPKG_USER", virtuoso_server.user)
    monkeypatch.setenv("SPKG_PASSWORD", virtuoso_server.password)
    code = main(push(virtuoso_server.url, "--store", "virtuoso", "--data", str(trig)))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "counts match" in captured.out
    assert virtuoso_server.password not in captured.out + captured.err


class FakeStore(BaseHTTPRequestHandler):
    """Answers queries with empty results; answers updates as ``update_status`` says."""

    update_status = 500
    update_requests = 0

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        if "query" in form:
            body = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": []}})
            self._answer(200, "application/sparql-results+json", body.encode())
        else:
            type(self).update_requests += 1
            status = type(self).update_status
            self._answer(status, "text/html", HTML_ERROR if status >= 400 else b"")

    def _answer(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def fake_store() -> Iterator[tuple[str, type[FakeStore]]]:
    handler = type("Handler", (FakeStore,), {"update_requests": 0})
    server = ThreadingHTTPServer((LOOPBACK, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}/sparql", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_html_error_page_is_summarised_after_bounded_retries(
    fake_store: tuple[str, type[FakeStore]], trig: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, handler = fake_store
    code = main(push(url, "--data", str(trig), "--retries", "3"))
    line = one_line(capsys.readouterr().err)
    assert code == 2
    assert handler.update_requests == 3
    assert "HTTP 500" in line and "The database is on fire." in line
    assert "<" not in line.split("HTTP 500", 1)[1]  # no markup, no style sheet


def test_store_that_loses_data_fails_the_count_check(
    fake_store: tuple[str, type[FakeStore]], trig: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, handler = fake_store
    handler.update_status = 204  # accepts every write, keeps nothing
    code = main(push(url, "--data", str(trig)))
    captured = capsys.readouterr()
    assert code == 1
    assert "count check FAILED" in captured.out
    assert "count check failed: <https://w3id.org/spkg/id/document/one> holds 0 triples, " \
           "sent 2" in captured.err


def many_graphs(graphs: int = 3, per_graph: int = 50) -> Dataset:
    dataset = Dataset(default_union=True)
    for number in range(graphs):
        graph = dataset.graph(URIRef(f"{ID}document/d{number}"))
        for index in range(per_graph):
            graph.add((URIRef(f"{ID}programme/p{number}-{index}"), RDFS.label,
                       Literal(f"p {index}", lang="en")))
    return dataset


def test_store_dying_mid_push_then_rerun_completes_without_duplicates(tmp_path: Path) -> None:
    server = OxigraphServer(tmp_path / "oxigraph").start()
    dataset = many_graphs()
    try:
        store = RemoteStore(server.url, store="oxigraph",
                            retry=RetryPolicy(tries=2, backoff=0.05))

        def die_after_first_batch(batches: int, _sent: int) -> None:
            if batches == 1:
                server.kill()

        with pytest.raises(StoreError) as failure:
            push_dataset(dataset, store, batch_size=20, progress=False,
                         on_batch=die_after_first_batch)
        assert "\n" not in str(failure.value)
        assert "cannot reach" in str(failure.value)

        server.port = free_port()  # same location, fresh port
        server.start()
        store = RemoteStore(server.url, store="oxigraph")
        assert 0 < store.count() < 150  # the first batch survived the crash
        report = push_dataset(dataset, store, batch_size=20, progress=False)
        assert report.ok
        assert all(check.after == check.sent == 50 for check in report.checks)
        assert store.count() == 150
    finally:
        server.stop()
