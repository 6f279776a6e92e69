"""`spkg export`: the dataset as linked data dumps (+ VoID/DCAT, JSON-LD context) in dist/."""

from __future__ import annotations

import argparse
from pathlib import Path

from spkg.commands.graph_option import add_graph_argument


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the dataset as Turtle, TriG, N-Triples, N-Quads, JSON-LD and RDF/XML",
        description="Write every graph (asserted and inferred) as linked data dumps, with a "
        "VoID/DCAT description (void.ttl) and the JSON-LD @context (context.jsonld). "
        "Output is deterministic: the same input gives the same bytes.",
    )
    parser.add_argument("-o", "--output", type=Path, default=Path("dist"), metavar="DIR",
                        help="output folder (default: dist)")
    parser.add_argument("--site", action="store_true",
                        help="also write the resource pages as a static site in DIR/site/")
    add_graph_argument(parser)
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="document graphs to export (with the bundled ontology and "
                        "reference data, reasoned over) instead of a build")
    parser.add_argument("--base-url", default=None, metavar="URL",
                        help="where the graph is published: void.ttl names URL/sparql as the "
                        "endpoint and URL/dist/ for downloads (default: https://w3id.org/spkg/)")
    parser.add_argument("--endpoint", default=None, metavar="URL",
                        help="the SPARQL endpoint void.ttl names, if not BASE-URL/sparql")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.api import export_graph
    from spkg.api.publishing import check_url
    from spkg.words import count

    for option, url in (("--base-url", args.base_url), ("--endpoint", args.endpoint)):
        if url is not None:  # void.ttl names them as IRIs: check before the work
            check_url(url, option)
    written = export_graph(args.output, graph=args.graph, files=args.data, site=args.site,
                           base_url=args.base_url, endpoint=args.endpoint,
                           progress=not args.quiet)
    print(f"wrote {count(len(written), 'file')} to {args.output}")
    return 0
