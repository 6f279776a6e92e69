"""Train the learned entity stage (spkg.ingest.learn_entities) on every annotated batch.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_learned_entities.py            # evaluate, then write weights
    .venv/bin/python scripts/train_learned_entities.py --check    # evaluate only

Candidates are the word runs no rule mention overlaps (the stage's own candidates, the rules
run with the stage off). A candidate is labelled with the kind whose minted IRI the
document's annotation lists (tests/extract/*/*.expected.json), else "none". The model is a
multinomial logistic regression (scikit-learn, lbfgs: deterministic) over binary features.
Leave-one-batch-out: train on every folder but one, add names on that one, and count what
the added names get right beyond what the rules found. The threshold is the lowest
probability at which the added names are right at least 95 times in 100 pooled over the
folders; the shipped weights are then trained on every folder.
"""

from __future__ import annotations

import argparse
import os

# one thread: the same sums in the same order on every run (and no contention on CI)
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import importlib.util
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = ROOT / "tests" / "extract"
WEIGHTS = ROOT / "src" / "spkg" / "ingest" / "learn_entities" / "weights.json"
C = 0.3  # inverse L2 strength: features are many and sparse, batches few
MIN_COUNT = 2
PRUNE = 0.02
TARGET_PRECISION = 0.95
# Population groups are labelled by judgement (which description of people is a group) and
# have their own recogniser: the model learns them, to tell them apart, but never adds one.
ADDABLE = ("organisation", "programme", "policy", "law", "project", "study")
THRESHOLDS = [round(0.3 + 0.01 * i, 2) for i in range(70)]


@dataclass
class Row:
    folder: str
    document: str
    start: int
    end: int
    features: list[str]
    label: str
    iris: dict[str, str]  # kind → the IRI the stage would mint
    blocked: bool  # a rule's mention overlaps it: the stage never sees it, training does


@dataclass
class Doc:
    folder: str
    name: str
    expected: list[frozenset[str]]  # alternatives per annotated entity
    rules: set[str]  # entity IRIs the rules find


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("extract_score", EXTRACT / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _rules_found(score: Any, path: Path, gazetteer: Any) -> set[str]:
    """The entity IRIs the rules find, as score.py counts them; should a relation rule
    fail (another engineer's change in progress), the entity stage's alone."""
    try:
        found, _ = score.extracted(path)
        return set(found)
    except Exception as error:  # evaluation only, said on stderr
        print(f"{path.name}: relations failed ({error!r}); entities alone", file=sys.stderr)
    from rdflib import RDF

    from spkg.ingest.entity_facts import entity_facts
    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import prose_entities

    document = read_document(path)
    _, entities = prose_entities(document, gazetteer)
    return {str(f.subject) for e in entities for f in entity_facts(document, e, gazetteer)
            if f.predicate == RDF.type}


def collect() -> tuple[list[Row], list[Doc]]:
    """Every candidate of every annotated document, labelled; and what the rules found."""
    # the rules alone find the mentions: the stage must not read its own output back. The
    # setting is put back, since the tests call this in the process that then runs the stage.
    before = os.environ.get("SPKG_LEARNED_ENTITIES")
    os.environ["SPKG_LEARNED_ENTITIES"] = "0"
    try:
        return _collect()
    finally:
        if before is None:
            del os.environ["SPKG_LEARNED_ENTITIES"]
        else:
            os.environ["SPKG_LEARNED_ENTITIES"] = before


def _collect() -> tuple[list[Row], list[Doc]]:
    from spkg.ingest.entities import MentionFinder
    from spkg.ingest.gazetteer import load_gazetteer, normalise_name
    from spkg.ingest.learn_entities import KINDS, iri_for
    from spkg.ingest.learn_entities.candidates import candidates
    from spkg.ingest.learn_entities.features import features
    from spkg.ingest.learn_entities.model import NONE
    from spkg.ingest.naming import GENERIC_NAMES
    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import prose_regions

    score = _score_module()
    gazetteer = load_gazetteer()
    rows: list[Row] = []
    docs: list[Doc] = []
    for path in score.documents():
        folder = path.parent.name
        wanted, _ = score.expected(path)
        found = _rules_found(score, path, gazetteer)
        docs.append(Doc(folder, path.stem, wanted, set(found)))
        annotated = set().union(*wanted) if wanted else set()
        document = read_document(path)
        regions = prose_regions(document)
        mentions = MentionFinder(document.text, gazetteer).find(regions)
        taken = [m.span for m in mentions] + [m.acronym_span for m in mentions if m.acronym_span]
        for region in regions:
            for candidate in candidates(document.text, region, []):
                if normalise_name(candidate.text) in GENERIC_NAMES:
                    continue
                iris = {kind: str(iri_for(kind, candidate.text)) for kind in KINDS}
                label = next((k for k in KINDS if iris[k] in annotated), NONE)
                span = candidate.span
                blocked = any(t.start < span.end and span.start < t.end for t in taken)
                rows.append(Row(folder, path.stem, span.start, span.end,
                                features(candidate), label, iris, blocked))
    return rows, docs


def fit(rows: list[Row]) -> dict[str, Any]:
    """Sparse weights per class from a logistic regression over ``rows``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for row in rows:
        for feature in row.features:
            counts[feature] = counts.get(feature, 0) + 1
    kept = {f for f, n in counts.items() if n >= MIN_COUNT}  # a feature seen once teaches nothing
    vectoriser = DictVectorizer(sparse=True)
    matrix = vectoriser.fit_transform(
        [dict.fromkeys((f for f in r.features if f in kept), 1) for r in rows])
    labels = [r.label for r in rows]
    model = LogisticRegression(C=C, max_iter=2000, tol=1e-4)
    model.fit(matrix, labels)
    names = vectoriser.get_feature_names_out()
    classes = [str(c) for c in model.classes_]
    coefficients = model.coef_
    intercepts = model.intercept_
    if len(classes) == 2:  # binary: one row, for the second class
        coefficients = [-coefficients[0], coefficients[0]]
        intercepts = [-intercepts[0], intercepts[0]]
    # weights too small to move a probability are left out: the file stays small
    weights = {c: {str(n): round(float(w), 3) for n, w in zip(names, coefficients[i], strict=True)
                   if abs(w) >= PRUNE}
               for i, c in enumerate(classes)}
    bias = {c: round(float(intercepts[i]), 3) for i, c in enumerate(classes)}
    return {"classes": classes, "weights": weights, "bias": bias}


def _scored(model_data: dict[str, Any], rows: list[Row], *,
            alone: bool = False) -> dict[str, list[tuple[float, str, Row]]]:
    """Document → (probability, kind, row) of each candidate the stage would see (with
    ``alone``, every candidate, as if there were no rules)."""
    from spkg.ingest.learn_entities.model import model_from_json

    model = model_from_json({**model_data, "threshold": 1.0, "addable": ADDABLE})
    by_doc: dict[str, list[tuple[float, str, Row]]] = {}
    for row in rows:
        if row.blocked and not alone:
            continue
        kind, probability = model.best(row.features)
        by_doc.setdefault(f"{row.folder}/{row.document}", []).append((probability, kind, row))
    return by_doc


def _choose(items: list[tuple[float, str, Row]], threshold: float) -> set[str]:
    kept: list[Row] = []
    iris: set[str] = set()
    for probability, kind, row in sorted(items, key=lambda i: (-i[0], i[2].start, i[2].end)):
        if probability < threshold:
            break
        if any(k.start < row.end and row.start < k.end for k in kept):
            continue
        kept.append(row)
        iris.add(row.iris[kind])
    return iris


@dataclass
class Tally:
    added: int = 0
    added_right: int = 0
    expected: int = 0
    rules_found: int = 0
    rules_right: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        precision = self.added_right / self.added if self.added else 1.0
        before_p = self.rules_right / self.rules_found if self.rules_found else 1.0
        before_r = self.rules_right / self.expected if self.expected else 1.0
        after_p = ((self.rules_right + self.added_right) / (self.rules_found + self.added)
                   if self.rules_found + self.added else 1.0)
        after_r = (self.rules_right + self.added_right) / self.expected if self.expected else 1.0
        return (f"{name:10} added {self.added:3} right {self.added_right:3} "
                f"(P {precision:.2f})  rules P/R {before_p:.3f}/{before_r:.3f}  "
                f"with stage {after_p:.3f}/{after_r:.3f}")


def tally(doc: Doc, added: set[str]) -> Tally:
    """What the added IRIs get right beyond the rules (each annotation matched once)."""
    new = added - doc.rules
    unmatched = [w for w in doc.expected if not (w & doc.rules)]
    right = 0
    for iri in sorted(new):
        hit = next((w for w in unmatched if iri in w), None)
        if hit is not None:
            unmatched.remove(hit)
            right += 1
    rules_right = sum(1 for w in doc.expected if w & doc.rules)
    return Tally(len(new), right, len(doc.expected), len(doc.rules), rules_right)


def evaluate(rows: list[Row], docs: list[Doc]) -> tuple[float, dict[str, Any]]:
    """Leave-one-batch-out tallies at every threshold; the threshold chosen, and figures."""
    folders = sorted({d.folder for d in docs})
    scored: dict[str, list[tuple[float, str, Row]]] = {}
    for folder in folders:
        model_data = fit([r for r in rows if r.folder != folder])
        scored.update(_scored(model_data, [r for r in rows if r.folder == folder]))
    predictions = {t: {doc: _choose(items, t) for doc, items in scored.items()}
                   for t in THRESHOLDS}
    pooled: dict[float, Tally] = {}
    for threshold in THRESHOLDS:
        total = Tally()
        for doc in docs:
            total.add(tally(doc, predictions[threshold].get(f"{doc.folder}/{doc.name}", set())))
        pooled[threshold] = total
    # the lowest threshold above which every threshold keeps the added names' precision
    threshold = THRESHOLDS[-1]
    for candidate in reversed(THRESHOLDS):
        tally_at = pooled[candidate]
        if tally_at.added and tally_at.added_right / tally_at.added < TARGET_PRECISION:
            break
        threshold = candidate
    per_folder: dict[str, Tally] = {}
    for doc in docs:
        per_folder.setdefault(doc.folder, Tally()).add(
            tally(doc, predictions[threshold].get(f"{doc.folder}/{doc.name}", set())))
    for folder, folder_tally in per_folder.items():
        print(folder_tally.line(folder))
    print(pooled[threshold].line("all"), f"threshold {threshold}")
    figures: dict[str, Any] = {f: vars(t) for f, t in per_folder.items()}
    figures["all"] = vars(pooled[threshold])
    figures["model_alone"] = _alone(rows, docs, threshold)
    return threshold, figures


def _alone(rows: list[Row], docs: list[Doc], threshold: float) -> dict[str, float]:
    """The model as a recogniser on its own, leave-one-batch-out: the names it finds
    among every candidate (the rules' too) against the annotated names of the kinds it
    adds. Says whether what it learned carries from one batch to another."""
    found = right = wanted = 0
    for folder in sorted({d.folder for d in docs}):
        scored = _scored(fit([r for r in rows if r.folder != folder]),
                         [r for r in rows if r.folder == folder], alone=True)
        for doc in (d for d in docs if d.folder == folder):
            iris = _choose(scored.get(f"{doc.folder}/{doc.name}", []), threshold)
            annotated = [w for w in doc.expected
                         if any(f"/id/{kind}/" in iri for iri in w for kind in ADDABLE)]
            found += len(iris)
            right += sum(1 for w in annotated if w & iris)
            wanted += len(annotated)
    precision = right / found if found else 1.0
    recall = right / wanted if wanted else 1.0
    print(f"model alone: found {found}, right {right} (P {precision:.2f}), "
          f"annotated {wanted} (R {recall:.2f})")
    return {"found": found, "right": right, "annotated": wanted,
            "precision": round(precision, 3), "recall": round(recall, 3)}


def _commit() -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, check=False).stdout.strip()


def train(rows: list[Row], docs: list[Doc], threshold: float,
          cross_validated: dict[str, Any]) -> dict[str, Any]:
    model_data = fit(rows)
    in_sample = Tally()
    predicted = {doc: _choose(items, threshold)
                 for doc, items in _scored(model_data, rows).items()}
    for doc in docs:
        in_sample.add(tally(doc, predicted.get(f"{doc.folder}/{doc.name}", set())))
    print(in_sample.line("in-sample"))
    labels: dict[str, int] = {}
    for row in rows:
        labels[row.label] = labels.get(row.label, 0) + 1
    return {
        **model_data,
        "threshold": threshold,
        "addable": list(ADDABLE),
        "training": {
            "documents": len(docs),
            "folders": sorted({d.folder for d in docs}),
            "candidates": len(rows),
            "labels": dict(sorted(labels.items())),
            "C": C,
            "min_count": MIN_COUNT,
            "prune": PRUNE,
            "commit": _commit(),
            "leave_one_batch_out": cross_validated,
            "in_sample": vars(in_sample),
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="evaluate only, write nothing")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    arguments = parser.parse_args()
    started = time.perf_counter()
    rows, docs = collect()
    print(f"{len(rows)} candidates from {len(docs)} documents "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    threshold, figures = evaluate(rows, docs)
    if arguments.check:
        return 0
    data = train(rows, docs, threshold, figures)
    temporary = arguments.out.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    temporary.replace(arguments.out)
    print(f"wrote {arguments.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
