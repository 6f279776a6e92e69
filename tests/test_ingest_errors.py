"""Bad input: one line naming the file, non-zero exit, nothing written half."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS

from spkg import paths
from spkg.cli import main
from spkg.errors import InputError
from spkg.ingest.pipeline import ingest_document, ingest_paths
from spkg.namespace import OA

SEED = paths.sources_dir() / "004_789b753ead95d840.txt"

BAD = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n\t\n",
    "binary.txt": b"Result achieved\n\x00\x01\x02",
    "latin1.txt": "Result achieved\n\nOutcome summary\n\nCaf\u00e9".encode("latin-1"),
}
MESSAGES = {
    "empty.txt": "empty document",
    "blank.txt": "empty document",
    "binary.txt": "binary file",
    "latin1.txt": "not UTF-8: byte 0xe9 at byte offset 37",
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


def test_a_text_of_no_known_form_is_read_as_a_web_page(tmp_path: Path) -> None:
    """Real pages come in forms spkg was never shown: their prose is read, not refused."""
    page = tmp_path / "profile.txt"
    page.write_text("Kiribati\n\nSituation and priorities\n\nThe Kiribati Provident Fund "
                    "(KPF) manages old-age savings for workers in the formal economy.\n",
                    encoding="utf-8")
    result = ingest_paths([page], progress=False)
    assert len(result.documents) == 1
    graph = result.dataset.graph(result.documents[0])
    types = {str(o) for o in graph.objects(result.documents[0], RDF.type)}
    assert "https://w3id.org/spkg/ontology#WebPage" in types
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "Kiribati Provident Fund" in labels


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


def test_one_bad_file_among_many_is_named_and_skipped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    (folder / "bad.txt").write_bytes(BAD["binary.txt"])
    out = tmp_path / "out"
    assert main(["ingest", str(folder), "-o", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"refused: {folder / 'bad.txt'}:2: binary file" in err
    assert "1 of 2 documents refused" in err
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


def _folder_with(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


NAMES = ["وثيقة.txt", "文档.txt", "!!!.txt", "résumé (final).txt", "🎉.txt", "-.txt"]


def test_any_file_name_gets_a_stable_document_iri(tmp_path: Path) -> None:
    text = SEED.read_bytes()
    folder = _folder_with(tmp_path, {name: text for name in NAMES})
    first = ingest_paths([folder], strict=True, progress=False)
    again = ingest_paths([folder], strict=True, progress=False)
    assert not first.refused and len(first.documents) == len(NAMES) + 1
    by_name = {path.name: str(iri) for iri, path in first.sources.items()}
    assert by_name == {path.name: str(iri) for iri, path in again.sources.items()}
    base = "https://w3id.org/spkg/id/document/"
    assert by_name["文档.txt"] == base + "wendang"
    assert by_name["وثيقة.txt"] == base + "wthyqh"
    assert by_name["résumé (final).txt"] == base + "resume-final"
    assert by_name["good.txt"] == base + "good"  # ASCII names slug as before
    assert by_name["!!!.txt"].startswith(base + "doc-")
    assert all(re.fullmatch(re.escape(base) + r"[a-z0-9-]+", iri) for iri in by_name.values())


def test_names_with_the_same_iri_are_refused_clearly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder_with(tmp_path, {"文档.txt": SEED.read_bytes(),
                                     "wendang.txt": SEED.read_bytes()})
    assert main(["ingest", str(folder), "-o", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"refused: {folder / '文档.txt'}: same document IRI " in err
    assert str(folder / "wendang.txt") in err and "rename one of them" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.trig", "wendang.trig"]


@pytest.mark.parametrize("char", ["\x1f", "\x1c", "\x0b", "\x0c", "\x01", "\x7f", "\x85",
                                  "\u2028", "\x9b", "\uffff"])
def test_control_characters_keep_every_offset(char: str, tmp_path: Path) -> None:
    """pysbd crashed on a list number after U+001C..U+001F ("\x1f1. …"); controls are now
    read as a space (or a line end, for those that end a line), one for one."""
    original = SEED.read_text(encoding="utf-8")
    cut = original.index("The meeting featured")
    text = original[:cut] + f"{char}1. {char}" + original[cut:]
    path = tmp_path / "controls.txt"
    path.write_text(text, encoding="utf-8")
    document, triples = ingest_document(path)
    assert len(document.text) == len(text)
    assert char not in document.text
    assert document.text[cut + 5 :] == original[cut:]  # everything after is where it was
    values = {(s, p): o for s, p, o in triples}
    positions = [s for s, p, o in triples if p == RDF.type and o == OA.TextPositionSelector]
    assert positions
    for position in positions:
        start, end = int(values[(position, OA.start)]), int(values[(position, OA.end)])  # type: ignore[call-overload]
        quote = type(position)(str(position).replace("#position=", "#quote="))
        exact = str(values[(quote, OA.exact)])
        assert exact == document.text[start:end]
        assert exact.replace(" ", "").replace("\n", "") == \
            text[start:end].replace(char, "").replace(" ", "").replace("\n", "")


OTHER_FORMATS = {
    "report.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF: convert it to text first"),
    "scan.txt": (b"%PDF-1.4\n\xe2\xe3", "a PDF: convert it to text first"),
    "letter.docx": (b"PK\x03\x04\x14\x00", "save it as plain text (.txt) first"),
    "page.html": (b"<!DOCTYPE html><html><body>Result achieved</body></html>", "an HTML page"),
    "utf16.txt": ("Result achieved".encode("utf-16"), "UTF-16 text: save it as UTF-8"),
    "empty.txt": (b"", "empty document"),
    "controls.txt": (b"\x1f\x1e \x0c\n", "empty document"),
}


def test_every_bad_document_in_a_folder_is_named_with_its_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder_with(tmp_path, {name: data for name, (data, _) in OTHER_FORMATS.items()})
    (folder / "notes.json").write_text("{}")  # not a document format: ignored
    out = tmp_path / "out"
    assert main(["ingest", str(folder), "-o", str(out), "-q"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1] == f"spkg ingest: {len(OTHER_FORMATS)} of {len(OTHER_FORMATS) + 1} " \
                        "documents refused"
    for name, (_, reason) in OTHER_FORMATS.items():
        assert any(line.startswith(f"spkg ingest: refused: {folder / name}") and reason in line
                   for line in lines), name
    assert [p.name for p in out.iterdir()] == ["good.trig"]


def test_size_limit_refuses_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() * 3)
    out = tmp_path / "out.trig"
    assert main(["ingest", str(big), "-o", str(out), "-q", "--max-bytes", "5kB"]) == 2
    err = capsys.readouterr().err
    assert err == f"spkg ingest: {big}: too large: 13,530 bytes, over the limit of 5,000 " \
                  "bytes (--max-bytes or SPKG_MAX_BYTES)\n"
    assert not out.exists()
    monkeypatch.setenv("SPKG_MAX_BYTES", "5k")
    assert main(["ingest", str(big), "-o", str(out), "-q"]) == 2
    monkeypatch.setenv("SPKG_MAX_BYTES", "20k")
    assert main(["ingest", str(big), "-o", str(out), "-q"]) == 0
    monkeypatch.setenv("SPKG_MAX_BYTES", "lots")
    assert main(["ingest", str(big), "-o", str(out), "-q"]) == 2
    assert "SPKG_MAX_BYTES='lots': not a size" in capsys.readouterr().err


def test_a_failing_stage_costs_only_its_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spkg.ingest import pipeline

    def broken(document, vocab):  # type: ignore[no-untyped-def]
        if document.path.name == "bad.txt":
            raise ValueError("a bug in a stage")
        return real(document, vocab)

    real = pipeline.extract_facts
    monkeypatch.setattr(pipeline, "extract_facts", broken)
    folder = _folder_with(tmp_path, {"bad.txt": SEED.read_bytes()})
    result = ingest_paths([folder], progress=False)
    assert [path.name for path in result.sources.values()] == ["good.txt"]
    assert [str(e) for e in result.refused] == [
        f"{folder / 'bad.txt'}: spkg failed on this document (ValueError: a bug in a stage); "
        "please report it"]
    with pytest.raises(ValueError):
        ingest_paths([folder], progress=False, strict=True)


def test_a_folder_where_nothing_can_be_read_names_every_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    (folder / "b.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["ingest", str(folder), "-o", str(out), "-q"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"spkg ingest: refused: {folder / 'a.pdf'}: a PDF: convert it to text first "
        "(for example: pdftotext -layout FILE)",
        f"spkg ingest: refused: {folder / 'b.txt'}: empty document",
        "spkg ingest: none of the 2 documents could be read; nothing written",
    ]
    assert not out.exists()
