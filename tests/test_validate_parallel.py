"""Validation split over worker processes gives exactly the results of one process."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF, SH

from spkg.dataset import bind_prefixes, load_background, load_files
from spkg.validate import load_shapes, validate_dataset
from spkg.validate.parallel import longest_first, targeted_shapes
from spkg.validate.report import Result, ValidationResult

FIXTURES = Path(__file__).parent / "shapes"
VIOLATING = sorted(p for p in FIXTURES.iterdir()
                   if p.suffix in {".ttl", ".trig"} and "--violates" in p.name)
SHAPES = load_shapes()


@pytest.fixture(scope="module")
def many_violations() -> Dataset:
    """Every violating shape fixture at once, over the real ontology and reference data."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    load_background(dataset)
    load_files(dataset, VIOLATING)
    return dataset


def _key(result: Result) -> tuple[str, ...]:
    return (str(result.shape), str(result.focus), str(result.path), str(result.value),
            result.severity, result.message)


@dataclass(frozen=True)
class Split:
    result: ValidationResult
    shapes_before: int  # triples in the shapes graph before the run, and after it
    shapes_after: int


@pytest.fixture(scope="module")
def split(many_violations: Dataset) -> Split:
    """One run over two workers, shared by the tests that look at it (each took ~45 s)."""
    before = len(SHAPES.graph)
    result = validate_dataset(many_violations, shapes=SHAPES, workers=2)
    return Split(result, before, len(SHAPES.graph))


def test_two_workers_find_what_one_process_finds(many_violations: Dataset, split: Split) -> None:
    single = validate_dataset(many_violations, shapes=SHAPES, workers=1)
    assert len({r.shape for r in single.results}) > 40  # the fixtures exercise most shapes
    assert sorted(map(_key, split.result.results)) == sorted(map(_key, single.results))
    assert split.result.counts == single.counts and not split.result.conforms


def test_merged_report_is_one_standard_report(split: Split) -> None:
    result = split.result
    report = result.report_graph
    heads = list(report.subjects(RDF.type, SH.ValidationReport))
    assert len(heads) == 1
    assert report.value(heads[0], SH.conforms).toPython() is False
    assert len(list(report.objects(heads[0], SH.result))) == len(result.results)


def test_workers_leave_the_shapes_graph_as_it_was(split: Split) -> None:
    assert split.shapes_after == split.shapes_before


def test_every_targeted_shape_is_a_task_and_sparql_shapes_go_first(
        many_violations: Dataset) -> None:
    order = longest_first(many_violations, SHAPES.graph)
    assert sorted(order, key=str) == targeted_shapes(SHAPES.graph)
    with_sparql = [SHAPES.graph.value(shape, SH.sparql) is not None for shape in order]
    assert any(with_sparql)
    assert with_sparql == sorted(with_sparql, reverse=True)


def test_rdfs_inference_runs_in_one_process(many_violations: Dataset) -> None:
    one = validate_dataset(many_violations, shapes=SHAPES, inference="rdfs", workers=1)
    asked_two = validate_dataset(many_violations, shapes=SHAPES, inference="rdfs", workers=2)
    assert sorted(map(_key, asked_two.results)) == sorted(map(_key, one.results))


WORKER_SCRIPT = """
import multiprocessing, os, sys, time
from spkg.validate import parallel

def worker():
    parallel._die_with_parent()
    time.sleep(60)

parallel._parent_pid = os.getpid()
child = multiprocessing.get_context("fork").Process(target=worker)
child.start()
print(child.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_worker_ends_when_its_parent_is_killed() -> None:
    import signal
    import subprocess
    import time

    parent = subprocess.Popen([sys.executable, "-c", WORKER_SCRIPT], stdout=subprocess.PIPE,
                              text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    time.sleep(0.5)  # let the worker reach prctl
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    for _ in range(50):  # bounded: 5 s
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        if Path(f"/proc/{worker}/stat").read_text().split(") ")[1].startswith("Z"):
            return  # ended; a zombie until init reaps it
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    pytest.fail("the worker outlived its parent")
