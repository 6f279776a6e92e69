"""The dataset the server and the static site show: the built dataset, or the given files."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from spkg.rdfcore.terms import dataset_quads

log = logging.getLogger("spkg.server")


def load_quads(files: Sequence[Path] | None = None) -> list[ox.Quad]:
    """Ontology + reference + document graphs (+ inferred, when reasoning is available)."""
    from spkg import dataset as datasets

    try:
        dataset = datasets.load_built(files)
    except ModuleNotFoundError as missing:
        if missing.name is None or not missing.name.startswith("spkg.reason"):
            raise
        log.warning("spkg.reason is not available: serving the asserted graphs only")
        dataset = datasets.load_asserted(files)
    return list(dataset_quads(dataset))
