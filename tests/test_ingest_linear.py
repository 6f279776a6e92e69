"""Ingestion grows linearly with a document's size (issue 18): counted where it can be,
timed only as a ratio of CPU seconds with a generous bound, so a loaded machine does not
make it flaky. The 10 MB figure is a benchmark (bench/ingest_size.py), not a test."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from spkg.ingest import linking
from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.mentions import Mention
from spkg.ingest.pipeline import ingest_document, read_document
from spkg.ingest.prose import prose_regions
from spkg.ingest.sentences import split_sentences
from spkg.ingest.vocab import load_vocabulary
from spkg.namespace import document_iri

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ingest_size import generate


def _document(tmp_path: Path, size: int, shape: str = "paragraphs") -> Path:
    path = tmp_path / f"{shape}-{size}.txt"
    path.write_text(generate(size, shape), encoding="utf-8")
    return path


def _label_reads_per_mention(path: Path, monkeypatch: pytest.MonkeyPatch) -> float:
    gazetteer = load_gazetteer()
    document = read_document(path)
    mentions = MentionFinder(document.text, gazetteer).find(prose_regions(document))
    reads = 0
    label = Mention.__dict__["label"]  # the property itself

    def counted(self: Mention) -> str:
        nonlocal reads
        reads += 1
        return str(label.fget(self))

    with monkeypatch.context() as patch:
        patch.setattr(Mention, "label", property(counted))
        linking.link_mentions(mentions, gazetteer)
    return reads / len(mentions)


def test_linking_reads_each_mention_a_bounded_number_of_times(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cluster re-read all its mentions for each new one: a name mentioned m times cost
    m² (on 200 KB of prose 280 reads of a label per mention, growing with the text; now
    about 6 at any size)."""
    small = _label_reads_per_mention(_document(tmp_path, 30_000), monkeypatch)
    large = _label_reads_per_mention(_document(tmp_path, 120_000), monkeypatch)
    assert large < 15, large
    assert large < 1.5 * small, (small, large)


def _cpu_seconds(path: Path) -> float:
    vocab = load_vocabulary()
    started = time.process_time()
    ingest_document(path, vocab)
    return time.process_time() - started


@pytest.mark.parametrize("shape", ["paragraphs", "line"])
def test_ingest_cpu_time_grows_linearly(tmp_path: Path, shape: str) -> None:
    """4× the text costs less than 8× the CPU time (quadratic would be 16×). CPU seconds of
    this process, not wall time: other work on the machine does not count."""
    small, large = _document(tmp_path, 25_000, shape), _document(tmp_path, 100_000, shape)
    _cpu_seconds(_document(tmp_path, 5_000, shape))  # the reference tables, loaded once
    small_seconds = min(_cpu_seconds(small) for _ in range(2))
    large_seconds = _cpu_seconds(large)
    assert large_seconds < 8 * small_seconds, (small_seconds, large_seconds)


def test_text_without_punctuation_is_cut_into_bounded_sentences(tmp_path: Path) -> None:
    """200 KB with no sentence end at all: sentences of at most 2,000 characters, cut
    between words, covering all the words."""
    document = read_document(_document(tmp_path, 200_000, "nopunct"))
    spans = split_sentences(document.text, document.sections)
    assert max(s.end - s.start for s in spans) <= 2_000
    assert len(spans) > 90
    body = [s for s in spans if s.start > document.text.index("ILO News")]
    for span in body[1:]:
        assert document.text[span.start - 1].isspace(), span  # never inside a word
    covered = "".join(document.text[s.start : s.end] for s in body).replace(" ", "")
    assert covered == document.text[body[0].start :].replace(" ", "").replace("\n", "")


def test_opens_sentence_reads_back_as_the_pattern_did() -> None:
    """mentions.groups._opens_sentence walks back from the position (a regex search from
    the region's start for each head was quadratic in a long region); same answers."""
    import random

    from spkg.ingest.mentions import groups

    rng = random.Random(5)
    alphabet = "ab.!?:;•\n \t\r\u2028\x0bX,"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        floor = rng.randint(0, len(text))
        position = rng.randint(floor, len(text))
        expected = position == floor or groups._SENTENCE_OPENING.search(
            text, floor, position) is not None
        assert groups._opens_sentence(text, floor, position) == expected, (text, floor)


# --- dates (normalise) and studies: exact answers, linear cost ---------------------------

def _dates_in_turn(text: str) -> list[tuple[int, int, object]]:
    """The date patterns as they used to run: each over the whole text, in order, a span
    kept unless it overlaps one kept before (a list scan per match: quadratic)."""
    from spkg.ingest import normalise

    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, object]] = []
    for pattern, parse in normalise._RULES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append((start, end, parse(match)))
    return found


def test_date_prefilters_only_skip_patterns_that_find_nothing() -> None:
    """A text with no year, or no month name, skips patterns; spans are bisected: the
    same dates, in the same order, as every pattern run in turn (random texts built from
    date pieces, month names in three languages and any case, look-alike letters)."""
    import random

    from spkg.ingest import normalise

    pieces = ["2021", "1999", "2016-22", "2017/18", "3", "12", "31st", " ", "-", "–", ".",
              ",", "/", "de ", "del ", "Sept", "sept.", "MARCH", "mars", "février", "DÉC",
              "ſeptember", "İ", "enero", "mayo", "x", "\n", "٢٠٢١", "2020-03-04",
              "15.05.2019", "août", "\u212a", "Junio"]
    rng = random.Random(18)
    for _ in range(20_000):
        text = normalise.to_ascii_digits(
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))))
        assert list(normalise._date_matches(text)) == _dates_in_turn(text), text


def test_a_month_written_with_a_long_s_is_read_not_a_traceback() -> None:
    """re.IGNORECASE matched "ſeptember" to "september", then the month table was read
    with str.lower(): KeyError on ingest."""
    from spkg.ingest.normalise import find_dates

    (found,) = find_dates("on 3 ſeptember 2021")
    assert str(found.literal) == "2021-09-03"


def _date_seconds(count: int) -> float:
    from spkg.ingest.normalise import date_spans

    text = " ".join(f"on {1 + i % 28} March {1990 + i % 30}, and in {2000 + i % 20}"
                    for i in range(count))
    started = time.process_time()
    found = list(date_spans(text))
    seconds = time.process_time() - started
    assert len(found) == 2 * count
    return seconds


def test_dates_of_one_long_text_cost_linear_time() -> None:
    """One region with many dates (a long line): each span was checked against every span
    kept before it. 4x the dates, at most ~5x the CPU time (quadratic was 16x)."""
    _date_seconds(200)
    small = min(_date_seconds(2_000) for _ in range(2))
    large = _date_seconds(8_000)
    assert large < 5.5 * small + 0.05, (small, large)


def test_a_study_named_again_is_listed_once() -> None:
    """ctx.studies, scanned for every item of a list of studies, grew by one entry each
    time a sentence named a known study."""
    from spkg.ingest.records import Document, Span
    from spkg.ingest.relations import run_rules

    sentence = "The study on pensions for domestic workers is being prepared. "
    text = "Studies in Testland\n\n" + sentence * 40 + (
        "Studies are underway. These include pensions for domestic workers, "
        "and maternity cover.")
    start = len("Studies in Testland\n\n")
    sentences = [Span(start + i * len(sentence), start + (i + 1) * len(sentence) - 1)
                 for i in range(40)]
    tail = start + 40 * len(sentence)
    sentences += [Span(tail, tail + len("Studies are underway.")),
                  Span(tail + len("Studies are underway. "), len(text))]
    document = Document(path=Path("studies.txt"), text=text, kind="country-page",
                        iri=document_iri("studies"), sha256="0", sentences=sentences)
    ctx = run_rules(document, [], load_gazetteer(), [Span(start, len(text))])
    assert len(ctx.studies) == 1
    underway = {f.subject for f in ctx.facts if str(f.object).endswith("#underway")}
    assert ctx.studies[0][0] in underway  # the listed item is the study named before
