"""Export: every dump parses back (with rdflib, an independent parser) to what was exported;
the same input gives the same bytes; void.ttl describes what is there."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from server.live import FIXTURE

from spkg.dataset import load_asserted
from spkg.export import DUMPS, export_dataset
from spkg.export.canonical import CanonicalDataset, graph_iri
from spkg.export.dumps import SELECTORS
from spkg.export.terms import dataset_quads, to_ox

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SPKG = rdflib.Namespace("https://w3id.org/spkg/ontology#")
RDFLIB_FORMATS = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld", "ttl": "turtle",
                  "nt": "nt", "rdf": "xml"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_asserted([FIXTURE])


@pytest.fixture(scope="module")
def exported(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    export_dataset(dataset, out, progress=False)
    return out


@pytest.fixture(scope="module")
def quads(dataset: Dataset) -> list[ox.Quad]:
    return list(CanonicalDataset.from_rdflib(dataset).quads())


@pytest.fixture(autouse=True)
def keep_lexical_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    # rdflib rewrites "01"^^xsd:integer to "1" by default; compare what is in the file
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)
    monkeypatch.setattr(rdflib.term, "_NORMALIZE_LITERALS", False, raising=False)


def _canonical_set(quads: list[ox.Quad]) -> ox.Dataset:
    data = ox.Dataset(quads)
    data.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return data


def _parse(path: Path, fmt: str) -> list[ox.Quad]:
    if fmt in ("trig", "nq", "jsonld"):
        parsed = Dataset()
        parsed.parse(path, format=RDFLIB_FORMATS[fmt])
        return list(dataset_quads(parsed))
    graph = Graph()
    graph.parse(path, format=RDFLIB_FORMATS[fmt])
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]  # type: ignore[arg-type]


@pytest.mark.parametrize("spec", DUMPS, ids=[d.file_name for d in DUMPS])
def test_round_trip_is_isomorphic(spec, exported: Path, quads: list[ox.Quad]) -> None:
    selected = [q for q in quads if SELECTORS[spec.part](graph_iri(q.graph_name))]
    assert selected, f"{spec.part} is empty in the fixture"
    if spec.format in ("trig", "nq", "jsonld"):
        expected = selected
    else:  # triple syntaxes hold the union of the part's graphs
        expected = [ox.Quad(t.subject, t.predicate, t.object) for t in {q.triple for q in selected}]
    parsed = _parse(exported / spec.file_name, spec.format)
    assert len(parsed) == len(expected)
    assert _canonical_set(parsed) == _canonical_set(expected)


def test_export_is_deterministic(dataset: Dataset, exported: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    export_dataset(dataset, again, progress=False)
    first = sorted(p.name for p in exported.iterdir())
    assert first == sorted(p.name for p in again.iterdir())
    for name in first:
        assert (exported / name).read_bytes() == (again / name).read_bytes(), name


def test_blank_nodes_get_canonical_labels(exported: Path) -> None:
    import re

    text = (exported / "ontology.ttl").read_text(encoding="utf-8")
    labels = set(re.findall(r"_:([A-Za-z0-9]+)", text))
    assert labels, "the ontology's OWL lists should be blank nodes"
    assert all(re.fullmatch(r"c14n\d+", label) for label in labels)


def test_jsonld_uses_the_published_context(exported: Path) -> None:
    document = json.loads((exported / "spkg.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "context.jsonld"
    context = json.loads((exported / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["spkg"] == "https://w3id.org/spkg/ontology#"


def test_void_counts_and_partitions(exported: Path, dataset: Dataset) -> None:
    void = Graph().parse(exported / "void.ttl", format="turtle")
    root = URIRef("https://w3id.org/spkg/dataset")
    total = {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    assert void.value(root, VOID.triples) == Literal(len(total), datatype=XSD.integer)
    inferred = URIRef("https://w3id.org/spkg/dataset/inferred")
    inferred_triples = len(dataset.graph(URIRef("https://w3id.org/spkg/graph/inferred")))
    assert void.value(inferred, VOID.triples).toPython() == inferred_triples
    documents = URIRef("https://w3id.org/spkg/dataset/documents")
    programme = [p for p in void.objects(documents, VOID.classPartition)
                 if void.value(p, VOID["class"]) == SPKG.Programme]
    assert len(programme) == 1 and void.value(programme[0], VOID.entities).toPython() == 1
    assert any(void.value(p, VOID.property) == SPKG.adoptedBy
               for p in void.objects(documents, VOID.propertyPartition))
    assert (root, VOID.sparqlEndpoint, None) in void


def test_void_distributions_and_citation(exported: Path) -> None:
    void = Graph().parse(exported / "void.ttl", format="turtle")
    root = URIRef("https://w3id.org/spkg/dataset")
    media = {str(void.value(d, DCAT.downloadURL)).rsplit("/", 1)[-1]:
             str(void.value(d, DCAT.mediaType)).rsplit("/media-types/", 1)[-1]
             for d in void.objects(root, DCAT.distribution)}
    assert media == {d.file_name: {"trig": "application/trig", "nq": "application/n-quads",
                                   "jsonld": "application/ld+json", "ttl": "text/turtle",
                                   "nt": "application/n-triples",
                                   "rdf": "application/rdf+xml"}[d.format] for d in DUMPS}
    assert (root, RDF.type, DCAT.Dataset) in void and void.value(root, DCAT.version)
    reference = URIRef("https://w3id.org/spkg/dataset/reference")
    citation = str(void.value(reference, DCTERMS.bibliographicCitation))
    assert citation.startswith("Amit Joshi, Luis Gonzalez Morales, Szymon Klarman")


def test_export_command_with_site(tmp_path: Path) -> None:
    from spkg.cli import main

    out = tmp_path / "dist"
    assert main(["export", "-o", str(out), "--site", "--data", str(FIXTURE), "--quiet"]) == 0
    assert (out / "spkg.trig").is_file() and (out / "void.ttl").is_file()
    page = (out / "site" / "id" / "programme" / "mazdoor-ka-ehsaas" / "index.html").read_text()
    assert 'href="../../../id/organisation/government-of-pakistan/index.html"' in page
    assert "<mark>Mazdoor Ka EHSAAS</mark>" in page
    assert (out / "site" / "index.html").is_file()
    assert (out / "site" / "id" / "programme" / "mazdoor-ka-ehsaas.ttl").is_file()
    # every relative link in the programme page points at a file that was written
    import re

    base = out / "site" / "id" / "programme" / "mazdoor-ka-ehsaas"
    for href in re.findall(r'href="(\.\./[^"#]+)"', page):
        assert (base / href).resolve().is_file(), href


def test_static_site_is_deterministic(quads: list[ox.Quad], tmp_path: Path) -> None:
    from spkg.site import write_site

    first = write_site(quads, tmp_path / "one", progress=False)
    second = write_site(quads, tmp_path / "two", progress=False)
    assert [p.relative_to(tmp_path / "one") for p in first] == \
        [p.relative_to(tmp_path / "two") for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a
