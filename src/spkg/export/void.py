"""The VoID + DCAT description of an export: what is in each graph, and where each dump is."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from spkg import __version__, paths
from spkg.export.prefixes import PREFIXES
from spkg.namespace import BASE

DATASET_IRI = BASE + "dataset"
DEFAULT_ENDPOINT = "http://127.0.0.1:8000/sparql"
DEFAULT_DOWNLOAD_BASE = BASE + "dist/"
PROJECT_LICENCE = "https://spdx.org/licenses/MIT"  # the licence in pyproject.toml
SDG_KOS = "http://metadata.un.org/sdg"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")


def _n(prefix: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES[prefix] + local)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n("xsd", "integer"))


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


@dataclass(frozen=True)
class Part:
    """One described subset: a named graph (or a set of them) of the export."""

    slug: str
    title: str
    graphs: tuple[str, ...]


@dataclass(frozen=True)
class Dump:
    file_name: str
    media_type: str
    title: str


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def sdg_kos_licence() -> str | None:
    """The licence and citation the UN attaches to the SDG KOS (from its own void.ttl)."""
    source = paths.reference_dir() / "un-sdg-kos" / "void.ttl"
    if not source.is_file():
        return None
    for triple in ox.parse(path=str(source), format=ox.RdfFormat.TURTLE):
        if triple.predicate == _n("dcterms", "license") and isinstance(triple.object, ox.Literal):
            return str(triple.object.value)
    return None


def _partitions(node: ox.NamedNode, quads: Sequence[ox.Quad]) -> Iterable[ox.Triple]:
    triples = {q.triple for q in quads}
    classes: Counter[str] = Counter()
    properties: Counter[str] = Counter()
    for t in triples:
        properties[t.predicate.value] += 1
        if t.predicate == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            classes[t.object.value] += 1
    yield ox.Triple(node, _n("void", "triples"), _int(len(triples)))
    yield ox.Triple(node, _n("void", "distinctSubjects"), _int(len({t.subject for t in triples})))
    yield ox.Triple(node, _n("void", "classes"), _int(len(classes)))
    yield ox.Triple(node, _n("void", "properties"), _int(len(properties)))
    for cls, count in classes.items():
        part = ox.NamedNode(f"{node.value}/class/{_hash(cls)}")
        yield ox.Triple(node, _n("void", "classPartition"), part)
        yield ox.Triple(part, _n("void", "class"), ox.NamedNode(cls))
        yield ox.Triple(part, _n("void", "entities"), _int(count))
    for prop, count in properties.items():
        part = ox.NamedNode(f"{node.value}/property/{_hash(prop)}")
        yield ox.Triple(node, _n("void", "propertyPartition"), part)
        yield ox.Triple(part, _n("void", "property"), ox.NamedNode(prop))
        yield ox.Triple(part, _n("void", "triples"), _int(count))


def describe(
    quads: Sequence[ox.Quad],
    parts: Sequence[Part],
    dumps: Sequence[Dump],
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    download_base: str = DEFAULT_DOWNLOAD_BASE,
) -> list[ox.Triple]:
    """VoID + DCAT triples: the whole dataset, a void:subset per part, a distribution per dump."""
    root = ox.NamedNode(DATASET_IRI)
    out: list[ox.Triple] = [
        ox.Triple(root, RDF_TYPE, _n("void", "Dataset")),
        ox.Triple(root, RDF_TYPE, _n("dcat", "Dataset")),
        ox.Triple(root, _n("dcterms", "title"), _en("spkg: the social protection knowledge graph")),
        ox.Triple(root, _n("dcterms", "description"), _en(
            "ILO results, national programmes, institutions, ILO instruments and SDG targets read "
            "from ILO documents, with the sentence each fact came from, an OWL ontology and the "
            "triples OWL 2 RL reasoning infers.")),
        ox.Triple(root, _n("dcterms", "license"), ox.NamedNode(PROJECT_LICENCE)),
        ox.Triple(root, _n("dcat", "version"), ox.Literal(__version__)),
        ox.Triple(root, _n("owl", "versionInfo"), ox.Literal(__version__)),
        ox.Triple(root, _n("void", "uriSpace"), ox.Literal(BASE + "id/")),
        ox.Triple(root, _n("void", "sparqlEndpoint"), ox.NamedNode(endpoint)),
        ox.Triple(root, _n("void", "vocabulary"), ox.NamedNode(PREFIXES["spkg"])),
    ]
    out += _partitions(root, quads)
    for part in parts:
        node = ox.NamedNode(f"{DATASET_IRI}/{part.slug}")
        selected = [q for q in quads if str(_graph_iri(q)) in part.graphs]
        out += [
            ox.Triple(root, _n("void", "subset"), node),
            ox.Triple(node, RDF_TYPE, _n("void", "Dataset")),
            ox.Triple(node, _n("dcterms", "title"), _en(part.title)),
            *(ox.Triple(node, _n("sd", "name"), ox.NamedNode(g)) for g in part.graphs),
        ]
        out += _partitions(node, selected)
        if part.slug == "reference":
            out += _sdg_citation(node)
    for dump in dumps:
        url = ox.NamedNode(download_base + dump.file_name)
        dist = ox.NamedNode(f"{DATASET_IRI}/distribution/{dump.file_name}")
        out += [
            ox.Triple(root, _n("void", "dataDump"), url),
            ox.Triple(root, _n("dcat", "distribution"), dist),
            ox.Triple(dist, RDF_TYPE, _n("dcat", "Distribution")),
            ox.Triple(dist, _n("dcterms", "title"), _en(dump.title)),
            ox.Triple(dist, _n("dcat", "downloadURL"), url),
            ox.Triple(dist, _n("dcat", "mediaType"),
                      ox.NamedNode(IANA_MEDIA_TYPES + dump.media_type)),
        ]
    return sorted(set(out), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _graph_iri(quad: ox.Quad) -> str:
    return "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value


def _sdg_citation(node: ox.NamedNode) -> list[ox.Triple]:
    licence = sdg_kos_licence()
    triples = [ox.Triple(node, _n("dcterms", "source"), ox.NamedNode(SDG_KOS))]
    if licence:
        triples.append(ox.Triple(node, _n("dcterms", "rights"), ox.Literal(licence)))
        citation = licence.split("citation:", 1)[-1].strip()
        triples.append(ox.Triple(node, _n("dcterms", "bibliographicCitation"),
                                 ox.Literal(citation)))
    return triples
