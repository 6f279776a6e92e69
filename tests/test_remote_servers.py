"""The store fixtures: a store that is not installed skips locally and fails in CI."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import servers


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))


def test_missing_store_skips_outside_ci(nothing_installed: None,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="virtuoso-t is not installed"):
        servers.require_binary("virtuoso-t")


def test_missing_store_fails_in_ci(nothing_installed: None,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the store tests"):
        servers.require_binary("oxigraph")


def test_free_ports_are_distinct_and_bindable() -> None:
    ports = {servers.free_port() for _ in range(5)}
    assert len(ports) == 5
    assert all(1024 < port < 65536 for port in ports)
