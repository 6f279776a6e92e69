"""`spkg export`: the dataset as linked data dumps (+ VoID/DCAT, JSON-LD context) in dist/."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
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
    from spkg.export import export_canonical
    from spkg.export.canonical import CanonicalDataset
    from spkg.export.site import write_site
    from spkg.export.void import DEFAULT_BASE_URL
    from spkg.remote.presets import check_url
    from spkg.store.build_dir import is_build
    from spkg.store.publish import check_output
    from spkg.store.resolve import open_build, resolve_build

    for option, url in (("--base-url", args.base_url), ("--endpoint", args.endpoint)):
        if url is not None:  # void.ttl names them as IRIs: check before the work
            check_url(url, option)
    _refuse_other_build(args.output, None if args.data else resolve_build(args.graph))
    if not is_build(args.output):
        check_output(args.output)  # before the work: other files there would be deleted
    if args.data:
        from spkg.server.load import load_quads

        data = CanonicalDataset.from_quads(load_quads(args.data))
    else:
        with open_build(args.graph, progress=not args.quiet) as build:
            data = CanonicalDataset.from_quads(build.quads())
    base = (args.base_url or DEFAULT_BASE_URL).rstrip("/") + "/"
    with _target(args.output) as folder:
        written = export_canonical(data, folder, progress=not args.quiet,
                                   endpoint=args.endpoint or base + "sparql",
                                   download_base=base + "dist/", shown_as=args.output)
        if args.site:
            written += write_site(list(data.quads()), folder / "site", progress=not args.quiet,
                                  shown_as=args.output / "site")
    from spkg.words import count

    print(f"wrote {count(len(written), 'file')} to {args.output}")
    return 0


@contextmanager
def _target(output: Path) -> Iterator[Path]:
    """Where to write: a folder beside ``output`` swapped in whole (a killed export leaves
    the old one), or, into the build being exported, the build itself, file by file."""
    from spkg.store.build_dir import is_build
    from spkg.store.publish import build_outputs
    from spkg.store.swap import staged

    if is_build(output):  # the same build (others are refused): its own dumps again
        yield output
        return
    with staged(output, allowed=build_outputs()) as folder:
        yield folder


def _refuse_other_build(output: Path, source: Path | None) -> None:
    """Dumps written into a build folder from other data would disagree with its store."""
    from spkg.errors import InputError
    from spkg.store.build_dir import is_build

    if is_build(output) and (source is None or source.resolve() != output.resolve()):
        raise InputError("holds a build; its dumps change with `spkg build`, `spkg add` and "
                         "`spkg remove` (export to another folder)", path=output)
