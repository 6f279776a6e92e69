"""Ingestion: source documents → one named graph of facts with provenance per document.

The stages, one module each: reader (bytes → text), detect (kind), sections, sentences,
normalise (dates, numbers), fields (fixed fields → Facts), prose (facts from running text),
mapping (Facts → triples + provenance), trig (deterministic output), pipeline (all of it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spkg.ingest.pipeline import IngestResult, ingest_paths, write_result

__all__ = ["IngestResult", "ingest_paths", "write_result"]


def __getattr__(name: str) -> Any:
    # Lazy, so that importing a stage (e.g. spkg.ingest.normalise) does not load them all.
    if name in __all__:
        from spkg.ingest import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
