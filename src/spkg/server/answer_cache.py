"""Whole answers kept by what decides them: the store's generation and the request.

The endpoint serves a store that changes only by an update through its own writer, and
every update publishes a new snapshot (a new generation). The same query text, formats,
dataset and base IRI over the same generation give the same answer, so a repeated query
is answered from here without a worker. When the generation changes, everything kept is
dropped at the next look-up; an answer computed on an older snapshot is never kept.

Not kept: answers over ``entry_limit`` bytes (streamed ones always are), failures of any
kind (timeouts, errors), and queries whose answer may differ between two
runs over the same data (RAND, NOW, UUID, STRUUID, BNODE — found in the text with its
\\u escapes expanded; a false match only means no caching). Least recently used answers
go first once the byte budget is spent.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_VOLATILE = re.compile(r"\b(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


def deterministic(query: str) -> bool:
    """False when the query may call a function whose value changes from run to run."""
    if "\\u" in query or "\\U" in query:
        query = _ESCAPE.sub(lambda m: chr(min(int(m[1] or m[2], 16), 0x10FFFF)), query)
    return _VOLATILE.search(query) is None


@dataclass(frozen=True)
class Cached:
    body: bytes
    headers: tuple[tuple[bytes, bytes], ...]


class AnswerCache:
    def __init__(self, budget: int, entry_limit: int = 1_048_576) -> None:
        self.budget = budget
        self.entry_limit = min(entry_limit, budget)
        self._entries: OrderedDict[Hashable, Cached] = OrderedDict()
        self._size = 0
        self._generation: str | None = None
        self._lock = threading.Lock()  # pages may run queries from threads
        self.hits = 0
        self.misses = 0

    def _follow(self, generation: str) -> None:
        if generation != self._generation:
            self._entries.clear()
            self._size = 0
            self._generation = generation

    def get(self, generation: str, key: Hashable) -> Cached | None:
        with self._lock:
            self._follow(generation)
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, generation: str, key: Hashable, value: Cached) -> None:
        """Keep ``value`` if it was computed on the current generation and fits."""
        size = len(value.body) + 200
        if size > self.entry_limit:
            return
        with self._lock:
            if generation != self._generation or key in self._entries:
                return
            self._entries[key] = value
            self._size += size
            while self._size > self.budget:
                _, old = self._entries.popitem(last=False)
                self._size -= len(old.body) + 200

    def __len__(self) -> int:
        return len(self._entries)
