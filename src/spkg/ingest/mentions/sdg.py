"""SDG goals and targets named in prose, linked to the UN SDG KOS IRIs.

"SDG target 1.3", "SDG targets 1.3 and 8.5", "target 8.5" (only where the document speaks
of SDGs), "SDG 1", "SDGs 1 and 8", "Sustainable Development Goal 8". A number the KOS does
not have ("SDG target 1.9") gives nothing, and so do "target 50,000 workers" or "goal 3"
alone. French, Spanish and Portuguese prose write them "la cible 1.3 des objectifs de
développement durable", "l'ODD 1", "la meta 1.3 de los ODS", "a meta 8.5 dos ODS".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spkg.ingest.mentions.base import Context, Mention, recogniser
from spkg.ingest.records import Span
from spkg.namespace import SDG

_NOTATION = r"\d{1,2}(?:\.[0-9a-z]{1,2})?"
_AND = r"(?:,[ \t]*|[ \t]+(?:and|et|y|e)[ \t]+|[ \t]+&[ \t]+)"
_LIST = rf"{_NOTATION}(?:{_AND}{_NOTATION})*"
# The goals' names in the four languages, and the words for a target.
_SDG_NAME = (r"SDGs?|Sustainable[ \t]+Development[ \t]+Goals?|ODD|ODS|"
             r"[Oo]bjectifs?[ \t]+de[ \t]+[Dd]éveloppement[ \t]+[Dd]urable|"
             r"[Oo]bjetivos?[ \t]+de[ \t]+(?:[Dd]esarrollo[ \t]+[Ss]ostenible|"
             r"[Dd]esenvolvimento[ \t]+[Ss]ustentável)")
_TARGET_WORD = r"[Tt]argets?|[Cc]ibles?|[Mm]etas?"
_SDG_TARGETS = re.compile(
    rf"\b(?:{_SDG_NAME})[ \t]+(?:(?:{_TARGET_WORD})[ \t]+)?({_LIST})(?![\w.]*\d|,\d)")
_DOTTED = r"\d{1,2}\.[0-9a-z]{1,2}"
_TARGETS = re.compile(
    rf"(?<![\w-])(?:{_TARGET_WORD})[ \t]+(?:(?:SDG|ODD|ODS)[ \t]+)?"
    rf"({_DOTTED}(?:{_AND}{_DOTTED})*)(?![\w.]*\d|,\d)")
# Where a document speaks of the goals at all ("target 8.5" means a target only there).
_SPEAKS_OF_SDGS = re.compile(rf"\b(?:{_SDG_NAME})\b")
_ONE = re.compile(_NOTATION)


@recogniser("sdg", "sdg-goal-or-target")
def sdg_mentions(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    speaks_of_sdgs = context.memo.get("speaks-of-sdgs")
    if not isinstance(speaks_of_sdgs, bool):  # one search per document, not per region
        speaks_of_sdgs = context.memo["speaks-of-sdgs"] = bool(_SPEAKS_OF_SDGS.search(text))
    seen: set[int] = set()
    for pattern, needs_context in ((_SDG_TARGETS, False), (_TARGETS, True)):
        if needs_context and not speaks_of_sdgs:
            continue
        for match in pattern.finditer(text, region.start, region.end):
            for number in _ONE.finditer(text, match.start(1), match.end(1)):
                if number.start() in seen:
                    continue
                entry = context.gazetteer.get(SDG[number.group(0)])
                if entry is None:
                    continue
                seen.add(number.start())
                yield Mention(Span(number.start(), number.end()), number.group(0), entry.cls,
                              entry, source="sdg")
