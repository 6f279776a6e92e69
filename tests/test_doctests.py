"""Every docstring example in the package runs: each module whose source holds ``>>>``.

spkg.api's examples build the seeds, so they run (marked slow) in tests/test_api.py.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import spkg

PACKAGE = Path(spkg.__file__).parent
SLOW_ELSEWHERE = {"spkg.api"}


def _modules_with_examples() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ">>>" not in path.read_text(encoding="utf-8"):
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name not in SLOW_ELSEWHERE:
            names.append(name)
    return names


def test_the_examples_are_found() -> None:
    assert "spkg.queries" in _modules_with_examples()


@pytest.mark.parametrize("name", _modules_with_examples())
def test_module_examples_run(name: str) -> None:
    failed, attempted = doctest.testmod(importlib.import_module(name),
                                        optionflags=doctest.ELLIPSIS)
    assert attempted > 0, f"{name} has '>>>' but doctest found no example"
    assert failed == 0
