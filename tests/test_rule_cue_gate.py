"""The cue gate of the relation runner: a rule that only loops over one cue's matches is not
called on a sentence lacking that cue's words, and that changes no Fact."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from spkg.ingest import relations
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities
from spkg.ingest.records import Span
from spkg.ingest.relations import run_rules
from spkg.ingest.rules.context import CUES, Context
from spkg.ingest.rules.registry import Rule, all_rules, cue_of, ordered

ROOT = Path(__file__).resolve().parents[1]
_LOCAL = r"\bfrom\s+local\b"
_COMPILED = re.compile(r"\bvalidated\s+at\b")
_FOLDED = re.compile(r"\bvalidated\s+at\b", re.IGNORECASE)  # flags ctx.cues would not use


def _only_loop(ctx: Context, sentence: Span) -> None:
    """A docstring and a constant are allowed before the loop."""
    pattern = r"\bratified\b"
    for cue in ctx.cues(pattern, sentence):
        ctx.rule = cue.group(0)


def _module_constant(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(_LOCAL, sentence):
        ctx.rule = cue.group(0)


def _work_after_loop(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bratified\b", sentence):
        ctx.rule = cue.group(0)
    ctx.rule = "always"  # runs on every sentence: not gateable


def _work_before_loop(ctx: Context, sentence: Span) -> None:
    ctx.rule = "always"
    for cue in ctx.cues(r"\bratified\b", sentence):
        ctx.rule = cue.group(0)


def _loop_else(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bratified\b", sentence):
        ctx.rule = cue.group(0)
    else:
        ctx.rule = "always"


def _other_sentence(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(r"\bratified\b", ctx.previous or sentence):
        ctx.rule = cue.group(0)


def _compiled(ctx: Context, sentence: Span) -> None:
    for cue in _COMPILED.finditer(ctx.text, sentence.start, sentence.end):
        ctx.rule = cue.group(0)


def _compiled_with_flags(ctx: Context, sentence: Span) -> None:
    for cue in _FOLDED.finditer(ctx.text, sentence.start, sentence.end):
        ctx.rule = cue.group(0)


def _compiled_elsewhere(ctx: Context, sentence: Span) -> None:
    for cue in _COMPILED.finditer(ctx.text, sentence.start):  # past the sentence's end
        ctx.rule = cue.group(0)


def _f_string(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(rf"{_LOCAL}\s+funds", sentence):
        ctx.rule = cue.group(0)


def _f_string_of_a_parameter(ctx: Context, sentence: Span) -> None:
    for cue in ctx.cues(rf"{sentence}", sentence):
        ctx.rule = cue.group(0)


def _computed_pattern(ctx: Context, sentence: Span) -> None:
    pattern = r"\b" + "ratified"
    for cue in ctx.cues(pattern, sentence):
        ctx.rule = cue.group(0)


def test_cue_of_reads_only_a_lone_cue_loop() -> None:
    assert cue_of(_only_loop) == r"\bratified\b"
    assert cue_of(_module_constant) == _LOCAL
    assert cue_of(_compiled) == _COMPILED.pattern
    assert cue_of(_f_string) == _LOCAL + r"\s+funds"
    for function in (_work_after_loop, _work_before_loop, _loop_else, _other_sentence,
                     _computed_pattern, _compiled_with_flags, _compiled_elsewhere,
                     _f_string_of_a_parameter):
        assert cue_of(function) is None, function.__name__


def test_many_rules_are_gated_and_their_cues_have_words() -> None:
    gated = {name: cue_of(r.function) for name, r in all_rules().items()}
    patterns = [p for p in gated.values() if p is not None]
    assert len(patterns) >= 40
    assert sum(CUES.cue(p).words is not None for p in patterns) >= 40
    assert gated["learned-relations"] is None  # reads mentions only: always called


def test_gated_rules_are_not_called_on_a_sentence_without_their_cue(
        gazetteer: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Social protection in Kenya\n\nThe weather in Nairobi was mild.\n",
                    encoding="utf-8")
    document = read_document(path)
    regions, entities = prose_entities(document, gazetteer)
    called: list[str] = []

    def counted(each: Rule) -> Rule:
        def function(ctx: Context, sentence: Span) -> None:
            called.append(each.name)
            each.function(ctx, sentence)
        function.__wrapped__ = each.function  # type: ignore[attr-defined]
        return dataclasses.replace(each, function=function)

    monkeypatch.setattr(relations, "ordered", lambda disabled=(): [
        counted(each) for each in ordered(disabled)])
    monkeypatch.setattr(relations, "cue_of", lambda f: cue_of(f.__wrapped__))
    calls = {}
    for gated in (True, False):
        called.clear()
        assert run_rules(document, entities, gazetteer, regions, gated=gated).facts == []
        calls[gated] = set(called)
    skipped = calls[False] - calls[True]
    assert len(skipped) >= 35
    assert all(cue_of(all_rules()[name].function) is not None for name in skipped)
    assert "learned-relations" in calls[True]


def test_gate_changes_no_fact_on_annotated_documents(gazetteer: Gazetteer) -> None:
    """Every annotated document and seed: gated and ungated runs give the same Facts from
    the same rules, in the same order."""
    paths = sorted((ROOT / "tests" / "extract").glob("*/*.txt"))
    paths += sorted((ROOT / "data" / "sources").glob("*.txt"))
    assert len(paths) > 80
    facts = 0
    for path in paths:
        document = read_document(path)
        regions, entities = prose_entities(document, gazetteer)
        gated = run_rules(document, entities, gazetteer, regions)
        ungated = run_rules(document, entities, gazetteer, regions, gated=False)
        assert gated.facts == ungated.facts, path.name
        assert gated.origins == ungated.origins, path.name
        facts += len(gated.facts)
    assert facts > 500
