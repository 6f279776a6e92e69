"""The faster abbreviation pass (spkg.ingest.sentences_pysbd) gives exactly pysbd's text:
on every annotated document, on generated prose and on random abbreviation-heavy prose."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pysbd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spkg.ingest import sentences, sentences_pysbd
from spkg.ingest.pipeline import read_document
from spkg.ingest.records import Span
from spkg.ingest.sections import split_sections

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest_size import generate  # noqa: E402

DOCUMENTS = sorted({*ROOT.glob("tests/extract/**/*.txt"), *ROOT.glob("data/sources/*.txt"),
                    *ROOT.glob("tests/ingest/documents/**/*.txt")})
PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)
FAST = sentences_pysbd.segmenter()


def _both(text: str) -> tuple[list[str], list[str]]:
    return PYSBD.processor(text).process(), FAST.processor(text).process()


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_the_documents_are_there() -> None:
    assert len(DOCUMENTS) > 50


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_same_sentences_on_annotated_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for part in [text, *_paragraphs(text), *text.splitlines()]:
        expected, found = _both(part)
        assert found == expected, part[:200]


def test_same_sentences_on_generated_prose() -> None:
    for shape in ("paragraphs", "line"):
        for paragraph in _paragraphs(generate(30_000, shape, seed=7)):
            for start in range(0, len(paragraph), 1_500):  # pysbd is quadratic in one call
                piece = paragraph[start : start + 1_500]
                expected, found = _both(piece)
                assert found == expected, piece


WORDS = ["The", "a", "an", "and", "agreed", "Mr.", "mr.", "Dr.", "No.", "no.", "no", "nos.",
         "e.g.", "i.e.", "etc.", "U.S.", "vs.", "p.m.", "a.m.", "St.", "st.", "Jan.", "fig.",
         "art.", "Art.", "sec.", "Ph.D.", "Inc.", "Ltd.", "Co.", "Gov.", "approx.", "al.",
         "et", "ft.", "Prof.", "pp.", "vol.", "2021.", "5", "(3)", "1.", "A.", "b.", "I",
         "In", "economy", "also", "Pakistan’s", "workers'", "“quoted.”", "said:", "?", "!",
         "…", "--", "İstanbul", "ſt.", "\u212am.", "ı.", "résumé.", "\n", "\t", "{a} B"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=50))
def test_same_sentences_on_random_abbreviation_prose(words: list[str]) -> None:
    text = " ".join(words)
    expected, found = _both(text)
    assert found == expected


def test_case_folds_lists_every_character_that_ignores_case_into_ascii() -> None:
    """The fast path holds only where ignoring case is str.lower(): every character beyond
    ASCII that matches an ASCII letter ignoring case, or lowers to two, is in CASE_FOLDS."""
    letter = re.compile(r"(?i)[a-z]")
    for code in range(0x80, 0x110000):
        char = chr(code)
        if letter.fullmatch(char) or len(char.lower()) != 1:
            assert sentences_pysbd.CASE_FOLDS.match(char), hex(code)


def test_blanks_of_split_are_the_blanks_of_the_pattern() -> None:
    """Word starts are read with str.split(); pysbd's pattern finds them with ``\\s``."""
    blank = re.compile(r"\s")
    for code in range(0x110000):
        char = chr(code)
        assert (blank.fullmatch(char) is not None) == (len(f"a{char}b".split()) == 2), hex(code)


@pytest.mark.parametrize("path", DOCUMENTS[::4], ids=lambda p: p.stem)
def test_split_sentences_unchanged(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = read_document(path)
    fast = sentences.split_sentences(document.text, document.sections)
    monkeypatch.setattr(sentences, "_fast_segmenter", lambda: PYSBD)
    assert sentences.split_sentences(document.text, document.sections) == fast


def test_abbreviation_pass_does_less_work() -> None:
    """The point of it: on ILO-style prose, far fewer searches for abbreviations run."""
    text = " ".join(_paragraphs(generate(20_000, seed=3)))[:1_500]
    calls = {"pysbd": 0, "fast": 0}
    real = re.findall

    def counting(name: str):  # type: ignore[no-untyped-def]
        def findall(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[name] += str(args[0]).startswith("(?:^|")  # pysbd's search for one
            return real(*args, **kwargs)
        return findall

    for name, segmenter in (("pysbd", PYSBD), ("fast", FAST)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(re, "findall", counting(name))
            segmenter.processor(text).process()
    assert calls["fast"] < calls["pysbd"] / 2, calls


def test_sections_of_generated_prose_split_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = generate(60_000, seed=11)
    sections = split_sections(text, "press-release")
    fast = sentences.split_sentences(text, sections)
    monkeypatch.setattr(sentences, "_fast_segmenter", lambda: PYSBD)
    assert sentences.split_sentences(text, sections) == fast
    assert all(isinstance(s, Span) for s in fast)
