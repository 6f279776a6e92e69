"""The review queue on `spkg serve`'s pages, over real HTTP on loopback: the planted
duplicates are listed; with --allow-update a same-origin POST writes the act (who from --by,
why from the form) into the curation file; a foreign Origin is refused and writes nothing;
a read-only server shows no buttons and refuses POST."""

from __future__ import annotations

import contextlib
import html
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from rdflib import RDF, URIRef
from server.live import free_port
from test_curation_review import planted  # noqa: F401  (the fixture: a record with twins)

from spkg.curation.fileformat import read_acts


@contextlib.contextmanager
def serve(data: Path, curation: Path, *, allow_update: bool,
          extra: tuple[str, ...] = ()) -> Iterator[httpx.Client]:
    """``spkg serve`` on a free loopback port, bounded wait; stopped after."""
    port = free_port()
    command = [sys.executable, "-m", "spkg", "serve", "--port", str(port), "--data", str(data),
               "--curation", str(curation), "--by", "Ana Ortiz",
               *(["--allow-update"] if allow_update else []), *extra]
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



def _curated_data(source: Path, folder: Path) -> tuple[Path, tuple[URIRef, URIRef, URIRef]]:
    """The planted graph with one of its facts rejected by Bo (graph/curation applied)."""
    from spkg.curation import Act, apply_curation
    from spkg.dataset import load_files, new_dataset

    data = new_dataset()
    load_files(data, [source])
    statements = sorted(
        (s, p, o) for st in data.subjects(RDF.type, RDF.Statement)
        for s, p, o in [(data.value(st, RDF.subject), data.value(st, RDF.predicate),
                         data.value(st, RDF.object))]
        if isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)
        and p != RDF.type)
    fact = statements[0]
    report = apply_curation(data, [Act(kind="reject", by="Bo", when="2026-12-07T01:00:00Z",
                                       why="misread here", facts=[fact])])
    assert len(report.applied) == 1
    out = folder / "curated.trig"
    data.serialize(out, format="trig")
    return out, fact


def test_resource_pages_show_curation_and_reject_a_fact(planted: Path,  # noqa: F811
                                                        tmp_path: Path) -> None:
    data, rejected = _curated_data(planted, tmp_path)
    curation = tmp_path / "curation.ttl"
    with serve(data, curation, allow_update=True) as client:
        page = client.get("/id/" + str(rejected[0]).split("/id/", 1)[1])
        assert page.status_code == 200
        assert 'id="curated"' in page.text and "rejected" in page.text
        assert "Bo" in page.text and "misread here" in page.text

        forms = re.findall(r'<form method="post" action="/review/reject-fact".*?</form>',
                           page.text, flags=re.S)
        assert forms, "no 'reject this fact' button beside a statement read from a document"
        fields = {k: html.unescape(v) for k, v in
                  re.findall(r'name="(s|p|o)" value="([^"]*)"', forms[0])}
        own = {"Origin": str(client.base_url).rstrip("/")}
        foreign = client.post("/review/reject-fact", headers={"Origin": "http://evil.example"},
                              data={**fields, "why": "x"})
        assert foreign.status_code == 403 and not curation.exists()
        done = client.post("/review/reject-fact", headers=own,
                           data={**fields, "why": "not what the sentence says"})
        assert done.status_code == 200, done.text
        (act,) = read_acts(curation)
        assert (act.kind, act.by, act.why) == ("reject", "Ana Ortiz",
                                               "not what the sentence says")
        assert str(act.facts[0][0]) == fields["s"] and str(act.facts[0][1]) == fields["p"]


def test_token_is_asked_by_the_forms(planted: Path, tmp_path: Path) -> None:  # noqa: F811
    curation = tmp_path / "curation.ttl"
    with serve(planted, curation, allow_update=True, extra=("--token", "s3cret")) as client:
        page = client.get("/review")
        assert 'name="token"' in page.text
        key = _key(page.text, "passd")
        own = {"Origin": str(client.base_url).rstrip("/")}
        form = {"key": key, "action": "reject", "why": "two bodies"}
        assert client.post("/review", headers=own, data=form).status_code == 401
        assert client.post("/review", headers=own,
                           data={**form, "token": "wrong"}).status_code == 401
        assert not curation.exists()
        assert client.post("/review", headers=own,
                           data={**form, "token": "s3cret"}).status_code == 200
        assert [a.kind for a in read_acts(curation)] == ["dismiss"]


def test_default_file_beside_the_documents(tmp_path: Path) -> None:
    from spkg.server.curation_pages import default_file

    one = {"a": {"path": str(tmp_path / "docs" / "a.txt")},
           "b": {"path": str(tmp_path / "docs" / "b.pdf")}}
    assert default_file(one) == tmp_path / "docs" / "curation.ttl"
    two = {**one, "c": {"path": str(tmp_path / "other" / "c.txt")}}
    assert default_file(two) is None  # which folder? no buttons rather than a guess
    graphs = {"a": {"path": str(tmp_path / "graphs" / "a.trig")}}
    assert default_file(graphs) is None  # built from graphs: its curation is not beside them


def test_curation_graph_is_not_a_document_of_the_pages(planted: Path,  # noqa: F811
                                                       tmp_path: Path) -> None:
    import pyoxigraph as ox

    from spkg.namespace import CURATION_GRAPH
    from spkg.pages.graphview import GraphView

    data, _fact = _curated_data(planted, tmp_path)
    store = ox.Store()
    store.load(path=str(data), format=ox.RdfFormat.TRIG)
    assert ox.NamedNode(str(CURATION_GRAPH)) in set(store.named_graphs())
    names = [g.value for g in GraphView(store).document_graphs()]
    assert names and str(CURATION_GRAPH) not in names
