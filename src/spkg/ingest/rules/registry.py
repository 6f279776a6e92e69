"""Relation rules by name: each a small function over the context and one sentence.

    @rule("adoption", family="adoption", gives=("events",))
    def adoption(ctx: Context, sentence: Span) -> None: ...

A rule reads the sentence through ``ctx`` (its mentions, dates, cue words) and adds Facts
to it. Rules do not call each other. Where one rule's output is another's input (a study
named in a sentence that a support rule relates; the meeting a later sentence's
participants attend), the first declares ``gives`` and the second ``needs`` the same
name; the runner orders rules by those declarations alone, and by name where nothing is
declared, so no hand-kept list decides the order. Any rule can be switched off by name.

A rule whose whole body is one loop over ``ctx.cues(PATTERN, sentence)`` or over
``PATTERN.finditer(ctx.text, sentence.start, sentence.end)`` (after its docstring and string
constants) does nothing on a sentence PATTERN cannot match: ``cue_of``
reads that PATTERN from the rule's source, and the runner does not call the rule on a
sentence that lacks every word the pattern needs (spkg.ingest.rules.prefilter). Nothing is
declared by hand, so a rule that does more than that loop is simply always called.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spkg.ingest.records import Span
from spkg.ingest.rules.context import Context

RuleFunction = Callable[[Context, Span], None]

# The rule families, one module each under spkg.ingest.rules; importing one registers it.
FAMILIES = (
    "adoption", "amendment", "lifecycle", "development", "membership", "funding", "support",
    "implementation", "events", "gatherings", "topics", "citations", "location", "coverage",
    "studies", "partners", "learned",
)
# What every rule gives unless it needs it: a rule that needs it (the learned proposer,
# which relates only what no rule related) runs after all the others.
EVERY_RULE = "every-rule"
# What a rule that needs EVERY_RULE gives unless it needs this: the learned proposer needs
# it, so it comes after the rules that read the others' facts too ("old-age-group").
LAST = "last"


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    function: RuleFunction
    gives: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    doc: str = ""


_RULES: dict[str, Rule] = {}


def rule(name: str, *, family: str, gives: Iterable[str] = (),
         needs: Iterable[str] = ()) -> Callable[[RuleFunction], RuleFunction]:
    """Register ``function`` as the relation rule ``name``."""

    gives, needs = tuple(gives), tuple(needs)

    def register(function: RuleFunction) -> RuleFunction:
        if name in _RULES and _RULES[name].function is not function:
            raise ValueError(f"two relation rules are named {name!r}")
        if EVERY_RULE not in needs:
            given: tuple[str, ...] = (*gives, EVERY_RULE)
        else:
            given = tuple(gives) if LAST in needs else (*gives, LAST)
        _RULES[name] = Rule(name, family, function, given, needs,
                            (function.__doc__ or "").strip().split("\n")[0])
        return function

    return register


def _load() -> None:
    for family in FAMILIES:
        importlib.import_module(f"spkg.ingest.rules.{family}")


def all_rules() -> dict[str, Rule]:
    """Every registered rule by name."""
    _load()
    return dict(_RULES)


def _needs(each: Rule) -> tuple[str, ...]:
    """Every rule reads the sentence's mentions, so it runs after the rules that add some
    ("a study on …"), unless it is one of them."""
    return each.needs if "mentions" in each.gives else (*each.needs, "mentions")


def ordered(disabled: Iterable[str] = ()) -> list[Rule]:
    """The enabled rules, each after every rule that gives what it needs (ties by name)."""
    rules = all_rules()
    off = set(disabled)
    unknown = off - set(rules)
    if unknown:
        raise KeyError(f"no relation rule named {', '.join(sorted(unknown))}")
    enabled = [r for name, r in sorted(rules.items()) if name not in off]
    givers: dict[str, set[str]] = {}
    for each in enabled:
        for given in each.gives:
            givers.setdefault(given, set()).add(each.name)
    placed: list[Rule] = []
    done: set[str] = set()
    waiting = list(enabled)
    while waiting:
        ready = [r for r in waiting if all(
            givers.get(need, set()) - {r.name} <= done for need in _needs(r))]
        if not ready:
            raise ValueError("relation rules need each other: "
                             + ", ".join(r.name for r in waiting))
        for each in ready:
            placed.append(each)
            done.add(each.name)
        waiting = [r for r in waiting if r.name not in done]
    return placed


@functools.cache
def cue_of(function: RuleFunction) -> str | None:
    """The pattern P when ``function``'s body is only ``for … in ctx.cues(P, sentence):``
    (after a docstring and ``name = "string"`` lines; P a string literal, such a local
    name, a module-level string, or an f-string of those names) or ``for … in
    P.finditer(ctx.text, sentence.start, sentence.end):`` (P a module-level compiled
    pattern with no flags of its own); else None (the rule is always called)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return None
    definition = tree.body[0] if tree.body else None
    if not isinstance(definition, ast.FunctionDef) or len(definition.args.args) != 2:
        return None
    ctx, sentence = (a.arg for a in definition.args.args)
    body = list(definition.body)
    if body and isinstance(body[0], ast.Expr) and _string(body[0].value) is not None:
        body = body[1:]  # the docstring
    local: dict[str, str] = {}
    for statement in body[:-1]:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)):
            return None
        value = _string(statement.value)
        if value is None:
            return None
        local[statement.targets[0].id] = value
    looped = _looped_cue(body[-1] if body else None, ctx, sentence)
    if looped is None:
        return None
    pattern, compiled = looped
    if compiled:  # P.finditer(…): P a compiled pattern, nothing else
        found = function.__globals__.get(pattern.id) if isinstance(pattern, ast.Name) else None
        return _resolved(pattern, {pattern.id: found}) if isinstance(
            found, re.Pattern) and isinstance(pattern, ast.Name) else None
    # the parameters are no module names: an f-string naming them is not read
    names = {k: v for k, v in {**function.__globals__, **local}.items()
             if k not in (ctx, sentence)}
    return _resolved(pattern, names)


def _resolved(pattern: ast.expr, names: dict[str, object]) -> str | None:
    """The string ``pattern`` stands for, given the strings and patterns ``names`` holds."""
    if isinstance(pattern, ast.JoinedStr):
        return _joined(pattern, names)
    if not isinstance(pattern, ast.Name):
        return _string(pattern)
    found = names.get(pattern.id)
    if isinstance(found, re.Pattern) and isinstance(found.pattern, str) and (
            found.flags == re.compile(found.pattern).flags):
        return found.pattern  # the same pattern as ctx.cues compiles from the string
    return found if isinstance(found, str) else None


def _looped_cue(loop: ast.stmt | None, ctx: str,
                sentence: str) -> tuple[ast.expr, bool] | None:
    """P of ``for … in ctx.cues(P, sentence):`` or of ``for … in P.finditer(ctx.text,
    sentence.start, sentence.end):`` (P a name), with no ``else``, and whether it is the
    latter; else None."""
    if not isinstance(loop, ast.For) or loop.orelse:
        return None
    call = loop.iter
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and not call.keywords):
        return None
    if call.func.attr == "cues" and _is_name(call.func.value, ctx) and len(call.args) == 2:
        pattern = call.args[0]
        if isinstance(pattern, (ast.Name, ast.JoinedStr)) or _string(pattern) is not None:
            return (pattern, False) if _is_name(call.args[1], sentence) else None
        return None
    if (call.func.attr == "finditer" and isinstance(call.func.value, ast.Name)
            and [ast.dump(a) for a in call.args] == [
                ast.dump(_attribute(ctx, "text")), ast.dump(_attribute(sentence, "start")),
                ast.dump(_attribute(sentence, "end"))]):
        return call.func.value, True
    return None


def _joined(pattern: ast.JoinedStr, names: dict[str, object]) -> str | None:
    """An f-string of literal parts and plain names of strings, its value; else None."""
    parts: list[str] = []
    for part in pattern.values:
        if isinstance(part, ast.FormattedValue):
            value = names.get(part.value.id) if isinstance(part.value, ast.Name) else None
            if part.conversion != -1 or part.format_spec is not None or not isinstance(
                    value, str):
                return None
            parts.append(value)
        elif (literal := _string(part)) is not None:
            parts.append(literal)
        else:
            return None
    return "".join(parts)


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _attribute(name: str, attribute: str) -> ast.Attribute:
    return ast.Attribute(ast.Name(name, ast.Load()), attribute, ast.Load())


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
