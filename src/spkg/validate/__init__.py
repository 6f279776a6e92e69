"""SHACL validation of the knowledge graph that a person can act on.

``validate_dataset`` runs pySHACL with the shapes of shapes/ over the document graphs and
the inferred graph (the ontology gives the class hierarchy; see datagraph.py) and returns a
ValidationResult: counts by severity, results with label, source sentence and hint, the
standard report graph, ``.text()`` for people and ``.serialize(fmt)`` for machines.
"""

from __future__ import annotations

import time
from pathlib import Path

from rdflib import Dataset, Graph

from spkg.errors import InputError, SpkgError
from spkg.prefixes import bind_prefixes
from spkg.validate.background import merge_into, reference_report, results_outside
from spkg.validate.datagraph import data_triples, in_data, prepare
from spkg.validate.hoisting import hoisted
from spkg.validate.parallel import available_cpus, validate_in_workers
from spkg.validate.report import SEVERITIES, Result, ValidationResult, read_results
from spkg.validate.shapes import SPKGSH, Shapes, load_shapes

__all__ = ["SEVERITIES", "Result", "Shapes", "ValidationResult", "load_shapes", "validate_dataset"]

INFERENCE_OPTIONS = ("none", "rdfs")
# Below this many data triples a single process is quicker than forking workers.
PARALLEL_FROM_TRIPLES = 50_000


def can_fork() -> bool:
    """Whether workers can be forked (they share the parent's data without copying it)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def validate_dataset(
    dataset: Dataset,
    *,
    inference: str = "none",
    shapes_dir: Path | None = None,
    shapes: Shapes | None = None,
    workers: int | None = None,
) -> ValidationResult:
    """Validate ``dataset`` (ontology + reference + document graphs [+ inferred graph]).

    ``workers`` processes share the shapes (default: one per CPU once the data has
    PARALLEL_FROM_TRIPLES triples, else one); the results are those of a single run.
    With ``inference="rdfs"`` validation runs in one process: each worker would have to
    repeat the inference.
    """
    import pyshacl

    if inference not in INFERENCE_OPTIONS:
        raise InputError(f"unknown inference {inference!r} (known: {', '.join(INFERENCE_OPTIONS)})")
    shapes = shapes or load_shapes(shapes_dir)
    evaluated = hoisted(shapes.graph)
    started = time.perf_counter()
    asserted = data_triples(dataset)
    if asserted == 0:
        raise InputError("nothing to validate: the dataset has no document triples")
    if workers is None:
        workers = available_cpus() if asserted >= PARALLEL_FROM_TRIPLES else 1
    try:
        if workers > 1 and inference == "none" and can_fork():
            report = validate_in_workers(dataset, evaluated, workers)
        else:
            prepared = prepare(dataset)
            _conforms, report, _text = pyshacl.validate(
                prepared.data,
                shacl_graph=evaluated,
                ont_graph=prepared.ontology,
                inference=inference,
                inplace=True,  # the data graph is our own copy: spare pySHACL a second one
            )
    except Exception as error:  # pySHACL reports bad shapes with many exception types
        raise SpkgError(f"SHACL validation failed: {' '.join(str(error).split())[:300]}") from error
    # the reference resources no document mentions: checked whole, once per content
    merge_into(report, results_outside(reference_report(dataset, shapes, evaluated),
                                       lambda node: in_data(dataset, node)))
    results = read_results(report, shapes, dataset)
    seconds = time.perf_counter() - started
    for prefix, namespace in shapes.graph.namespaces():
        report.bind(prefix, namespace, override=False)
    names = Graph()
    bind_prefixes(names)
    names.bind("spkgsh", SPKGSH)
    return ValidationResult(results, report, names.namespace_manager,
                            data_triples=asserted, seconds=seconds)
