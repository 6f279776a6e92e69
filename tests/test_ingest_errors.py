"""Bad input: one line naming the file, non-zero exit, nothing written half."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spkg import paths
from spkg.cli import main
from spkg.errors import InputError
from spkg.ingest.pipeline import ingest_paths

SEED = paths.sources_dir() / "004_789b753ead95d840.txt"

BAD = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n\t\n",
    "binary.txt": b"Result achieved\n\x00\x01\x02",
    "latin1.txt": "Result achieved\n\nOutcome summary\n\nCaf\u00e9".encode("latin-1"),
    "unknown-kind.txt": b"Minutes of a meeting\n\nNothing to see here.\n",
}
MESSAGES = {
    "empty.txt": "empty document",
    "blank.txt": "empty document",
    "binary.txt": "binary file",
    "latin1.txt": "not UTF-8: byte 0xe9 at byte offset 37",
    "unknown-kind.txt": "not a known kind of document",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_one_clear_line(name: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / name
    bad.write_bytes(BAD[name])
    code = main(["ingest", str(bad), "-o", str(tmp_path / "out.trig"), "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1
    assert str(bad) in err and MESSAGES[name] in err
    assert not (tmp_path / "out.trig").exists()


def test_non_utf8_error_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(BAD["latin1.txt"])
    with pytest.raises(InputError) as error:
        ingest_paths([bad], progress=False)
    assert error.value.line == 5


@pytest.mark.parametrize("make", ["missing", "empty-folder"])
def test_bad_paths(make: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / make
    if make == "empty-folder":
        target.mkdir()
        (target / "notes.md").write_text("not a document")
    assert main(["ingest", str(target), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and len(err.strip().splitlines()) == 1


def test_one_bad_file_among_many_is_a_warning(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    (folder / "bad.txt").write_bytes(BAD["binary.txt"])
    out = tmp_path / "out"
    assert main(["ingest", str(folder), "-o", str(out), "--quiet"]) == 0
    assert "warning" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["good.trig"]
    assert main(["ingest", str(folder), "-o", str(tmp_path / "strict"), "--strict", "--quiet"]) == 2
    assert not (tmp_path / "strict").exists()


def test_bad_input_never_corrupts_earlier_output(tmp_path: Path) -> None:
    out = tmp_path / "graphs"
    good = tmp_path / "good" / "press.txt"
    good.parent.mkdir()
    shutil.copy(SEED, good)
    assert main(["ingest", str(good), "-o", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad" / "press.txt"  # same name, malformed content
    bad.parent.mkdir()
    bad.write_bytes(b"\xff\xfe garbage")
    assert main(["ingest", str(bad), "-o", str(out), "--quiet"]) == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_truncated_document_is_not_an_error(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for cut in (260, 1000, len(text) - 7):
        doc = tmp_path / f"cut{cut}.txt"
        doc.write_text(text[:cut], encoding="utf-8")
        result = ingest_paths([doc], strict=True, progress=False)
        assert result.documents and not result.warnings
