"""Curation through the real pipeline: the build applies exactly the file, and acts survive
re-ingesting a changed document while their target still exists."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import RDF, Dataset, URIRef
from rdflib.namespace import PROV

from spkg.curation import Act, Anchor, apply_curation
from spkg.curation.fileformat import read_all, write_acts
from spkg.namespace import (
    CURATION_GRAPH,
    INFERRED_GRAPH,
    OA,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    SPKG,
)

HERE = Path(__file__).parent / "curation"
RECORD = HERE / "001_0844c7bbfea795f9.txt"
ID = "https://w3id.org/spkg/id/"
WORDS = "tripartite stakeholders"


def _quads(data: Dataset, *, skip: tuple[URIRef, ...]) -> set[tuple]:
    """The quads outside ``skip`` and the background graphs (whose blank nodes differ by
    parse; neither build changes them)."""
    skip = (*skip, ONTOLOGY_GRAPH, REFERENCE_GRAPH)
    return {q for q in data.quads((None, None, None, None)) if q[3] not in skip}


def test_build_applies_exactly_the_curation_file(tmp_path: Path) -> None:
    from spkg.build import build

    text = RECORD.read_text(encoding="utf-8")
    start = text.index(WORDS)
    unit, delivery = URIRef(ID + "organisation/mke-implementation-unit"), URIRef(
        ID + "organisation/ehsaas-delivery-unit")
    entity = URIRef(ID + "organisation/tripartite-stakeholders")
    curation = tmp_path / "curation.ttl"
    write_acts(curation, [
        Act(kind="merge", by="Bo", when="2026-12-07T01:00:00Z", why="one unit", keep=delivery,
            drop=unit),
        Act(kind="add", by="Bo", when="2026-12-07T01:01:00Z", why="missed",
            facts=[(entity, RDF.type, SPKG.Body)],
            anchor=Anchor(URIRef(ID + "document/001-0844c7bbfea795f9"), start,
                          start + len(WORDS), WORDS)),
    ])
    graphs = [HERE / "record.trig"]
    plain = build(tmp_path / "plain", graph_files=graphs, progress=False, allow_invalid=True)
    curated = build(tmp_path / "curated", graph_files=graphs, progress=False,
                    allow_invalid=True, curation=curation)
    assert plain.curation == ""
    assert "2 acts applied, 0 stale" in curated.curation
    without, with_ = Dataset(), Dataset()
    without.parse(tmp_path / "plain" / "spkg.nq", format="nquads")
    with_.parse(tmp_path / "curated" / "spkg.nq", format="nquads")
    # the build's asserted graphs are the plain build's with the file applied, nothing else
    expected = Dataset()
    for quad in _quads(without, skip=(INFERRED_GRAPH,)):
        expected.add(quad)
    apply_curation(expected, read_all([curation]))
    assert _quads(with_, skip=(INFERRED_GRAPH,)) == _quads(expected, skip=(INFERRED_GRAPH,))
    assert (entity, RDF.type, SPKG.Body, CURATION_GRAPH) in with_
    assert not any(with_.quads((unit, None, None, None)))
    # reasoning saw the curated graph: the added body is an organisation by inference
    assert (entity, RDF.type, URIRef("http://www.w3.org/ns/org#Organization"),
            INFERRED_GRAPH) in with_


def _ingest(path: Path) -> Dataset:
    from spkg.ingest import ingest_paths

    return ingest_paths([path], progress=False).dataset


def test_acts_survive_reingesting_a_changed_document(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    document = folder / RECORD.name
    shutil.copy(RECORD, document)
    data = _ingest(document)
    doc = URIRef(ID + "document/001-0844c7bbfea795f9")
    graph = data.graph(doc)
    # a fact read from the sentence about the expert group, whatever the extractor makes of it
    statement = next(s for s in graph.subjects(RDF.type, RDF.Statement)
                     if "was established to develop" in _sentence(graph, s))
    fact = tuple(graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
    original = document.read_text(encoding="utf-8")
    start = original.index(WORDS)
    acts = [
        Act(kind="reject", by="Ana", when="2026-12-07T01:00:00Z", why="misread",
            facts=[fact], documents=[doc]),  # type: ignore[list-item]
        Act(kind="add", by="Ana", when="2026-12-07T01:01:00Z", why="missed",
            facts=[(URIRef(ID + "organisation/tripartite-stakeholders"), RDF.type, SPKG.Body)],
            anchor=Anchor(doc, start, start + len(WORDS), WORDS)),
    ]
    sources = {str(doc): document}

    # the document changes elsewhere: a sentence is added before both targets
    document.write_text(original.replace("The Government of Pakistan adopted",
                                         "A new sentence comes first. The Government of "
                                         "Pakistan adopted"), encoding="utf-8")
    changed = _ingest(document)
    assert fact in changed.graph(doc)
    report = apply_curation(changed, acts, texts=sources)
    assert len(report.applied) == 2 and not report.stale
    assert fact not in changed.graph(doc)
    assert any("moved from" in note for note in report.notes)

    # the sentence the fact was read from is gone: the rejection is stale, and says so
    document.write_text(original.replace(
        original[original.index("A tripartite Labour"):original.index("The MKE programme")], ""),
        encoding="utf-8")
    cut = _ingest(document)
    report = apply_curation(cut, acts, texts=sources)
    assert [s.act.kind for s in report.stale] == ["reject"]
    assert "no longer read from" in report.stale[0].reason


def _sentence(graph, statement) -> str:  # type: ignore[no-untyped-def]
    span = graph.value(statement, PROV.wasDerivedFrom)
    for selector in graph.objects(span, OA.hasSelector):
        exact = graph.value(selector, OA.exact)
        if exact is not None:
            return str(exact)
    return ""
