"""N-Quads read with pyoxigraph's parser give what rdflib's parser gives, term for term."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from spkg import paths
from spkg.dataset import load_asserted, new_dataset
from spkg.namespace import INFERRED_GRAPH
from spkg.rdfcore.nquads import read_nquads

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _by_rdflib(path: Path) -> Dataset:
    dataset: Dataset = new_dataset()
    dataset.parse(path, format="nquads")
    return dataset


def _by_us(path: Path, skip: tuple[URIRef, ...] = ()) -> Dataset:
    dataset: Dataset = new_dataset()
    read_nquads(dataset, path, skip=skip)
    return dataset


def _assert_same(ours: Dataset, theirs: Dataset) -> None:
    names = {g.identifier for g in theirs.graphs() if len(g)}
    assert {g.identifier for g in ours.graphs() if len(g)} == names
    for name in names:
        mine, other = ours.graph(name), theirs.graph(name)
        # exact terms, datatypes and language tags of everything without blank nodes
        assert ({t for t in mine if not any(isinstance(x, BNode) for x in t)}
                == {t for t in other if not any(isinstance(x, BNode) for x in t)})
        assert len(mine) == len(other)
        assert isomorphic(mine, other)


@pytest.fixture(scope="module")
def seed_dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ontology, reference data and one seed document as N-Quads, as rdflib writes them."""
    first = sorted(paths.graphs_dir().glob("*.trig"))[:1]
    path = tmp_path_factory.mktemp("nq") / "seed.nq"
    path.write_bytes(load_asserted(first).serialize(format="nquads", encoding="utf-8"))
    return path


def test_a_seed_dump_reads_as_rdflib_reads_it(seed_dump: Path) -> None:
    _assert_same(_by_us(seed_dump), _by_rdflib(seed_dump))


def test_a_skipped_graph_is_left_out(seed_dump: Path) -> None:
    text = seed_dump.read_text(encoding="utf-8")
    path = seed_dump.with_name("inferred.nq")
    path.write_text(text + f'<urn:x:a> <urn:x:b> "c" <{INFERRED_GRAPH}> .\n', encoding="utf-8")
    with_inferred = _by_us(path)
    assert len(with_inferred.graph(INFERRED_GRAPH)) == 1
    without = _by_us(path, skip=(INFERRED_GRAPH,))
    assert len(without.graph(INFERRED_GRAPH)) == 0
    assert len(without) == len(with_inferred) - 1


@pytest.mark.parametrize("line", [
    '<urn:x:a> <urn:x:p> "text"^^<http://www.w3.org/2001/XMLSchema#string> <urn:x:g> .',
    '<urn:x:a> <urn:x:p> "text"@en-GB <urn:x:g> .',
    '<urn:x:a> <urn:x:p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:x:g> .',
    '<urn:x:a> <urn:x:p> "not a number"^^<http://www.w3.org/2001/XMLSchema#integer> .',
    '_:b1 <urn:x:p> _:b2 <urn:x:g> .',
    '<urn:x:a> <urn:x:p> "tab\\tquote\\" \\u00e9" <urn:x:g> .',
])
def test_each_kind_of_line_reads_as_rdflib_reads_it(tmp_path: Path, line: str) -> None:
    path = tmp_path / "one.nq"
    path.write_text(line + "\n<urn:x:a> <urn:x:q> <urn:x:b> .\n", encoding="utf-8")
    _assert_same(_by_us(path), _by_rdflib(path))


def test_an_explicit_string_datatype_and_a_tag_case_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "exact.nq"
    path.write_text('<urn:x:a> <urn:x:p> "s"^^<http://www.w3.org/2001/XMLSchema#string> .\n'
                    '<urn:x:a> <urn:x:p> "t"@en-GB .\n', encoding="utf-8")
    objects = set(_by_us(path).graph(DATASET_DEFAULT_GRAPH_ID).objects())
    assert objects == {Literal("s", datatype=XSD_STRING), Literal("t", lang="en-GB")}


def test_a_syntax_error_is_rdflibs_error_as_before(tmp_path: Path) -> None:
    path = tmp_path / "bad.nq"
    path.write_text('<urn:x:a> <urn:x:p> <urn:x:b> <urn:x:g> .\n<urn:x:a> <urn:x:p> "open .\n',
                    encoding="utf-8")
    with pytest.raises(Exception) as ours:  # whatever rdflib raises
        _by_us(path)
    with pytest.raises(Exception) as theirs:
        _by_rdflib(path)
    assert type(ours.value) is type(theirs.value)


def test_reading_takes_a_fraction_of_rdflibs_cpu(seed_dump: Path) -> None:
    # CPU time, not wall time: other processes on a busy machine do not count
    def cpu(read: object) -> float:
        started = time.process_time()
        read(seed_dump)  # type: ignore[operator]
        return time.process_time() - started

    ours = min(cpu(_by_us) for _ in range(2))
    theirs = min(cpu(_by_rdflib) for _ in range(2))
    assert ours * 1.4 < theirs, (ours, theirs)
