"""The seed graph as `spkg serve` loads it (``load_quads(None)``), worked out once per run.

Four modules serve or render it (pages dashboard, static site, browser, accessibility);
each worked it out again (1.5-1.7 s CPU each: parsing, merging, the inferred graph). The
first to need it writes it as N-Quads in the run's temporary folder, under a file lock so
that xdist workers wait for it instead of repeating it; the others parse that (0.05 s).
The folder is the run's own, so a changed seed or ontology is never read stale.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This run's temporary folder: under xdist the workers' folders share a parent, which
    is the run's; serially the parent holds earlier runs too, so the folder itself."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def seed_quads(tmp_path_factory: pytest.TempPathFactory) -> list[ox.Quad]:
    from filelock import FileLock

    from spkg.server.load import load_quads

    target = _run_folder(tmp_path_factory) / "spkg-seed-quads.nq"
    with FileLock(f"{target}.lock", timeout=600):
        if not target.is_file():
            quads: list[ox.Quad] = load_quads(None)
            temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            ox.serialize(quads, output=str(temporary), format=ox.RdfFormat.N_QUADS)
            os.replace(temporary, target)  # readers see it whole or not at all
            return quads
    return list(ox.parse(path=str(target), format=ox.RdfFormat.N_QUADS))
