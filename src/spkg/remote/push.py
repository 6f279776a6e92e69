"""Push the dataset's named graphs to a remote SPARQL 1.1 store, in batches, and check the counts.

A push merges by default: RDF set semantics make a re-run add nothing new. Blank nodes are
the one thing that would duplicate (and a blank node's label is only valid within one
request, so a batch boundary would split it), so a graph that has any is, by default, sent
whole in one request that replaces the graph (Graph Store PUT). ``blank_nodes="skolemise"``
instead turns them into IRIs computed from the graph's content (rdflib's canonical
labelling), the same on every run, and merges as usual.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from spkg.errors import InputError, StoreError
from spkg.literals import literal_nt
from spkg.namespace import BASE
from spkg.progress import Progress
from spkg.remote.http import redact
from spkg.words import count

if TYPE_CHECKING:  # annotations only: store.remote pushes through this module
    from spkg.store.remote import RemoteStore

DEFAULT_BATCH_SIZE = 10_000
BLANK_NODE_MODES = ("replace", "skolemise")
COMPARE_LIMIT = 200_000  # triples fetched back at most to compare content after a push
SKOLEM_PREFIX = BASE + ".well-known/genid/"

Triple = tuple[Node, Node, Node]
BatchCallback = Callable[[int, int], None]  # (batches done, triples sent so far)


@dataclass
class GraphCheck:
    """What was sent to one graph and what the store holds afterwards.

    A store may fold terms that rdflib keeps apart ("s" and "s"^^xsd:string, "01" and "1"
    as xsd:integer, language tag case), so it may hold fewer triples than were sent, but
    never fewer than ``distinct`` (the triples that stay distinct under such folding).
    Where the content was fetched back and compared (``compared``), ``not_sent`` counts
    the triples the store holds that were not sent and ``not_held`` those sent and missing.
    """

    graph: str
    sent: int
    distinct: int
    before: int
    after: int
    not_sent: int | None = None
    not_held: int | None = None
    example: str | None = None  # one triple held but not sent, in N-Triples

    @property
    def compared(self) -> bool:
        return self.not_sent is not None

    @property
    def ok(self) -> bool:
        """Nothing that was sent is missing."""
        if self.not_held is not None:
            return self.not_held == 0
        return self.after >= self.distinct

    @property
    def extra(self) -> int:
        """Triples the store holds in this graph that were not sent (left by a merge)."""
        if self.not_sent is not None:
            return self.not_sent
        return max(0, self.after - self.sent)

    def describe(self) -> str:
        held = f"holds {self.after} triples"
        expected = f"sent {self.sent}" + (f" ({self.distinct} distinct by value)"
                                          if self.distinct != self.sent else "")
        before = f", had {self.before} before" if self.before else ""
        content = ""
        if self.compared:
            content = f"; {self.not_held} sent but not held, {self.not_sent} held but not sent"
            if self.example:
                content += f" (e.g. {self.example})"
        return f"<{self.graph}> {held}, {expected}{before}{content}"


@dataclass
class PushReport:
    endpoint: str
    replaced: bool
    triples_sent: int = 0
    batches: int = 0
    skolemised: int = 0
    whole_graphs: int = 0
    seconds: float = 0.0
    checks: list[GraphCheck] = field(default_factory=list)
    # spkg graphs the store holds that this push did not send (from an earlier push)
    other_graphs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def mismatches(self) -> list[GraphCheck]:
        return [check for check in self.checks if not check.ok]

    @property
    def with_extra(self) -> list[GraphCheck]:
        return [check for check in self.checks if check.ok and check.extra]

    @property
    def rate(self) -> float:
        return self.triples_sent / self.seconds if self.seconds > 0 else 0.0

    def verdict(self) -> str:
        """What the store holds compared with what was sent, in a few words, never rosier."""
        failed, extra = self.mismatches, self.with_extra
        if failed:
            return f"count check FAILED for {len(failed)} graph(s)"
        if extra:
            held = sum(check.extra for check in extra)
            return (f"{len(extra)} of {len(self.checks)} graphs hold {held} triple(s) that were "
                    "not sent (merge keeps what was there: push with --replace to drop them)")
        compared = sum(check.compared for check in self.checks)
        content = f"; content compared for {compared} graph(s)" if compared else ""
        return f"every graph holds what was sent (counts match{content})"

    def summary(self) -> str:
        mode = "replaced" if self.replaced else "merged"
        bnodes = f", {self.skolemised} blank nodes skolemised" if self.skolemised else ""
        if self.whole_graphs:
            bnodes += f", {self.whole_graphs} graph(s) with blank nodes replaced whole"
        return (
            f"{mode} {self.triples_sent} triples in {len(self.checks)} graphs into "
            f"{self.endpoint} in {self.seconds:.1f} s ({self.rate:,.0f} triples/s, "
            f"{self.batches} requests){bnodes}; {self.verdict()}"
        )

    def notes(self, limit: int = 5) -> list[str]:
        """Warnings worth a line each: graphs holding more than was sent, graphs not sent."""
        lines = [f"holds more than was sent: {check.describe()}"
                 for check in self.with_extra[:limit]]
        if len(self.with_extra) > limit:
            lines.append(f"… and {len(self.with_extra) - limit} more graphs hold more than "
                         "was sent")
        if self.with_extra:
            lines.append("merge mode (the default) adds to what a graph held; "
                         "`spkg push --replace` makes each graph hold exactly what is sent")
        if self.other_graphs:
            shown = ", ".join(f"<{name}>" for name in self.other_graphs[:3])
            more = f" and {len(self.other_graphs) - 3} more" if len(self.other_graphs) > 3 else ""
            lines.append(f"the store also holds {len(self.other_graphs)} spkg graph(s) this "
                         f"push did not send: {shown}{more} (left as they are)")
        return lines


def push_dataset(
    dataset: Dataset,
    store: RemoteStore,
    *,
    graphs: Sequence[URIRef] | None = None,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = True,
    on_batch: BatchCallback | None = None,
    blank_nodes: str = "replace",
    compare_limit: int = COMPARE_LIMIT,
) -> PushReport:
    """Send the named graphs of ``dataset`` (all by default) to ``store``; count-check them.

    Raises StoreError when the store fails (after retries); a count mismatch is reported in
    the returned report (``ok`` false), not raised, and so are graphs that hold more than
    was sent (``with_extra``: a merge left older triples). Where counts cannot prove the
    content, up to ``compare_limit`` triples are fetched back and compared as sets.
    """
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, not {batch_size}")
    if blank_nodes not in BLANK_NODE_MODES:
        raise InputError(f"blank_nodes must be one of {', '.join(BLANK_NODE_MODES)}")
    selected = _named_graphs(dataset, graphs)
    report = PushReport(endpoint=redact(store.endpoint), replaced=replace)
    started = time.perf_counter()

    whole: list[tuple[URIRef, list[Triple]]] = []  # graphs with blank nodes, one request each
    merged: list[tuple[URIRef, list[Triple]]] = []
    for graph in selected:
        name = URIRef(graph.identifier)
        triples: list[Triple] = list(graph)
        if _has_blank_nodes(triples):
            if blank_nodes == "replace":
                whole.append((name, triples))
                continue
            triples, skolemised = _skolemised(graph)
            report.skolemised += skolemised
        merged.append((name, triples))
    requests = [[part] for part in whole]
    requests += list(_requests(merged, batch_size, pack=store.accepts_quads))
    meter = Progress("push", len(requests), enabled=progress)

    if replace:
        meter.note(f"dropping {len(merged)} graphs")
        for name, _triples in merged:
            store.drop(name)
        before = dict.fromkeys((str(name) for name, _ in merged), 0)
    else:
        before = store.graph_counts(name for name, _ in merged)
    before.update((str(name), 0) for name, _ in whole)
    report.whole_graphs = len(whole)

    for number, request in enumerate(requests):
        if number < len(whole):
            name, triples = request[0]
            store.replace_triples(name, _ntriples(triples))
        elif len(request) == 1:
            name, triples = request[0]
            store.add_triples(name, _ntriples(triples))
        else:
            store.add_quads(_nquads(request))
        report.batches += 1
        report.triples_sent += sum(len(triples) for _, triples in request)
        # the label says what this request sent; the running total is the meter's own
        meter.step(f"{_short(request[0][0])} and {count(len(request) - 1, 'more graph')}"
                   if len(request) > 1 else _short(request[0][0]))
        if on_batch is not None:
            on_batch(report.batches, report.triples_sent)

    sent = {str(name): (len(triples), _distinct_by_value(triples))
            for name, triples in [*whole, *merged]}
    after = store.graph_counts(sent)
    report.checks = [
        GraphCheck(name, count, distinct, before.get(name, 0), after.get(name, 0))
        for name, (count, distinct) in sorted(sent.items())
    ]
    _compare_content(store, report.checks, dict(merged), limit=compare_limit)
    if graphs is None:
        report.other_graphs = [name for name in store.graphs() if name not in sent]
    report.seconds = time.perf_counter() - started
    meter.finish(report.summary())
    return report


def _compare_content(store: RemoteStore, checks: list[GraphCheck],
                     sent: dict[URIRef, list[Triple]], *, limit: int) -> None:
    """Fetch back the graphs whose counts do not prove their content, and compare sets.

    Counts prove nothing where a merge added to what a graph held (the old triples and the
    new can add up to any count), and do not say which triples a graph holds beyond what
    was sent; graphs with blank nodes were replaced whole and are left to the counts.
    At most ``limit`` triples are fetched in all, so a large push is not sent back whole.
    """
    budget = limit
    for check in checks:
        triples = sent.get(URIRef(check.graph))
        doubtful = check.before > 0 or check.after > check.sent
        if triples is None or not doubtful or check.after > budget:
            continue
        try:
            held = store.graph_triples(URIRef(check.graph))
        except StoreError:  # a store that cannot CONSTRUCT: the counts stand alone
            continue
        if held is None or len(held) != check.after:  # the store cut the answer short
            continue
        budget -= check.after
        wanted = {(s, p, _value_key(o)) for s, p, o in triples}
        keys = {(s, p, _value_key(o)): (s, p, o) for s, p, o in held}
        not_sent = [key for key in keys if key not in wanted]
        check.not_sent = len(not_sent)
        check.not_held = len(wanted - keys.keys())
        if not_sent:
            s, p, o = keys[min(not_sent, key=str)]
            check.example = f"{_nt(s)} {_nt(p)} {_nt(o)}"


Part = tuple[URIRef, list[Triple]]


def _requests(graphs: list[Part], batch_size: int, *, pack: bool) -> Iterator[list[Part]]:
    """Requests of at most ``batch_size`` triples; with ``pack``, small graphs share one."""
    pending: list[Part] = []
    size = 0
    for name, triples in graphs:
        for chunk in _batches(triples, batch_size):
            if not pack:
                yield [(name, chunk)]
                continue
            if pending and size + len(chunk) > batch_size:
                yield pending
                pending, size = [], 0
            pending.append((name, chunk))
            size += len(chunk)
    if pending:
        yield pending


def _named_graphs(dataset: Dataset, wanted: Sequence[URIRef] | None) -> list[Graph]:
    default_id = dataset.default_graph.identifier
    if wanted is None:
        loose = len(dataset.default_graph)
        if loose:
            raise InputError(
                f"{loose} triples are outside any named graph; spkg pushes named graphs "
                "only (give TriG or N-Quads files)"
            )
        chosen = [g for g in dataset.graphs() if g.identifier != default_id and len(g) > 0]
    else:
        chosen = [dataset.graph(name) for name in wanted]
    return sorted(chosen, key=lambda graph: str(graph.identifier))


def _has_blank_nodes(triples: list[Triple]) -> bool:
    return any(isinstance(term, BNode) for triple in triples for term in triple)


def _skolemised(graph: Graph) -> tuple[list[Triple], int]:
    """The graph's triples, blank nodes replaced by IRIs that depend only on the content."""
    canonical = to_canonical_graph(graph)
    labels: set[BNode] = set()

    def skolem(term: Node) -> Node:
        if isinstance(term, BNode):
            labels.add(term)
            return URIRef(SKOLEM_PREFIX + str(term))
        return term

    result = [(skolem(s), skolem(p), skolem(o)) for s, p, o in canonical]
    return result, len(labels)


def _batches(triples: list[Triple], size: int) -> Iterator[list[Triple]]:
    for start in range(0, len(triples), size):
        yield triples[start : start + size]


def _nquads(parts: list[Part]) -> bytes:
    lines = [f"{_nt(s)} {_nt(p)} {_nt(o)} {name.n3()} .\n"
             for name, triples in parts for s, p, o in triples]
    return "".join(lines).encode("utf-8")


def _ntriples(batch: list[Triple]) -> bytes:
    """N-Triples, which SPARQL's INSERT DATA also reads (rdflib's n3() may use \"\"\"…\"\"\")."""
    lines = [f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in batch]
    return "".join(lines).encode("utf-8")


def _nt(term: Node) -> str:
    if not isinstance(term, Literal):
        return term.n3()
    datatype = str(term.datatype) if term.datatype is not None else None
    return literal_nt(str(term), language=term.language, datatype=datatype)


_INTEGER_TYPES = {
    XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
    XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger, XSD.unsignedLong,
    XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte,
}


def _value_key(term: Node) -> object:
    """A key under which terms that stores may fold together coincide."""
    if not isinstance(term, Literal):
        return term
    lexical = str(term)
    if term.language:
        return ("lang", lexical, term.language.lower())
    datatype = term.datatype
    if datatype in (None, XSD.string):
        return ("string", lexical)
    try:
        if datatype in _INTEGER_TYPES:
            return ("integer", int(lexical.strip()))
        if datatype == XSD.decimal:
            return ("decimal", Decimal(lexical.strip()).normalize())
        if datatype in (XSD.double, XSD.float):
            return ("double", float(lexical.strip()))
        if datatype == XSD.boolean:
            return ("boolean", lexical.strip() in ("true", "1"))
    except (ValueError, InvalidOperation):
        pass
    if datatype == RDF.langString:
        return ("langString", lexical)
    return ("typed", lexical, str(datatype))


def _distinct_by_value(triples: list[Triple]) -> int:
    return len({(s, p, _value_key(o)) for s, p, o in triples})


def _short(graph: URIRef) -> str:
    text = str(graph)
    return text[len(BASE):] if text.startswith(BASE) else text
