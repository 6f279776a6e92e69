"""The import layers and the no-cycles contract in pyproject.toml hold (import-linter).

A new import that goes upwards (a stage importing the API or the commands, core importing a
stage) or closes a cycle between sibling packages fails here and in CI's `lint-imports`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
    assert "3 kept, 0 broken" in done.stdout
