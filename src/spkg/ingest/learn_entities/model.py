"""The shipped model: sparse per-kind weights of a multinomial logistic regression, read
from weights.json, scored in pure Python (no numpy or scikit-learn at run time)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spkg.errors import InputError

NONE = "none"  # the class of a candidate that names nothing

# a model's weights inverted by feature, built on first use (the dataclass is frozen)
_FEATURE_INDEX: dict[int, tuple[Model, dict[str, tuple[tuple[str, float], ...]]]] = {}


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    weights: dict[str, dict[str, float]]  # class → feature → weight
    bias: dict[str, float]
    threshold: float  # the probability a kind needs before the stage adds the name
    addable: tuple[str, ...]  # the kinds the stage may add (the others only inform the fit)

    def probabilities(self, features: list[str]) -> dict[str, float]:
        # per feature, the classes that weigh it: a candidate's few features are looked up
        # once, not once per class; sums run in feature order, as a per-class sum() would
        totals = dict.fromkeys(self.classes, 0.0)
        by_feature = self._by_feature()
        for feature in features:
            for kind, weight in by_feature.get(feature, ()):
                totals[kind] += weight
        scores = {c: self.bias[c] + totals[c] for c in self.classes}
        top = max(scores.values())
        exps = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exps.values())
        return {c: e / total for c, e in exps.items()}

    def _by_feature(self) -> dict[str, tuple[tuple[str, float], ...]]:
        index = _FEATURE_INDEX.get(id(self))
        if index is None or index[0] is not self:
            inverted: dict[str, list[tuple[str, float]]] = {}
            for kind in self.classes:
                for feature, weight in self.weights[kind].items():
                    inverted.setdefault(feature, []).append((kind, weight))
            index = (self, {f: tuple(ws) for f, ws in inverted.items()})
            _FEATURE_INDEX[id(self)] = index
        return index[1]

    def best(self, features: list[str]) -> tuple[str, float]:
        """The most probable kind the stage may add, and its probability."""
        probabilities = self.probabilities(features)
        kind = max(self.addable, key=lambda c: probabilities[c])
        return kind, probabilities[kind]


def model_from_json(data: dict[str, Any], source: str = "weights") -> Model:
    try:
        classes = tuple(str(c) for c in data["classes"])
        weights = {c: {str(f): float(w) for f, w in data["weights"].get(c, {}).items()}
                   for c in classes}
        bias = {c: float(data["bias"][c]) for c in classes}
        threshold = float(data["threshold"])
        addable = tuple(str(c) for c in data["addable"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"{source}: not a learned-entities model ({error!r})") from error
    if NONE not in classes or not addable or not set(addable) <= set(classes) - {NONE}:
        raise InputError(f"{source}: classes lack {NONE!r}, or addable kinds are not classes")
    return Model(classes, weights, bias, threshold, addable)


@cache
def shipped_model() -> Model:
    path = resources.files("spkg.ingest.learn_entities") / "weights.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return model_from_json(data, "spkg/ingest/learn_entities/weights.json")
