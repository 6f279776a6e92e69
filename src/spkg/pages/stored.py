"""The stored queries (queries/*.rq) as the pages list them: name, summary, text.

Uses spkg.queries' catalogue (the full grlc-style header, with parameters); falls back to
reading ``#+ summary:`` itself if that package is unavailable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spkg import paths


@dataclass(frozen=True)
class StoredQuery:
    name: str
    summary: str
    text: str
    params: tuple[str, ...] = ()  # "place (required)", shown beside the summary


def _summary(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#+") and ":" in stripped:
            key, _, value = stripped[2:].partition(":")
            if key.strip() == "summary":
                return value.strip()
        elif stripped and not stripped.startswith("#"):
            break
    return ""


def stored_queries(folder: Path | None = None) -> list[StoredQuery]:
    folder = folder or paths.queries_dir()
    try:
        from spkg.queries.catalogue import catalogue
    except ImportError:
        return _read_folder(folder)
    return [
        StoredQuery(q.name, q.summary or q.name, q.text,
                    tuple(f"{p.name}{' (required)' if p.required else ''}" for p in q.params))
        for q in catalogue(folder).values()
    ]


def _read_folder(folder: Path) -> list[StoredQuery]:
    found = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        found.append(StoredQuery(path.stem, _summary(text) or path.stem, text))
    return found
