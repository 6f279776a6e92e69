"""Training examples by distant supervision (developers only).

Every annotated document under tests/extract/<folder>/ goes through the pipeline up to the
relation stage, with the rules but not the learned rule; each candidate pair of mentions in
one sentence is labelled with the annotated predicate that relates their IRIs (in the
ontology's declared direction, as tests/extract/score.py compares), else "none".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import OWL, Graph, URIRef

from spkg.errors import InputError
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.learn.features import features, pairs_in, related_pairs, section_name
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Fact
from spkg.ingest.relations import run_rules, sentences_in
from spkg.ingest.rules.registry import all_rules
from spkg.paths import ontology_file

NONE = "none"
PREFIXES = {
    "id:": "https://w3id.org/spkg/id/",
    "spkg:": "https://w3id.org/spkg/ontology#",
    "org:": "http://www.w3.org/ns/org#",
}


def extract_root() -> Path:
    """tests/extract of the source tree this package runs from (an editable install)."""
    root = Path(__file__).resolve().parents[4] / "tests" / "extract"
    if not root.is_dir():
        raise InputError(f"{root}: no annotated documents here (training needs the source tree)")
    return root


def annotated_folders(root: Path | None = None) -> list[Path]:
    """Every folder of annotated documents (a .txt beside its .expected.json), by name."""
    base = root or extract_root()
    return sorted(p for p in base.iterdir()
                  if p.is_dir() and any(p.glob("*.expected.json")))


@dataclass(frozen=True, slots=True)
class Example:
    """One candidate pair of one document: its features and its annotated label."""

    folder: str
    document: str
    first: str  # IRIs of the two ends, in text order
    second: str
    classes: str  # "Programme>Organization": the ends' classes, in text order
    features: tuple[str, ...]
    label: str  # "<predicate>>" (first is the subject), "<predicate><", or NONE
    related_by: tuple[str, ...]  # the families of the rules that relate the two already

    @property
    def related(self) -> bool:
        return bool(self.related_by)


def _expand(term: str) -> str:
    for prefix, base in PREFIXES.items():
        if term.startswith(prefix):
            return base + term[len(prefix) :]
    return term


def inverses() -> dict[str, str]:
    """Each predicate the ontology declares the inverse of another, mapped to that other."""
    ontology = Graph().parse(ontology_file(), format="turtle")
    return {str(inverse): str(declared)
            for declared, inverse in ontology.subject_objects(OWL.inverseOf)}


def gold_relations(path: Path, inverse: dict[str, str]) -> dict[tuple[str, str], str]:
    """(subject IRI, object IRI) -> predicate, for every IRI an annotator accepts, in the
    ontology's declared direction."""
    data: dict[str, Any] = json.loads(
        path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    found: dict[tuple[str, str], str] = {}
    for subjects, predicate, objects in data["relations"]:
        subject_list = [subjects] if isinstance(subjects, str) else subjects
        object_list = [objects] if isinstance(objects, str) else objects
        predicates = [predicate] if isinstance(predicate, str) else predicate
        name = _expand(predicates[0])
        if name in inverse:
            subject_list, object_list, name = object_list, subject_list, inverse[name]
        for subject in subject_list:
            for obj in object_list:
                found.setdefault((_expand(subject), _expand(obj)), name)
    return found


def learned_rule_names() -> list[str]:
    """The learned rules registered now (off while making examples)."""
    return [name for name, r in all_rules().items() if r.family == "learned"]


def document_examples(path: Path, inverse: dict[str, str]) -> list[Example]:
    """The candidate pairs of one annotated document, labelled."""
    document = read_document(path)
    gazetteer = load_gazetteer()
    regions, entities = prose_entities(document, gazetteer)
    ctx = run_rules(document, entities, gazetteer, regions, disabled=learned_rule_names())
    related = _related_by(ctx.facts, ctx.origins)
    gold = gold_relations(path.with_suffix(".txt"), inverse)
    examples: list[Example] = []
    for region in regions:
        for sentence in sentences_in(document, region):
            placed = ctx.in_span(sentence)
            section = section_name(document, sentence)
            for pair in pairs_in(placed, sentence, document.text):
                a, b = str(pair.first.entity.iri), str(pair.second.entity.iri)
                label = NONE
                if (a, b) in gold:
                    label = gold[(a, b)] + ">"
                elif (b, a) in gold:
                    label = gold[(b, a)] + "<"
                examples.append(Example(
                    path.parent.name, path.stem, a, b,
                    f"{pair.first.entity.cls}>{pair.second.entity.cls}",
                    tuple(features(pair, placed, document.text, document.kind, section)),
                    label, related.get(frozenset((pair.first.entity.iri,
                                                  pair.second.entity.iri)), ())))
    return examples


def _related_by(facts: list[Fact], origins: list[str]) -> dict[frozenset[URIRef], tuple[str, ...]]:
    """The families of the rules whose facts relate each pair of IRIs."""
    family = {name: r.family for name, r in all_rules().items()}
    found: dict[frozenset[URIRef], set[str]] = {}
    for fact, origin in zip(facts, origins, strict=True):
        for pair in related_pairs([fact]):
            found.setdefault(pair, set()).add(family.get(origin, origin))
    return {pair: tuple(sorted(families)) for pair, families in found.items()}


def collect(folders: Iterable[Path]) -> list[Example]:
    """The examples of every annotated document of ``folders``, in a fixed order."""
    inverse = inverses()
    examples: list[Example] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            try:
                examples += document_examples(path, inverse)
            except InputError:
                continue  # a document the reader refuses gives no pairs
    return examples
