"""The CLI never surprises (issue 21): a user mistake is one line on standard error and
exit 2, found before any work starts; the same -q/-v on every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from spkg.cli import build_parser, main
from spkg.store.base import QueryResult
from spkg.store.build_dir import Build


def subcommands() -> dict[str, object]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    assert isinstance(action.choices, dict)
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_command_takes_quiet_and_verbose(name: str) -> None:
    command = subcommands()[name]
    options = command._option_string_actions  # type: ignore[attr-defined]
    for flag in ("-q", "--quiet", "-v", "--verbose"):
        assert flag in options, f"spkg {name} has no {flag}"


def one_line_error(capsys: pytest.CaptureFixture[str], code: int, exit_code: int = 2) -> str:
    captured = capsys.readouterr()
    assert code == exit_code, captured
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_ingest_quiet_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line_error(capsys, main(["ingest", "-q", str(tmp_path / "nowhere")]))
    assert "no such file or folder" in line


@pytest.mark.slow
def test_build_names_each_skipped_input_even_with_quiet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from spkg import paths

    folder = tmp_path / "in"
    folder.mkdir()
    seed = min(paths.sources_dir().glob("*.txt"))
    (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n\xe2\x80\x93 binary")
    (folder / "notes.txt").write_bytes(b"caf\xe9 latin-1")
    code = main(["build", "-q", str(folder), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 0
    skipped = [line for line in err if line.startswith("spkg build: skipped ")]
    assert len(skipped) == 2, err
    assert any("report.pdf: a PDF: convert it to text first" in line for line in skipped)
    assert any("notes.txt" in line for line in skipped)
    assert not [line for line in err if line.startswith("[")]  # -q: no progress lines


@pytest.mark.parametrize("argv", [
    ["docs", "-o", "{file}"],
    ["docs", "-o", "{file}/sub"],
    ["ingest", "-o", "{file}/x.trig", "{doc}"],
    ["ingest", "-o", "{file}", "{doc}"],
    ["ingest", "-o", "{folder}", "{doc}"],
    ["build", "-q", "-o", "{file}", "{doc}"],
    ["export", "-q", "-o", "{file}", "--data", "{doc}"],
])
def test_an_unwritable_output_is_one_line_before_any_work(
        argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "taken"
    taken.write_text("mine\n", encoding="utf-8")
    folder = tmp_path / "folder.trig"
    folder.mkdir()
    doc = tmp_path / "doc.txt"
    doc.write_text("Pakistan adopted a social protection policy in 2021.\n", encoding="utf-8")
    filled = [a.format(file=taken, folder=folder, doc=doc) for a in argv]
    line = one_line_error(capsys, main(filled))
    assert line.startswith(f"spkg {argv[0]}: ")
    assert str(taken) in line or str(folder) in line
    assert taken.read_text(encoding="utf-8") == "mine\n"


@pytest.fixture(scope="module")
def seeds_build() -> Path:
    """The bundled seeds' build (made in the cache on first use), shared by the tests."""
    from spkg.store.resolve import resolve_build

    return resolve_build(None, progress=False)


@pytest.fixture(scope="module")
def builds_read() -> dict[tuple[str, bool], Dataset]:
    return {}


@pytest.fixture
def build_read_once(builds_read: dict[tuple[str, bool], Dataset],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A build is parsed into memory once for the explain tests, which only read it (each
    `spkg explain --graph` parsed the seeds' 21k quads again: about half of its time)."""
    from spkg import dataset as datasets

    read = datasets.load_from_build

    def once(build: Build, *, with_inferred: bool = True) -> Dataset:
        key = (str(build.nquads), with_inferred)
        if key not in builds_read:
            builds_read[key] = read(build, with_inferred=with_inferred)
        return builds_read[key]

    monkeypatch.setattr(datasets, "load_from_build", once)


@pytest.mark.usefixtures("build_read_once")
@pytest.mark.parametrize(("argv", "said"), [
    (["id:outcome/001", "a", "spkg:Outcome"], "unknown resource id:outcome/001 (subject)"),
    (["id:programme/amnesty-scheme", "a", "spkg:Programm"], "unknown term spkg:Programm"),
    (["id:programme/amnesty-scheme", "spkg:fundedBi", "id:x"], "unknown term spkg:fundedBi"),
    (["No such programme", "a", "spkg:Programme"], "no resource labelled 'No such programme'"),
])
def test_explain_names_an_unknown_resource_or_term(
        argv: list[str], said: str, seeds_build: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line_error(capsys, main(["explain", "-q", "--graph", str(seeds_build), *argv]))
    assert said in line


@pytest.mark.usefixtures("build_read_once")
def test_explain_takes_a_label_as_why_does(
        seeds_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["explain", "-q", "--graph", str(seeds_build),
                 "amnesty scheme", "a", "spkg:Programme"])
    out = capsys.readouterr()
    assert code == 0, out
    assert out.out.startswith("id:programme/amnesty-scheme a spkg:Programme")
    assert "inferred by cax-sco" in out.out
    assert out.err == ""  # -q: not even the "[graph] reading" line


def test_validate_and_build_say_the_same_words() -> None:
    from spkg.build import BuildSummary
    from spkg.validate.report import verdict_line

    info_only = verdict_line({"Violation": 0, "Warning": 0, "Info": 1})
    assert info_only == "conforms: 0 violations, 0 warnings, 1 info"
    assert verdict_line({"Violation": 1, "Warning": 2, "Info": 0}) == \
        "does not conform: 1 violation, 2 warnings, 0 info"
    assert verdict_line({"Violation": 0, "Warning": 1, "Info": 0}, "warning").startswith(
        "does not conform")
    summary = BuildSummary(documents=1, violations=0, warnings=0, infos=1)
    assert f"validation:       {info_only}" in summary.text().splitlines()


def test_validate_says_conforms_when_it_exits_0(
        seeds_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "-q", "--graph", str(seeds_build)])
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 0
    assert last.startswith("conforms: 0 violations"), last
    documents = Build(seeds_build).manifest.counts["documents"]  # what build printed
    assert f"SHACL over {documents:,} document triples" in last


def test_serve_on_a_busy_port_says_so_before_loading(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        # a --graph that is not a build: the port must be found busy before it is read
        line = one_line_error(capsys, main(["serve", "--port", str(port),
                                            "--graph", str(tmp_path / "not-a-build")]))
    assert line == (f"spkg serve: cannot listen on 127.0.0.1:{port}: address in use "
                    "(is another server running there? try --port)")


def _wide_result() -> QueryResult:
    from rdflib import Literal

    long = "a sentence far longer than any terminal is wide, " * 12
    return QueryResult(kind="SELECT", variables=["resource", "sentence", "n"],
                       rows=[(Literal("id:programme/x"), Literal(long), Literal(3))] * 3)


@pytest.mark.parametrize("width", [40, 80, 132])
def test_a_table_fits_the_width_it_is_given(width: int) -> None:
    from spkg.queries.formats import cut_cells, render

    result = _wide_result()
    text = render(result, "table", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "…" in text and "id:programme/x" in text  # the narrow column is left whole
    assert cut_cells(result, width) == 3
    whole = render(result, "table")
    assert max(len(line) for line in whole.splitlines()) > 600 and "…" not in whole


def test_query_fits_columns_and_wide_shows_all(
        seeds_build: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    argv = ["query", "-q", "--graph", str(seeds_build), "provenance",
            "-p", "resource=Labour Welfare and Social Protection Expert Group"]
    assert main(argv) == 0
    fitted = capsys.readouterr()
    assert max(len(line) for line in fitted.out.splitlines()) <= 90
    assert "cells cut to fit 90 columns (--wide shows them whole" in fitted.err
    assert main([*argv, "--wide"]) == 0
    wide = capsys.readouterr()
    assert max(len(line) for line in wide.out.splitlines()) > 90 and wide.err == ""


@pytest.mark.parametrize("code", ["PK", "pk", "PAK", "Pakistan"])
def test_a_place_by_its_iso_code(
        code: str, seeds_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "-q", "--graph", str(seeds_build), "located-in", "-p", f"place={code}",
            "-f", "csv"]
    assert main(argv) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) > 5 and any("khyber-pakhtunkhwa" in row for row in rows)


def test_body_members_error_gives_an_organisation_as_example(
        seeds_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line_error(capsys, main(["query", "-q", "--graph", str(seeds_build),
                                        "body-members", "-p", "body=Pakistan"]))
    assert "id:organisation/" in line and "id:place/" not in line


def test_counts_are_in_words() -> None:
    from spkg.words import count

    assert [count(1, "info"), count(1, "document"), count(1, "triple"), count(0, "file"),
            count(2, "batch"), count(3, "property")] == \
        ["1 info", "1 document", "1 triple", "0 files", "2 batches", "3 properties"]


def test_ingest_of_one_document_says_1_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "one.txt"
    doc.write_text("Pakistan adopted a social protection policy in 2021.\n", encoding="utf-8")
    assert main(["ingest", str(doc), "-o", str(tmp_path / "out.trig")]) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("1 document, ") and " 1 documents" not in last


@pytest.mark.parametrize("text", [
    '@prefix ex: <http://ex/> .\nex:a ex:b "caf\u00e9 ;\nex:c ex:d ex:e .\n',
    "ex:a ex:b ex:c .\n",
])
def test_a_parse_error_shows_no_python_bytes(
        text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(text, encoding="utf-8")
    line = one_line_error(capsys, main(["validate", "-q", str(bad)]))
    assert line.startswith(f"spkg validate: {bad}:")
    assert "b'" not in line and "\\x" not in line and "\\n" not in line


@pytest.mark.parametrize(("argv", "said"), [
    (["ingest", "--max-bytes", "lots", "x"], "argument --max-bytes: 'lots': not a size"),
    (["build", "--engine", "foo"], "argument --engine: invalid choice: 'foo'"),
    (["query", "located-in", "-f", "xml"], "invalid choice: 'xml'"),
    (["query", "located-in", "--limit", "x"], "argument --limit: invalid int value: 'x'"),
    (["query", "located-in", "--timeout", "0"], "--timeout must be more than 0 seconds"),
    (["query", "located-in", "--graph", "{nowhere}"], "missing parameter 'place'"),
    (["export", "--base-url", "not-a-url", "-o", "{out}"], "--base-url 'not-a-url' is not an"),
    (["export", "--endpoint", "127.0.0.1:80/sparql", "-o", "{out}"],
     "did you mean http://127.0.0.1:80/sparql?"),
    (["push", "not-a-url"], "store URL 'not-a-url' is not an http(s) URL"),
    (["push", "127.0.0.1:17878"], "did you mean http://127.0.0.1:17878?"),
    (["serve", "--port", "99999"], "--port must be 0–65535"),
    (["validate", "--workers", "0"], "--workers must be at least 1"),
])
def test_a_bad_option_value_is_one_line_before_any_work(
        argv: list[str], said: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    filled = [a.format(nowhere=tmp_path / "nowhere", out=tmp_path / "out") for a in argv]
    line = one_line_error(capsys, _exit_code(filled))
    assert said in line
    if said.startswith(("argument", "invalid")):  # argparse's own check, made one line
        assert line.endswith(f"(see spkg {argv[0]} --help)")
    assert not (tmp_path / "out").exists()


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exit_info:  # argparse exits itself
        return int(exit_info.code or 0)
