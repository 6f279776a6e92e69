"""Pieces read as one sentence without pysbd (spkg.ingest.sentences._one_sentence): pysbd
itself reads each as one sentence, and the splitter's answer is the same with or without
the shortcut, on the annotated documents, generated prose and random prose."""

from __future__ import annotations

import sys
from pathlib import Path

import pysbd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spkg.ingest import sentences
from spkg.ingest.records import Section, Span
from spkg.ingest.sections import split_sections

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest_size import generate  # noqa: E402

PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)
DOCUMENTS = sorted({*ROOT.glob("tests/extract/**/*.txt"), *ROOT.glob("data/sources/*.txt")})


@pytest.mark.parametrize("body", [
    "Mr. Amina Khan, Director of the Board, said that 12,000 workers were registered.",
    "Workers' groups, e.g. the Ghana Workers Federation, called for it (about 5,000 in 2021).",
    "According to Omar Saleh, “the Pension Programme reached 120 beneficiaries in Lima.”",
    "Dr. Joseph Otieno of the Ministry of Health presented the policy the Board endorsed.",
])
def test_one_sentence_pieces(body: str) -> None:
    assert sentences._one_sentence(body)
    assert [s.sent for s in PYSBD.segment(body)] == [body]


@pytest.mark.parametrize("body", [
    "Mr. Khan spoke. The Board met.",  # a period that is an end
    "e.g. The Board met in Lima.",  # "e.g." before a capital may end a sentence
    "(Mr. Khan) spoke to the Board.",  # no blank before the title
    "He said “It ends here.” Then the Board met.",
    "See No. 5 of the Act.",  # an abbreviation this shortcut does not know
])
def test_pieces_left_to_pysbd(body: str) -> None:
    assert not sentences._one_sentence(body)


def _split(text: str, sections: list[Section], monkeypatch: pytest.MonkeyPatch) -> tuple[
        list[Span], list[Span]]:
    fast = sentences.split_sentences(text, sections)
    with monkeypatch.context() as patch:
        patch.setattr(sentences, "_one_sentence", lambda body: False)
        slow = sentences.split_sentences(text, sections)
    return fast, slow


@pytest.mark.parametrize("path", DOCUMENTS[::2], ids=lambda p: p.stem)
def test_same_sentences_on_annotated_documents(path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    from spkg.ingest.detect import detect_kind

    fast, slow = _split(text, split_sections(text, detect_kind(text, path)), monkeypatch)
    assert fast == slow


@pytest.mark.parametrize("shape", ["paragraphs", "line"])
def test_same_sentences_on_generated_prose(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = generate(40_000, shape, seed=5)
    fast, slow = _split(text, split_sections(text, "press-release"), monkeypatch)
    assert fast == slow


# Plain prose words (often) and what pysbd reads specially (sometimes): the shortcut must
# fire often enough to be tested, next to everything that could change pysbd's answer.
PLAIN = ["Khan", "said", "the", "Board", "of", "workers", "in", "Amina", "Lima", "met",
         "programme", "2021", "12,000", "(about", "2021)", "(ILO)", "“the", "Java.”", "Mr.",
         "e.g.", "Dr."]
SPECIAL = ["The", "a", "and", "Mrs.", "Ms.", "Prof.", "mr.", "MR.", "E.g.", "i.e.", "No.",
           "St.", "Lima.", "it.”", "2021.", "5", "(3)", "1.", "a.", "b)", "(i)", "Mr.”",
           "e.g.,", "“Mr.", "(Dr.", "?", "!", "...", "--", "'s", "workers'", "\t", "I", "In",
           "“", "”", "U.S.", "Mr", "e.g", "g.", "f.", "ii.", "(", ")", "\"", "'", "’", "‘",
           "5.3", "Jan.", "Inc.", "p.m.", "x.”", "Dr.”", "Lima.”.", "Lima?”", "c.", "A."]
WORDS = PLAIN * 4 + SPECIAL


@settings(max_examples=1500, deadline=None, derandomize=True, database=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_same_sentences_on_random_prose(words: list[str]) -> None:
    """With and without the shortcut, the same sentences; and where it reads a piece that
    needs pysbd as one sentence, pysbd reads it so too."""
    text = " ".join(words)
    section = [Section(name="body", heading=None, body=Span(0, len(text)))]
    fast = sentences.split_sentences(text, section)
    original = sentences._one_sentence
    try:
        sentences._one_sentence = lambda body: False
        slow = sentences.split_sentences(text, section)
    finally:
        sentences._one_sentence = original
    assert fast == slow, text
    trailing = sentences._TRAILING.search(text)
    inner = text[: trailing.start()] if trailing else text
    if sentences._NEEDS_PYSBD.search(inner) and original(text):
        found = [s.sent.strip() for s in PYSBD.segment(text) if s.sent.strip()]
        assert found == [text.strip()], text
