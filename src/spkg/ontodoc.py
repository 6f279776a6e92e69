"""Ontology documentation: one HTML page with every class, property and individual of the ontology.

A small renderer of our own (jinja2) rather than pyLODE: it needs nothing but the ontology
graph, works offline, and shows what spkg's ontology relies on (property chains, inverses,
transitivity, disjointness groups). ``build_model`` turns the graph into plain dataclasses;
``render_html`` puts them into ontodoc_templates/ontodoc.html.j2; ``write_docs`` writes the page
atomically, with a copy of the ontology beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from spkg.namespace import SPKG

TEMPLATES_DIR = Path(__file__).resolve().parent / "ontodoc_templates"
SPKG_NS = str(SPKG._NS)

PROPERTY_KINDS = {
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    RDF.Property: "property",
}
CHARACTERISTICS = {
    OWL.TransitiveProperty: "transitive",
    OWL.FunctionalProperty: "functional",
    OWL.InverseFunctionalProperty: "inverse functional",
    OWL.SymmetricProperty: "symmetric",
    OWL.AsymmetricProperty: "asymmetric",
    OWL.IrreflexiveProperty: "irreflexive",
    OWL.ReflexiveProperty: "reflexive",
}


@dataclass(frozen=True)
class Link:
    """A reference to a term: its text, and an anchor on the page when the term is documented."""

    text: str
    curie: str
    href: str | None = None


@dataclass
class Term:
    iri: str
    curie: str
    anchor: str
    label: str
    kind: str
    definition: str = ""
    comments: list[str] = field(default_factory=list)
    other_labels: list[str] = field(default_factory=list)
    external: bool = False
    # classes
    superclasses: list[Link] = field(default_factory=list)
    subclasses: list[Link] = field(default_factory=list)
    disjoint_with: list[Link] = field(default_factory=list)
    in_domain_of: list[Link] = field(default_factory=list)
    in_range_of: list[Link] = field(default_factory=list)
    instances: list[Link] = field(default_factory=list)
    # properties
    characteristics: list[str] = field(default_factory=list)
    domain: list[Link] = field(default_factory=list)
    range: list[Link] = field(default_factory=list)
    superproperties: list[Link] = field(default_factory=list)
    subproperties: list[Link] = field(default_factory=list)
    inverse_of: list[Link] = field(default_factory=list)
    chains: list[list[Link]] = field(default_factory=list)
    # individuals
    types: list[Link] = field(default_factory=list)
    schemes: list[Link] = field(default_factory=list)


@dataclass
class TreeNode:
    link: Link
    children: list[TreeNode] = field(default_factory=list)


@dataclass
class OntologyDoc:
    iri: str
    title: str
    description: str
    version: str
    version_iri: str
    license: str
    creator: str
    created: str
    namespace: str
    prefix: str
    classes: list[Term]
    properties: list[Term]
    individuals: list[Term]
    hierarchy: list[TreeNode]
    disjoint_groups: list[list[Link]]

    @property
    def terms(self) -> list[Term]:
        return [*self.classes, *self.properties, *self.individuals]


class _Namer:
    """Curies, labels and anchors of terms, from the ontology's own prefixes and labels."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.documented: set[Node] = set()

    def curie(self, term: Node) -> str:
        if not isinstance(term, URIRef):
            return str(term)
        try:
            return self.graph.namespace_manager.normalizeUri(term)
        except Exception:  # an IRI rdflib cannot split keeps its full form
            return f"<{term}>"

    def anchor(self, term: URIRef) -> str:
        if str(term).startswith(SPKG_NS):
            return str(term)[len(SPKG_NS) :]
        return self.curie(term).strip("<>").replace(":", "-").replace("/", "-").replace("#", "-")

    def label(self, term: Node) -> str:
        labels = [lit for lit in self.graph.objects(term, RDFS.label) if isinstance(lit, Literal)]
        labels += [
            lit for lit in self.graph.objects(term, SKOS.prefLabel) if isinstance(lit, Literal)
        ]
        english = [lit for lit in labels if lit.language in ("en", None)]
        chosen = sorted(english or labels, key=str)
        return str(chosen[0]) if chosen else self.curie(term)

    def link(self, term: Node) -> Link:
        if isinstance(term, BNode):
            return Link(self.expression(term), "")
        href = f"#{self.anchor(term)}" if term in self.documented else None  # type: ignore[arg-type]
        return Link(self.label(term), self.curie(term), href)

    def links(self, terms: Iterable[Node]) -> list[Link]:
        return sorted({self.link(term) for term in terms}, key=lambda link: link.text.lower())

    def expression(self, node: BNode) -> str:
        """A class expression in Manchester-like words ("A or B", "p some C")."""
        graph = self.graph
        for operator, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            members = graph.value(node, operator)
            if members is not None:
                items = Collection(graph, members)
                return "(" + word.join(self._operand(item) for item in items) + ")"
        on_property = graph.value(node, OWL.onProperty)
        if on_property is not None:
            for restriction, word in (
                (OWL.someValuesFrom, "some"),
                (OWL.allValuesFrom, "only"),
                (OWL.hasValue, "value"),
                (OWL.maxCardinality, "max"),
                (OWL.minCardinality, "min"),
                (OWL.cardinality, "exactly"),
            ):
                value = graph.value(node, restriction)
                if value is not None:
                    return f"({self.curie(on_property)} {word} {self._operand(value)})"
        complement = graph.value(node, OWL.complementOf)
        if complement is not None:
            return f"(not {self._operand(complement)})"
        return "(anonymous class expression)"

    def _operand(self, node: Node) -> str:
        if isinstance(node, BNode):
            return self.expression(node)
        if isinstance(node, Literal):
            return str(node)
        return self.curie(node)


def _texts(graph: Graph, subject: Node, predicate: URIRef) -> list[str]:
    values = [lit for lit in graph.objects(subject, predicate) if isinstance(lit, Literal)]
    english = [lit for lit in values if lit.language in ("en", None)]
    return sorted(str(lit) for lit in (english or values))


def _first(graph: Graph, subject: Node, predicate: URIRef) -> str:
    values = _texts(graph, subject, predicate)
    if values:
        return values[0]
    value = graph.value(subject, predicate)
    return str(value) if value is not None else ""


def _declared(graph: Graph, kinds: Iterable[URIRef]) -> set[URIRef]:
    return {
        subject
        for kind in kinds
        for subject in graph.subjects(RDF.type, kind)
        if isinstance(subject, URIRef)
    }


def _disjoint_groups(graph: Graph, namer: _Namer) -> list[list[Link]]:
    groups = []
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = graph.value(group, OWL.members)
        if members is not None:
            groups.append([namer.link(member) for member in Collection(graph, members)])
    return sorted(groups, key=lambda links: [link.text for link in links])


def _pairwise_disjoint(graph: Graph) -> dict[Node, set[Node]]:
    """Every class's disjoint classes, from owl:disjointWith and owl:AllDisjointClasses."""
    disjoint: dict[Node, set[Node]] = {}
    for left, right in graph.subject_objects(OWL.disjointWith):
        disjoint.setdefault(left, set()).add(right)
        disjoint.setdefault(right, set()).add(left)
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members_list = graph.value(group, OWL.members)
        if members_list is None:
            continue
        members = list(Collection(graph, members_list))
        for member in members:
            disjoint.setdefault(member, set()).update(m for m in members if m != member)
    return disjoint


def _class_term(graph: Graph, namer: _Namer, cls: URIRef, disjoint: dict[Node, set[Node]]) -> Term:
    term = _base_term(graph, namer, cls, "class")
    term.superclasses = namer.links(graph.objects(cls, RDFS.subClassOf))
    term.subclasses = namer.links(graph.subjects(RDFS.subClassOf, cls))
    term.disjoint_with = namer.links(disjoint.get(cls, set()))
    term.in_domain_of = namer.links(graph.subjects(RDFS.domain, cls))
    term.in_range_of = namer.links(graph.subjects(RDFS.range, cls))
    term.instances = namer.links(graph.subjects(RDF.type, cls))
    return term


def _property_term(graph: Graph, namer: _Namer, prop: URIRef) -> Term:
    kinds = [name for kind, name in PROPERTY_KINDS.items() if (prop, RDF.type, kind) in graph]
    term = _base_term(graph, namer, prop, kinds[0] if kinds else "property")
    term.characteristics = sorted(
        name for kind, name in CHARACTERISTICS.items() if (prop, RDF.type, kind) in graph
    )
    term.domain = namer.links(graph.objects(prop, RDFS.domain))
    term.range = namer.links(graph.objects(prop, RDFS.range))
    term.superproperties = namer.links(graph.objects(prop, RDFS.subPropertyOf))
    term.subproperties = namer.links(graph.subjects(RDFS.subPropertyOf, prop))
    term.inverse_of = namer.links(
        [*graph.objects(prop, OWL.inverseOf), *graph.subjects(OWL.inverseOf, prop)]
    )
    term.chains = [
        [namer.link(step) for step in Collection(graph, chain)]
        for chain in graph.objects(prop, OWL.propertyChainAxiom)
    ]
    return term


def _individual_term(graph: Graph, namer: _Namer, individual: URIRef) -> Term:
    term = _base_term(graph, namer, individual, "individual")
    term.types = namer.links(graph.objects(individual, RDF.type))
    term.schemes = namer.links(graph.objects(individual, SKOS.inScheme))
    return term


def _base_term(graph: Graph, namer: _Namer, iri: URIRef, kind: str) -> Term:
    label = namer.label(iri)
    labels = {str(lit) for lit in graph.objects(iri, RDFS.label) if isinstance(lit, Literal)}
    labels |= {str(lit) for lit in graph.objects(iri, SKOS.prefLabel) if isinstance(lit, Literal)}
    return Term(
        iri=str(iri),
        curie=namer.curie(iri),
        anchor=namer.anchor(iri),
        label=label,
        kind=kind,
        definition=_first(graph, iri, SKOS.definition),
        comments=_texts(graph, iri, RDFS.comment),
        other_labels=sorted(labels - {label}),
        external=not str(iri).startswith(SPKG_NS),
    )


def _hierarchy(graph: Graph, namer: _Namer, classes: set[URIRef]) -> list[TreeNode]:
    def parents(cls: URIRef) -> set[URIRef]:
        return {
            p
            for p in graph.objects(cls, RDFS.subClassOf)
            if isinstance(p, URIRef) and p in classes and p != cls
        }

    def node(cls: URIRef, seen: frozenset[URIRef]) -> TreeNode:
        children = sorted(
            (c for c in graph.subjects(RDFS.subClassOf, cls) if c in classes and c not in seen),
            key=lambda c: namer.label(c).lower(),
        )
        return TreeNode(namer.link(cls), [node(c, seen | {c}) for c in children])  # type: ignore[arg-type]

    roots = sorted((c for c in classes if not parents(c)), key=lambda c: namer.label(c).lower())
    return [node(root, frozenset({root})) for root in roots]


def build_model(graph: Graph) -> OntologyDoc:
    """The documentation model of an ontology graph."""
    namer = _Namer(graph)
    classes = _declared(graph, (OWL.Class, RDFS.Class))
    properties = _declared(graph, PROPERTY_KINDS) - classes
    individuals = {
        subject
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef)
        and str(subject).startswith(SPKG_NS)
        and subject not in classes | properties
    }
    namer.documented = {*classes, *properties, *individuals}
    disjoint = _pairwise_disjoint(graph)

    def by_label(terms: list[Term]) -> list[Term]:
        return sorted(terms, key=lambda term: (term.external, term.label.lower(), term.iri))

    ontology_iri = next(iter(graph.subjects(RDF.type, OWL.Ontology)), None)
    vann = "http://purl.org/vocab/vann/"
    return OntologyDoc(
        iri=str(ontology_iri or ""),
        title=_first(graph, ontology_iri, DCTERMS.title) if ontology_iri else "Ontology",
        description=_first(graph, ontology_iri, DCTERMS.description) if ontology_iri else "",
        version=_first(graph, ontology_iri, OWL.versionInfo) if ontology_iri else "",
        version_iri=_first(graph, ontology_iri, OWL.versionIRI) if ontology_iri else "",
        license=_first(graph, ontology_iri, DCTERMS.license) if ontology_iri else "",
        creator=_first(graph, ontology_iri, DCTERMS.creator) if ontology_iri else "",
        created=_first(graph, ontology_iri, DCTERMS.created) if ontology_iri else "",
        namespace=_first(graph, ontology_iri, URIRef(vann + "preferredNamespaceUri"))
        if ontology_iri
        else "",
        prefix=_first(graph, ontology_iri, URIRef(vann + "preferredNamespacePrefix"))
        if ontology_iri
        else "",
        classes=by_label([_class_term(graph, namer, cls, disjoint) for cls in classes]),
        properties=by_label([_property_term(graph, namer, prop) for prop in properties]),
        individuals=by_label([_individual_term(graph, namer, ind) for ind in individuals]),
        hierarchy=_hierarchy(graph, namer, classes),
        disjoint_groups=_disjoint_groups(graph, namer),
    )


def render_html(graph: Graph, *, ontology_file_name: str | None = None) -> str:
    """The documentation page of ``graph`` as HTML."""
    return render_model(build_model(graph), ontology_file_name=ontology_file_name)


def render_model(doc: OntologyDoc, *, ontology_file_name: str | None = None) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    template = environment.get_template("ontodoc.html.j2")
    return template.render(doc=doc, ontology_file_name=ontology_file_name)


def write_docs(out_dir: Path, ontology_path: Path | None = None) -> tuple[Path, OntologyDoc]:
    """Write ``out_dir/index.html`` and a copy of the ontology; both atomically."""
    from spkg import paths
    from spkg.atomic import atomic_write_bytes, atomic_write_text
    from spkg.rdfio import read_graph

    source = ontology_path or paths.ontology_file()
    doc = build_model(read_graph(source))
    html = render_model(doc, ontology_file_name=source.name)
    page = out_dir / "index.html"
    atomic_write_bytes(out_dir / source.name, source.read_bytes())
    atomic_write_text(page, html)
    return page, doc
