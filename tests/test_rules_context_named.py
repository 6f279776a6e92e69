"""``Context.named``: the entities with a name, by an index, the same as a scan of them all."""

from __future__ import annotations

from pathlib import Path

from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.rules.context import Context

ROOT = Path(__file__).resolve().parent.parent


def test_named_equals_a_scan_of_every_entity() -> None:
    gazetteer = load_gazetteer()
    paths = sorted((ROOT / "tests" / "extract").glob("*/*.txt"))[::4]
    asked = 0
    for path in paths:
        document = read_document(path)
        _regions, entities = prose_entities(document, gazetteer)
        ctx = Context(document, entities, gazetteer)
        for entity in entities:
            for name in (entity.label, entity.label.upper(), f"{entity.label} x"):
                scan = [e for e in entities
                        if name.casefold() in {n.casefold() for n in (e.label, *e.names)}]
                assert ctx.named([name]) == scan, (path.name, name)
                asked += 1
        pair = {e.label.casefold() for e in entities[:2]}
        assert ctx.named(pair) == [e for e in entities
                                   if {n.casefold() for n in (e.label, *e.names)} & pair]
    assert asked > 500
