"""One document's graph, validated on its own, conforms as the whole seed graph does.

Reference resources reached only through another reference resource (C102, cited by a
contingency the document names) and reference places linked without a statement of their
own must not read as violations or as entities without a source.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset
from validation_support import background_dataset, with_background

from spkg import paths
from spkg.validate import validate_dataset

SEED_GRAPHS = sorted(paths.graphs_dir().glob("*.trig"))


@pytest.fixture(scope="module")
def background() -> Dataset:
    """Ontology and reference data, parsed once for the module (each case parsed them)."""
    return background_dataset()


@pytest.mark.parametrize("graph_file", SEED_GRAPHS, ids=lambda p: p.stem)
@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_a_seed_graph_alone_has_no_violation_or_warning(
        background: Dataset, graph_file: Path, inference: str) -> None:
    with with_background(background, graph_file) as dataset:
        result = validate_dataset(dataset, inference=inference)
        assert result.counts.get("Violation", 0) == 0, result.text()
        assert result.counts.get("Warning", 0) == 0, result.text()
