"""One document's graph, validated on its own, conforms as the whole seed graph does.

Reference resources reached only through another reference resource (C102, cited by a
contingency the document names) and reference places linked without a statement of their
own must not read as violations or as entities without a source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spkg import paths
from spkg.dataset import load_asserted
from spkg.validate import validate_dataset

SEED_GRAPHS = sorted(paths.graphs_dir().glob("*.trig"))


@pytest.mark.parametrize("graph_file", SEED_GRAPHS, ids=lambda p: p.stem)
@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_a_seed_graph_alone_has_no_violation_or_warning(graph_file: Path, inference: str) -> None:
    result = validate_dataset(load_asserted([graph_file]), inference=inference)
    assert result.counts.get("Violation", 0) == 0, result.text()
    assert result.counts.get("Warning", 0) == 0, result.text()
