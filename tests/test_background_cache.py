"""The background (ontology + reference data) parse cache: same graphs, found by content."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, URIRef
from rdflib.compare import isomorphic

from spkg import paths
from spkg.dataset import BACKGROUND_GRAPHS, load_background, new_dataset
from spkg.namespace import ONTOLOGY_GRAPH
from spkg.rdfcore import parsecache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SPKG_CACHE_DIR", str(folder))
    parsecache.forget()  # what earlier tests left in this process's memory
    return folder


def _loaded(*, use_cache: bool = True) -> Dataset:
    dataset = new_dataset()
    load_background(dataset, use_cache=use_cache)
    return dataset


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "parsed").glob("background-*.marshal"))


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("parsed although the cache holds the background")

    monkeypatch.setattr("spkg.dataset.parse_into", fail)


def test_a_cached_load_equals_a_parse(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = _loaded(use_cache=False)
    assert _entries(cache) == []
    _loaded()  # writes the entry
    assert len(_entries(cache)) == 1
    _refuse_parsing(monkeypatch)
    cached = _loaded()
    for name in BACKGROUND_GRAPHS:
        assert len(cached.graph(name)) == len(parsed.graph(name)) > 0
        assert isomorphic(cached.graph(name), parsed.graph(name))
    assert list(cached.namespaces()) == list(parsed.namespaces())
    assert {g.identifier for g in cached.graphs()} == {g.identifier for g in parsed.graphs()}


def test_each_load_has_blank_nodes_of_its_own(cache: Path) -> None:
    _loaded()
    first, second = _loaded(), _loaded()  # from this process's memory
    parsecache.forget()
    third = _loaded()  # from the folder

    def blanks(dataset: Dataset) -> set[BNode]:
        return {t for q in dataset.quads() for t in q[:3] if isinstance(t, BNode)}

    assert blanks(first) and not blanks(first) & blanks(second)
    assert blanks(third) and not (blanks(first) | blanks(second)) & blanks(third)


def test_a_process_remembers_what_it_read_whatever_the_cache_folder(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _loaded()
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "another"))
    _refuse_parsing(monkeypatch)
    again = _loaded()
    assert not (tmp_path / "another").exists()  # neither read nor written
    for name in BACKGROUND_GRAPHS:
        assert isomorphic(again.graph(name), expected.graph(name))


def test_a_changed_input_is_parsed_again(cache: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _loaded()
    ontology = tmp_path / "spkg.ttl"
    ontology.write_bytes(paths.ontology_file().read_bytes()
                         + b"\n<urn:x:new> a <urn:x:Thing> .\n")
    monkeypatch.setattr(paths, "ontology_file", lambda: ontology)
    dataset = _loaded()
    assert (URIRef("urn:x:new"), None, None) in dataset.graph(ONTOLOGY_GRAPH)
    assert len(_entries(cache)) == 2


def test_a_damaged_entry_is_a_miss_and_is_rewritten(cache: Path) -> None:
    expected = len(_loaded())
    (entry,) = _entries(cache)
    entry.write_bytes(entry.read_bytes()[:1000])
    parsecache.forget()
    assert len(_loaded()) == expected
    key = entry.name.removeprefix("background-").removesuffix(".marshal")
    parsecache.forget()
    assert parsecache.load("background", key) is not None  # read back from the folder


def test_a_bad_background_file_fails_and_caches_nothing(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spkg.errors import RdfParseError

    broken = tmp_path / "spkg.ttl"
    broken.write_text("<urn:x:a> <urn:x:b> .\n", encoding="utf-8")
    monkeypatch.setattr(paths, "ontology_file", lambda: broken)
    with pytest.raises(RdfParseError) as raised:
        _loaded()
    assert "spkg.ttl" in str(raised.value)
    assert _entries(cache) == []


def test_old_entries_are_pruned(cache: Path) -> None:
    parsed = parsecache.Parsed([(URIRef("urn:x:s"), URIRef("urn:x:p"), URIRef("urn:x:o"),
                                 URIRef("urn:x:g"))], [("x", "urn:x:")])
    for number in range(parsecache.KEEP + 3):
        parsecache.store("test", f"{number:04d}", parsed)
    kept = sorted((cache / "parsed").glob("test-*.marshal"))
    assert len(kept) == parsecache.KEEP
    parsecache.forget()
    assert parsecache.load("test", f"{parsecache.KEEP + 2:04d}") == parsed


def test_writers_in_parallel_never_show_a_half_entry(cache: Path) -> None:
    quads = [(URIRef(f"urn:x:{n}"), URIRef("urn:x:p"), BNode(), URIRef("urn:x:g"))
             for n in range(20_000)]
    parsed = parsecache.Parsed(quads, [])  # type: ignore[arg-type]
    seen: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            parsecache.forget()  # from the folder, not from this process's memory
            found = parsecache.load("test", "same")
            if found is not None:
                seen.append(len(found.quads))

    reader = threading.Thread(target=read)
    reader.start()
    writers = [threading.Thread(target=parsecache.store, args=("test", "same", parsed))
               for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    stop.set()
    reader.join(timeout=60)
    assert set(seen) <= {len(quads)}
    assert not list((cache / "parsed").glob(".*.tmp"))  # no temporary file left behind


def test_a_cached_load_takes_a_fraction_of_the_cpu_of_a_parse(cache: Path) -> None:
    # CPU time, not wall time: other processes on a busy machine do not count
    def cpu(use_cache: bool) -> float:
        started = time.process_time()
        _loaded(use_cache=use_cache)
        return time.process_time() - started

    _loaded()
    parse = cpu(False)
    hit = min(cpu(True) for _ in range(2))
    assert hit * 2 < parse, (hit, parse)


def test_given_files_are_parsed_before_the_background(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from spkg.dataset import load_asserted
    from spkg.errors import RdfParseError

    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n',
                   encoding="utf-8")

    def background(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the background was read before the given file")

    monkeypatch.setattr("spkg.dataset.load_background", background)
    with pytest.raises(RdfParseError) as raised:
        load_asserted([bad])
    assert raised.value.path == str(bad) and raised.value.line == 3


def test_validate_of_a_bad_file_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n',
                   encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "spkg", "validate", str(bad)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{bad}:3:" in lines[0] and "does not parse" in lines[0]


def test_a_cached_graph_equals_rdflibs_parse(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rdflib import Graph

    files = paths.reference_files()
    parsed = Graph()
    for path in files:
        parsed.parse(path, format="turtle")
    first = parsecache.cached_graph("reference", files)
    monkeypatch.setattr(Graph, "parse", lambda *_a, **_k: pytest.fail("parsed again"))
    second = parsecache.cached_graph("reference", files)
    for graph in (first, second):
        assert len(graph) == len(parsed) and isomorphic(graph, parsed)
    assert sorted(second.namespaces()) == sorted(parsed.namespaces())


def test_a_file_changed_while_parsed_is_not_kept(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "one.ttl"
    source.write_text("<urn:x:a> <urn:x:p> <urn:x:b> .\n", encoding="utf-8")

    def parse_while_edited() -> parsecache.Parsed:
        read = parsecache.Parsed([(URIRef("urn:x:a"), URIRef("urn:x:p"), URIRef("urn:x:b"),
                                   URIRef("urn:x:g"))], [])
        source.write_text("<urn:x:a> <urn:x:p> <urn:x:c> .\n", encoding="utf-8")
        return read

    parsecache.load_or_parse("test", [source], parse_while_edited)
    assert not list((cache / "parsed").glob("test-*.marshal"))
    parsecache.load_or_parse("test", [source], lambda: parsecache.Parsed([], []))
    assert len(list((cache / "parsed").glob("test-*.marshal"))) == 1


def test_a_missing_background_file_is_spkgs_error_not_a_traceback(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spkg.errors import InputError

    missing = tmp_path / "gone.ttl"
    monkeypatch.setattr(paths, "ontology_file", lambda: missing)
    with pytest.raises(InputError) as raised:
        _loaded()
    assert raised.value.path == str(missing) and "no such file" in str(raised.value)


def test_the_key_says_whether_literals_were_normalised(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rdflib

    source = tmp_path / "one.ttl"
    source.write_text('<urn:x:a> <urn:x:p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
                      encoding="utf-8")
    assert {str(o) for o in parsecache.cached_graph("test", [source]).objects()} == {"1"}
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)
    assert {str(o) for o in parsecache.cached_graph("test", [source]).objects()} == {"01"}
