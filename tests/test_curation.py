"""Curation applied to a dataset: exactly its effects, stale acts reported, file round trip.

Fixtures (tests/curation/): record.trig is the graph ingested from the seed result record
001_0844c7bbfea795f9.txt, copied beside it so that these tests do not move with the extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Literal, URIRef
from rdflib.namespace import PROV

from spkg.curation import Act, Anchor, apply_curation
from spkg.curation.fileformat import read_acts, render, write_acts
from spkg.dataset import load_files, new_dataset
from spkg.ingest.reader import read_text
from spkg.namespace import BASE, CURATION_GRAPH, OA, SPKG

HERE = Path(__file__).parent / "curation"
GRAPH = HERE / "record.trig"
TEXT_FILE = HERE / "001_0844c7bbfea795f9.txt"
DOC = URIRef(BASE + "id/document/001-0844c7bbfea795f9")
ID = BASE + "id/"
LEG = URIRef(ID + "organisation/labour-welfare-and-social-protection-expert-group")
MKE = URIRef(ID + "programme/mazdoor-ka-ehsaas")
UNIT = URIRef(ID + "organisation/mke-implementation-unit")
DELIVERY = URIRef(ID + "organisation/ehsaas-delivery-unit")
WWF = URIRef(ID + "organisation/tripartite-stakeholders")  # missed by the extractor
WRONG = (LEG, SPKG.establishedToDevelop, MKE)
WHEN = "2026-12-07T00:40:00Z"
WORDS = "tripartite stakeholders"


def dataset() -> Dataset:
    data = new_dataset()
    load_files(data, [GRAPH])
    return data


def text() -> str:
    return read_text(TEXT_FILE)


def quads(data: Dataset) -> set[tuple]:
    return {(s, p, o, g) for s, p, o, g in data.quads((None, None, None, None))}


def wwf_anchor(source: str) -> Anchor:
    start = source.index(WORDS)
    return Anchor(DOC, start, start + len(WORDS), WORDS)


def acts(source: str) -> list[Act]:
    return [
        Act(kind="reject", by="Ana Ortiz", when=WHEN, why="The group develops it; 'established "
            "to' is the extractor's reading", facts=[WRONG], documents=[DOC]),
        Act(kind="add", by="Ana Ortiz", when="2026-12-07T00:41:00Z", why="missed partner",
            facts=[(WWF, RDF.type, SPKG.Body),
                   (WWF, RDFS.label, Literal(WORDS, lang="en"))],
            anchor=wwf_anchor(source)),
        Act(kind="merge", by="Bo Li", when="2026-12-07T00:42:00Z", why="same unit",
            keep=DELIVERY, drop=UNIT),
    ]


def test_effects_are_exactly_the_acts() -> None:
    before = dataset()
    after = dataset()
    report = apply_curation(after, acts(text()), texts=lambda _doc: text())
    assert [a.kind for a in report.applied] == ["reject", "add", "merge"]
    assert not report.stale and not report.notes

    # the document graph: without the rejected triple, the merged IRI rewritten
    def rewritten(term):  # type: ignore[no-untyped-def]
        return DELIVERY if term == UNIT else term

    document = before.graph(DOC)
    rejected = {s for s in document.subjects(RDF.subject, LEG)
                if document.value(s, RDF.predicate) == SPKG.establishedToDevelop}
    assert rejected
    expected = set()
    for s, p, o in before.graph(DOC):
        if (s, p, o) == WRONG or s in rejected:  # the triple and its statements leave
            continue
        p = SKOS.altLabel if s == UNIT and p == RDFS.label else p  # its name, now another
        expected.add((rewritten(s), p, rewritten(o)))
    statements = {s for s in before.graph(DOC).subjects(RDF.type, RDF.Statement)}
    for statement in statements:  # a statement about the unit now reifies the rewrite
        reified = [before.graph(DOC).value(statement, p) for p in
                   (RDF.subject, RDF.predicate, RDF.object)]
        if UNIT in (reified[0], reified[2]) and reified[1] == RDFS.label:
            expected.discard((statement, RDF.predicate, RDFS.label))
            expected.add((statement, RDF.predicate, SKOS.altLabel))
    assert set(after.graph(DOC)) == expected
    assert WRONG not in after.graph(DOC)
    assert (UNIT, None, None) not in after.graph(DOC)

    # graph/curation: the acts' records plus exactly their effects
    curation = after.graph(CURATION_GRAPH)
    effects = {t for t in curation if not _is_record(t)}
    reject, add, _merge = (a.iri for a in acts(text()))
    renamed = {PROV.wasDerivedFrom: OA.hasTarget}
    assert effects == {
        *((s, SPKG.rejectedBy, reject) for s in rejected),
        *((s, renamed.get(p, p), o) for s in rejected for p, o in document.predicate_objects(s)
          if p != RDF.type),
        (WWF, RDF.type, SPKG.Body),
        (WWF, RDFS.label, Literal(WORDS, lang="en")),
        (DELIVERY, SPKG.formerIri, UNIT),
    }
    assert (add, RDF.type, SPKG.Addition) in curation
    assert curation.value(reject, RDFS.comment).startswith("The group develops it")
    # the statement rejected stays visible, with its sentence, in graph/curation
    for statement in rejected:
        sentence = curation.value(statement, OA.hasTarget)
        assert sentence is not None and (sentence, RDF.type, SPKG.Sentence) in after.graph(DOC)

    # nothing else moved: every other graph is as it was
    others = {q for q in quads(after) if q[3] not in (DOC, CURATION_GRAPH)}
    assert others == {q for q in quads(before) if q[3] != DOC}


def _is_record(triple: tuple) -> bool:
    """The acts themselves: their IRIs, fact nodes, curators and the anchored span."""
    subject = str(triple[0])
    return subject.startswith((ID + "curation/", ID + "curator/")) or "#char=" in subject \
        or "#position=" in subject or "#quote=" in subject


def test_no_acts_no_change() -> None:
    before, after = dataset(), dataset()
    report = apply_curation(after, [])
    assert quads(after) == quads(before) and report.text() == ""


def test_stale_reject_is_reported_and_changes_nothing(tmp_path: Path) -> None:
    gone = (LEG, SPKG.establishedToDevelop, URIRef(ID + "programme/no-such-programme"))
    path = tmp_path / "curation.ttl"
    write_acts(path, [*acts(text())[:1],
                      Act(kind="reject", by="Ana", when="2026-12-08T00:00:00Z", why="wrong",
                          facts=[gone], documents=[DOC])])
    data = dataset()
    report = apply_curation(data, read_acts(path), texts=lambda _doc: text())
    assert len(report.applied) == 1 and len(report.stale) == 1
    stale = report.stale[0]
    assert "no-such-programme" in stale.reason and "no longer read" in stale.reason
    line = stale.act.line
    assert line is not None and path.read_text().splitlines()[line - 1].startswith("act:reject-")
    assert stale.text().startswith(f"{path}:{line}: reject ")
    assert str(path) in report.text()
    assert (stale.act.iri, SPKG.staleBecause, Literal(stale.reason)) in data.graph(CURATION_GRAPH)


def test_stale_when_document_is_gone() -> None:
    other = URIRef(ID + "document/elsewhere")
    act = Act(kind="reject", by="A", when=WHEN, why="x", facts=[WRONG], documents=[other])
    report = apply_curation(dataset(), [act])
    assert "no longer in the build" in report.stale[0].reason


def test_anchor_follows_moved_words_and_goes_stale_when_they_vanish() -> None:
    source = text()
    add = acts(source)[1]
    moved = "A new first line.\n" + source
    report = apply_curation(dataset(), [add], texts=lambda _doc: moved)
    assert not report.stale and "moved from" in report.notes[0]
    data = dataset()
    apply_curation(data, [add], texts=lambda _doc: moved)
    start = add.anchor.start + len("A new first line.\n")  # type: ignore[union-attr]
    assert (add.iri, URIRef("http://www.w3.org/ns/oa#hasTarget"),
            URIRef(f"{DOC}#char={start},{start + len(WORDS)}")) in data.graph(CURATION_GRAPH)

    cut = source.replace(WORDS, "stakeholders")
    data = dataset()
    report = apply_curation(data, [add], texts=lambda _doc: cut)
    assert "no longer in" in report.stale[0].reason
    assert (WWF, None, None) not in data  # a stale add adds nothing


def test_anchor_checked_against_graph_quotes_without_text() -> None:
    add = acts(text())[1]
    assert not apply_curation(dataset(), [add]).stale
    wrong = Act(kind="add", by="A", when=WHEN, why="x", facts=add.facts,
                anchor=Anchor(DOC, add.anchor.start + 1, add.anchor.end + 1,  # type: ignore[union-attr]
                              WORDS))
    assert apply_curation(dataset(), [wrong]).stale


def test_split_moves_a_documents_facts() -> None:
    new = URIRef(ID + "programme/mke-2021")
    act = Act(kind="split", by="A", when=WHEN, why="two programmes", drop=MKE, keep=new,
              documents=[DOC], facts=[(new, RDFS.label, Literal("MKE 2021", lang="en"))])
    before, after = dataset(), dataset()
    report = apply_curation(after, [act])
    assert not report.stale
    assert (MKE, None, None) not in after.graph(DOC) and (None, None, MKE) not in after.graph(DOC)
    assert len(list(after.graph(DOC).triples((new, None, None)))) == len(
        list(before.graph(DOC).triples((MKE, None, None))))
    assert (new, RDFS.label, Literal("MKE 2021", lang="en")) in after.graph(CURATION_GRAPH)


def test_file_round_trip_is_stable(tmp_path: Path) -> None:
    path = tmp_path / "curation.ttl"
    source = text()
    written = [*acts(source), Act(kind="split", by="Cy", when="2026-12-07T03:00:00Z", why="s",
                                  drop=MKE, keep=URIRef(ID + "programme/mke-2021"),
                                  anchor=Anchor(DOC, 0, 15, source[:15]))]
    write_acts(path, list(reversed(written)))
    first = path.read_text()
    again = read_acts(path)
    assert [a.iri for a in sorted(again, key=lambda a: a.when)] == [a.iri for a in written]
    for old, new in zip(written, sorted(again, key=lambda a: a.when), strict=True):
        assert (new.kind, new.by, new.when, new.why, sorted(new.facts), new.anchor, new.keep,
                new.drop, new.documents) == (old.kind, old.by, old.when, old.why,
                                             sorted(old.facts), old.anchor, old.keep, old.drop,
                                             old.documents)
    assert render(again) == first  # reading and writing again changes no byte


@pytest.mark.parametrize(("body", "problem"), [
    ("act:x a spkg:Rejection ; prov:generatedAtTime \"2026-01-01T00:00:00Z\" ; "
     "rdfs:comment \"r\" ; spkg:fact [ spkg:factSubject id:a ; spkg:factPredicate rdfs:label ; "
     "spkg:factObject \"x\" ] .", "who"),
    ("act:x a spkg:Merge ; prov:wasAttributedTo curator:a ; "
     "prov:generatedAtTime \"2026-01-01T00:00:00Z\" ; spkg:kept <http://e/a> ; "
     "spkg:merged <http://e/b> .", "why"),
    ("act:x a spkg:Rejection ; prov:wasAttributedTo curator:a ; rdfs:comment \"r\" ; "
     "prov:generatedAtTime \"2026-01-01T00:00:00Z\" .", "at least one spkg:fact"),
    ("act:x a spkg:Rejection ; this is not turtle", "not valid Turtle"),
])
def test_bad_files_name_file_and_line(tmp_path: Path, body: str, problem: str) -> None:
    from spkg.curation.fileformat import PREFIXES
    from spkg.errors import SpkgError

    path = tmp_path / "curation.ttl"
    prefixes = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES)
    path.write_text(prefixes + "\n" + body + "\n")
    with pytest.raises(SpkgError) as caught:
        read_acts(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and problem in message and "\n" not in message


def test_curated_graph_conforms_to_the_shapes() -> None:
    """Rejected statements, anchored additions and merges leave no SHACL violation."""
    from spkg.dataset import load_asserted
    from spkg.reason import add_inferred
    from spkg.validate import validate_dataset

    data = load_asserted([GRAPH])
    report = apply_curation(data, acts(text()), texts=lambda _doc: text())
    assert len(report.applied) == 3
    add_inferred(data, progress=False, use_cache=False)
    result = validate_dataset(data, workers=1)
    assert result.counts["Violation"] == 0, result.text()


def test_why_shows_curated_facts_with_curator_and_reason() -> None:
    from spkg.dataset import load_asserted
    from spkg.why import explain_text

    data = load_asserted([GRAPH])
    apply_curation(data, acts(text()), texts=lambda _doc: text())
    about_group = explain_text(data, str(LEG))
    assert "spkg:establishedToDevelop id:programme/mazdoor-ka-ehsaas [rejected]" in about_group
    assert "rejected by Ana Ortiz on 2026-12-07: “The group develops it" in about_group
    assert "was established to develop" in about_group  # the sentence it was read from
    about_added = explain_text(data, str(WWF))
    assert "a spkg:Body" in about_added and "added by Ana Ortiz" in about_added
    about_kept = explain_text(data, str(DELIVERY))
    assert "formerly also id:organisation/mke-implementation-unit" in about_kept
    assert "merged by Bo Li on 2026-12-07: “same unit”" in about_kept


def test_applying_again_changes_nothing_even_after_a_document_is_read_again() -> None:
    """`spkg add` re-applies the curation to a build whose other documents are curated."""
    split = Act(kind="split", by="A", when="2026-12-07T02:00:00Z", why="two programmes",
                drop=MKE, keep=URIRef(ID + "programme/mke-2021"), documents=[DOC])
    every = [*acts(text()), split]
    data = dataset()
    first = apply_curation(data, every, texts=lambda _doc: text())
    assert len(first.applied) == 4 and not first.stale
    once = quads(data)

    again = apply_curation(data, every, texts=lambda _doc: text())
    assert len(again.applied) == 4 and not again.stale, again.text()
    assert quads(data) == once

    data.remove_graph(data.graph(DOC))  # the document read afresh, uncurated
    for triple in dataset().graph(DOC):
        data.graph(DOC).add(triple)
    fresh = apply_curation(data, every, texts=lambda _doc: text())
    assert len(fresh.applied) == 4 and not fresh.stale, fresh.text()
    assert quads(data) == once


def test_curation_file_is_found_beside_the_documents(tmp_path: Path) -> None:
    from spkg.curation import curate_dataset, default_curation_files
    from spkg.errors import SpkgError

    document = tmp_path / "record.txt"
    document.write_text("text", encoding="utf-8")
    assert default_curation_files([tmp_path]) == []
    write_acts(tmp_path / "curation.ttl", acts(text())[:1])
    assert default_curation_files([tmp_path]) == [tmp_path / "curation.ttl"]
    assert default_curation_files([document]) == [tmp_path / "curation.ttl"]
    data = dataset()
    assert "1 acts applied" in curate_dataset(data, None, sources=[document]).text()
    with pytest.raises(SpkgError, match="no such curation file"):
        curate_dataset(dataset(), tmp_path / "missing.ttl")
    folder = tmp_path / "more"
    folder.mkdir()
    write_acts(folder / "a.ttl", acts(text())[:1])
    write_acts(folder / "b.ttl", acts(text())[2:])
    assert "2 acts applied" in curate_dataset(dataset(), folder).text()


def test_split_by_span_moves_only_the_facts_read_there() -> None:
    source = text()
    sentence = "A tripartite Labour Welfare and Social Protection Expert Group (LEG)"
    start = source.index(sentence)
    end = source.index("(MKE).", start) + len("(MKE).")
    new = URIRef(ID + "programme/mke-2021")
    act = Act(kind="split", by="A", when=WHEN, why="this sentence means the 2021 one",
              drop=MKE, keep=new, anchor=Anchor(DOC, start, end, source[start:end]))
    before, after = dataset(), dataset()
    report = apply_curation(after, [act], texts=lambda _doc: source)
    assert not report.stale, report.text()
    graph, old_graph = after.graph(DOC), before.graph(DOC)
    assert (LEG, SPKG.establishedToDevelop, new) in graph
    assert (LEG, SPKG.establishedToDevelop, MKE) not in graph
    # what other sentences say of the programme stays with it
    assert len(list(graph.triples((None, None, MKE)))) > 0
    outside = [st for st in old_graph.subjects(RDF.object, MKE)
               if (st, PROV.wasDerivedFrom, None) in old_graph
               and not str(old_graph.value(st, PROV.wasDerivedFrom)).endswith(f"={start},{end}")]
    for statement in outside:
        reified = tuple(old_graph.value(statement, p) for p in
                        (RDF.subject, RDF.predicate, RDF.object))
        assert reified in graph
    # a span with no fact about the IRI is stale
    elsewhere = Act(kind="split", by="A", when=WHEN, why="x", drop=MKE, keep=new,
                    anchor=Anchor(DOC, 0, 15, source[0:15]))
    assert "no fact about" in apply_curation(dataset(), [elsewhere]).stale[0].reason
