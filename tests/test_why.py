"""`spkg why`: facts with their document and sentence; labels case-insensitive; unknown → 2."""

from __future__ import annotations

import pytest

from spkg.cli import main
from spkg.dataset import load_asserted
from spkg.why import UnknownResource, explain_text, reasons, resolve


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    return load_asserted()


def test_label_lookup_is_case_insensitive(dataset) -> None:  # type: ignore[no-untyped-def]
    assert resolve(dataset, "pakistan workers FEDERATION") == resolve(
        dataset, "id:organisation/pakistan-workers-federation")


def test_reasons_name_document_and_sentence(dataset) -> None:  # type: ignore[no-untyped-def]
    (cpo,) = resolve(dataset, "PAK226")
    found = reasons(dataset, cpo)
    files = {r.file_name for r in found}
    assert {"000_d088c9348fb0c60c.txt", "001_0844c7bbfea795f9.txt",
            "003_fe60b1eef80f63e0.txt"} <= files
    assert all("PAK226" in r.sentence for r in found)


def test_text_report(dataset) -> None:  # type: ignore[no-untyped-def]
    report = explain_text(dataset, "https://w3id.org/spkg/id/indicator/8-3-1")
    assert report.startswith("id:indicator/8-3-1")
    assert "spkg:hasIndicator id:indicator/8-3-1" in report
    assert "001_0844c7bbfea795f9.txt" in report


def test_unknown_is_an_error(dataset) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownResource):
        resolve(dataset, "no such thing at all")


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["why", "Pakistan Workers Federation"]) == 0
    assert "spkg:partner" in capsys.readouterr().out
    assert main(["why", "id:organisation/nobody"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("[graph] reading ")  # which build was read, then the error
    assert len(err) == 2 and "nobody" in err[1]


def test_data_option_reads_other_graphs(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    others = Path(__file__).resolve().parent / "ingest" / "documents"
    out = tmp_path / "others.trig"
    assert main(["ingest", str(others / "ghana-result-record.txt"), "-o", str(out), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["why", "GHA101", "--data", str(out)]) == 0
    report = capsys.readouterr().out
    assert "ghana-result-record.txt" in report and "spkg:countryProgrammeOutcome" in report
    assert main(["why", "GHA101"]) == 2  # not in the committed graphs
