"""A document whose graph violates a shape is held back; the others are exported whole.

validate_data/holdback/bad-record.txt is a seed result record whose training is dated
"26-24 Sept 2018" (it ends before it starts: spkgsh:Event-dateOrder); the two others are good.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from spkg.cli import main
from spkg.namespace import INFERRED_GRAPH
from spkg.validate.holdback import blame
from spkg.validate.report import Result

DATA = Path(__file__).parent / "validate_data" / "holdback"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, str, Dataset]:
    out = tmp_path_factory.mktemp("holdback") / "dist"
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["build", "-q", "-o", str(out), *map(str, sorted(DATA.glob("*.txt")))])
    dump = Dataset()
    if (out / "spkg.nq").exists():
        dump.parse(out / "spkg.nq", format="nquads")
    return code, stdout.getvalue(), stderr.getvalue(), dump


def _documents(dump: Dataset) -> set[str]:
    return {str(g.identifier).rsplit("/", 1)[-1] for g in dump.graphs()
            if "/id/document/" in str(g.identifier)}


def test_the_build_exits_1_and_names_the_document_shape_and_message(built: tuple) -> None:
    code, out, err, _dump = built
    assert code == 1
    assert "bad-record.txt" in err and "held back" in err and "\n" not in err.strip()
    (line,) = [line for line in out.splitlines() if line.startswith("held back:")]
    assert "bad-record.txt [" in line and "]: spkgsh:Event-dateOrder: " in line
    assert "endDate is before its spkg:date" in line


def test_the_good_documents_are_exported_and_the_bad_one_is_not(built: tuple) -> None:
    _code, _out, _err, dump = built
    assert _documents(dump) == {"good-press-release", "good-seed"}
    assert not [q for q in dump.quads() if "bad-record" in " ".join(map(str, q))]


def test_no_inferred_triple_rests_on_the_held_back_graph(built: tuple) -> None:
    """Everything inferred is about something an exported graph asserts."""
    _code, _out, _err, dump = built
    asserted = {s for s, _p, _o, g in dump.quads() if g != INFERRED_GRAPH}
    asserted |= {o for _s, _p, o, g in dump.quads() if g != INFERRED_GRAPH}
    inferred = dump.graph(INFERRED_GRAPH)
    assert len(inferred) > 0
    assert {s for s in inferred.subjects()} <= asserted


def _result(focus: URIRef) -> Result:
    return Result(severity="Violation", shape=URIRef("urn:shape"), shape_file=None, component=None,
                  focus=focus, focus_label=None, path=None, value=None, message="m",
                  hint=None, source=None)


def test_a_violation_from_no_document_blames_none() -> None:
    """Reference or ontology faults are not a document's: the build still stops on them."""
    dataset = Dataset(default_union=True)
    thing, doc = URIRef("https://w3id.org/spkg/id/place/x"), URIRef("urn:doc")
    p, o = URIRef("urn:p"), URIRef("urn:o")
    dataset.graph(URIRef("https://w3id.org/spkg/graph/reference")).add((thing, p, o))
    dataset.graph(doc).add((URIRef("urn:a"), p, o))
    held, orphans = blame(dataset, [_result(thing), _result(URIRef("urn:a"))])
    assert [r.focus for r in orphans] == [thing]
    assert list(held) == [doc] and held[doc].results[0].focus == URIRef("urn:a")


def test_an_inferred_link_blames_the_document_it_was_inferred_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ILO spkg:implements X is inferred from doc1's X spkg:implementedBy ILO (inverse):
    doc1 is at fault, not doc2, which only says that the ILO implements something else."""
    from spkg.dataset import load_background, new_dataset
    from spkg.namespace import SPKG
    from spkg.reason import add_inferred
    from spkg.validate.holdback import document_graphs, documents_of, premise_graphs

    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path))
    ilo = URIRef("https://w3id.org/spkg/id/organisation/international-labour-organization")
    x, y = URIRef("https://w3id.org/spkg/id/event/x"), URIRef("https://w3id.org/spkg/id/project/y")
    doc1, doc2 = (URIRef(f"https://w3id.org/spkg/id/document/doc{n}") for n in (1, 2))
    dataset = new_dataset()
    load_background(dataset)
    dataset.graph(doc1).add((x, SPKG.implementedBy, ilo))
    dataset.graph(doc2).add((ilo, SPKG.implements, y))
    add_inferred(dataset, progress=False)
    result = _result(ilo)
    result = Result(**{**result.__dict__, "path": SPKG.implements, "value": x})
    documents = document_graphs(dataset)
    assert documents_of(dataset, result, documents, premise_graphs(dataset)) == {doc1}
    # without following the inference, the only evidence left names the wrong document
    assert documents_of(dataset, result, documents) == {doc2}


def test_a_faulty_triple_two_documents_assert_blames_both() -> None:
    from spkg.namespace import SPKG
    from spkg.validate.holdback import document_graphs, documents_of

    ilo, forum = URIRef("urn:ilo"), URIRef("urn:forum")
    docs = [URIRef(f"https://w3id.org/spkg/id/document/doc{n}") for n in (1, 2, 3)]
    dataset = Dataset(default_union=True)
    for doc in docs[:2]:
        dataset.graph(doc).add((ilo, SPKG.implements, forum))
    dataset.graph(docs[2]).add((ilo, SPKG.implements, URIRef("urn:programme")))
    result = Result(**{**_result(ilo).__dict__, "path": SPKG.implements, "value": forum})
    assert documents_of(dataset, result, document_graphs(dataset)) == set(docs[:2])


def test_when_every_document_violates_nothing_is_held_back_and_the_result_says_why() -> None:
    from rdflib import Graph

    from spkg.validate.holdback import validate_holding_back
    from spkg.validate.report import ValidationResult

    doc = URIRef("https://w3id.org/spkg/id/document/only")
    dataset = Dataset(default_union=True)
    dataset.graph(doc).add((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:o")))
    failing = ValidationResult([_result(URIRef("urn:a"))], Graph(), Graph().namespace_manager)
    reasoned: list[int] = []
    result, held = validate_holding_back(dataset, validate=lambda d: failing,
                                         reason=lambda d: reasoned.append(1))
    assert result is failing and held == [] and reasoned == []
    assert len(dataset.graph(doc)) == 1
