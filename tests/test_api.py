"""The Python API: its docstring examples run here, and the facade is what `import spkg` gives."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import spkg
import spkg.api

API_MODULES = ["spkg.api", *sorted(f"spkg.api.{module.name}" for module
                                   in pkgutil.iter_modules(spkg.api.__path__))]


@pytest.mark.slow
@pytest.mark.parametrize("name", API_MODULES)
def test_api_examples_run(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # spkg.open() reads ./dist when it holds a build: run where there is none, so the
    # examples read the bundled seeds' build whatever the developer built in the checkout.
    monkeypatch.chdir(tmp_path)
    failed, attempted = doctest.testmod(importlib.import_module(name),
                                        optionflags=doctest.ELLIPSIS)
    assert attempted >= 1, f"{name} has no example"
    assert failed == 0


def test_every_public_function_has_an_example() -> None:
    # each name of the facade shows how it is called, in its docstring or its module's
    # (a build changed step by step), and that example runs above
    def example(name: str) -> str:
        thing = getattr(spkg.api, name)
        module = importlib.import_module(thing.__module__)
        return (thing.__doc__ or "") + (module.__doc__ or "")

    missing = [name for name in spkg.api.__all__
               if f"spkg.{name}(" not in example(name) and name != "Graph"]
    assert missing == []


def test_import_spkg_gives_the_facade() -> None:
    for name in spkg.api.__all__:
        assert getattr(spkg, name) is getattr(spkg.api, name)
    assert set(spkg.api.__all__) <= set(spkg.__all__)


def test_query_needs_text_or_a_stored_name(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with spkg.open() as graph:
        with pytest.raises(spkg.QueryError, match="either SPARQL text or stored"):
            graph.query()
        with pytest.raises(spkg.QueryError, match="stored queries only"):
            graph.query("ASK {}", params={"place": "Pakistan"})


def test_open_refuses_a_folder_that_is_no_build(tmp_path: Path) -> None:
    with pytest.raises(spkg.InputError, match="not an spkg build"):
        spkg.open(tmp_path)


@pytest.mark.slow  # reads the seeds' build into rdflib twice
def test_load_dataset_reads_files_or_a_build(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from spkg.namespace import INFERRED_GRAPH, ONTOLOGY_GRAPH

    monkeypatch.chdir(tmp_path)  # no ./dist here: the bundled seeds' build is read
    seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))
    from_files = spkg.load_dataset(files=seeds[:2])
    names = {str(graph.identifier) for graph in from_files.graphs()}
    assert {str(ONTOLOGY_GRAPH)} <= names
    assert len([name for name in names if "/document/" in name]) == 2
    assert str(INFERRED_GRAPH) not in names

    with_inferred = spkg.load_dataset()
    without = spkg.load_dataset(inferred=False)
    assert len(with_inferred.graph(INFERRED_GRAPH)) > 0
    assert len(without.graph(INFERRED_GRAPH)) == 0
    with spkg.open() as graph:
        documents = graph.documents()
    assert sorted(str(g.identifier) for g in without.graphs()
                  if str(g.identifier) in set(documents)) == documents


@pytest.mark.slow  # reads the seeds' build into rdflib
def test_graph_gives_its_dataset_and_the_documents_sources(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spkg.namespace import INFERRED_GRAPH

    monkeypatch.chdir(tmp_path)
    with spkg.open() as graph:
        asserted = graph.dataset(inferred=False)
        sources = graph.sources()
        documents = graph.documents()
    assert sorted(sources) == documents
    assert all(isinstance(path, Path) for path in sources.values())
    assert len(asserted.graph(INFERRED_GRAPH)) == 0
    assert {str(g.identifier) for g in asserted.graphs()} >= set(documents)


def test_export_graph_refuses_a_folder_holding_another_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with spkg.open() as graph:
        seeds = graph.path
    other = tmp_path / "other"
    other.mkdir()
    (other / "manifest.json").write_bytes((seeds / "manifest.json").read_bytes())
    (other / "store").mkdir()  # a manifest and a store: a build, as spkg.store sees it
    with pytest.raises(spkg.InputError, match="holds a build"):
        spkg.export_graph(other)
    assert sorted(p.name for p in other.iterdir()) == ["manifest.json", "store"]


def test_export_graph_refuses_a_folder_of_other_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(spkg.SpkgError):
        spkg.export_graph(tmp_path / "out")
    assert (tmp_path / "out" / "notes.txt").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("limit", ["timeout", "max_rows", "max_body", "max_query",
                                   "max_answer", "stream_after", "workers"])
def test_serve_graph_refuses_a_limit_that_is_not_positive(limit: str) -> None:
    with pytest.raises(spkg.InputError, match="must be positive"):
        spkg.serve_graph(**{limit: 0})


def test_import_spkg_loads_no_module_of_the_facade() -> None:
    # `spkg query` imports spkg and needs none of them: each loads on its first name's use
    import subprocess
    import sys

    code = ("import sys, spkg; before = sorted(m for m in sys.modules if m.startswith("
            "'spkg.api.')); spkg.why_text; print(before, "
            "sorted(m for m in sys.modules if m.startswith('spkg.api.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.split() == ["[]", "['spkg.api.graph',", "'spkg.api.reasoning']"]
