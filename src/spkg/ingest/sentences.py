"""Sentence spans of a document: pysbd for prose, one span per line or bullet item for lists.

pysbd (``char_span=True``) gives correct offsets on the seeds' prose, typographic quotes
included, but it does not know that "•" starts a new item: a bullet list becomes one long
"sentence", or an item is glued to the next. So each section is first cut into lines and
bullet items, and only the prose inside an item goes to pysbd. Its spans are checked against
the text and a span that does not match is replaced by the whole item, never trusted blindly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from spkg.ingest.records import Section, Span
from spkg.ingest.sections import BULLET, LINE_SECTIONS, lines_of

_INLINE_BULLET = re.compile(r"\s•\s")


@cache
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


@cache
def _fast_segmenter():  # type: ignore[no-untyped-def]
    """pysbd with a faster abbreviation pass, the same sentences (sentences_pysbd.py)."""
    from spkg.ingest.sentences_pysbd import segmenter

    return segmenter()


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _items(text: str, span: Span) -> Iterator[Span]:
    """Lines of ``span``, and inside a line its "•" items, without the bullet marks."""
    for line in lines_of(text[span.start : span.end]):
        start, end = span.start + line.start, span.start + line.end
        marker = BULLET.match(line.text)
        if marker:
            start += marker.end()
        cuts = [start, *(m.start() + 1 for m in _INLINE_BULLET.finditer(text, start, end)), end]
        for item_start, item_end in pairwise(cuts):
            if item_start < item_end and text[item_start] == "•":
                item_start += 1
            item = _trimmed(text, item_start, item_end)
            if item:
                yield item


# pysbd costs ~15 µs per character, and its abbreviation pass re-scans a whole line for
# each abbreviation-like word in it: quadratic on a long line (a 100 KB one took 20 s).
# So prose is first cut where pysbd would certainly end a sentence, and pysbd sees only the
# pieces in between that hold something it must decide (a period inside, a list marker);
# a piece with none is one sentence as it stands. Pieces never exceed _MAX_PIECE.
_MAX_PIECE = 2_000
_CONTEXT = 400  # no cut this near a marker that pysbd reads in context (see _CONTEXTUAL)
_CANDIDATE = re.compile(r"[.!?]\s+(?=[A-Z])")
# A word that ends a sentence for pysbd: letters, or a code or year ("R202", "2021"),
# with any closing brackets or quotes after it.
_WORD = re.compile(r"(?:[A-Za-z]{2,}|[A-Za-z]{0,4}\d{3,})[)\]’”\"']*")
_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)
# What makes pysbd split or protect text inside a piece: terminators, its own placeholder
# characters, list markers ("(i)", "2)", "b)"; pysbd's are digits or lower-case letters),
# line ends. A period between digits is part of a number ("8.7"), never an end.
_NEEDS_PYSBD = re.compile(
    r"(?<!\d)\.|\.(?!\d)|[!?。．！？…∯ȸȹ☉☈☇☄♨☝⚐⚑ᓰᓱᓳᓴᓷᓸ\r\n]"
    r"|(?:^|[\s(])(?:\d{1,2}|[a-z]+)\)")
_TRAILING = re.compile(r"[.!?]\s*$")
# What pysbd reads across the whole text it is given: an opening straight quote (its quote
# rule first asks whether "' " occurs anywhere) and list markers (it numbers lists across
# the text). No cut is made within _CONTEXT characters of one.
_CONTEXTUAL = re.compile(r"(?:^|(?<=\s))(?:'|\d{1,2}\.(?=\s|$)|[a-zA-Z]\.(?=\s|$)"
                         r"|[ivxIVX]{1,5}\.(?=\s|$))|(?:^|[\s(])(?:\d{1,2}|[a-z]|[ivx]{1,5})\)")
# Openers and closers of what pysbd keeps whole: brackets, quotes (a single quote opens
# after a blank and closes when no letter follows it), "--" pairs; and "?", "!", "…", "..",
# after which pysbd's punctuation rules look further ahead: no certain end in that piece.
_MARKS = re.compile(r"(?P<open>[(\[“«]|(?:^|(?<=\s))[‘'])|(?P<close>[)\]”»]|[’'](?![A-Za-z]))"
                    r"|(?P<toggle>\"|--)|(?P<stop>[!?…]|\.\.)")
_PAIRS = {")": "(", "]": "[", "”": "“", "»": "«", "’": "‘", "'": "'"}


@cache
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    table = English.Abbreviation
    return frozenset([*table.ABBREVIATIONS, *table.PREPOSITIVE_ABBREVIATIONS,
                      *table.NUMBER_ABBREVIATIONS])


class _Open:
    """What is open (a bracket, a quote) between a piece's start and a position, read
    incrementally so that a long piece is scanned once. A closer with no opener counts for
    nothing, as in pysbd's patterns, which only pair an opener with a later closer."""

    def __init__(self, text: str, start: int):
        self.text = text
        self.position = start
        self.depth: dict[str, int] = {}
        self.toggles: dict[str, int] = {}

    def any_open(self, until: int) -> bool:
        for mark in _MARKS.finditer(self.text, self.position, until):
            char, kind = mark.group(), mark.lastgroup
            if kind == "open":
                self.depth[char] = self.depth.get(char, 0) + 1
            elif kind == "close":
                opener = _PAIRS[char]
                self.depth[opener] = max(0, self.depth.get(opener, 0) - 1)
            elif kind == "stop":  # pysbd reads runs of "?", "!" and dots as one whole
                self.depth["stop"] = 1
            else:
                self.toggles[char] = self.toggles.get(char, 0) + 1
        self.position = max(self.position, until)
        return any(self.depth.values()) or any(n % 2 for n in self.toggles.values())


def _safe_end(text: str, terminator: int, open_: _Open) -> bool:
    """Whether pysbd ends a sentence at ``terminator``: after a plain word of two letters or
    more that is no abbreviation or roman numeral, with nothing open in the piece."""
    word_start = terminator
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
        if terminator - word_start > 40:
            return False
    word = text[word_start:terminator]
    if not _WORD.fullmatch(word):
        return False
    word = word.rstrip(")]’”\"'")
    return (word.lower() not in _abbreviations() and not _ROMAN.fullmatch(word)
            and not open_.any_open(terminator))


def _pieces(text: str, item: Span) -> Iterator[Span]:
    """``item`` cut at certain sentence ends; a run longer than _MAX_PIECE is cut at its
    last likely end (else at a blank, else anywhere), so that pysbd's time stays bounded."""
    contextual = [m.start() for m in _CONTEXTUAL.finditer(text, item.start, item.end)]
    start = item.start
    open_ = _Open(text, start)
    last: tuple[int, int] | None = None  # the last likely end since start, and what follows
    for match in _CANDIDATE.finditer(text, item.start, item.end):
        end, after = match.start() + 1, match.end()
        if end - start > _MAX_PIECE and last is not None:
            yield Span(start, last[0])
            start, last = last[1], None
            open_ = _Open(text, start)
        if end - start > _MAX_PIECE:
            yield from _bounded(text, start, end)
        elif not _near(contextual, end) and _safe_end(text, match.start(), open_):
            yield Span(start, end)
        else:
            last = (end, after)
            continue
        start, last = after, None
        open_ = _Open(text, start)
    if item.end - start > _MAX_PIECE and last is not None:
        yield Span(start, last[0])
        start = last[1]
    if start < item.end:
        yield from _bounded(text, start, item.end)


def _near(positions: list[int], position: int) -> bool:
    index = bisect.bisect_left(positions, position - _CONTEXT)
    return index < len(positions) and positions[index] <= position + _CONTEXT


def _bounded(text: str, start: int, end: int) -> Iterator[Span]:
    while end - start > _MAX_PIECE:
        cut = text.rfind(" ", start + _MAX_PIECE // 2, start + _MAX_PIECE)
        cut = cut + 1 if cut > start else start + _MAX_PIECE
        yield Span(start, cut)
        start = cut
    yield Span(start, end)


# Periods that never end a sentence for pysbd, wherever they stand in a piece: its
# abbreviation pass turns a title's before a blank ("Mr. ", "Dr. "; prepositive
# abbreviations) and that of "e.g." before a blank and a lower-case letter into "∯" before
# any rule looks for an end; and the last period of a piece after a word inside a quote
# the piece opened (“… Lima.”), which pysbd keeps with its quote. A piece whose only
# periods are these is one sentence, as is a piece with none (about half of what went to
# pysbd in ILO-style prose; tests/test_sentences_one_piece.py compares with pysbd).
_NEVER_AN_END = re.compile(r"(?:^|(?<=\s))(?:(Mr|Mrs|Ms|Dr|Prof)\.(?=\s)|e\.g\.(?=\s[a-z]))")
_QUOTED_END = re.compile(r"(?<=\s)([A-Za-z]{2,})\.”\s*$")


# Quotes and brackets, which pysbd pairs across a piece and reads ends inside of (an
# apostrophe inside or after a word, "workers' ", opens nothing; round brackets are checked
# apart: "(about 5,000 in 2021)"); the last word of a text.
_PAIRED = re.compile(r"[“”\"‘\[\]«»]|(?<![A-Za-z])['’]")
_ROUND = re.compile(r"[()]")
_LAST_WORD = re.compile(r"(\S+)\s*$")


def _plain_word(word: str) -> bool:
    """A word after which a period ends a sentence for pysbd (as in _safe_end): letters or a
    code, no abbreviation, no roman numeral, no list letter ("e.g. f." is two for pysbd)."""
    if not _WORD.fullmatch(word):
        return False
    word = word.rstrip(")]’”\"'")
    return word.lower() not in _abbreviations() and not _ROMAN.fullmatch(word)


def _round_pairs(text: str) -> bool:
    """Round brackets that each close before the next opens, and all close."""
    marks = "".join(_ROUND.findall(text))
    return marks == "()" * (len(marks) // 2)


def _one_sentence(body: str) -> bool:
    """Whether pysbd reads ``body`` (a piece that needs it at first sight) as one sentence,
    known without running it: its only periods are those of _NEVER_AN_END, it pairs no
    quote or bracket but the closing one, and it ends after a plain word."""
    if "." not in body or body.lstrip()[:1] in ("(", "“"):
        return False  # pysbd's segment pattern takes a text's opening "(…) " or "“…” " apart
    quoted = _QUOTED_END.search(body)
    if quoted:
        inner = body[: quoted.start()]
        if (not _plain_word(quoted[1]) or _PAIRED.findall(inner) != ["“"]
                or not _round_pairs(inner)):
            return False
    else:
        trailing = _TRAILING.search(body)
        inner = body[: trailing.start()] if trailing else body
        last = _LAST_WORD.search(inner)
        if (_PAIRED.search(inner) or not _round_pairs(inner) or last is None
                or not _plain_word(last[1])):
            return False
    return not _NEEDS_PYSBD.search(_NEVER_AN_END.sub(lambda m: m[1] or "eg", inner))


# Number-sign and reference abbreviations of English, French, Spanish and Portuguese legal
# citations ("Convenio núm. 102", "Convenção n.º 102", "Decreto No. M/273", "art. 4",
# "pág. 3"): pysbd (English) ends a sentence after some of them, which cuts an instrument
# from its number and verb. Before a number they never end a sentence.
_REFERENCE_ABBREVIATIONS = frozenset({
    "n", "no", "nos", "nº", "n°", "núm", "num", "núms", "nums", "nro", "nros", "nr", "nrs",
    "art", "arts", "inc", "incs", "pág", "págs", "pag", "pags", "p", "pp", "párr", "parr",
    "para", "paras", "par", "al", "sec", "secs", "secc", "cap", "caps", "ch", "vol", "vols",
    "apdo", "apartado", "lit", "fasc", "ord", "ítem", "item", "fr", "fracc",
})
# What may follow such an abbreviation within a sentence: a number, possibly after the
# ordinal sign that pysbd leaves behind when it cuts "n.º" after "n.", or a code of capitals
# and a number ("M/273", "DS-12").
_REFERENCE_NUMBER = re.compile(r"[º°ª]?\s*(?:\d|[A-Z]{1,4}[/-]?\d|[A-Z]{1,4}/)")


def _ends_at_reference(text: str, span: Span) -> bool:
    """Whether ``span`` ends with a reference abbreviation and its period ("núm.")."""
    if text[span.end - 1] != ".":
        return False
    start = max(span.start, span.end - 12)
    chunk = text[start : span.end]
    words = chunk.split()
    if not words or (start > span.start and len(words) == 1 and not chunk[0].isspace()):
        return False  # the word is longer than the window: no abbreviation of the list
    word = words[-1].lstrip("([").lower()[:-1]
    return word in _REFERENCE_ABBREVIATIONS


def _joined_references(text: str, spans: Iterator[Span]) -> Iterator[Span]:
    """``spans`` with a span that ends at a reference abbreviation joined to the next when
    that one starts with a number or code (only blanks between them)."""
    held: Span | None = None
    for span in spans:
        if (held is not None and _ends_at_reference(text, held)
                and _REFERENCE_NUMBER.match(text, span.start)
                and (held.end == span.start or text[held.end : span.start].isspace())):
            held = Span(held.start, span.end)
            continue
        if held is not None:
            yield held
        held = span
    if held is not None:
        yield held


def _prose_sentences(text: str, item: Span) -> Iterator[Span]:
    return _joined_references(text, _split_prose(text, item))


def _split_prose(text: str, item: Span) -> Iterator[Span]:
    for piece in _pieces(text, item):
        body = text[piece.start : piece.end]
        trailing = _TRAILING.search(body)
        inner = body[: trailing.start()] if trailing else body
        if _NEEDS_PYSBD.search(inner) and not _one_sentence(body):
            yield from _pysbd_sentences(text, piece)
        else:
            span = _trimmed(text, piece.start, piece.end)
            if span:
                yield span


def _pysbd_sentences(text: str, item: Span) -> Iterator[Span]:
    chunk = text[item.start : item.end]
    position = 0
    for start, end in _pysbd_spans(chunk):
        if start < position:
            # pysbd lost its place: fall back to the rest of the item as one sentence.
            rest = _trimmed(text, item.start + position, item.end)
            if rest:
                yield rest
            return
        span = _trimmed(text, item.start + start, item.start + end)
        if span:
            yield span
        position = end
    rest = _trimmed(text, item.start + position, item.end)
    if rest:
        yield rest


def _pysbd_spans(chunk: str) -> list[tuple[int, int]]:
    """pysbd's sentences of ``chunk`` as (start, end) offsets, each with its trailing blanks.

    Located with str.find: pysbd's own char_span mode compiles a regular expression from
    every sentence's text (a third of the splitter's time). A sentence not found where it
    should be ends the list; the caller then keeps the rest of the chunk as one sentence.
    """
    try:
        sentences = _fast_segmenter().processor(chunk).process() if chunk else []
    except Exception:  # a splitter bug must not lose the document: the caller falls back
        return []
    spans = []
    position = 0
    for sentence in sentences:
        if not sentence:
            continue
        start = chunk.find(sentence, max(0, position - len(sentence)))
        while start != -1 and start + len(sentence) <= position:
            start = chunk.find(sentence, start + 1)
        if start == -1:
            break
        end = start + len(sentence)
        while end < len(chunk) and chunk[end].isspace():
            end += 1
        spans.append((start, end))
        position = end
    return spans


def split_sentences(text: str, sections: list[Section]) -> list[Span]:
    """Sentences (and list lines) of every section, headings included, in text order."""
    spans: set[Span] = set()
    for section in sections:
        if section.heading is not None:
            spans.add(section.heading)
        for item in _items(text, section.body):
            if section.name in LINE_SECTIONS:
                spans.add(item)
            else:
                spans.update(_prose_sentences(text, item))
    return sorted(spans)
