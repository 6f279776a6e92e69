"""void.ttl passes the DCAT-AP 3 requirements (mandatory as violations, recommended as
warnings: both must be absent) and never names a loopback address."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from spkg import paths
from spkg.dataset import load_asserted
from spkg.export import export_dataset

SHAPES = Path(__file__).parent / "standards" / "dcat-ap-3.ttl"


@pytest.fixture(scope="module")
def void_graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    # the seeds' graphs: they state countries and dates, so coverage can be described
    dataset = load_asserted(sorted(paths.graphs_dir().glob("*.trig")))
    default = tmp_path_factory.mktemp("default")
    export_dataset(dataset, default, progress=False)
    based = tmp_path_factory.mktemp("based")
    export_dataset(dataset, based, progress=False,
                   endpoint="https://data.example.org/spkg/sparql",
                   download_base="https://data.example.org/spkg/dist/")
    return {name: Graph().parse(folder / "void.ttl", format="turtle")
            for name, folder in (("default", default), ("based", based))}


def _report(graph: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(SHAPES, format="turtle"),
                                 allow_warnings=False)
    return bool(conforms), str(text)


def test_void_conforms_to_dcat_ap(void_graphs: dict[str, Graph]) -> None:
    conforms, text = _report(void_graphs["default"])
    assert conforms, text


def test_the_check_can_fail(void_graphs: dict[str, Graph]) -> None:
    broken = Graph()
    for triple in void_graphs["default"]:
        if triple[1] not in (DCAT.accessURL, DCTERMS.publisher):
            broken.add(triple)
    conforms, text = _report(broken)
    assert not conforms
    assert "accessURL" in text and "publisher" in text


def test_every_distribution_has_licence_format_and_access(
        void_graphs: dict[str, Graph]) -> None:
    graph = void_graphs["default"]
    distributions = list(graph.subjects(RDF.type, DCAT.Distribution))
    assert len(distributions) >= 6
    for dist in distributions:
        assert graph.value(dist, DCAT.accessURL) is not None
        assert graph.value(dist, DCTERMS.license) is not None
        assert graph.value(dist, DCTERMS["format"]) is not None
        media = graph.value(dist, DCAT.mediaType)
        assert (media, RDF.type, DCTERMS.MediaType) in graph


def test_no_loopback_address_is_published(void_graphs: dict[str, Graph]) -> None:
    for graph in void_graphs.values():
        text = graph.serialize(format="nt")
        assert "127.0.0.1" not in text and "localhost" not in text


def test_urls_follow_the_base_url(void_graphs: dict[str, Graph]) -> None:
    graph = void_graphs["based"]
    endpoints = set(graph.objects(None, DCAT.endpointURL))
    assert endpoints == {URIRef("https://data.example.org/spkg/sparql")}
    downloads = {str(o) for o in graph.objects(None, DCAT.downloadURL)}
    assert downloads and all(d.startswith("https://data.example.org/spkg/dist/")
                             for d in downloads)


def test_one_licence_for_the_data(void_graphs: dict[str, Graph]) -> None:
    """Data, ontology and dumps are CC BY 4.0; the reference subset keeps its sources' terms."""
    graph = void_graphs["default"]
    root = URIRef("https://w3id.org/spkg/dataset")
    cc_by = URIRef("http://creativecommons.org/licenses/by/4.0/")
    assert graph.value(root, DCTERMS.license) == cc_by
    reference = URIRef("https://w3id.org/spkg/dataset/reference")
    assert graph.value(reference, DCTERMS.license) is None
    assert isinstance(graph.value(reference, DCTERMS.rights), Literal)
