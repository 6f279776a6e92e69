"""Mutated, truncated and random inputs never crash ingestion: a graph, or one InputError line
naming the file; and the sentence splitter stays linear in the document's size.

Bounded here (a few hundred examples in all); docs/ingest-limits.md gives the longer run for
release checks (SPKG_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spkg import paths
from spkg.errors import InputError
from spkg.ingest import sentences
from spkg.ingest.pipeline import DocumentFailed, ingest_document, ingest_paths
from spkg.ingest.records import Span
from spkg.ingest.sections import split_sections
from spkg.ingest.vocab import load_vocabulary

SEEDS = [p.read_text(encoding="utf-8") for p in sorted(paths.sources_dir().glob("*.txt"))]
EXAMPLES = int(os.environ.get("SPKG_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
HEADS = ["Result achieved\n\n", "Press release | Geneva | 1 May 2020\n\n",
         "Social security in Ghana\n\n", ""]
# Controls of every kind, right-to-left text and marks, combining marks, astral characters.
ODD = ["\x00", "\x01", "\x1c", "\x1f", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff",
       "\ufffe", "\uffff", "\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\u0301",
       "\U0001f389", "وثيقة الضمان الاجتماعي. ", "שלום. ", "文档。", "1. ", "(i) ", "Mr. ",
       "•", "\r\n", "\r", "\t"]


def _ingest(tmp_path: Path, data: bytes, name: str = "fuzzed.txt") -> None:
    """Either a graph or an InputError naming the file in one line; a bug fails the test."""
    path = tmp_path / name
    path.write_bytes(data)
    try:
        document, triples = ingest_document(path, load_vocabulary())
    except DocumentFailed:  # pragma: no cover - a bug in a stage, shown with its cause
        raise
    except InputError as error:
        message = str(error)
        assert message.startswith(f"{path}:") and "\n" not in message, message
        return
    assert document.iri and triples


@FUZZ
@given(seed=st.sampled_from(SEEDS), cut=st.floats(0, 1))
def test_truncated_seeds(tmp_path: Path, seed: str, cut: float) -> None:
    _ingest(tmp_path, seed[: int(len(seed) * cut)].encode("utf-8"))


@FUZZ
@given(seed=st.sampled_from(SEEDS), data=st.data())
def test_mutated_seeds(tmp_path: Path, seed: str, data: st.DataObject) -> None:
    text = list(seed)
    for _ in range(data.draw(st.integers(1, 20))):
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        char = data.draw(st.sampled_from([*"•\n;,|()0123456789٢٠ ’:", "\r\n", *ODD]))
        if action == "insert" or position >= len(text):
            text.insert(position, char)
        elif action == "delete":
            del text[position]
        else:
            text[position] = char
    _ingest(tmp_path, "".join(text).encode("utf-8"))


@FUZZ
@given(head=st.sampled_from(HEADS),
       body=st.lists(st.one_of(st.text(max_size=20), st.sampled_from(ODD)), max_size=40))
def test_random_unicode(tmp_path: Path, head: str, body: list[str]) -> None:
    _ingest(tmp_path, (head + "".join(body)).encode("utf-8", "surrogatepass"))


@FUZZ
@given(data=st.binary(max_size=600), head=st.sampled_from([h.encode() for h in HEADS]))
def test_random_bytes(tmp_path: Path, data: bytes, head: bytes) -> None:
    _ingest(tmp_path, head + data)


_NAME_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00")


@FUZZ
@given(stem=st.text(_NAME_CHARS, min_size=1, max_size=30))
def test_random_file_names(tmp_path: Path, stem: str) -> None:
    name = f"{stem}.txt"
    try:
        (tmp_path / name).write_bytes(b"")
    except OSError:  # a name the file system refuses (too long in bytes, …)
        return
    (tmp_path / name).unlink()
    _ingest(tmp_path, SEEDS[4].encode("utf-8"), name=name)


def test_folder_of_hostile_files_ingests_the_good_one(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(SEEDS[4], encoding="utf-8")
    for number, odd in enumerate(ODD):
        (folder / f"odd-{number}.txt").write_bytes((HEADS[0] + odd * 3).encode("utf-8"))
    result = ingest_paths([folder], progress=False)
    assert any(path.name == "good.txt" for path in result.sources.values())
    assert not [e for e in result.refused if isinstance(e, DocumentFailed)]
    assert all("\n" not in str(error) for error in result.refused)


# -- the sentence splitter: the same sentences as pysbd, in linear time ---------------------

WORDS = ["The", "Government", "agreed", "ILO", "U.S.", "Mr.", "Dr.", "No.", "e.g.", "etc.",
         "2021.", "R202.", "(LEG).", "(i)", "1)", "b)", "“Quote.”", "'quoted.'", "said:", "In",
         "workers’", "Pakistan’s", "workers'", "8.7", "27.3", "million.", "Fund.", "Ltd.",
         "St.", "p.m.", "A.", "II.", "--", "(see", "above.)", "[1]", "Forum’.", "EHSAAS).",
         "?", "!", "...", "…", "and", "of", "coverage", "programme.", "Programme."]


def _pysbd_alone(text: str) -> list[Span]:
    """The splitter as it was: pysbd's character spans over the whole text, trimmed."""
    spans, position = [], 0
    for piece in sentences._segmenter().segment(text):
        if text[piece.start : piece.end] != piece.sent or piece.start < position:
            break
        span = sentences._trimmed(text, piece.start, piece.end)
        if span:
            spans.append(span)
        position = piece.end
    rest = sentences._trimmed(text, position, len(text))
    return [*spans, rest] if rest else spans


@settings(max_examples=4 * EXAMPLES, deadline=None, derandomize=True, database=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_prose_splits_as_pysbd_does(words: list[str]) -> None:
    text = " ".join(words)
    assert list(sentences._prose_sentences(text, Span(0, len(text)))) == _pysbd_alone(text)


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_seed_paragraphs_split_as_pysbd_does(seed: int) -> None:
    for paragraph in SEEDS[seed].splitlines():
        text = paragraph.strip().lstrip("•").strip()
        if len(text) > 80 and "•" not in text:
            found = list(sentences._prose_sentences(text, Span(0, len(text))))
            assert found == _pysbd_alone(text), text


def _long_line(size: int) -> str:
    prose = " ".join(line.strip() for seed in SEEDS for line in seed.splitlines()
                     if len(line) > 200 and "•" not in line)
    return "Press release | Islamabad | 2 August 2021\n\n" + (prose + " ") * (size // len(prose))


def test_pysbd_never_sees_more_than_a_bounded_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """pysbd's abbreviation pass is quadratic in the text it is given (a 100 KB line took
    20 s); it now sees pieces of at most _MAX_PIECE characters, and most prose not at all."""
    seen: list[int] = []
    real = sentences._pysbd_spans

    def spy(chunk: str) -> list[tuple[int, int]]:
        seen.append(len(chunk))
        return real(chunk)

    monkeypatch.setattr(sentences, "_pysbd_spans", spy)
    text = _long_line(200_000)
    spans = sentences.split_sentences(text, split_sections(text, "press-release"))
    assert len(spans) > 500
    assert max(seen) <= sentences._MAX_PIECE
    assert sum(seen) < len(text) / 2


def test_sentences_of_a_long_line_in_linear_time() -> None:
    def seconds(size: int) -> float:
        text = _long_line(size)
        sections = split_sections(text, "press-release")
        started = time.perf_counter()
        sentences.split_sentences(text, sections)
        return time.perf_counter() - started

    small, large = seconds(50_000), seconds(400_000)
    assert large < 30
    assert large < 8 * small * 2  # 8× the text: linear; quadratic would be 64×
