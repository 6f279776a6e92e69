"""`spkg docs`: the ontology page renders, documents every term, and its links resolve."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from spkg import paths
from spkg.cli import main
from spkg.namespace import SPKG
from spkg.ontodoc import build_model, render_html, write_docs


class _PageIndex(HTMLParser):
    """Ids, in-page links and the text of each term section of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.fragment_links: set[str] = set()
        self.sections: dict[str, str] = {}
        self._section: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        href = attributes.get("href") or ""
        if href.startswith("#"):
            self.fragment_links.add(href[1:])
        if tag == "section" and "term" in (attributes.get("class") or ""):
            self._section = str(attributes["id"])
            self.sections[self._section] = ""
            self._depth = 0
        elif tag == "section" and self._section:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._section:
            if self._depth == 0:
                self._section = None
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._section:
            self.sections[self._section] += data


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    graph.parse(paths.ontology_file(), format="turtle")
    return graph


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> _PageIndex:
    out = tmp_path_factory.mktemp("ontodoc")
    index_file, _doc = write_docs(out)
    assert index_file == out / "index.html"
    assert (out / paths.ontology_file().name).read_bytes() == paths.ontology_file().read_bytes()
    parser = _PageIndex()
    parser.feed(index_file.read_text(encoding="utf-8"))
    return parser


def declared_terms(ontology: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = {s for kind in kinds for s in ontology.subjects(RDF.type, kind)}
    spkg_individuals = {
        s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(SPKG._NS))
    }
    return {term for term in terms | spkg_individuals if isinstance(term, URIRef)}


def test_every_declared_term_has_a_section(ontology: Graph, page: _PageIndex) -> None:
    doc = build_model(ontology)
    documented = {term.iri for term in doc.terms}
    assert {str(term) for term in declared_terms(ontology)} == documented
    for term in doc.terms:
        assert term.anchor in page.sections, term.iri
        assert term.iri in page.sections[term.anchor]


def test_every_spkg_term_of_the_namespace_module_is_on_the_page(page: _PageIndex) -> None:
    names = [name for name in SPKG.__annotations__ if not name.startswith("_")]
    assert len(names) > 100
    assert all(name in page.sections for name in names)


def test_every_in_page_link_resolves(page: _PageIndex) -> None:
    assert page.fragment_links
    assert page.fragment_links <= page.ids


def test_sections_show_labels_definitions_and_axioms(ontology: Graph, page: _PageIndex) -> None:
    part_of = page.sections["partOf"]
    assert str(ontology.value(SPKG.partOf, RDFS.label)) in part_of
    assert "transitive" in part_of
    assert "spkg:hasPart" in part_of  # inverse
    assert "spkg:locatedIn" in part_of  # super-property
    goal = page.sections["contributesToGoal"]
    assert "spkg:contributesToTarget" in goal and "skos:broader" in goal  # the chain
    convention = page.sections["Convention"]
    assert "spkg:Instrument" in convention  # superclass
    assert "spkg:Recommendation" in convention  # disjoint with
    assert "functional" in page.sections["instrumentNumber"]


def test_class_hierarchy_nests_subclasses(ontology: Graph) -> None:
    doc = build_model(ontology)
    roots = {node.link.curie: node for node in doc.hierarchy}
    assert "spkg:Instrument" in roots
    children = {child.link.curie for child in roots["spkg:Instrument"].children}
    assert children == {"spkg:Convention", "spkg:Recommendation"}
    assert "spkg:Convention" not in roots


def test_rendering_is_deterministic(ontology: Graph) -> None:
    assert render_html(ontology) == render_html(ontology)


def test_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "-o", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "index.html").stat().st_size > 10_000
    assert "classes" in capsys.readouterr().out


def test_command_writes_nothing_for_a_missing_ontology(tmp_path: Path) -> None:
    code = main(["docs", "-o", str(tmp_path / "site"), "--ontology", str(tmp_path / "none.ttl")])
    assert code == 2
    assert not (tmp_path / "site" / "index.html").exists()
