"""Why a triple holds: the OWL 2 RL rule and premises, down to asserted triples and their sources.

owlrl and reasonable do not record how they derived a triple, so this is a backward-chaining
justifier over the closure (asserted graphs + the inferred graph). It knows the rules the
spkg ontology uses; a triple in the closure that none of them derives is reported as
"inferred, no justification found" rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Dataset, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV
from rdflib.term import Node

from spkg.namespace import INFERRED_GRAPH, OA
from spkg.reason.filtering import Triple, normalise_triple
from spkg.reason.schema import disjoint_pairs, disjointness_axiom, property_chains

MAX_STEPS = 50_000  # proof search budget: the closure is finite, but the search could wander

RULE_TEXT = {
    "cax-sco": "a member of a subclass is a member of the superclass",
    "cax-eqc": "members of equivalent classes are shared",
    "cax-dw": "an individual in two disjoint classes is in owl:Nothing (an inconsistency)",
    "cax-adc": "an individual in two of a set of disjoint classes is in owl:Nothing",
    "prp-dom": "the subject of a property is in its domain",
    "prp-rng": "the object of a property is in its range",
    "prp-spo1": "a sub-property implies its super-property",
    "prp-spo2": "a property chain implies the chained property",
    "prp-inv1": "a property implies its inverse",
    "prp-inv2": "a property implies its inverse",
    "prp-trp": "the property is transitive",
    "prp-symp": "the property is symmetric",
    "prp-eqp": "equivalent properties imply each other",
    "prp-fp": "a functional property has one value, so two values are the same",
    "scm-sco": "rdfs:subClassOf is transitive",
    "scm-spo": "rdfs:subPropertyOf is transitive",
    "scm-dom1": "a domain widens to its superclasses",
    "scm-dom2": "a sub-property inherits the domain of its super-property",
    "scm-rng1": "a range widens to its superclasses",
    "scm-rng2": "a sub-property inherits the range of its super-property",
    "eq-sym": "owl:sameAs is symmetric",
    "eq-trans": "owl:sameAs is transitive",
}


@dataclass(frozen=True)
class Source:
    """Where an asserted triple was read: the document and the sentence."""

    document: Node
    sentence: Node
    text: str


@dataclass
class Justification:
    triple: Triple
    status: str  # "asserted", "inferred" or "unexplained"
    rule: str | None = None
    premises: list[Justification] = field(default_factory=list)
    graphs: list[Node] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    note: str = ""


class Justifier:
    """Proofs of triples over ``dataset``'s closure (its asserted and inferred graphs).

    ``copy=False`` reads the dataset in place instead of copying it into one graph (a third
    of `spkg explain`'s time): only for a dataset nobody changes while the justifier is
    used, and only when no literal needs normalising (else it is copied all the same).
    """

    def __init__(self, dataset: Dataset, *, copy: bool = True):
        self.dataset = dataset
        self.asserted: set[Triple] = set()
        every: list[Triple] = []
        normal = True  # every triple is as normalise_triple gives it
        for graph in dataset.graphs():  # graph by graph: no Graph object made per quad
            inferred = graph.identifier == INFERRED_GRAPH
            for triple in graph:
                kept = normalise_triple(triple)
                normal = normal and kept is triple
                if not inferred:
                    self.asserted.add(kept)
                every.append(kept)
        if copy or not normal:
            self.closure = Graph()
            # the store's own addN: Graph.add checks and dispatches for every triple
            self.closure.store.addN((s, p, o, self.closure) for s, p, o in every)
        else:
            self.closure = Dataset(store=dataset.store, default_union=True)
            # a copy's prefixes (spkg's, bound below), not those the dataset's files bound
            self.closure.namespace_manager = Graph().namespace_manager
        from spkg.prefixes import bind_prefixes

        bind_prefixes(self.closure)
        self.closure.bind("prov", PROV)
        self.chains = property_chains(self.closure)
        self.disjoint = disjoint_pairs(self.closure)
        self.memo: dict[Triple, Justification] = {}
        self.steps = 0

    def holds(self, triple: Triple) -> bool:
        return normalise_triple(triple) in self.closure

    def explain(self, triple: Triple) -> Justification | None:
        """The justification of ``triple``, or None when it does not hold."""
        triple = normalise_triple(triple)
        if triple not in self.closure:
            return None
        self.steps = 0
        found = self._prove(triple, frozenset())
        return found or Justification(triple, "unexplained",
                                      note="inferred, but no rule explain knows derives it")

    # -- search --------------------------------------------------------------------------

    def _prove(self, triple: Triple, path: frozenset[Triple]) -> Justification | None:
        if triple in self.memo:
            return self.memo[triple]
        if triple in self.asserted:
            result = self._asserted(triple)
            self.memo[triple] = result
            return result
        if triple not in self.closure or self.steps > MAX_STEPS:
            return None
        self.steps += 1
        inner = path | {triple}
        options = sorted(self._candidates(triple),
                         key=lambda c: sum(q not in self.asserted for q in c[1]))
        for rule, premises, note in options:
            if any(q in inner or q not in self.closure for q in premises):
                continue
            proofs = []
            for premise in premises:
                proof = self._prove(premise, inner)
                if proof is None:
                    break
                proofs.append(proof)
            else:
                result = Justification(triple, "inferred", rule, proofs, note=note)
                self.memo[triple] = result
                return result
        return None

    def _candidates(self, t: Triple) -> Iterator[tuple[str, list[Triple], str]]:
        s, p, o = t
        g = self.closure
        if p == RDF.type:
            yield from self._type_candidates(s, o)
        for sub in g.subjects(RDFS.subPropertyOf, p):
            if sub != p:
                yield "prp-spo1", [(sub, RDFS.subPropertyOf, p), (s, sub, o)], ""
        for q in g.subjects(OWL.equivalentProperty, p):
            yield "prp-eqp", [(q, OWL.equivalentProperty, p), (s, q, o)], ""
        for q in g.objects(p, OWL.equivalentProperty):
            yield "prp-eqp", [(p, OWL.equivalentProperty, q), (s, q, o)], ""
        # prp-inv1: p1 inverseOf p2, x p1 y ⇒ y p2 x; prp-inv2 the other way round
        for q in g.subjects(OWL.inverseOf, p):
            yield "prp-inv1", [(q, OWL.inverseOf, p), (o, q, s)], ""
        for q in g.objects(p, OWL.inverseOf):
            yield "prp-inv2", [(p, OWL.inverseOf, q), (o, q, s)], ""
        if (p, RDF.type, OWL.TransitiveProperty) in g:
            for y in g.objects(s, p):
                if y not in (s, o) and (y, p, o) in g:
                    yield "prp-trp", [(s, p, y), (y, p, o),
                                      (p, RDF.type, OWL.TransitiveProperty)], ""
        if (p, RDF.type, OWL.SymmetricProperty) in g:
            yield "prp-symp", [(o, p, s), (p, RDF.type, OWL.SymmetricProperty)], ""
        for prop, steps in self.chains:
            if prop == p:
                for route in self._chain_routes(s, steps, o):
                    head = next(g.objects(p, OWL.propertyChainAxiom))
                    yield "prp-spo2", [*route, (p, OWL.propertyChainAxiom, head)], ""
        yield from self._schema_candidates(s, p, o)

    def _type_candidates(self, s: Node, cls: Node) -> Iterator[tuple[str, list[Triple], str]]:
        g = self.closure
        if cls == OWL.Nothing:
            types = sorted(g.objects(s, RDF.type), key=str)
            for i, a in enumerate(types):
                for b in types[i + 1:]:
                    if frozenset((a, b)) not in self.disjoint:
                        continue
                    rule, axiom = disjointness_axiom(g, a, b)
                    premises: list[Triple] = [(s, RDF.type, a), (s, RDF.type, b)]
                    if axiom is not None:
                        premises.append((axiom, RDF.type, OWL.AllDisjointClasses))
                    elif (a, OWL.disjointWith, b) in g:
                        premises.append((a, OWL.disjointWith, b))
                    else:
                        premises.append((b, OWL.disjointWith, a))
                    yield rule, premises, f"{a} and {b} are disjoint"
        for sub in g.subjects(RDFS.subClassOf, cls):
            if sub != cls:
                yield "cax-sco", [(s, RDF.type, sub), (sub, RDFS.subClassOf, cls)], ""
        for other in g.subjects(OWL.equivalentClass, cls):
            yield "cax-eqc", [(s, RDF.type, other), (other, OWL.equivalentClass, cls)], ""
        for prop in g.subjects(RDFS.domain, cls):
            for value in g.objects(s, prop):
                yield "prp-dom", [(s, prop, value), (prop, RDFS.domain, cls)], ""
        for prop in g.subjects(RDFS.range, cls):
            for value in g.subjects(prop, s):
                yield "prp-rng", [(value, prop, s), (prop, RDFS.range, cls)], ""

    def _schema_candidates(self, s: Node, p: Node, o: Node
                           ) -> Iterator[tuple[str, list[Triple], str]]:
        g = self.closure
        if p in (RDFS.subClassOf, RDFS.subPropertyOf):
            rule = "scm-sco" if p == RDFS.subClassOf else "scm-spo"
            for y in g.objects(s, p):
                if y not in (s, o) and (y, p, o) in g:
                    yield rule, [(s, p, y), (y, p, o)], ""
        if p in (RDFS.domain, RDFS.range):
            kind = "dom" if p == RDFS.domain else "rng"
            for narrower in g.objects(s, p):
                if narrower != o and (narrower, RDFS.subClassOf, o) in g:
                    yield f"scm-{kind}1", [(s, p, narrower), (narrower, RDFS.subClassOf, o)], ""
            for sup in g.objects(s, RDFS.subPropertyOf):
                if sup != s and (sup, p, o) in g:
                    yield f"scm-{kind}2", [(s, RDFS.subPropertyOf, sup), (sup, p, o)], ""
        if p == OWL.sameAs:
            yield "eq-sym", [(o, OWL.sameAs, s)], ""
            for y in g.objects(s, OWL.sameAs):
                if y not in (s, o) and (y, OWL.sameAs, o) in g:
                    yield "eq-trans", [(s, OWL.sameAs, y), (y, OWL.sameAs, o)], ""
            for prop in g.subjects(RDF.type, OWL.FunctionalProperty):
                for x in g.subjects(prop, s):
                    if (x, prop, o) in g:
                        yield "prp-fp", [(prop, RDF.type, OWL.FunctionalProperty),
                                         (x, prop, s), (x, prop, o)], ""

    def _chain_routes(self, start: Node, steps: tuple[URIRef, ...], end: Node
                      ) -> Iterator[list[Triple]]:
        """Every path start -steps[0]-> … -steps[-1]-> end in the closure."""
        def walk(node: Node, index: int, route: list[Triple]) -> Iterator[list[Triple]]:
            if index == len(steps):
                if node == end:
                    yield route
                return
            for nxt in self.closure.objects(node, steps[index]):
                yield from walk(nxt, index + 1, [*route, (node, steps[index], nxt)])
        yield from walk(start, 0, [])

    # -- asserted triples and their sources ------------------------------------------------

    def _asserted(self, triple: Triple) -> Justification:
        s, p, o = triple
        graphs: list[Node] = sorted({g for *_, g in self.dataset.quads((s, p, o, None))
                                     if g is not None and g != INFERRED_GRAPH}, key=str)
        return Justification(triple, "asserted", graphs=graphs, sources=self.sources(triple))

    def sources(self, triple: Triple) -> list[Source]:
        """The sentences a reified statement of ``triple`` was derived from (docs/contract.md)."""
        s, p, o = triple
        d = self.dataset
        found = []
        for statement in set(d.subjects(RDF.subject, s)):
            if (statement, RDF.predicate, p) not in d or (statement, RDF.object, o) not in d:
                continue
            for span in d.objects(statement, PROV.wasDerivedFrom):
                document = next(d.objects(span, OA.hasSource), None)
                text = ""
                for selector in d.objects(span, OA.hasSelector):
                    if (selector, RDF.type, OA.TextQuoteSelector) in d:
                        text = str(next(d.objects(selector, OA.exact), ""))
                found.append(Source(document or span, span, text))
        return sorted(found, key=lambda src: str(src.sentence))


def short(node: Node, graph: Graph) -> str:
    """A term as people type it: the longest bound prefix (id:place/pakistan), else N3."""
    if isinstance(node, URIRef):
        text = str(node)
        best = max(((p, str(ns)) for p, ns in graph.namespaces() if text.startswith(str(ns))),
                   key=lambda item: len(item[1]), default=None)
        if best is not None and best[0] and len(text) > len(best[1]):
            return f"{best[0]}:{text[len(best[1]):]}"
    return node.n3(graph.namespace_manager)


def chain_text(graph: Graph, head: Node) -> str:
    return "(" + " ".join(short(step, graph) for step in Collection(graph, head)) + ")"


def render(justification: Justification, graph: Graph, *, indent: str = "") -> list[str]:
    """The justification as an indented tree of lines."""
    def term(node: Node) -> str:
        return short(node, graph)

    s, p, o = justification.triple
    if p == OWL.propertyChainAxiom:
        line = f"{term(s)} owl:propertyChainAxiom {chain_text(graph, o)}"
    elif o == OWL.AllDisjointClasses:
        members = next(graph.objects(s, OWL.members))
        line = f"[] a owl:AllDisjointClasses ; owl:members {chain_text(graph, members)}"
    else:
        line = f"{term(s)} {'a' if p == RDF.type else term(p)} {term(o)}"
    lines = [indent + line]
    more = indent + "    "
    if justification.status == "asserted":
        where = ", ".join(term(g) for g in justification.graphs) or "the dataset"
        lines.append(f"{more}asserted in {where}")
        for source in justification.sources:
            lines.append(f"{more}source {term(source.document)} sentence {term(source.sentence)}:")
            lines.append(f'{more}  "{source.text}"')
    elif justification.status == "inferred":
        rule = justification.rule or "?"
        lines.append(f"{more}inferred by {rule} ({RULE_TEXT.get(rule, '')}) from:")
        for premise in justification.premises:
            lines.extend(render(premise, graph, indent=more + "  "))
    else:
        lines.append(f"{more}{justification.note}")
    return lines
