"""The learned relation model at ingest time: a multinomial logistic regression read from
a small JSON file (sparse feature -> weight per label), scored with a few dot products.

A label is a predicate and a direction: "<predicate>>" makes the first mention (in text
order) the subject, "<predicate><" the second. A pair is given the most probable label
when it is no "none", its probability reaches the label's threshold, and the classes of
its two ends were seen with that label in training (the ontology's domains and ranges, as
the annotated data uses them).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from spkg.errors import InputError

NONE = "none"
WEIGHTS_FILE = "weights.json"


@dataclass(frozen=True)
class LinearModel:
    """Labels, their intercepts, feature weights, thresholds and allowed class pairs."""

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: Mapping[str, Mapping[int, float]]  # feature -> {label index: weight}
    thresholds: Mapping[str, float]  # labels absent here are never proposed
    allowed: Mapping[str, frozenset[str]]  # label -> "<class IRI>><class IRI>" pairs
    description: Mapping[str, Any]

    @cached_property
    def proposable(self) -> frozenset[str]:
        """The end-class pairs some proposed label allows: no other pair need be scored."""
        return frozenset(pair for label in self.thresholds
                         for pair in self.allowed.get(label, ()))

    def probabilities(self, features: Iterable[str]) -> list[float]:
        """The softmax of each label's score."""
        scores = list(self.intercepts)
        for feature in features:
            for index, weight in self.weights.get(feature, {}).items():
                scores[index] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def best(self, features: Iterable[str], classes: str) -> tuple[str, float] | None:
        """The label to propose for a pair with these features and end classes, or None."""
        probabilities = self.probabilities(features)
        index = max(range(len(probabilities)), key=probabilities.__getitem__)
        label = self.labels[index]
        threshold = self.thresholds.get(label)
        if label == NONE or threshold is None or probabilities[index] < threshold:
            return None
        if classes not in self.allowed.get(label, frozenset()):
            return None
        return label, probabilities[index]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "description": dict(self.description),
            "labels": list(self.labels),
            "intercepts": [round(b, 6) for b in self.intercepts],
            "thresholds": dict(sorted(self.thresholds.items())),
            "allowed": {label: sorted(pairs) for label, pairs in sorted(self.allowed.items())},
            "weights": {feature: {str(i): round(w, 6) for i, w in sorted(by_label.items())}
                        for feature, by_label in sorted(self.weights.items())},
        }


def from_json(data: Mapping[str, Any], where: str = WEIGHTS_FILE) -> LinearModel:
    """The model a ``to_json`` document describes."""
    try:
        if data["format"] != 1:
            raise InputError(f"{where}: unknown weights format {data['format']!r}")
        labels = tuple(str(label) for label in data["labels"])
        intercepts = tuple(float(b) for b in data["intercepts"])
        if len(intercepts) != len(labels):
            raise InputError(f"{where}: {len(labels)} labels but {len(intercepts)} intercepts")
        weights = {str(f): {int(i): float(w) for i, w in by_label.items()}
                   for f, by_label in data["weights"].items()}
        if any(not 0 <= i < len(labels) for by_label in weights.values() for i in by_label):
            raise InputError(f"{where}: a weight names a label index out of range")
        return LinearModel(
            labels, intercepts, weights,
            {str(k): float(v) for k, v in data["thresholds"].items()},
            {str(k): frozenset(map(str, v)) for k, v in data["allowed"].items()},
            dict(data["description"]))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"{where}: not a learned relation model ({error!r})") from error


@cache
def shipped_model() -> LinearModel:
    """The model trained on every annotated batch, shipped in the package."""
    source = resources.files("spkg.ingest.learn").joinpath(WEIGHTS_FILE)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{source}: cannot read the learned relation weights: {error}") from error
    return from_json(data, str(source))
