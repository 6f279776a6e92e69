"""A wheel built with `pip wheel .` carries the data files and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (built,) = out.glob("spkg-*.whl")
    return built


def test_wheel_carries_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "spkg/_resources/ontology/spkg.ttl",
        "spkg/_resources/data/reference/un-sdg-kos/sdg-kos-goals-targets-indicators.ttl",
        "spkg/_resources/data/reference/un-sdg-kos/SOURCE.md",
        "spkg/_resources/data/sources/001_0844c7bbfea795f9.txt",
    ):
        assert required in names, required
    for folder in ("shapes", "queries", "data/graphs"):
        assert any(n.startswith(f"spkg/_resources/{folder}/") for n in names), folder


def test_unpacked_wheel_finds_its_data_from_another_directory(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "from spkg import paths; from spkg.dataset import load_asserted;"
        "print(paths.resource_root());"
        "print(len(load_asserted(files=[])))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=elsewhere, env=env,
        capture_output=True, text=True, check=True, timeout=300,
    )
    root, triples = result.stdout.split()
    assert Path(root) == site / "spkg" / "_resources"
    assert int(triples) > 7000  # the SDG KOS alone has 7,624
