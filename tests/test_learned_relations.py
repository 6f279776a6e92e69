"""The learned relation proposer (rule family "learned"): the shipped weights, the model
file's checks, and the rule on made-up sentences, with the shipped model and with small
hand-made models whose one learned cue no rule knows."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from prose_facts import page_facts
from rdflib import RDF

from spkg.errors import InputError
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.learn.model import LinearModel, from_json, shipped_model
from spkg.ingest.records import Fact
from spkg.ingest.rules.learned import using
from spkg.ingest.rules.registry import ordered
from spkg.namespace import SPKG

# A sentence whose verb no rule reads: "rubber-stamped".
SENTENCE = "The Testland Pension Board rubber-stamped the Social Welfare Programme in 2021."


def _relations(facts: list[Fact]) -> set[tuple[str, str, str]]:
    return {(str(f.subject).rsplit("/", 1)[-1], str(f.predicate).rsplit("#", 1)[-1],
             str(f.object).rsplit("/", 1)[-1]) for f in facts if f.predicate != RDF.type}


def _cue_model(cls_first: str, cls_second: str, *, threshold: float = 0.9) -> LinearModel:
    """A model that learned one cue: "rubber" between a body and a programme means the
    programme (second) was adopted by the body (first)."""
    label = f"{SPKG.adoptedBy}<"
    return LinearModel(("none", label), (0.0, -4.0), {"bw=rubber": {1: 8.0}},
                       {label: threshold}, {label: frozenset({f"{cls_first}>{cls_second}"})},
                       {})


def _classes(tmp_path: Path, gazetteer: Gazetteer) -> tuple[str, str]:
    """The classes the entity stage gives the board and the programme of SENTENCE."""
    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import prose_entities

    path = tmp_path / "classes.txt"
    path.write_text(f"Social protection in Kenya\n\n{SENTENCE}\n", encoding="utf-8")
    _, entities = prose_entities(read_document(path), gazetteer)
    by_slug = {str(e.iri).rsplit("/", 1)[-1]: str(e.cls) for e in entities}
    return by_slug["testland-pension-board"], by_slug["social-welfare-programme"]


def test_a_cue_no_rule_knows_is_read_when_the_model_learned_it(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    board, programme = _classes(tmp_path, gazetteer)
    with using(replace(_cue_model(board, programme), thresholds={})):
        without = _relations(page_facts(tmp_path, gazetteer, SENTENCE))
    assert ("social-welfare-programme", "adoptedBy", "testland-pension-board") not in without
    with using(_cue_model(board, programme)):
        found = _relations(page_facts(tmp_path, gazetteer, SENTENCE))
    assert ("social-welfare-programme", "adoptedBy", "testland-pension-board") in found


def test_the_learned_cue_needs_its_classes_and_threshold(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    board, programme = _classes(tmp_path, gazetteer)
    wanted = ("social-welfare-programme", "adoptedBy", "testland-pension-board")
    with using(_cue_model(programme, board)):  # the ends the other way round: not allowed
        assert wanted not in _relations(page_facts(tmp_path, gazetteer, SENTENCE))
    with using(_cue_model(board, programme, threshold=0.99999)):
        assert wanted not in _relations(page_facts(tmp_path, gazetteer, SENTENCE))
    # the same classes without the cue word: nothing
    body = "The Testland Pension Board reviewed the Social Welfare Programme in 2021."
    with using(_cue_model(board, programme)):
        assert not any(p == "adoptedBy" for _, p, _ in
                       _relations(page_facts(tmp_path, gazetteer, body)))


def test_a_pair_a_rule_related_is_left_alone(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"adopted" is the adoption rule's cue: the model's own cue in the same sentence
    adds no second fact for that pair."""
    board, programme = _classes(tmp_path, gazetteer)
    body = ("The Testland Pension Board adopted the Social Welfare Programme, a rubber "
            "stamp, in 2021.")
    with using(replace(_cue_model(board, programme), thresholds={})):
        ruled = page_facts(tmp_path, gazetteer, body)
    with using(_cue_model(board, programme)):
        learned = page_facts(tmp_path, gazetteer, body)
    assert _relations(ruled)  # the rule related them
    assert len(learned) == len(ruled)


def test_the_learned_rule_runs_last_and_can_be_switched_off() -> None:
    names = [r.name for r in ordered()]
    assert names[-1] == "learned-relations"
    assert "learned-relations" not in [r.name for r in ordered(["learned-relations"])]


def test_the_shipped_weights_describe_their_training() -> None:
    model = shipped_model()
    description = model.description
    assert {"docs", "fresh3", "fresh7"} <= set(description["trained_on"])
    assert description["documents"] >= 80 and description["labelled_pairs"] > 100
    assert len(description["spkg_commit"]) == 40
    assert model.labels[0] == "none" or "none" in model.labels
    for label in model.thresholds:
        assert label in model.labels and model.allowed[label], label
        assert 0.5 <= model.thresholds[label] < 1.0
    held_out = description["held_out_added"]
    added = sum(f["added"] for f in held_out.values())
    correct = sum(f["correct"] for f in held_out.values())
    assert correct >= description["target_precision"] * added
    alone = description["held_out_model_alone"]
    assert 0 < alone["correct"] <= alone["proposed"] and alone["correct"] <= alone["annotated"]


def test_the_weights_file_is_small_and_sparse() -> None:
    from spkg.ingest.relation_training.train import weights_path

    assert weights_path().stat().st_size < 1_500_000
    model = shipped_model()
    assert all(0 < len(by_label) <= len(model.labels) for by_label in model.weights.values())


@pytest.mark.parametrize("broken", [
    {"format": 2},
    {"format": 1, "labels": ["none"], "intercepts": [0.0, 1.0], "weights": {},
     "thresholds": {}, "allowed": {}, "description": {}},
    {"format": 1, "labels": ["none"], "intercepts": [0.0], "weights": {"f": {"3": 1.0}},
     "thresholds": {}, "allowed": {}, "description": {}},
    {"format": 1, "labels": ["none"]},
])
def test_a_broken_weights_file_is_refused_by_name(broken: dict[str, object]) -> None:
    with pytest.raises(InputError, match=r"weights\.json"):
        from_json(broken, "weights.json")


def test_the_model_round_trips_through_json() -> None:
    model = shipped_model()
    again = from_json(json.loads(json.dumps(model.to_json())))
    assert again.to_json() == model.to_json()


@pytest.mark.slow
def test_the_shipped_weights_are_what_training_gives_today() -> None:
    """The weights are retrained whenever the mentions or the annotations change: the
    candidate pairs of a fresh run are those the shipped file counted, and a fresh fit with
    the shipped thresholds gives its weights (rounded to 4 places, within 0.002)."""
    pytest.importorskip("sklearn")
    from spkg.ingest.relation_training.data import annotated_folders, collect
    from spkg.ingest.relation_training.train import MIN_WEIGHT, fit

    model = shipped_model()
    examples = collect(annotated_folders())
    retrain = "retrain: python -m spkg.ingest.relation_training.train"
    assert len(examples) == model.description["pairs"], retrain
    assert sum(e.label != "none" for e in examples) == model.description["labelled_pairs"]
    fresh = fit(examples, dict(model.thresholds), dict(model.description))
    assert fresh.labels == model.labels
    assert fresh.allowed == model.allowed
    assert max(abs(a - b) for a, b in zip(fresh.intercepts, model.intercepts, strict=True)) < 2e-3
    assert set(fresh.weights) == set(model.weights) or len(
        set(fresh.weights) ^ set(model.weights)) <= 0.01 * len(model.weights)
    for feature, by_label in model.weights.items():
        for index, weight in by_label.items():
            again = fresh.weights.get(feature, {}).get(index)
            if again is None:  # pruned in one run only: it lay at the pruning bound
                assert abs(weight) < MIN_WEIGHT + 2e-3, feature
            else:
                assert abs(again - weight) < 2e-3, feature


def test_the_shipped_model_ranks_a_paraphrase_no_rule_knows(
        tmp_path: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """No adoption rule reads "voted through by"; the model learned that a law and a
    legislature joined by a passive "by" are an adoption: it scores that pair's adoption
    far above the same two names with no adoption between them. (Retrained with fresh-12 it
    scores it 0.44, under `none`, and adoption has no held-out threshold: it ranks the
    paraphrase but does not propose it.)"""
    scores: list[float] = []
    score = LinearModel.best

    def recording(model: LinearModel, features: Any, classes: str) -> tuple[str, float] | None:
        features = list(features)
        by_label = dict(zip(model.labels, model.probabilities(features), strict=True))
        scores.append(by_label.get(str(SPKG.adoptedBy) + ">", 0.0))
        return score(model, features, classes)

    monkeypatch.setattr(LinearModel, "best", recording)
    adoption = {label: 0.3 for label in (str(SPKG.adoptedBy) + ">", str(SPKG.adoptedBy) + "<")}
    ranked = []
    for body in ("The Social Protection Act 2021 was voted through by the National Assembly "
                 "in March 2021.",
                 "The Social Protection Act 2021 was printed in a booklet, and the National "
                 "Assembly met in March 2021."):
        scores.clear()
        with using(replace(shipped_model(), thresholds={**shipped_model().thresholds,
                                                        **adoption})):
            page_facts(tmp_path, gazetteer, body)
        ranked.append(max(scores, default=0.0))
    paraphrase, look_alike = ranked
    assert paraphrase >= 0.3, ranked
    assert paraphrase >= 10 * look_alike, ranked
