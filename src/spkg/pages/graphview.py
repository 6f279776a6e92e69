"""Read-only lookups the pages need, over a pyoxigraph store of the whole dataset."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from spkg.namespace import BASE, CURATION_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.prefixes import PREFIXES, compact

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
OA = PREFIXES["oa"]
PROV = PREFIXES["prov"]
DCTERMS = PREFIXES["dcterms"]
SPKG = PREFIXES["spkg"]

RDF_TYPE = ox.NamedNode(RDF + "type")
LABEL_PROPERTIES = (
    ox.NamedNode(RDFS + "label"),
    ox.NamedNode(SKOS + "prefLabel"),
    ox.NamedNode(DCTERMS + "title"),
)
INFERRED = ox.NamedNode(str(INFERRED_GRAPH))
# not documents: the background, what reasoning added, people's corrections
BACKGROUND = {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH), str(INFERRED_GRAPH),
              str(CURATION_GRAPH)}


def sparql_prefixes(*names: str) -> str:
    """The PREFIX lines of a query the pages run, from spkg.prefixes' one table."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@dataclass
class GraphView:
    store: ox.Store
    _labels: dict[str, str] = field(default_factory=dict)  # label lookups repeat a lot

    def quads_about(self, subject: ox.NamedNode) -> list[ox.Quad]:
        return list(self.store.quads_for_pattern(subject, None, None, None))

    def quads_to(self, obj: ox.NamedNode) -> list[ox.Quad]:
        return list(self.store.quads_for_pattern(None, None, obj, None))

    def objects(self, subject: ox.NamedNode | ox.BlankNode, predicate: str) -> Iterator[object]:
        for quad in self.store.quads_for_pattern(subject, n(predicate), None, None):
            yield quad.object

    def first_object(self, subject: ox.NamedNode | ox.BlankNode, predicate: str) -> object | None:
        return next(self.objects(subject, predicate), None)

    def exists(self, iri: ox.NamedNode) -> bool:
        return any(True for _ in self.store.quads_for_pattern(iri, None, None, None)) or any(
            True for _ in self.store.quads_for_pattern(None, None, iri, None)
        )

    def label(self, term: object) -> str:
        """An English label if there is one, any label otherwise, else a compact IRI."""
        if isinstance(term, ox.Literal):
            return term.value
        if not isinstance(term, ox.NamedNode):
            return str(term)
        return self._label(term.value)

    def _label(self, iri: str) -> str:
        cached = self._labels.get(iri)
        if cached is None:
            cached = self._labels[iri] = self._find_label(iri)
        return cached

    def _find_label(self, iri: str) -> str:
        candidates: list[ox.Literal] = []
        for predicate in LABEL_PROPERTIES:
            for quad in self.store.quads_for_pattern(n(iri), predicate, None, None):
                if isinstance(quad.object, ox.Literal):
                    candidates.append(quad.object)
            if candidates:
                break
        english = sorted(c.value for c in candidates if (c.language or "").startswith("en"))
        if english:
            return english[0]
        if candidates:
            return sorted(c.value for c in candidates)[0]
        return compact(iri)

    def is_inferred(self, quad: ox.Quad) -> bool:
        return quad.graph_name == INFERRED

    def document_graphs(self) -> list[ox.NamedNode]:
        return sorted(
            (g for g in self.store.named_graphs()
             if isinstance(g, ox.NamedNode) and g.value not in BACKGROUND),
            key=lambda g: g.value,
        )

    def select(self, query: str) -> list[ox.QuerySolution]:
        result = self.store.query(query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return list(result)

    def update(self, update: str) -> None:
        self.store.update(update)
        self._labels.clear()


def is_minted(iri: str) -> bool:
    return iri.startswith(BASE + "id/") or iri.startswith(BASE + "ontology")


# Slugs as spkg.namespace.slugify makes them: nothing else is a resource path, so '..',
# '%2e%2e', backslashes and absolute paths never reach a lookup (server and static site).
RESOURCE_PATH = re.compile(r"[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*")
TERM_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def local_path(iri: str) -> str | None:
    """The path of an spkg IRI under this server ('/id/…', '/ontology/Term'), else None."""
    if iri.startswith(BASE + "id/"):
        return "/" + iri[len(BASE):]
    if iri == BASE + "ontology":
        return "/ontology"
    if iri.startswith(SPKG):
        return "/ontology/" + iri[len(SPKG):]
    return None


def iri_for_path(path: str) -> str:
    """The inverse of local_path for /id/… and /ontology/… paths."""
    if path == "/ontology":
        return BASE + "ontology"
    if path.startswith("/ontology/"):
        return SPKG + path[len("/ontology/"):]
    return BASE + path.lstrip("/")
