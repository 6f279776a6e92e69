"""The forbidden contract in pyproject.toml says what issue 20 asks: the commands call only
the facade. Its lists are checked against the package here, so a new module of spkg is
forbidden to the commands unless it is named as allowed, and a new command is covered;
tests/test_layers.py runs lint-imports on the contract itself."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path
from typing import Any

import spkg
import spkg.commands

ROOT = Path(__file__).resolve().parents[1]
# What a command may import besides itself: the facade, what it raises, counts in its lines
# and the bundled data's folders.
ALLOWED = {"api", "commands", "errors", "words", "paths"}
# Commands that still reach past the facade (issue 20: none now).
NOT_YET: set[str] = set()


def _contract() -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    [found] = [c for c in contracts if c["name"] == "the commands call only the facade"]
    return dict(found)


def test_every_other_module_of_spkg_is_forbidden_to_the_commands() -> None:
    modules = {module.name for module in pkgutil.iter_modules(spkg.__path__)}
    assert modules >= ALLOWED
    expected = {f"spkg.{name}" for name in modules - ALLOWED}
    assert set(_contract()["forbidden_modules"]) == expected


def test_every_command_is_held_by_the_contract() -> None:
    commands = {module.name for module in pkgutil.iter_modules(spkg.commands.__path__)}
    assert commands >= NOT_YET
    expected = {f"spkg.commands.{name}" for name in commands - NOT_YET}
    assert set(_contract()["source_modules"]) == expected
