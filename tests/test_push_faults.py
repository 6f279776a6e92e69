"""`spkg push` when things go wrong: no store, wrong password, HTML error pages, a store that
dies mid-push or loses data. Each gives one clear line and a non-zero exit."""

from __future__ import annotations

import json
import re
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


# -- what the store holds after a push, compared with what was sent (issue 18, finding 10) --

CHANGED = TRIG.replace('"B"@en', '"B, renamed"@en')
ONE_ONLY = f"""\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{ID}document/one> {{ <{ID}programme/a> rdfs:label "A"@en . <{ID}programme/b> rdfs:label "B"@en . }}
"""


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    server = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        yield server.url
    finally:
        server.stop()


def test_merge_of_changed_data_says_what_it_left_and_suggests_replace(
    oxigraph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, changed = tmp_path / "first.trig", tmp_path / "changed.trig"
    first.write_text(TRIG, encoding="utf-8")
    changed.write_text(CHANGED, encoding="utf-8")
    assert main(push(oxigraph, "--store", "oxigraph", "--data", str(first))) == 0
    assert "every graph holds what was sent (counts match)" in capsys.readouterr().out

    assert main(push(oxigraph, "--store", "oxigraph", "--data", str(changed))) == 0
    captured = capsys.readouterr()
    assert "counts match" not in captured.out
    # the ontology and reference graphs go too: they are unchanged
    assert re.search(r"; 1 of \d+ graphs hold 1 triple\(s\) that were not sent", captured.out)
    assert "--replace" in captured.out
    notes = captured.err.strip().splitlines()
    assert notes[0] == (
        f"spkg push: holds more than was sent: <{ID}document/one> holds 3 triples, sent 2, "
        f"had 2 before; 0 sent but not held, 1 held but not sent (e.g. <{ID}programme/b> "
        '<http://www.w3.org/2000/01/rdf-schema#label> "B"@en)')
    assert "spkg push --replace" in notes[1]

    assert main(push(oxigraph, "--store", "oxigraph", "--data", str(changed), "--replace")) == 0
    captured = capsys.readouterr()
    assert "every graph holds what was sent (counts match; content compared for 0 graph(s))" \
        not in captured.out
    assert "every graph holds what was sent (counts match)" in captured.out
    assert captured.err == ""


def test_same_data_again_is_compared_and_matches(oxigraph: str) -> None:
    store = RemoteStore(oxigraph, store="oxigraph")
    dataset = many_graphs(graphs=2, per_graph=5)
    push_dataset(dataset, store, progress=False)
    again = push_dataset(dataset, store, progress=False)
    assert again.ok and not again.with_extra
    assert all(check.compared and check.not_sent == check.not_held == 0
               for check in again.checks)
    assert again.verdict() == "every graph holds what was sent (counts match; content " \
                              "compared for 2 graph(s))"


def test_graphs_left_from_an_earlier_push_are_named(
    oxigraph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both, one = tmp_path / "both.trig", tmp_path / "one.trig"
    both.write_text(TRIG, encoding="utf-8")
    one.write_text(ONE_ONLY, encoding="utf-8")
    assert main(push(oxigraph, "--store", "oxigraph", "--data", str(both))) == 0
    assert main(push(oxigraph, "--store", "oxigraph", "--data", str(one), "--replace")) == 0
    captured = capsys.readouterr()
    assert "every graph holds what was sent" in captured.out
    assert captured.err.strip() == (
        f"spkg push: the store also holds 1 spkg graph(s) this push did not send: "
        f"<{ID}document/two> (left as they are)")


def test_compare_limit_bounds_what_is_fetched_back(oxigraph: str) -> None:
    store = RemoteStore(oxigraph, store="oxigraph")
    dataset = many_graphs(graphs=2, per_graph=5)
    push_dataset(dataset, store, progress=False)
    again = push_dataset(dataset, store, progress=False, compare_limit=7)
    assert [check.compared for check in again.checks] == [True, False]
    assert again.verdict().startswith("every graph holds what was sent (counts match")


@pytest.mark.parametrize(("url", "expected"), [
    ("not-a-url", "store URL 'not-a-url' is not an http(s) URL (say e.g. http://127.0.0.1:7878)"),
    ("127.0.0.1:17878", "store URL '127.0.0.1:17878' is not an http(s) URL (no scheme: did "
                        "you mean http://127.0.0.1:17878?)"),
    ("http://127.0.0.1:port", "store URL 'http://127.0.0.1:port' is not a valid URL"),
    ("ftp://127.0.0.1/x", "store URL 'ftp://127.0.0.1/x' is not an http(s) URL"),
])
def test_bad_url_is_one_line_before_any_work(
    url: str, expected: str, trig: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import spkg.dataset

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dataset was loaded before the URL was checked")

    monkeypatch.setattr(spkg.dataset, "load_built", no_work)
    code = main(push(url, "--data", str(trig)))
    line = one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"spkg push: {expected}")


def test_bad_endpoint_option_is_refused_too(trig: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(push("http://127.0.0.1:1", "--update-url", "127.0.0.1:2/update",
                     "--data", str(trig)))
    assert code == 2
    assert "--update-url '127.0.0.1:2/update' is not an http(s) URL (no scheme: did you " \
           "mean http://127.0.0.1:2/update?)" in one_line(capsys.readouterr().err)
