"""What the tests of single relation families share: the facts read from a made-up page."""

from __future__ import annotations

from pathlib import Path

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Fact
from spkg.ingest.relations import read_relations


def page_facts(tmp_path: Path, gazetteer: Gazetteer, body: str,
               title: str = "Social protection in Kenya") -> list[Fact]:
    """The relations read from a page of a title line and ``body``, written in tmp_path."""
    path = tmp_path / "page.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    document = read_document(path)
    regions, entities = prose_entities(document, gazetteer)
    return list(read_relations(document, entities, gazetteer, regions))


def slug_pairs(facts: list[Fact], predicate: object) -> set[tuple[str, str]]:
    """(subject slug, object slug) of every fact with ``predicate``."""
    return {(str(f.subject).rsplit("/", 1)[-1], str(f.object).rsplit("/", 1)[-1])
            for f in facts if f.predicate == predicate}
