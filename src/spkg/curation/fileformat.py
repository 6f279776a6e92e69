"""The curation file: Turtle, one block per act, sorted by time, written whole or not at all.

Reading turns each act into an :class:`~spkg.curation.model.Act` carrying the file and the
line its block starts on, so that every report can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV, XSD
from rdflib.term import Node

from spkg.atomic import atomic_write
from spkg.curation.model import (
    ACT_NS,
    CURATOR_NS,
    KIND_OF,
    KINDS,
    Act,
    Anchor,
    CurationError,
    Fact,
    curator_iri,
)
from spkg.namespace import BASE, OA, ORG, SDG, SPKG

DEFAULT_NAME = "curation.ttl"
_SPKG = SPKG._NS

# Prefixes written at the top of every file; prefixed names are used only where the local
# part is a plain Turtle name, so the file always parses back.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("act", ACT_NS),
    ("curator", CURATOR_NS),
    ("spkg", str(_SPKG)),
    ("prov", str(PROV)),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("foaf", str(FOAF)),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("org", str(ORG)),
    ("oa", str(OA)),
    ("sdg", str(SDG)),
    ("xsd", str(XSD)),
    ("id", BASE + "id/"),
)
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_WHY = (RDFS.comment, URIRef("http://purl.org/dc/terms/description"))
_WHEN = (PROV.generatedAtTime, URIRef("http://purl.org/dc/terms/created"))

HEADER = ("# spkg curation: people's corrections to the graph, applied on every build.\n"
          "# One block per act, oldest first; see docs/curation.md. Edit with care, or use\n"
          "# `spkg curate` and `spkg review`.\n")


def term_text(term: Node) -> str:
    """A term in Turtle: a prefixed name where that is safe, else ``<iri>`` or a literal."""
    if isinstance(term, Literal):
        if term.datatype is not None:
            return f"{Literal(str(term)).n3()}^^{term_text(term.datatype)}"
        return term.n3()
    text = str(term)
    for prefix, namespace in sorted(PREFIXES, key=lambda p: -len(p[1])):
        if text.startswith(namespace) and _LOCAL.fullmatch(text[len(namespace):]):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


# ---------------------------------------------------------------- writing


def _act_lines(act: Act) -> list[str]:
    props: list[tuple[str, str]] = [
        ("prov:wasAttributedTo", term_text(curator_iri(act.by))),
        ("prov:generatedAtTime", f"{Literal(act.when).n3()}^^xsd:dateTime"),
        ("rdfs:comment", Literal(act.why).n3()),
    ]
    for document in act.documents:
        props.append(("spkg:inDocument", term_text(document)))
    if act.anchor is not None:
        props += [("spkg:inDocument", term_text(act.anchor.document)),
                  ("oa:start", str(act.anchor.start)), ("oa:end", str(act.anchor.end)),
                  ("oa:exact", Literal(act.anchor.exact).n3())]
    if act.keep is not None and act.drop is not None:
        roles = ("spkg:splitInto", "spkg:splitFrom") if act.kind == "split" else \
            ("spkg:kept", "spkg:merged")
        props += [(roles[0], term_text(act.keep)), (roles[1], term_text(act.drop))]
    if act.item is not None:
        props.append(("spkg:reviewItem", Literal(act.item).n3()))
    for s, p, o in sorted(act.facts, key=lambda f: tuple(t.n3() for t in f)):
        props.append(("spkg:fact", f"[\n        spkg:factSubject {term_text(s)} ;\n"
                                   f"        spkg:factPredicate {term_text(p)} ;\n"
                                   f"        spkg:factObject {term_text(o)} ]"))
    lines = [f"{term_text(act.iri)} a {term_text(KINDS[act.kind])} ;"]
    lines += [f"    {p} {o} ;" for p, o in props]
    lines[-1] = lines[-1][:-2] + " ."
    return lines


def render(acts: Sequence[Act]) -> str:
    """The whole file: prefixes, curators (by name), then acts by time and IRI."""
    out = [HEADER]
    out += [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES]
    for name in sorted({act.by for act in acts}):
        out += ["", f"{term_text(curator_iri(name))} a prov:Agent ;",
                f"    foaf:name {Literal(name).n3()} ."]
    for act in sorted(acts, key=lambda a: (a.when, str(a.iri))):
        out += ["", *_act_lines(act)]
    return "\n".join(out) + "\n"


def write_acts(path: Path, acts: Sequence[Act]) -> None:
    with atomic_write(path) as stream:
        stream.write(render(acts))


def append_acts(path: Path, new: Iterable[Act]) -> list[Act]:
    """Add acts to the file (created if absent); returns every act now in it."""
    acts = read_acts(path) if path.exists() else []
    known = {act.iri for act in acts}
    acts += [act for act in new if act.iri not in known]
    write_acts(path, acts)
    return acts


# ---------------------------------------------------------------- reading


def curation_files(target: Path) -> list[Path]:
    """A curation file, or every ``*.ttl`` of a folder, sorted."""
    if target.is_dir():
        return sorted(p for p in target.glob("*.ttl") if p.is_file())
    return [target] if target.exists() else []


def read_all(paths: Iterable[Path]) -> list[Act]:
    acts: list[Act] = []
    for path in paths:
        acts += read_acts(path)
    return sorted(acts, key=lambda a: (a.when, str(a.iri)))


def _parse(path: Path) -> tuple[Graph, str]:
    from spkg.errors import RdfParseError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CurationError(f"cannot read curation file: {error}", path=path) from None
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle", publicID=str(path.resolve().as_uri()))
    except Exception as error:  # rdflib raises many kinds; all mean "not Turtle"
        line = re.search(r"line (\d+)", str(error))
        raise RdfParseError(f"not valid Turtle: {str(error).splitlines()[0][:200]}",
                            path=path, line=int(line.group(1)) if line else None) from None
    return graph, text


def _line_of(text: str, act: URIRef) -> int | None:
    """The line a block starts on: where its subject opens a line."""
    names = (term_text(act), f"<{act}>")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(names):
            return number
    return None


def read_acts(path: Path) -> list[Act]:
    """Every act of one curation file; a malformed act is an error naming file and line."""
    graph, text = _parse(path)
    acts = []
    for cls, kind in KIND_OF.items():
        for subject in sorted(graph.subjects(RDF.type, cls), key=str):
            if not isinstance(subject, URIRef):
                raise CurationError(f"a {kind} act needs an IRI, not a blank node", path=path)
            line = _line_of(text, subject)
            acts.append(_read_act(graph, subject, kind, path, line))
    return acts


def _one(graph: Graph, subject: Node, predicates: Sequence[URIRef], what: str,
         where: tuple[Path, int | None]) -> Node:
    values = [v for p in predicates for v in graph.objects(subject, p)]
    if len(values) != 1:
        names = " or ".join(term_text(p) for p in predicates)
        problem = "missing" if not values else "given more than once"
        raise CurationError(f"{what} ({names}) {problem} on {term_text(subject)}",
                            path=where[0], line=where[1])
    return values[0]


def _read_act(graph: Graph, iri: URIRef, kind: str, path: Path, line: int | None) -> Act:
    where = (path, line)
    agent = _one(graph, iri, (PROV.wasAttributedTo,), "who", where)
    label = graph.value(agent, FOAF.name) or graph.value(agent, RDFS.label)
    by = str(label) if label is not None else str(agent).rsplit("/", 1)[-1]
    when = str(_one(graph, iri, _WHEN, "when", where))
    why = str(_one(graph, iri, _WHY, "why", where)).strip()
    if not why:
        raise CurationError(f"empty reason on {term_text(iri)}", path=path, line=line)
    facts = [_fact(graph, node, where) for node in graph.objects(iri, _SPKG.fact)]
    documents = sorted(d for d in graph.objects(iri, _SPKG.inDocument) if isinstance(d, URIRef))
    try:
        act = Act(kind=kind, by=by, when=when, why=why, facts=facts, iri=iri, file=path,
                  line=line)
    except CurationError as error:
        raise CurationError(error.message, path=path, line=line) from None
    start, end = graph.value(iri, OA.start), graph.value(iri, OA.end)
    if start is not None or end is not None:
        exact = _one(graph, iri, (OA.exact,), "the quoted words", where)
        if len(documents) != 1 or start is None or end is None:
            raise CurationError("a span needs one spkg:inDocument, oa:start and oa:end",
                                path=path, line=line)
        try:
            act.anchor = Anchor(documents[0], int(str(start)), int(str(end)), str(exact))
        except ValueError:
            raise CurationError("oa:start and oa:end are whole numbers", path=path,
                                line=line) from None
        documents = []
    act.documents = documents
    if kind == "split":
        act.drop = _iri(_one(graph, iri, (_SPKG.splitFrom,), "the IRI split", where), where)
        act.keep = _iri(_one(graph, iri, (_SPKG.splitInto,), "the new IRI", where), where)
        if not documents and act.anchor is None:
            raise CurationError("a split names the documents whose facts move "
                                "(spkg:inDocument), or a span of one", path=path, line=line)
    elif kind == "merge":
        act.keep = _iri(_one(graph, iri, (_SPKG.kept,), "the IRI kept", where), where)
        act.drop = _iri(_one(graph, iri, (_SPKG.merged,), "the IRI merged", where), where)
    elif kind == "dismiss":
        act.item = str(_one(graph, iri, (_SPKG.reviewItem,), "the review item", where))
    elif not facts:
        raise CurationError(f"a {kind} act names at least one spkg:fact", path=path, line=line)
    return act


def _iri(node: Node, where: tuple[Path, int | None]) -> URIRef:
    if not isinstance(node, URIRef):
        raise CurationError(f"expected an IRI, found {node.n3()}", path=where[0], line=where[1])
    return node


def _fact(graph: Graph, node: Node, where: tuple[Path, int | None]) -> Fact:
    if not isinstance(node, BNode | URIRef):
        raise CurationError("spkg:fact takes [ spkg:factSubject … ]", path=where[0],
                            line=where[1])
    s = _iri(_one(graph, node, (_SPKG.factSubject,), "a fact's subject", where), where)
    p = _iri(_one(graph, node, (_SPKG.factPredicate,), "a fact's predicate", where), where)
    o = _one(graph, node, (_SPKG.factObject,), "a fact's object", where)
    if not isinstance(o, URIRef | Literal):
        raise CurationError("a fact's object is an IRI or a literal", path=where[0],
                            line=where[1])
    return (s, p, o)
