"""A second run over unchanged inputs is a cache hit; any change in the inputs is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from reason.support import DOCUMENTS, fixture_dataset

from spkg.reason import cache, reason


def test_second_run_is_a_cache_hit(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path))
    first = reason(fixture_dataset(DOCUMENTS), progress=False)
    assert not first.cache_hit
    assert list((tmp_path / "reason").glob("*.nt"))
    second = reason(fixture_dataset(DOCUMENTS), progress=False)  # parsed afresh: new bnodes
    assert second.cache_hit
    assert set(second.graph) == set(first.graph)
    assert second.clashes == first.clashes


def test_changed_input_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path))
    dataset = fixture_dataset(DOCUMENTS)
    reason(dataset, progress=False)
    graph = dataset.graph(URIRef("https://w3id.org/spkg/id/document/001-0844c7bbfea795f9"))
    graph.add((URIRef("https://w3id.org/spkg/id/outcome/x"), URIRef("http://ex/p"),
               Literal("new")))
    assert not reason(dataset, progress=False).cache_hit
    assert reason(dataset, progress=False).cache_hit


def test_changed_engine_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A few triples without the ontology and reference data: the key is what is tested, and
    # owlrl over the whole fixture took 18-100 s.
    from rdflib import Dataset
    from rdflib.namespace import RDF

    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path))
    dataset = Dataset()
    graph = dataset.graph(URIRef("https://w3id.org/spkg/id/document/001-0844c7bbfea795f9"))
    outcome = URIRef("https://w3id.org/spkg/id/outcome/x")
    graph.add((outcome, RDF.type, URIRef("https://w3id.org/spkg/ontology#Outcome")))
    graph.add((outcome, URIRef("http://ex/p"), Literal("new")))
    assert not reason(dataset, progress=False).cache_hit
    assert reason(dataset, progress=False).cache_hit
    assert not reason(dataset, engine="owlrl", progress=False).cache_hit
    assert reason(dataset, engine="owlrl", progress=False).cache_hit


def test_no_cache_means_no_read_and_no_write(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path))
    dataset = fixture_dataset(DOCUMENTS)
    assert not reason(dataset, use_cache=False, progress=False).cache_hit
    assert not (tmp_path / "reason").exists()


def test_damaged_entry_is_a_miss_and_is_rewritten(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path))
    dataset = fixture_dataset(DOCUMENTS)
    reason(dataset, progress=False)
    for path in (tmp_path / "reason").glob("*.nt"):
        path.write_text("<broken", encoding="utf-8")
    assert not reason(dataset, progress=False).cache_hit
    assert reason(dataset, progress=False).cache_hit


def test_digest_ignores_order_and_blank_node_labels() -> None:
    from rdflib import BNode

    a, b = BNode(), BNode()
    p = URIRef("http://ex/p")
    one = [(URIRef("http://ex/s"), p, a), (a, p, Literal(1))]
    two = [(b, p, Literal(1)), (URIRef("http://ex/s"), p, b)]
    assert cache.graph_digest(one) == cache.graph_digest(two)
    assert cache.graph_digest(one) != cache.graph_digest(one[:1])


def test_cache_dir_default_and_override(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("SPKG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "spkg"
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "x"))
    assert cache.cache_dir() == tmp_path / "x"
