"""`spkg review`: what the extractor did not settle; accepting or rejecting one writes curation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from spkg.commands.curate import add_common

if TYPE_CHECKING:
    from spkg.curation.acts import Checker
    from spkg.curation.model import Act
    from spkg.curation.review import Item


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    from spkg.curation.review import settle as settle_item

    return settle_item(checker, item, accept=args.reject is None,
                       by=(args.by or acts.default_curator()).strip(),
                       why=(args.why or "").strip(), cls=args.type)
