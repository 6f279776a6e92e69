"""The shapes, read through the parse cache, are the graph and origins a parse gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.compare import isomorphic

from spkg import paths
from spkg.errors import RdfParseError
from spkg.rdfcore import parsecache
from spkg.validate.shapes import SPKGSH, Shapes, load_shapes


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "cache"))
    parsecache.forget()
    copy = tmp_path / "shapes"
    shutil.copytree(paths.shapes_dir(), copy)
    return copy


def _parsed_file_by_file(folder: Path) -> tuple[Graph, dict[URIRef, str], list[str]]:
    merged, blank_files = Graph(), []
    first: dict[URIRef, str] = {}
    for path in sorted(folder.glob("*.ttl")):
        part = Graph().parse(path, format="turtle")
        merged += part
        for prefix, namespace in part.namespaces():
            merged.bind(prefix, namespace, override=False)
        for subject in set(part.subjects()):
            if isinstance(subject, URIRef):
                first.setdefault(subject, path.name)
            else:
                blank_files.append(path.name)
    merged.bind("spkgsh", SPKGSH)
    return merged, first, sorted(blank_files)


@pytest.mark.parametrize("source", ["parse", "cache folder", "memory"])
def test_the_shapes_are_what_a_parse_gives(folder: Path, source: str) -> None:
    load_shapes(folder)
    if source == "cache folder":
        parsecache.forget()
    if source != "parse":
        assert list((folder.parent / "cache" / "parsed").glob("shapes-*.marshal"))
    shapes = load_shapes(folder) if source != "parse" else _fresh(folder)
    graph, first, blank_files = _parsed_file_by_file(folder)
    assert len(shapes.graph) == len(graph) > 0 and isomorphic(shapes.graph, graph)
    assert list(shapes.graph.namespaces()) == list(graph.namespaces())
    assert {s: f for s, f in shapes.files.items() if isinstance(s, URIRef)} == first
    assert sorted(f for s, f in shapes.files.items() if isinstance(s, BNode)) == blank_files
    # every shape's hint (its own, or its node shape's) is found as in the parsed graph
    parsed = Shapes(graph, {}, "")
    assert ({s: shapes.hint(s) for s in shapes.files if isinstance(s, URIRef)}
            == {s: parsed.hint(s) for s in first})
    assert (sorted(str(shapes.hint(s)) for s in shapes.files if isinstance(s, BNode))
            == sorted(str(parsed.hint(s)) for s in set(graph.subjects())
                      if isinstance(s, BNode)))


def _fresh(folder: Path) -> Shapes:
    parsecache.forget()
    for entry in (folder.parent / "cache" / "parsed").glob("shapes-*.marshal"):
        entry.unlink()
    return load_shapes(folder)


def test_an_edited_shapes_file_is_read_again(folder: Path) -> None:
    before = load_shapes(folder)
    path = sorted(folder.glob("*.ttl"))[0]
    path.write_text(path.read_text(encoding="utf-8")
                    + "\n<urn:x:NewShape> a <http://www.w3.org/ns/shacl#NodeShape> .\n",
                    encoding="utf-8")
    after = load_shapes(folder)
    assert after.file_of(URIRef("urn:x:NewShape")) == path.name
    assert after.digest != before.digest and len(after.graph) == len(before.graph) + 1


def test_a_bad_shapes_file_is_named_and_not_cached(folder: Path) -> None:
    bad = folder / "zz-bad.ttl"
    bad.write_text("<urn:x:a> <urn:x:b> .\n", encoding="utf-8")
    with pytest.raises(RdfParseError) as raised:
        load_shapes(folder)
    assert raised.value.path == str(bad)
    assert not list((folder.parent / "cache" / "parsed").glob("shapes-*.marshal"))
