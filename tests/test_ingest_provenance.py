"""Each extracted triple is reified per docs/contract.md, and its spans quote the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import PROV

from spkg import paths
from spkg.ingest.mapping import QUOTE_CONTEXT, statement_iri
from spkg.ingest.pipeline import ingest_document
from spkg.ingest.records import Span
from spkg.namespace import OA, SPKG

SEEDS = sorted(paths.sources_dir().glob("*.txt"))
_UNREIFIED = {SPKG.fileName, SPKG.characterCount, SPKG.contentHash}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_fact_is_reified_with_one_sentence(path: Path) -> None:
    document, triples = ingest_document(path)
    statements = {s for s, p, o in triples if p == RDF.type and o == RDF.Statement}
    reified = set()
    for statement in statements:
        def one(predicate, statement=statement):  # type: ignore[no-untyped-def]
            values = [o for s, p, o in triples if s == statement and p == predicate]
            assert len(values) == 1, (statement, predicate, values)
            return values[0]
        triple = (one(RDF.subject), one(RDF.predicate), one(RDF.object))
        assert triple in triples
        sentence = one(PROV.wasDerivedFrom)
        start, end = map(int, str(sentence).split("#char=")[1].split(","))
        assert statement == statement_iri(document.iri, triple, Span(start, end))  # type: ignore[arg-type]
        reified.add(triple)
    provenance_subjects = statements | {s for s, p, o in triples if str(s).startswith(
        f"{document.iri}#")}
    facts = {t for t in triples if t[0] not in provenance_subjects and t[1] not in _UNREIFIED}
    assert facts and facts == reified


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_selectors_quote_the_text(path: Path) -> None:
    document, triples = ingest_document(path)
    text = document.text
    values = {(s, p): o for s, p, o in triples}
    positions = {s for s, p, o in triples if p == RDF.type and o == OA.TextPositionSelector}
    assert positions
    for position in positions:
        start, end = int(values[(position, OA.start)]), int(values[(position, OA.end)])  # type: ignore[call-overload]
        quote = type(position)(str(position).replace("#position=", "#quote="))
        assert values[(quote, OA.exact)] == Literal(text[start:end])
        prefix = values.get((quote, OA.prefix))
        assert str(prefix or "") == text[max(0, start - QUOTE_CONTEXT) : start]
