"""The gazetteer's one-pass scan finds exactly what its old regular expression found."""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.ingest.name_scan import _FOLD, NameScanner, fold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.ingest_size import generate  # noqa: E402

ALL_CHARS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def _regex_scan(gazetteer: Gazetteer, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _old_pattern(gazetteer).finditer(text)]


@cache
def _old_pattern(gazetteer: Gazetteer) -> re.Pattern[str]:
    """The scan as it was: one alternative per name, longest first, inside word bounds."""
    names = sorted(gazetteer._scan_names, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) if (len(n) <= 4 or n.isupper())
                            else f"(?i:{re.escape(n)})" for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/extract/*/*.txt"))]
    texts += [generate(40_000, shape, seed=5) for shape in ("paragraphs", "line", "nopunct")]
    return texts


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    found = load_gazetteer()
    list(found.scan("warm"))  # builds the name table the regex is made from
    return found


def test_same_spans_as_the_regex_on_documents(gazetteer: Gazetteer) -> None:
    scanner = gazetteer._name_scanner()
    for text in _texts():
        assert list(scanner.scan(text)) == _regex_scan(gazetteer, text)


def test_same_spans_on_awkward_text(gazetteer: Gazetteer) -> None:
    """Case, word bounds, overlaps and characters that re.IGNORECASE folds specially."""
    names = [n for n in gazetteer._scan_names if " " in n][:40]
    pieces = [*names, *(n.upper() for n in names), *(n.title() for n in names), "ILO", "Ilo",
              "UNICEF", "unicef", "Peru", "PERU", "-", "_", " ", "\n", "x", "İ", "ı", "ſ",
              "K", "Σ", "ß", "é", "2021", "(", ")", "'s", "Côte d'Ivoire", "CÔTE D'IVOIRE"]
    rng = random.Random(7)
    scanner = gazetteer._name_scanner()
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ", "-", ", ")) for _ in range(12))
        assert list(scanner.scan(text)) == _regex_scan(gazetteer, text), text


def test_fold_is_what_ignorecase_compares() -> None:
    """Two characters fold alike exactly when a case-insensitive pattern equates them."""
    cased = "".join(c for c in ALL_CHARS if c.lower() != c or c.upper() != c
                    or c.translate(_FOLD) != c)
    folded = {c: fold(c) for c in cased}
    alike: dict[str, set[str]] = {}
    for char, key in folded.items():
        alike.setdefault(key, set()).add(char)
    for char in cased:
        matched = set(re.findall(f"(?i:{re.escape(char)})", cased))
        assert matched == alike[folded[char]], hex(ord(char))
    assert all(len(fold(c)) == 1 for c in cased)


def test_word_characters_are_those_of_the_pattern() -> None:
    words = set(re.findall(r"[\w-]", ALL_CHARS))
    bounded = NameScanner(exact=["AB"], folded=[])
    for char in ("a", "_", "-", "٣", "é", "ß", " ", ".", "\u2019"):
        assert (list(bounded.scan(f"{char}AB")) == []) == (char in words), hex(ord(char))


def test_longest_then_next_after_it() -> None:
    scanner = NameScanner(exact=["ILO"], folded=["social protection", "social protection floor",
                                                 "protection floor"])
    text = "ILO: Social Protection Floor, social protection floors, protection floor."
    assert [text[s:e] for s, e in scanner.scan(text)] == [
        "ILO", "Social Protection Floor", "social protection", "protection floor"]


def test_a_typographic_apostrophe_matches_a_straight_one() -> None:
    scanner = NameScanner(exact=["ILO"], folded=["Côte d'Ivoire", "Ta’izz"])
    for text, name in (("In Côte d’Ivoire, the ILO met.", "Côte d’Ivoire"),
                       ("In Côte dʼIvoire, the ILO met.", "Côte dʼIvoire"),
                       ("In Côte d'Ivoire, the ILO met.", "Côte d'Ivoire"),
                       ("A clinic in Ta'izz opened.", "Ta'izz")):
        spans = list(scanner.scan(text))
        assert (text.index(name), text.index(name) + len(name)) in spans, (text, spans)


def test_the_gazetteer_reads_a_place_written_with_a_typographic_apostrophe(
        gazetteer: Gazetteer) -> None:
    found = [entry.iri for _, _, entry in gazetteer.scan("Workers in Côte d’Ivoire joined.")]
    assert any(str(iri).endswith("/place/cote-divoire") for iri in found), found
