"""Planted errors: the text report names each error, the sentence it was read from, and the fix."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from spkg.cli import main
from spkg.dataset import load_asserted
from spkg.validate import validate_dataset

DATA = Path(__file__).parent / "validate_data"
PLANTED = DATA / "planted-errors.trig"


@pytest.fixture(scope="module")
def report() -> str:
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)
    return validate_dataset(load_asserted([PLANTED])).text()


def _block(report: str, shape: str) -> str:
    start = report.index(shape)
    end = report.find("\n\n", start)
    return report[start:end]


@pytest.mark.parametrize(
    ("shape", "value", "sentence", "fix"),
    [
        ("spkgsh:Outcome-yearMissing", "(none)",
         "Outcome summary: the Planted Programme was launched.", 'spkg:year "2021"^^xsd:gYear'),
        ("spkgsh:Instrument-notation", '"C-102"', "in line with ILO Convention C-102.",
         '"C102", not "C-102"'),
        ("spkgsh:Labelled-tagged", '"Ministry of Planted Errors"',
         "The Ministry of Planted Errors implements it.", "Tag the label with the language"),
        ("spkgsh:Event-date", '"2021-02-30"^^xsd:date', "It was launched on 30 February 2021.",
         "check that the day exists in that month"),
    ],
)
def test_report_names_error_source_and_fix(report: str, shape: str, value: str, sentence: str,
                                           fix: str) -> None:
    block = _block(report, shape)
    assert block.startswith(shape)
    assert f"value: {value}" in block
    assert "read from: planted.txt [" in block and sentence in block
    assert "fix: " in block and fix in block


def test_summary_counts(report: str) -> None:
    assert report.splitlines()[-1].startswith("does not conform: 3 violations, 3 warnings, 1 info")


def test_offsets_in_report_are_those_of_the_text(report: str) -> None:
    text = (DATA / "planted.txt").read_text(encoding="utf-8")
    block = _block(report, "spkgsh:Event-date")
    span = block.split("read from: planted.txt [", 1)[1].split("]", 1)[0]
    start, end = (int(x) for x in span.split(":"))
    assert text[start:end] == "It was launched on 30 February 2021."


def test_cli_exit_codes_and_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(PLANTED)]) == 1
    assert "spkgsh:Outcome-year" in capsys.readouterr().out
    assert main(["validate", str(PLANTED), "--format", "turtle"]) == 1
    out = capsys.readouterr().out
    assert "sh:ValidationReport" in out and "sh:conforms false" in out
    assert main(["validate", str(PLANTED), "--format", "json-ld"]) == 1
    assert '"http://www.w3.org/ns/shacl#ValidationReport"' in capsys.readouterr().out
    assert main(["validate", str(PLANTED), "--workers", "2"]) == 1
    assert "spkgsh:Outcome-year" in capsys.readouterr().out


def test_fail_on_warning_and_info(tmp_path: Path) -> None:
    # only an Info result: exit 0 by default, 1 with --fail-on info
    only_info = DATA / "only-info.ttl"
    assert main(["validate", str(only_info)]) == 0
    assert main(["validate", str(only_info), "--fail-on", "warning"]) == 0
    assert main(["validate", str(only_info), "--fail-on", "info"]) == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--format", "xml"], "unknown --format 'xml'"),
        (["--fail-on", "error"], "unknown --fail-on 'error'"),
        (["--inference", "owl"], "unknown --inference 'owl'"),
        (["--workers", "0"], "--workers must be at least 1, not 0"),
    ],
)
def test_bad_options(capsys: pytest.CaptureFixture[str], args: list[str], needle: str) -> None:
    assert main(["validate", str(PLANTED), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert needle in err and "\n" not in err


def test_bad_inputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://ex/> .\nex:a ex:b .\n", encoding="utf-8")
    assert main(["validate", str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"spkg validate: {broken}:2:") and "\n" not in err

    shapes = tmp_path / "shapes"
    shapes.mkdir()
    bad = "@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y"
    (shapes / "bad.ttl").write_text(bad, encoding="utf-8")
    assert main(["validate", str(PLANTED), "--shapes", str(shapes)]) == 2
    err = capsys.readouterr().err.strip()
    assert f"{shapes / 'bad.ttl'}:" in err and "\n" not in err

    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    assert main(["validate", str(empty)]) == 2
    assert "nothing to validate" in capsys.readouterr().err
