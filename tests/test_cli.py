"""The command line: version, help on every command, and user mistakes as one line, exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spkg import __version__
from spkg.cli import COMMANDS, build_parser, main


def run_spkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spkg", *args],
        capture_output=True, text=True, cwd=cwd, timeout=600, check=False,
    )


def registered_commands() -> list[str]:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    return sorted(subparsers.choices)  # type: ignore[arg-type]


def test_every_command_module_is_registered() -> None:
    expected = {name.replace("_", "-") for name in COMMANDS}
    assert set(registered_commands()) == expected


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"spkg {__version__}"


@pytest.mark.parametrize("command", registered_commands())
def test_help_on_every_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert f"spkg {command}" in capsys.readouterr().out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_unknown_command_exits_2() -> None:
    result = run_spkg("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_build_of_a_missing_path_is_one_line_without_traceback(tmp_path: Path) -> None:
    result = run_spkg("build", "-q", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nowhere" in lines[0]
    assert not (tmp_path / "out").exists()


def test_build_of_an_empty_document_names_the_file(tmp_path: Path) -> None:
    documents = tmp_path / "docs"
    documents.mkdir()
    (documents / "empty.txt").write_text("")
    result = run_spkg("build", "-q", str(documents / "empty.txt"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
