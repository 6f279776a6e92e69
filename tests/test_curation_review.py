"""`spkg review`: planted duplicates and an untyped name are listed with their sentences;
accepting or rejecting one writes the curation file, and a settled item leaves the queue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal, URIRef

from spkg.cli import main
from spkg.curation.fileformat import read_acts
from spkg.curation.review import queue
from spkg.dataset import load_asserted, new_dataset
from spkg.namespace import BASE, SPKG

HERE = Path(__file__).parent / "curation"
DOC = URIRef(BASE + "id/document/001-0844c7bbfea795f9")
ORG = BASE + "id/organisation/"
DIVISION = URIRef(ORG + "poverty-alleviation-and-social-safety-division")
EFP = URIRef(ORG + "employers-federation-of-pakistan")


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The record's graph with an acronym twin, a near-identical twin and a name unlinked."""
    data = load_asserted([HERE / "record.trig"])
    graph = data.graph(DOC)
    twins = {URIRef(ORG + "passd"): (SPKG.Ministry, "PASSD"),
             URIRef(ORG + "ehsaas-delivery-unit-2"): (SPKG.GovernmentBody, "Ehsaas delivery unit"),
             # near-identical labels, but other numbers: not a duplicate
             URIRef(BASE + "id/indicator/8-1-1"): (SPKG.OutcomeIndicator,
                                                   "Outcome indicator 8.1.1")}
    for twin, (cls, label) in twins.items():
        graph.add((twin, RDF.type, cls))
        graph.add((twin, RDFS.label, Literal(label, lang="en")))
    for triple in [*graph.triples((EFP, None, None)), *graph.triples((None, None, EFP))]:
        graph.remove(triple)
    for span in list(graph.subjects(RDF.type, SPKG.Mention)):
        graph.remove((span, RDF.type, SPKG.Mention))  # as if no mention covered a name
    out = new_dataset()
    for triple in graph:
        out.graph(DOC).add(triple)
    path = tmp_path_factory.mktemp("review") / "planted.trig"
    out.serialize(path, format="trig")
    return path


def test_queue_lists_planted_items_with_sentences(planted: Path) -> None:
    items = queue(load_asserted([planted]))
    summaries = [(item.kind, item.summary) for item in items]
    assert any(kind == "duplicate" and "passd" in text and "acronym PASSD" in text
               for kind, text in summaries), summaries
    assert any(kind == "duplicate" and "ehsaas-delivery-unit-2" in text and "alike" in text
               for kind, text in summaries), summaries
    assert not any("8-1-1" in text for _kind, text in summaries)
    named = [item for item in items if item.kind == "candidate"
             and item.words == "Employers Federation of Pakistan"]
    assert named and "Employers Federation of Pakistan" in named[0].sentence
    start, end = named[0].span  # type: ignore[misc]
    text = (HERE / "001_0844c7bbfea795f9.txt").read_text(encoding="utf-8")
    assert text[start:end] == "Employers Federation of Pakistan"


def test_accept_and_reject_write_the_file(planted: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "curation.ttl"
    common = ["--data", str(planted), "--file", str(file), "--by", "Ana"]
    assert main(["review", *common]) == 0
    listing = capsys.readouterr().out.splitlines()
    acronym = number_of(listing, "acronym PASSD")
    assert main(["review", "--accept", str(acronym), *common]) == 0
    merge = read_acts(file)[0]
    assert merge.kind == "merge" and merge.keep == DIVISION
    assert merge.drop == URIRef(ORG + "passd")

    capsys.readouterr()
    assert main(["review", *common]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert not any("acronym PASSD" in line for line in listing)  # settled: out of the queue

    number = number_of(listing, "“Employers Federation of Pakistan”")
    assert main(["review", "--accept", str(number), *common]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--type" in err
    assert main(["review", "--accept", str(number), "--type", "spkg:EmployersOrganisation",
                 *common]) == 0
    added = next(a for a in read_acts(file) if a.kind == "add")
    assert added.anchor is not None and added.anchor.exact == "Employers Federation of Pakistan"
    assert main(["review", "--reject", "1", "--why", "fine as it is", *common]) == 0
    assert any(a.kind == "dismiss" and a.why == "fine as it is" for a in read_acts(file))
    assert main(["review", "--reject", "999", *common]) == 2


def number_of(listing: list[str], words: str) -> int:
    """The number of the listed item whose first line holds ``words``."""
    for line in listing:
        found = re.match(r"\s*(\d+)\s", line)
        if found and words in line:
            return int(found.group(1))
    raise AssertionError(f"{words!r} not listed")
