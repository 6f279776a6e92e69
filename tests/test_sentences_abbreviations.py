"""The splitter keeps a reference abbreviation with the number after it (issue 16).

Made-up sentences: "Convenio núm. 102", "Convenção n.º 102", "Decreto No. M/273" and the
like must stay in one sentence, while a real end after the number still splits.
"""

from __future__ import annotations

import pytest

from spkg.ingest.records import Span
from spkg.ingest.sentences import _prose_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in _prose_sentences(text, Span(0, len(text)))]


@pytest.mark.parametrize("sentence", [
    "El país ratificó el Convenio núm. 102 sobre la seguridad social en 2019.",
    "O governo ratificou a Convenção n.º 102 em 2019.",
    "Le Parlement a adopté la Loi n. 45 relative aux pensions.",
    "El Decreto No. M/273 creó un subsidio para los hogares rurales.",
    "La Ley Nro. 12 amplió la cobertura de salud.",
    "El subsidio figura en la pág. 3 del informe anual.",
    "The benefit is set out in para. 4 of the regulation.",
    "The Decree No. DS-44 extended the pension to farmers.",
])
def test_reference_abbreviation_before_number_is_no_end(sentence: str) -> None:
    assert _sentences(f"{sentence} Otra frase sigue aquí.") == [
        sentence, "Otra frase sigue aquí."]


def test_sentence_end_after_the_number_still_splits() -> None:
    text = "It acts under Law No. 12. The ministry pays the benefit."
    assert _sentences(text) == ["It acts under Law No. 12.", "The ministry pays the benefit."]


def test_abbreviation_before_a_word_is_left_to_pysbd() -> None:
    # nothing joined when no number follows: a plain word after "No." keeps pysbd's reading
    text = "They asked whether it applied. The answer was no. Workers then left."
    assert _sentences(text) == [
        "They asked whether it applied.", "The answer was no.", "Workers then left."]


def test_ordinary_word_ending_like_an_abbreviation_is_not_joined() -> None:
    # "piano." ends in "no." but is no abbreviation: the sentence ends there
    text = "She played the piano. 12 people listened."
    assert _sentences(text) == ["She played the piano.", "12 people listened."]
