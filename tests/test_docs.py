"""The README and the documentation site: short, linked, generated from the code, and built."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spkg_docs_hook",
                                                  ROOT / "docs" / "hooks" / "reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_is_short() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) < 250


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", text, re.S)
    assert "spkg build" in blocks[0] and "pytest" in blocks[1]
    assert text.index(blocks[1]) < 800, "the two commands come first"
    test_command = blocks[1].split("&&")[-1].strip()
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert ci[-1] == test_command, "the last step of .ci/run is the README's test command"


def test_readme_links_resolve() -> None:
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text)
    local = [t for t in targets if not t.startswith(("http://", "https://"))]
    assert local, "the README links into the docs"
    missing = [t for t in local if not (ROOT / t).exists()]
    assert not missing


def test_cli_reference_covers_every_command() -> None:
    from spkg.cli import build_parser

    hook = _hook()
    page = hook.cli_markdown()
    commands = hook._subcommands(build_parser())
    assert len(commands) >= 12
    for name, parser in commands.items():
        assert f"## spkg {name}\n" in page
        assert parser.format_usage().split()[1:3] == ["spkg", name]


def test_query_catalogue_covers_every_stored_query() -> None:
    page = _hook().queries_markdown()
    names = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert names
    for name in names:
        assert f"### {name}\n" in page


def test_shapes_list_covers_every_named_shape() -> None:
    page = _hook().shapes_markdown()
    for path in (ROOT / "shapes").glob("*.ttl"):
        for shape in re.findall(r"^(spkgsh:[\w-]+) a sh:(?:Node|Property)Shape",
                                path.read_text(encoding="utf-8"), re.M):
            assert f"`{shape}`" in page, shape


def test_api_reference_covers_the_facade() -> None:
    import spkg.api

    hook = _hook()
    page = hook.api_markdown()
    for name in spkg.api.__all__:
        assert f"`spkg.{name}(" in page, name
    assert "### `Graph.query(" in page
    assert "```pycon" in page  # the examples are code, not prose


def test_include_refuses_paths_outside_the_repository() -> None:
    with pytest.raises(ValueError):
        _hook().render("<!-- spkg:include ../../etc/passwd -->")


def test_markers_count_on_their_own_line_only() -> None:
    hook = _hook()
    prose = "Write `<!-- spkg:cli -->` or `<!-- spkg:include PATH -->` in a page."
    assert hook.render(prose) == prose
    page = hook.render("# x\n<!-- spkg:include CHANGELOG.md -->\n")
    assert "# Changelog" in page and "spkg:include" not in page


@pytest.mark.slow
def test_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    if not mkdocs.exists() and shutil.which("mkdocs") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("mkdocs is missing: pip install -e '.[docs]'")
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    command = str(mkdocs) if mkdocs.exists() else "mkdocs"
    # not -q: mkdocs counts warnings for --strict only when it logs them
    done = subprocess.run([command, "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    cli = (tmp_path / "site" / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    assert "spkg build" in cli and "<!-- spkg:cli -->" not in cli
    assert (tmp_path / "site" / "tutorial" / "index.html").is_file()
