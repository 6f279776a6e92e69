"""Counts in words people read: "1 document", "2 documents", "1 batch", "3 batches"."""

from __future__ import annotations

_IRREGULAR = {"batch": "batches", "property": "properties", "class": "classes",
              "info": "info", "match": "matches", "index": "indexes"}


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and ``noun``, the noun plural unless the number is exactly one."""
    if number == 1:
        return f"{number} {noun}"
    return f"{number} {plural or _IRREGULAR.get(noun) or noun + 's'}"
