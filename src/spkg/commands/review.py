"""`spkg review`: what the extractor did not settle; accepting or rejecting one writes curation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from spkg.commands.curate import add_common

if TYPE_CHECKING:
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
    from spkg.api import review_queue, settle_review

    review = review_queue(file=args.file, graph=args.graph, files=args.data,
                          shapes=args.shapes, progress=True)
    number = args.accept if args.accept is not None else args.reject
    if number is None:
        print(render(review.items))
        return 0
    act = settle_review(review, number, accept=args.reject is None, by=args.by, why=args.why,
                        type=args.type)
    print(f"{args.file}: {act.kind} {act.iri} ({review.items[number - 1].key})")
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

