"""Stored queries rewritten for the engine give what their plain form gives (issue 17).

The plain forms are in tests/queries/reference/ (the text before the rewrite); the data in
tests/queries/rewrites.trig has the cases the goldens do not: missing or repeated
selectors, a resource as subject and object, projects with nothing supported or funded.
Rows compare as multisets (the ORDER BY clauses are the same text on both sides).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from spkg.queries import catalogue
from spkg.queries.catalogue import StoredQuery
from spkg.queries.golden import query_tests_dir
from spkg.queries.runner import run_stored
from spkg.store.base import Store
from spkg.store.memory import RdflibStore
from spkg.store.oxigraph import OxigraphStore

STORES = ("rdflib", "oxigraph")
EDGE = "https://w3id.org/spkg/id/"


@cache
def _store(kind: str) -> Store:
    from spkg.dataset import load_files, new_dataset

    dataset = new_dataset()
    load_files(dataset, [query_tests_dir() / "rewrites.trig"])
    if kind == "rdflib":
        return RdflibStore(dataset)
    store = OxigraphStore()
    store.load(dataset)
    return store


def _reference(name: str) -> StoredQuery:
    stored = catalogue()[name]
    text = (query_tests_dir() / "reference" / f"{name}.rq").read_text(encoding="utf-8")
    return StoredQuery(**{**stored.__dict__, "text": text})


def _rows(store: Store, stored: StoredQuery, params: dict[str, str]) -> list[tuple[Any, ...]]:
    rows = run_stored(store, stored, params, timeout=60).rows
    return sorted(rows, key=repr)


@pytest.mark.parametrize("kind", STORES)
@pytest.mark.parametrize("resource", ["programme/edge", "organisation/edge-a",
                                      "organisation/edge-b"])
def test_provenance_equals_its_plain_form(kind: str, resource: str) -> None:
    params = {"resource": EDGE + resource}
    got = _rows(_store(kind), catalogue()["provenance"], params)
    assert got == _rows(_store(kind), _reference("provenance"), params)
    assert got  # every resource here has statements


def test_provenance_edge_cases_are_as_written() -> None:
    """A span's position needs both offsets; each quote of a span is a row; a span with no
    selector still gives its statement; a selector only counts in the statement's graph."""
    result = run_stored(_store("oxigraph"), catalogue()["provenance"],
                        {"resource": EDGE + "programme/edge"}, timeout=60)
    cells = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    by_object: dict[str, list[dict[str, Any]]] = {}
    for cell in cells:
        by_object.setdefault(str(cell["object"]), []).append(cell)
    partner_b = by_object[EDGE + "programme/edge"]
    sentences = sorted(str(c["sentence"]) for c in partner_b
                       if str(c["document"]).endswith("edge-a"))
    assert sentences == ["First quote.", "Second quote."]
    assert all(c["start"] is None for c in partner_b if str(c["document"]).endswith("edge-a"))
    own_graph = [c for c in partner_b if str(c["document"]).endswith("edge-b")]
    assert len(own_graph) == 2  # as subject and as object, the selector of another graph unseen
    assert all(c["sentence"] is None for c in own_graph)
    assert [c["start"] for c in by_object["Edge programme"]] == [None]


@pytest.mark.parametrize("kind", STORES)
@pytest.mark.parametrize("funder", [None, "organisation/edge-a", "organisation/edge-b"])
def test_project_support_lists_projects_with_nothing_supported_once(
        kind: str, funder: str | None) -> None:
    """A project that supports nothing is one row with ?supported unbound; before the
    rewrite the supported thing's label OPTIONAL came after it, so an unbound ?supported
    matched every labelled thing in the graph."""
    params = {} if funder is None else {"funder": EDGE + funder}
    result = run_stored(_store(kind), catalogue()["project-support"], params, timeout=60)
    cells = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    projects = sorted(str(c["project"]).rsplit("/", 1)[1] for c in cells)
    if funder is None:
        assert projects == ["edge-alone", "edge-french", "edge-full", "edge-unfunded"]
        alone = next(c for c in cells if str(c["project"]).endswith("edge-alone"))
        assert alone["supported"] is None and alone["fundedBy"] is None
        unfunded = next(c for c in cells if str(c["project"]).endswith("edge-unfunded"))
        assert str(unfunded["supported"]) == EDGE + "programme/edge"
        assert str(unfunded["supportedLabel"]) == "Edge programme"
        french = next(c for c in cells if str(c["project"]).endswith("edge-french"))
        assert french["projectLabel"] is None and str(french["funderLabel"]) == "Edge A"
    else:
        assert projects == ["edge-french" if funder.endswith("edge-a") else "edge-full"]


@pytest.mark.parametrize("kind", STORES)
def test_project_support_equals_its_plain_form_where_every_project_supports_something(
        kind: str) -> None:
    """Where no ?supported is unbound the old form was right: the same rows."""
    params = {"funder": EDGE + "organisation/edge-b"}
    got = _rows(_store(kind), catalogue()["project-support"], params)
    assert got == _rows(_store(kind), _reference("project-support"), params)
