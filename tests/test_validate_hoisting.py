"""Hoisting targets onto property shapes changes how fast pySHACL validates, never what it
reports: closed shapes, shared and nested shapes, deactivated parents, and the bundled
shapes on graphs with planted errors."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH

from spkg.dataset import load_built
from spkg.validate import Result, validate_dataset
from spkg.validate.hoisting import hoisted
from spkg.validate.shapes import load_shapes

DATA = Path(__file__).parent / "validate_data"

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:Closed a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:closed true ; sh:ignoredProperties ( <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ) ;
    sh:property ex:Closed-name, ex:Closed-size .
ex:Closed-name a sh:PropertyShape ; sh:path ex:name ; sh:minCount 1 ; sh:datatype xsd:string .
ex:Closed-size a sh:PropertyShape ; sh:path ex:size ; sh:maxCount 1 .

ex:Shared a sh:PropertyShape ; sh:path ex:colour ; sh:minCount 1 .
ex:UsesShared a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property ex:Shared .
ex:AlsoUsesShared a sh:NodeShape ; sh:targetClass ex:Other ; sh:property ex:Shared .

ex:Reached a sh:NodeShape ; sh:targetClass ex:Other ; sh:property ex:Reached-name .
ex:Reached-name a sh:PropertyShape ; sh:path ex:name ; sh:minCount 1 .
ex:Outer a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:part ; sh:node ex:Reached ] .

ex:Off a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ;
    sh:property ex:Off-label .
ex:Off-label a sh:PropertyShape ; sh:path ex:label ; sh:minCount 1 .
"""

DATA_TTL = """
@prefix ex: <http://example.org/> .
ex:a a ex:Thing ; ex:name "a" ; ex:size 1, 2 ; ex:extra "not allowed" ; ex:part ex:p .
ex:b a ex:Thing ; ex:name 3 ; ex:colour "red" ; ex:part ex:q .
ex:p a ex:Other .
ex:q ex:name "q" .
"""


def _results(report: Graph) -> set[tuple[str, ...]]:
    rows = set()
    for result in report.objects(None, SH.result):
        values = []
        for p in (SH.focusNode, SH.resultPath, SH.value, SH.sourceShape,
                  SH.sourceConstraintComponent, SH.resultSeverity):
            value = report.value(result, p)
            values.append("_" if isinstance(value, BNode) else str(value))
        rows.add(tuple(values))
    return rows


def _validate(shapes: Graph) -> set[tuple[str, ...]]:
    data = Graph().parse(data=DATA_TTL, format="turtle")
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes)
    return _results(report)


def test_results_are_the_same_nested_and_hoisted() -> None:
    shapes = Graph().parse(data=SHAPES, format="turtle")
    nested = _validate(shapes)
    assert len(nested) >= 5, "the fixture should break several shapes"
    assert any("extra" in row[1] for row in nested), "the closed shape should catch ex:extra"
    assert _validate(hoisted(shapes)) == nested


def test_only_safe_property_shapes_are_hoisted() -> None:
    shapes = hoisted(Graph().parse(data=SHAPES, format="turtle"))

    def has_target(shape: str) -> bool:
        return (URIRef("http://example.org/" + shape), SH.targetClass, None) in shapes

    assert has_target("Closed-name") and has_target("Closed-size")
    assert not has_target("Shared")  # used by two node shapes
    assert not has_target("Reached-name")  # its node shape is reached through sh:node
    assert not has_target("Off-label")  # its node shape is deactivated


@pytest.mark.parametrize("name", ["planted-errors.trig", "wrong-link.trig"])
def test_bundled_shapes_report_the_same_hoisted(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def key(result: Result) -> tuple[str, ...]:
        path = "_" if isinstance(result.path, BNode) else str(result.path)
        return (str(result.severity), str(result.shape), str(result.focus), path,
                str(result.value), result.message)

    shapes = load_shapes()
    hoisted_results = sorted(map(key, validate_dataset(load_built([DATA / name]), shapes=shapes,
                                                       workers=1).results))
    monkeypatch.setattr("spkg.validate.hoisted", lambda graph: graph)
    nested_results = sorted(map(key, validate_dataset(load_built([DATA / name]), shapes=shapes,
                                                      workers=1).results))
    assert nested_results and hoisted_results == nested_results
