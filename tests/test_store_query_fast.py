"""`spkg query` on a build's store: pyoxigraph terms from end to end, without rdflib.

The fast path must print exactly what the rdflib-term path prints, for every stored query
and every output format, and the process must not import rdflib, pySHACL or owlrl.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spkg.queries import catalogue, run_stored
from spkg.queries.formats import FORMATS, render
from spkg.queries.golden import example_params
from spkg.store.build_dir import Build
from spkg.store.oxigraph import OxigraphStore
from spkg.store.resolve import seeds_build

QUERIES = sorted(catalogue())
HEAVY = ("rdflib", "pyshacl", "owlrl", "importlib.metadata")


@pytest.fixture(scope="module")
def build() -> Iterator[Build]:
    with Build(seeds_build(progress=False)) as opened:
        yield opened


@pytest.mark.parametrize("name", QUERIES)
def test_the_fast_path_prints_what_the_rdflib_path_prints(build: Build, name: str) -> None:
    stored = catalogue()[name]
    params = example_params(stored)
    fast = OxigraphStore(store=build.store, terms="oxigraph")
    reference = OxigraphStore(store=build.store)
    fast_result = run_stored(fast, stored, params, timeout=60)
    reference_result = run_stored(reference, stored, params, timeout=60)
    assert fast_result.kind == reference_result.kind
    if fast_result.kind == "SELECT":
        assert fast_result.rows, f"{name}: no rows on the seeds, nothing compared"
    for fmt in FORMATS:
        assert render(fast_result, fmt) == render(reference_result, fmt), (name, fmt)
        assert render(fast_result, fmt, width=60) == render(reference_result, fmt, width=60)


def test_labels_resolve_to_the_same_iri_on_both_paths(build: Build) -> None:
    stored = catalogue()["located-in"]
    answers = [render(run_stored(OxigraphStore(store=build.store, terms=terms), stored,
                                 {"place": "Pakistan"}, timeout=60), "csv")
               for terms in ("oxigraph", "rdflib")]
    assert answers[0] == answers[1]
    assert answers[0].count("\r\n") > 2


def test_a_bad_label_is_the_same_message_on_both_paths(build: Build) -> None:
    from spkg.errors import QueryError

    messages = []
    for terms in ("oxigraph", "rdflib"):
        store = OxigraphStore(store=build.store, terms=terms)
        with pytest.raises(QueryError) as caught:
            run_stored(store, catalogue()["located-in"], {"place": "Atlantis"}, timeout=60)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "nothing is labelled 'Atlantis' among instances of <" in messages[0]


def _modules_after(argv: list[str], heavy: tuple[str, ...] = HEAVY,
                   env: dict[str, str] | None = None) -> dict[str, object]:
    code = ("import io, json, sys, contextlib\n"
            "from spkg.cli import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            f"    code = main({argv!r})\n"
            "print(json.dumps({'code': code, 'out': out.getvalue(),"
            f" 'loaded': [m for m in {heavy!r} if m in sys.modules]}}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True, env=env)
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize("argv", [
    ["located-in", "-p", "place=Pakistan", "-f", "csv"],
    ["results-by-sdg-target", "-p", "target=1.3", "-f", "json"],
    ["partner-counts"],
])
def test_spkg_query_on_a_build_imports_no_rdflib(build: Build, argv: list[str]) -> None:
    report = _modules_after(["query", *argv, "--graph", str(build.folder), "-q"])
    assert report["code"] == 0
    assert report["out"]
    assert report["loaded"] == []


def test_tsv_and_no_inferred_still_work_they_may_import_rdflib(build: Build) -> None:
    report = _modules_after(["query", "partner-counts", "--graph", str(build.folder), "-q",
                             "-f", "tsv", "--no-inferred"])
    assert report["code"] == 0
    assert str(report["out"]).startswith("?")


def test_version_is_still_printed(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "spkg", "--version"], capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.startswith("spkg ")


def test_query_headers_are_read_once_then_from_the_cache(build: Build, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "SPKG_CACHE_DIR": str(tmp_path)}
    argv = ["query", "located-in", "-p", "place=Pakistan", "--graph", str(build.folder), "-q"]
    first = _modules_after(argv, ("yaml",), env)
    second = _modules_after(argv, ("yaml",), env)
    assert first["loaded"] == ["yaml"]
    assert second["loaded"] == []
    assert first["out"] == second["out"] and first["code"] == second["code"] == 0
    assert (tmp_path / "query-headers.json").is_file()


def test_a_changed_header_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spkg.queries.catalogue import parse_stored_query

    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "cache"))
    query = tmp_path / "q.rq"
    query.write_text("#+ summary: one\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    assert parse_stored_query(query).summary == "one"
    query.write_text("#+ summary: two\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    assert parse_stored_query(query).summary == "two"
    assert parse_stored_query(query).summary == "two"  # now from the cache


def test_a_quick_query_on_a_read_only_store_skips_the_time_limit_thread(
        build: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    import spkg.store.oxigraph as oxigraph_module
    from spkg.deadline import call_with_timeout as real

    handed: list[float | None] = []

    def counting(function: Any, timeout: float | None) -> Any:
        handed.append(timeout)
        return real(function, timeout)

    monkeypatch.setattr(oxigraph_module, "call_with_timeout", counting)
    stored = catalogue()["studies"]
    read_only = OxigraphStore(store=build.store, terms="oxigraph", read_only=True)
    answers = [render(run_stored(read_only, stored, {}, timeout=60), "csv") for _ in range(3)]
    assert len(set(answers)) == 1
    assert len(handed) == 1, "only the first run goes through the thread"
    # other parameters are another query; a store that may change always uses the thread
    run_stored(read_only, catalogue()["located-in"], {"place": "id:place/pakistan"}, timeout=60)
    assert len(handed) == 2
    writable = OxigraphStore(store=build.store, terms="oxigraph")
    for _ in range(2):
        run_stored(writable, stored, {}, timeout=60)
    assert len(handed) == 4


def test_a_query_past_its_limit_still_times_out_on_a_read_only_store(build: Build) -> None:
    from spkg.errors import QueryTimeout

    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }")
    store = OxigraphStore(store=build.store, terms="oxigraph", read_only=True)
    for _ in range(2):  # a run that timed out is not remembered as quick
        with pytest.raises(QueryTimeout):
            store.query(slow, timeout=0.2)
