"""Data-driven shape tests: each file in tests/shapes/ is a tiny graph whose first line says
which shapes it must violate ("# expect: spkgsh:A spkgsh:B") or that it conforms
("# expect: conforms"). The results' source shapes must be exactly that set.

File names are <shapes-file-stem>--<case>.ttl|trig; every shapes file has at least one
conforming and one violating fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, SH
from validation_support import background_dataset, with_background

from spkg import paths
from spkg.validate import load_shapes, validate_dataset
from spkg.validate.shapes import HINT

FIXTURES = Path(__file__).parent / "shapes"
FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".ttl", ".trig"})
SHAPES = load_shapes()


@pytest.fixture(scope="module")
def background() -> Dataset:
    return background_dataset()


def expected_shapes(path: Path) -> set[str] | None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), f"{path.name}: first line must be '# expect: …'"
    words = first.removeprefix("# expect:").split()
    return None if words == ["conforms"] else set(words)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.name for p in FIXTURE_FILES])
def test_fixture(background: Dataset, path: Path) -> None:
    with with_background(background, path) as dataset:
        result = validate_dataset(dataset, shapes=SHAPES)
        found = {r.shape.n3(SHAPES.graph.namespace_manager) for r in result.results}
        expected = expected_shapes(path)
        if expected is None:
            assert found == set(), result.text()
            assert result.conforms
        else:
            assert found == expected, result.text()
            assert not result.conforms


def test_every_shapes_file_has_both_kinds_of_fixture() -> None:
    stems = {p.name for p in paths.shapes_dir().glob("*.ttl")} - {"prefixes.ttl"}
    for name in stems:
        cases = [p for p in FIXTURE_FILES if p.name.startswith(name.removesuffix(".ttl") + "--")]
        kinds = {expected_shapes(p) is None for p in cases}
        assert kinds == {True, False}, f"{name} needs a conforming and a violating fixture"


def test_every_shape_has_message_severity_and_hint() -> None:
    graph = SHAPES.graph
    shapes = set(graph.subjects(RDF.type, SH.NodeShape))
    shapes |= set(graph.subjects(RDF.type, SH.PropertyShape))
    assert len(shapes) > 50
    for shape in shapes:
        assert graph.value(shape, SH.severity) in {SH.Violation, SH.Warning, SH.Info}, shape
        assert isinstance(graph.value(shape, SH.message), Literal), shape
        assert isinstance(graph.value(shape, HINT), Literal), shape


def _disjoint_pairs_in_ontology() -> set[frozenset]:
    ontology = Graph().parse(paths.ontology_file())
    pairs: set[frozenset] = set()
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(ontology, ontology.value(axiom, OWL.members)))
        pairs |= {frozenset((a, b)) for a in members for b in members if a != b}
    pairs |= {frozenset(pair) for pair in ontology.subject_objects(OWL.disjointWith)}
    return pairs


def test_disjointness_shapes_cover_exactly_the_ontology_axioms() -> None:
    graph = SHAPES.graph
    pairs: set[frozenset] = set()
    for shape in graph.subjects(RDF.type, SH.NodeShape):
        if not str(shape).rsplit("#", 1)[-1].startswith("Disjoint-"):
            continue
        target = graph.value(shape, SH.targetClass)
        for negated in graph.objects(shape, SH["not"]):
            assert isinstance(negated, BNode)
            pairs.add(frozenset((target, graph.value(negated, SH["class"]))))
    assert pairs == _disjoint_pairs_in_ontology()


# Parameters that make a shape check something itself (a node shape with only sh:property
# and a target groups property shapes, and its results come from those).
_OWN_CONSTRAINTS = {SH.path, SH.sparql, SH["not"], SH.xone, SH["or"], SH.closed, SH["class"]}


def test_every_checking_shape_is_violated_by_some_fixture() -> None:
    graph = SHAPES.graph
    names = graph.namespace_manager
    checking = {
        shape.n3(names)
        for shape in set(graph.subjects(RDF.type, SH.NodeShape))
        | set(graph.subjects(RDF.type, SH.PropertyShape))
        if any((shape, p, None) in graph for p in _OWN_CONSTRAINTS)
    }
    violated: set[str] = set()
    for path in FIXTURE_FILES:
        violated |= expected_shapes(path) or set()
    assert checking - violated == set()
