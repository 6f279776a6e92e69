"""`spkg reason`: the OWL 2 RL closure, inferred triples kept in their own named graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spkg.commands.graph_option import add_graph_argument

ENGINE_CHOICES = ("owlrl", "reasonable")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "reason",
        help="infer what OWL 2 RL entails, into the graph https://w3id.org/spkg/graph/inferred",
        description="Close ontology + reference data + document graphs under OWL 2 RL and "
        "keep the new, non-trivial triples only, in their own named graph. Individuals typed "
        "with two disjoint classes are reported as warnings (and typed owl:Nothing). "
        "Results are cached on the inputs' content ($SPKG_CACHE_DIR or ~/.cache/spkg).",
    )
    parser.add_argument("--engine", choices=ENGINE_CHOICES, default=None,
                        help="owlrl (reference) or reasonable (fast); default: reasonable")
    add_graph_argument(parser)
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="TriG/N-Quads document graphs instead of a build's")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT.trig",
                        help="write the inferred graph as TriG (named graph kept)")
    parser.add_argument("--no-cache", action="store_true", help="reason again even if cached")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from collections import Counter

    from spkg.api import reason_graph
    from spkg.words import count

    result = reason_graph(graph=args.graph, files=args.data, engine=args.engine,
                          use_cache=not args.no_cache, output=args.output,
                          progress=not args.quiet)

    cache_note = "cache hit" if result.cache_hit else \
        f"reasoned in {count(result.batches, 'batch')}"
    print(f"{count(len(result.graph), 'inferred triple')} from {result.input_triples} asserted "
          f"(engine {result.engine}, {cache_note}, {result.dropped} trivial left out)")
    by_predicate = Counter(result.graph.namespace_manager.normalizeUri(str(p))
                           for _, p, _ in result.graph)
    for predicate, number in by_predicate.most_common():
        print(f"  {number:7d}  {predicate}")
    for clash in result.clashes:
        print(f"warning: {clash.message()}", file=sys.stderr)
    for message in result.warnings:
        print(f"warning ({result.engine}): {message}", file=sys.stderr)
    if args.output:
        print(f"wrote {args.output}")
    return 0
