"""The tested examples of the docs run and print what the docs show, so they cannot go stale.

A console block preceded by ``<!-- doc-test -->`` is run: each ``$ `` line is a command (in
bash, in one scratch folder shared by the page's blocks, with the venv's ``spkg`` first on
PATH and ``data/sources`` of this checkout), and the lines under it are output that must
appear, in order, among the lines it prints; ``…`` stands for any lines.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARKER = "<!-- doc-test -->"
TESTED_PAGES = [ROOT / "README.md", ROOT / "docs" / "tutorial.md"]
ELLIPSIS = "…"


@dataclass
class Example:
    page: Path
    line: int  # 1-based line of the command
    command: str
    expected: list[str] = field(default_factory=list)


def parse_examples(page: Path) -> list[Example]:
    lines = page.read_text(encoding="utf-8").splitlines()
    examples: list[Example] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != MARKER:
            i += 1
            continue
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```"):
            raise ValueError(f"{page}:{i + 1}: {MARKER} must be followed by a fenced block")
        i += 2
        while i < len(lines) and not lines[i].startswith("```"):
            if lines[i].startswith("$ "):
                examples.append(Example(page, i + 1, lines[i][2:]))
            elif not examples:
                raise ValueError(f"{page}:{i + 1}: output before any command")
            else:
                examples[-1].expected.append(lines[i])
            i += 1
    return examples


def _norm(line: str) -> str:
    # column padding is presentation, not content
    return re.sub(r"\s+", " ", line).strip()


def missing_lines(expected: list[str], printed: str) -> list[str]:
    """The expected lines not found in order in the printed text ('…' matches any lines)."""
    out = [_norm(line) for line in printed.splitlines()]
    position = 0
    missing = []
    for want in expected:
        if want.strip() == ELLIPSIS:
            continue
        prefix = want.rstrip().endswith(ELLIPSIS)
        pattern = _norm(want.rstrip().removesuffix(ELLIPSIS))
        for j in range(position, len(out)):
            if (out[j].startswith(pattern) if prefix else out[j] == pattern):
                position = j + 1
                break
        else:
            missing.append(want)
    return missing


def test_the_parser_finds_commands_and_outputs(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("text\n<!-- doc-test -->\n```console\n$ echo a\na\n…\n$ true\n```\n"
                    "```console\n$ not tested\n```\n", encoding="utf-8")
    examples = parse_examples(page)
    assert [(e.command, e.expected, e.line) for e in examples] == [
        ("echo a", ["a", "…"], 4), ("true", [], 7)]


def test_matching_is_ordered_and_ellipsis_aware() -> None:
    printed = "first  line\nmiddle\nid:x  (X): 13 facts\nlast\n"
    assert missing_lines(["first line", "…", "last"], printed) == []
    assert missing_lines(["id:x (X): …"], printed) == []
    assert missing_lines(["last", "first line"], printed) == ["first line"]
    assert missing_lines(["absent"], printed) == ["absent"]


def test_tested_pages_have_examples() -> None:
    for page in TESTED_PAGES:
        assert len(parse_examples(page)) >= 3, page


@pytest.mark.slow
@pytest.mark.parametrize("page", TESTED_PAGES, ids=lambda p: p.name)
def test_page_examples_run_as_shown(page: Path, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sources").symlink_to(ROOT / "data" / "sources")
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["SPKG_CACHE_DIR"] = str(tmp_path / "cache")
    env["COLUMNS"] = "200"
    for example in parse_examples(page):
        done = subprocess.run(["bash", "-c", example.command], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=240, check=False)
        where = f"{example.page.relative_to(ROOT)}:{example.line}: $ {example.command}"
        assert done.returncode == 0, f"{where}\nexit {done.returncode}\n{done.stderr}"
        missing = missing_lines(example.expected, done.stdout + done.stderr)
        assert not missing, f"{where}\nnot printed: {missing}\n--- printed:\n{done.stdout}"
