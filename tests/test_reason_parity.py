"""The fast engine infers what the reference engine infers, and reasoning per document batch
over a pre-closed background infers what closing the whole graph at once infers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from reason.support import CLASH, DOCUMENTS, fixture_dataset, seed_graph_files

from spkg.dataset import new_dataset
from spkg.reason import reason

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "cache"))


def _generator():
    spec = importlib.util.spec_from_file_location("generate_graph",
                                                  REPO / "bench" / "generate_graph.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_graph"] = module
    spec.loader.exec_module(module)
    return module


def _differences(a: set, b: set) -> str:
    return f"only first: {sorted(a - b)[:5]}; only second: {sorted(b - a)[:5]}"


@pytest.mark.slow
def test_engines_agree_on_the_seed_graph() -> None:
    """data/graphs/*.trig when committed (fixture documents until then), plus a clash."""
    dataset = fixture_dataset(*seed_graph_files(), CLASH)
    reference = reason(dataset, engine="owlrl", use_cache=False, progress=False)
    fast = reason(dataset, engine="reasonable", use_cache=False, progress=False)
    assert len(reference.graph) > 100
    assert set(fast.graph) == set(reference.graph), _differences(set(fast.graph),
                                                                 set(reference.graph))
    assert fast.clashes == reference.clashes != []


def test_batches_agree_with_whole_graph_on_fixtures() -> None:
    dataset = fixture_dataset(DOCUMENTS, CLASH)
    whole = reason(dataset, engine="reasonable", use_cache=False, progress=False)
    parts = reason(dataset, engine="reasonable", use_cache=False, progress=False,
                   partition_triples=1)
    assert parts.batches > 1
    assert set(parts.graph) == set(whole.graph), _differences(set(parts.graph), set(whole.graph))
    assert parts.clashes == whole.clashes


@pytest.mark.slow
def test_batches_agree_with_whole_graph_on_synthetic_graph() -> None:
    generator = _generator()
    dataset = fixture_dataset()
    for quad in generator.iter_quads(12_000, seed=7, ministries=8):
        dataset.add(quad)
    whole = reason(dataset, engine="reasonable", use_cache=False, progress=False)
    parts = reason(dataset, engine="reasonable", use_cache=False, progress=False,
                   partition_triples=2_000)
    assert parts.batches > 1
    assert set(parts.graph) == set(whole.graph), _differences(set(parts.graph), set(whole.graph))


def test_generator_is_deterministic_and_shaped_like_the_contract() -> None:
    generator = _generator()
    first = list(generator.iter_quads(2_000, seed=3))
    assert first == list(generator.iter_quads(2_000, seed=3))
    assert first != list(generator.iter_quads(2_000, seed=4))
    assert len(first) >= 2_000
    dataset = new_dataset()
    for quad in first:
        dataset.add(quad)
    assert len({g for *_, g in first}) > 1 == len(dataset.default_graph) + 1  # one graph each
    predicates = {str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for _, p, _, _ in first}
    for expected in ("contributesToTarget", "subOrganizationOf", "memberOf", "locatedIn",
                     "wasDerivedFrom", "exact", "subject"):
        assert expected in predicates
