"""Precision and recall of prose extraction against the hand-annotated documents.

    .venv/bin/python tests/extract/score.py        # one line per document, then the total

An entity is a typed IRI (rdf:type); a relation is any other triple except labels,
compared as (subject, predicate, object) with literals as their lexical form.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Literal, URIRef

DOCS = Path(__file__).resolve().parent / "docs"
# Every folder of annotated documents: the first sets, held-out set 2 (annotated before the
# extractor ever ran on it, then used for general fixes) and fresh set 2 (written after those
# fixes and scored once).
DOC_DIRS = (DOCS, Path(__file__).resolve().parent / "heldout2",
            Path(__file__).resolve().parent / "fresh2")
PREFIXES = {
    "id:": "https://w3id.org/spkg/id/",
    "spkg:": "https://w3id.org/spkg/ontology#",
    "org:": "http://www.w3.org/ns/org#",
}
LABELS = {RDFS.label, SKOS.altLabel}


def expand(term: str) -> str:
    for prefix, base in PREFIXES.items():
        if term.startswith(prefix):
            return base + term[len(prefix):]
    return term


@dataclass
class Score:
    found: int
    expected: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.found + other.found, self.expected + other.expected,
                     self.correct + other.correct)


def extracted(path: Path) -> tuple[set[str], set[tuple[str, str, str]]]:
    from spkg.ingest.gazetteer import load_gazetteer
    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import extract_prose

    facts = extract_prose(read_document(path), load_gazetteer())
    entities = {str(f.subject) for f in facts if f.predicate == RDF.type}
    relations = {
        (str(f.subject), str(f.predicate), str(f.object))
        for f in facts
        if f.predicate != RDF.type and f.predicate not in LABELS
        and isinstance(f.object, (URIRef, Literal))
        and "/outcome/" not in str(f.subject)  # the record's outcome belongs to the fields
    }
    return entities, relations


def expected(path: Path) -> tuple[set[str], set[tuple[str, str, str]]]:
    data = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    entities = {expand(e) for e in data["entities"]}
    relations = {(expand(s), expand(p), expand(o)) for s, p, o in data["relations"]}
    return entities, relations


def score(path: Path) -> tuple[Score, Score, dict[str, list[str]]]:
    found_entities, found_relations = extracted(path)
    want_entities, want_relations = expected(path)
    entity_score = Score(len(found_entities), len(want_entities),
                         len(found_entities & want_entities))
    relation_score = Score(len(found_relations), len(want_relations),
                           len(found_relations & want_relations))
    errors = {
        "missed entities": sorted(want_entities - found_entities),
        "spurious entities": sorted(found_entities - want_entities),
        "missed relations": sorted(map(" ".join, want_relations - found_relations)),
        "spurious relations": sorted(map(" ".join, found_relations - want_relations)),
    }
    return entity_score, relation_score, errors


def documents() -> list[Path]:
    return [path for folder in DOC_DIRS for path in sorted(folder.glob("*.txt"))]


def split_of(path: Path) -> str:
    """"development" (the rules were tuned on it) or "held-out" (never tuned on)."""
    data = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return str(data.get("split", "development"))


def _row(name: str, entities: Score, relations: Score) -> str:
    return (f"{name:42} {entities.precision:10.2f} {entities.recall:6.2f} "
            f"{relations.precision:11.2f} {relations.recall:6.2f}")


def main(verbose: bool = False) -> int:
    totals: dict[str, tuple[Score, Score]] = {}
    print(f"{'document':42} {'entities P':>10} {'R':>6} {'relations P':>11} {'R':>6}")
    for path in documents():
        entities, relations, errors = score(path)
        split = split_of(path)
        old_entities, old_relations = totals.get(split, (Score(0, 0, 0), Score(0, 0, 0)))
        totals[split] = (old_entities + entities, old_relations + relations)
        print(_row(f"{path.stem} ({split})", entities, relations))
        if verbose:
            for kind, items in errors.items():
                for item in items:
                    print(f"    {kind}: {item}")
    for split, (entities, relations) in sorted(totals.items()):
        print(_row(f"all {split}", entities, relations))
    return 0


if __name__ == "__main__":
    sys.exit(main(verbose="-v" in sys.argv))
