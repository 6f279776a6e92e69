"""`spkg ingest` output targets and progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from spkg.cli import main

ROOT = Path(__file__).resolve().parent.parent
OTHERS = ROOT / "tests" / "ingest" / "documents"


def test_folder_to_one_trig_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.trig"
    assert main(["ingest", str(OTHERS), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    count = len(list(OTHERS.glob("*.txt")))
    assert "[ingest] done in " in err and "ghana-result-record.txt" not in err  # no line per file
    assert f"{count} documents" in err
    dataset = Dataset()
    dataset.parse(out, format="trig")
    names = {str(g.identifier).rsplit("/", 1)[-1] for g in dataset.graphs() if len(g)}
    assert {"ghana-result-record", "lima-press-release", "viet-nam-country-page",
            "truncated-result-record"} <= names


def test_paths_without_output_go_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(OTHERS / "lima-press-release.txt"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    dataset = Dataset()
    dataset.parse(data=captured.out, format="trig")
    assert len(dataset) > 20


@pytest.mark.parametrize("flag", ["-q", "--quiet"])
def test_quiet_says_nothing_on_success(flag: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "one.trig"
    assert main(["ingest", str(OTHERS / "lima-press-release.txt"), "-o", str(out), flag]) == 0
    assert capsys.readouterr().err == ""
    assert out.stat().st_size > 0


def test_bad_max_bytes_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", str(OTHERS), "--max-bytes", "huge"])
    assert exit_.value.code == 2
    assert "--max-bytes: 'huge': not a size" in capsys.readouterr().err
