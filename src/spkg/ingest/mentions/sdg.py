"""SDG goals and targets named in prose, linked to the UN SDG KOS IRIs.

"SDG target 1.3", "SDG targets 1.3 and 8.5", "target 8.5" (only where the document speaks
of SDGs), "SDG 1", "SDGs 1 and 8", "Sustainable Development Goal 8". A number the KOS does
not have ("SDG target 1.9") gives nothing, and so do "target 50,000 workers" or "goal 3"
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spkg.ingest.mentions.base import Context, Mention, recogniser
from spkg.ingest.records import Span
from spkg.namespace import SDG

_NOTATION = r"\d{1,2}(?:\.[0-9a-z]{1,2})?"
_LIST = rf"{_NOTATION}(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]+&[ \t]+){_NOTATION})*"
_SDG_TARGETS = re.compile(
    rf"\b(?:SDGs?|Sustainable[ \t]+Development[ \t]+Goals?)[ \t]+(?:[Tt]argets?[ \t]+)?"
    rf"({_LIST})(?![\w.]*\d|,\d)")
_DOTTED = r"\d{1,2}\.[0-9a-z]{1,2}"
_TARGETS = re.compile(
    rf"(?<![\w-])[Tt]argets?[ \t]+(?:SDG[ \t]+)?"
    rf"({_DOTTED}(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]+&[ \t]+){_DOTTED})*)(?![\w.]*\d|,\d)")
_ONE = re.compile(_NOTATION)


@recogniser("sdg", "sdg-goal-or-target")
def sdg_mentions(context: Context, region: Span) -> Iterator[Mention]:
    text = context.text
    speaks_of_sdgs = "SDG" in text or "Sustainable Development Goal" in text
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
