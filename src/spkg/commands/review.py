"""`spkg review`: what the extractor did not settle; accepting or rejecting one writes curation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from spkg.commands.curate import add_common

if TYPE_CHECKING:
    from rdflib import URIRef

    from spkg.curation.acts import Checker
    from spkg.curation.model import Act
    from spkg.curation.review import Item


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="list likely duplicates, untyped names and shape warnings; accept or reject one",
        description="List what the extractor saw but did not settle: entities that look like "
        "duplicates, capitalised names no entity covers, and (with --shapes) SHACL warnings, "
        "each with its sentence. --accept N merges a duplicate pair or adds a name as an "
        "entity of --type; --reject N dismisses the item. Both write the curation file.",
    )
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--accept", type=int, metavar="N", help="accept item N")
    choice.add_argument("--reject", type=int, metavar="N", help="dismiss item N")
    parser.add_argument("--type", metavar="CLASS",
                        help="with --accept on a name: the class of the new entity")
    parser.add_argument("--shapes", action="store_true",
                        help="also list SHACL warnings (runs validation: slower)")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.commands.curate import open_checker
    from spkg.curation.fileformat import append_acts, read_acts
    from spkg.curation.model import CurationError
    from spkg.curation.review import queue, recorded_keys, settled_keys, warnings

    checker = open_checker(args)
    settled = recorded_keys(checker.dataset)
    if args.file.exists():
        settled |= settled_keys(read_acts(args.file))
    found = warnings(checker.dataset) if args.shapes else []
    items = queue(checker.dataset, settled=settled, warnings=found)
    number = args.accept if args.accept is not None else args.reject
    if number is None:
        print(render(items))
        return 0
    if not 1 <= number <= len(items):
        raise CurationError(f"no item {number}: the queue has {len(items)} (run `spkg review`)")
    act = settle(checker, items[number - 1], args)
    append_acts(args.file, [act])
    print(f"{args.file}: {act.kind} {act.iri} ({items[number - 1].key})")
    return 0


def render(items: list[Item]) -> str:
    if not items:
        return "nothing to review"
    lines = []
    width = len(str(len(items)))
    for number, item in enumerate(items, start=1):
        lines.append(f"{number:>{width}}  {item.kind:<9}  {item.summary}")
        if item.where or item.sentence:
            sentence = " ".join(item.sentence.split())
            sentence = sentence if len(sentence) <= 160 else sentence[:157] + "…"
            lines.append(f"{'':>{width}}  {'':<9}  {item.where} “{sentence}”")
    return "\n".join(lines)


def settle(checker: Checker, item: Item, args: argparse.Namespace) -> Act:
    from spkg.curation import acts
    from spkg.curation.model import Anchor, CurationError

    by = (args.by or acts.default_curator()).strip()
    why = (args.why or "").strip()
    if args.reject is not None:
        return acts.dismiss(item.key, by=by, why=why or f"not to change: {item.summary}")
    if item.kind == "duplicate":
        keep, drop = _keep_first(checker, *item.subjects)
        return acts.merge(checker, keep, drop, by=by, why=why or f"duplicates: {item.summary}")
    if item.kind == "candidate":
        if not args.type:
            raise CurationError("accepting a name needs --type CLASS (e.g. --type spkg:Body)")
        facts = acts.entity_facts(checker, item.words, acts.iri(args.type, "class"), None)
        assert item.span is not None
        anchor = Anchor(item.subjects[0], item.span[0], item.span[1], item.words)
        return acts.add(facts, anchor, by=by, why=why or f"a name the extractor missed: "
                        f"“{item.words}”")
    raise CurationError("a shape warning is settled by correcting the data (spkg curate …) "
                        "or dismissed with --reject")


def _keep_first(checker: Checker, a: URIRef, b: URIRef) -> tuple[URIRef, URIRef]:
    """Keep the reference entity, else the one with more facts, else the first IRI."""
    from spkg.namespace import REFERENCE_GRAPH

    def weight(node: URIRef) -> tuple[int, int, str]:
        in_reference = any(True for _ in checker.dataset.graph(REFERENCE_GRAPH).triples(
            (node, None, None)))
        facts = sum(1 for _ in checker.dataset.triples((node, None, None))) + sum(
            1 for _ in checker.dataset.triples((None, None, node)))
        return (-int(in_reference), -facts, str(node))

    first, second = sorted((a, b), key=weight)
    return first, second
