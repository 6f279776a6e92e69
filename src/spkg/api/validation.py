"""Check the graph against the SHACL shapes: :func:`validate_graph`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spkg.api.graph import as_path, load_dataset

if TYPE_CHECKING:
    from spkg.validate.report import ValidationResult


def validate_graph(*, graph: Path | str | None = None,
                   files: Sequence[Path | str] | None = None,
                   shapes: Path | str | None = None, inference: str = "none",
                   workers: int | None = None, fail_on: str = "violation",
                   progress: bool = False) -> ValidationResult:
    """Validate the build ``graph`` (its inferred graph too), or the data ``files`` with the
    bundled ontology and reference data, against the shapes in the folder ``shapes``
    (default: the bundled shapes/). ``inference``: pySHACL's own pre-inference, ``none``
    or ``rdfs``; ``workers``: processes that share the shapes (the results do not depend
    on it). ``fail_on`` is the lowest severity the report's verdict line fails on. The
    shapes are read first, so a bad shapes file fails before the data loads.

    >>> import spkg
    >>> seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))[:1]
    >>> result = spkg.validate_graph(files=seeds, workers=1)
    >>> result.fails("violation")
    False
    """
    from spkg.validate import load_shapes, validate_dataset

    loaded = load_shapes(as_path(shapes))
    dataset = load_dataset(graph, files=files, progress=progress)
    result = validate_dataset(dataset, inference=inference, shapes=loaded, workers=workers)
    result.fail_on = fail_on
    return result
