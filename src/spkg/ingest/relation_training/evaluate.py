"""How the learned relation stage does, scored as tests/extract/score.py scores (developers
only; needs the ``train`` extra).

    .venv/bin/python -m spkg.ingest.relation_training.evaluate

Leave-one-batch-out, each folder is read with the model trained on the other folders (and
the thresholds chosen leave-one-batch-out): the relations the stage adds there, how many
are correct, and every folder's relation precision and recall with and without it. Then
the same in sample, with the shipped model (trained on every folder: optimistic).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from spkg.ingest.learn.model import LinearModel, shipped_model
from spkg.ingest.relation_training.data import annotated_folders, collect, extract_root
from spkg.ingest.relation_training.train import choose_thresholds, fold_models, held_out
from spkg.ingest.rules.learned import using


def _scorer() -> ModuleType:
    path = extract_root() / "score.py"
    spec = importlib.util.spec_from_file_location("spkg_extract_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@dataclass
class Row:
    folder: str
    found: int  # relations found, expected, correct: with the stage, then without
    expected: int
    correct: int
    found_without: int
    correct_without: int

    def line(self) -> str:
        added, right = self.found - self.found_without, self.correct - self.correct_without
        return (f"{self.folder:10} added {added:3} correct {right:3}   "
                f"rules P {_ratio(self.correct_without, self.found_without):.3f} "
                f"R {_ratio(self.correct_without, self.expected):.3f}   "
                f"with learned P {_ratio(self.correct, self.found):.3f} "
                f"R {_ratio(self.correct, self.expected):.3f}")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score_folder(scorer: ModuleType, folder: Path, model: LinearModel) -> Row:
    """One folder's relation counts with ``model`` and with the stage off."""
    row = Row(folder.name, 0, 0, 0, 0, 0)
    for path in sorted(folder.glob("*.txt")):
        with using(model):
            _, relations, _ = scorer.score(path)
        with using(replace(model, thresholds={})):
            _, without, _ = scorer.score(path)
        row.found += relations.found
        row.expected += relations.expected
        row.correct += relations.correct
        row.found_without += without.found
        row.correct_without += without.correct
    return row


def _total(rows: Sequence[Row], name: str) -> Row:
    return Row(name, *(sum(getattr(r, f) for r in rows) for f in (
        "found", "expected", "correct", "found_without", "correct_without")))


def main() -> int:
    scorer = _scorer()
    folders = annotated_folders()
    examples = collect(folders)
    models = fold_models(examples)
    thresholds = choose_thresholds(held_out(examples, models))
    print("leave-one-batch-out (each folder read by a model trained without it):")
    rows = [score_folder(scorer, f, replace(models[f.name], thresholds=thresholds))
            for f in folders]
    for row in [*rows, _total(rows, "all")]:
        print(row.line())
    print("in sample (the shipped model, trained on every folder):")
    rows = [score_folder(scorer, f, shipped_model()) for f in folders]
    for row in [*rows, _total(rows, "all")]:
        print(row.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
