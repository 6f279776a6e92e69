"""`spkg curate`: write a correction (reject, add, merge, split) into the curation file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from spkg.commands.graph_option import add_graph_argument

if TYPE_CHECKING:
    from spkg.curation.acts import Checker
    from spkg.curation.model import Act, Fact

ACTIONS = ("reject", "add", "merge", "split")


def add_common(parser: argparse.ArgumentParser) -> None:
    """Who, why, which file and which graph: shared with `spkg review`."""
    parser.add_argument("--why", metavar="TEXT", help="the reason (required)")
    parser.add_argument("--by", metavar="NAME",
                        help="who corrects (default: git config user.name, else $USER)")
    parser.add_argument("--file", type=Path, default=Path("curation.ttl"), metavar="FILE",
                        help="the curation file to write (default: ./curation.ttl; "
                        "`spkg build` reads curation.ttl beside the documents, or --curation)")
    add_graph_argument(parser)
    parser.add_argument("--data", nargs="+", type=Path, metavar="FILE",
                        help="document graphs to check against (with the bundled ontology and "
                        "reference data) instead of a build")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "curate",
        help="correct the graph: reject a fact, add one, merge or split entities",
        description="Write one curation act into the curation file (docs/curation.md). "
        "The next `spkg build` applies it. IRIs may be full, <…> or prefixed (id:, spkg:, "
        "rdfs:, skos:, org:, …); literals are written \"text\"@en or \"5\"^^xsd:integer.",
    )
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("terms", nargs="*", metavar="TERM",
                        help="reject/add: SUBJECT PREDICATE OBJECT; merge: KEEP DROP; "
                        "split: IRI NEW-IRI; add with --label/--type: an optional IRI")
    parser.add_argument("--document", action="append", default=[], metavar="DOC",
                        help="reject: only as read from this document; split: a document "
                        "whose facts move (repeat); an IRI or a file name")
    parser.add_argument("--span", nargs=3, metavar=("DOC", "START", "END"),
                        help="add: the span of DOC's text (code points) the fact is read "
                        "from; split: the part of DOC whose sentences' facts move")
    parser.add_argument("--quote", metavar="WORDS",
                        help="add/split: the words the span must hold (checked)")
    parser.add_argument("--label", metavar="NAME",
                        help="add/split: the English name of a new entity")
    parser.add_argument("--type", metavar="CLASS", help="add/split: the new entity's class")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spkg.curation.acts import default_curator
    from spkg.curation.fileformat import append_acts
    from spkg.curation.model import CurationError

    why = (args.why or "").strip()
    if not why:
        raise CurationError("--why is required: say why the graph is wrong")
    by = (args.by or default_curator()).strip()
    if not by:
        raise CurationError("--by is empty: say who corrects")
    checker = open_checker(args)
    act = _ACTIONS[args.action](checker, args, by, why)
    append_acts(args.file, [act])
    print(f"{args.file}: {act.kind} {act.iri} by {by}")
    return 0


def open_checker(args: argparse.Namespace) -> Checker:
    """The graphs the command checks names against, and the documents' texts."""
    from spkg.api import load_dataset
    from spkg.api import open as open_graph
    from spkg.curation.acts import Checker
    from spkg.curation.fileformat import read_acts

    pending = read_acts(args.file) if args.file.exists() else []
    if args.data:
        return Checker(load_dataset(files=args.data), lambda _doc: None, pending)
    with open_graph(args.graph, progress=True) as graph:
        dataset = graph.dataset(inferred=False)
        sources = graph.sources()
    from spkg.curation.apply import _text_getter

    return Checker(dataset, _text_getter(sources), pending)


def _fact(args: argparse.Namespace) -> Fact:
    from rdflib import Literal, URIRef

    from spkg.curation.acts import iri, term
    from spkg.curation.model import CurationError

    if len(args.terms) != 3:
        raise CurationError(f"{args.action} takes SUBJECT PREDICATE OBJECT "
                            f"({len(args.terms)} given)")
    obj = term(args.terms[2], "object")
    if not isinstance(obj, URIRef | Literal):
        raise CurationError(f"the object must be an IRI or a literal, not {args.terms[2]!r}")
    return (iri(args.terms[0], "subject"), iri(args.terms[1], "predicate"), obj)


def _reject(checker: Checker, args: argparse.Namespace, by: str, why: str) -> Act:
    from spkg.curation import acts
    from spkg.curation.model import CurationError

    if len(args.document) > 1:
        raise CurationError("reject takes at most one --document")
    return acts.reject(checker, _fact(args), (args.document or [None])[0],
                       by=by, why=why)


def _add(checker: Checker, args: argparse.Namespace, by: str, why: str) -> Act:
    from spkg.curation import acts
    from spkg.curation.model import CurationError

    anchor = checker.anchor(*args.span, quote=args.quote) if args.span else None
    if args.label or args.type:
        if not (args.label and args.type) or len(args.terms) > 1:
            raise CurationError("add an entity with --label NAME --type CLASS [IRI]")
        given = acts.iri(args.terms[0], "entity") if args.terms else None
        facts = acts.entity_facts(checker, args.label, acts.iri(args.type, "class"), given)
    else:
        facts = [_fact(args)]
        for position, node in (("subject", facts[0][0]), ("object", facts[0][2])):
            from rdflib import URIRef

            if isinstance(node, URIRef) and not checker.known(node):
                raise CurationError(f"unknown IRI {node} ({position}): add the entity first "
                                    "(--label, --type)")
    return acts.add(facts, anchor, by=by, why=why)


def _merge(checker: Checker, args: argparse.Namespace, by: str, why: str) -> Act:
    from spkg.curation import acts
    from spkg.curation.model import CurationError

    if len(args.terms) != 2:
        raise CurationError(f"merge takes KEEP DROP ({len(args.terms)} given)")
    keep = checker.entity(args.terms[0], "kept IRI")
    drop = checker.entity(args.terms[1], "merged IRI")
    return acts.merge(checker, keep, drop, by=by, why=why)


def _split(checker: Checker, args: argparse.Namespace, by: str, why: str) -> Act:
    from rdflib import RDF, RDFS, Literal

    from spkg.curation import acts
    from spkg.curation.model import CurationError

    if len(args.terms) != 2:
        raise CurationError(f"split takes IRI NEW-IRI ({len(args.terms)} given)")
    old = checker.entity(args.terms[0], "IRI split")
    new = acts.iri(args.terms[1], "new IRI")
    facts: list[Fact] = []
    if args.type:
        facts.append((new, RDF.type, checker.ontology_class(acts.iri(args.type, "class"))))
    if args.label:
        facts.append((new, RDFS.label, Literal(args.label, lang="en")))
    documents = [checker.document(d) for d in args.document]
    span = checker.anchor(*args.span, quote=args.quote) if args.span else None
    return acts.split(checker, old, new, documents, facts, by=by, why=why, span=span)


_ACTIONS = {"reject": _reject, "add": _add, "merge": _merge, "split": _split}
