"""Regenerate the reasoning fixtures: ``.venv/bin/python tests/reason/make_fixtures.py``.

Each fixture document graph holds a few facts read from a seed document in data/sources/,
reified with the sentence they come from (offsets computed here from the real text), in
the shape of docs/contract.md. The facts are left untyped where the test wants to see
a type inferred from a domain or range.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import RDF, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV, XSD

from spkg import paths
from spkg.namespace import OA, ORG, SDG, SPKG, document_iri, mint, span_iri

HERE = Path(__file__).resolve().parent

# (seed file stem, [(subject, predicate, object, sentence that states it)])
FACTS: dict[str, list[tuple[URIRef, URIRef, URIRef, str]]] = {
    "001_0844c7bbfea795f9": [
        (mint("outcome", "001-0844c7bbfea795f9"), SPKG.contributesToTarget, SDG["1.3"],
         "1.3 Implement nationally appropriate social protection systems and measures for all"),
        (mint("programme", "Mazdoor Ka EHSAAS"), SPKG.extendsCoverageTo,
         mint("population-group", "informal economy workers"),
         "The 'Mazdoor Ka EHSAAS (compassion for Labour)' programme, which was jointly developed"),
        (mint("organisation", "MKE Implementation Unit"), SPKG.implements,
         mint("programme", "Mazdoor Ka EHSAAS"),
         "It was formally launched on 1 May 2021 and notified to the MKE Implementation Unit"),
        (mint("organisation", "EHSAAS Delivery Unit"), ORG.subOrganizationOf,
         mint("organisation", "Ministry of Poverty Alleviation and Social Safety Division"),
         "ILO also facilitated discussions in the meetings"),
        (mint("organisation", "Ministry of Poverty Alleviation and Social Safety Division"),
         ORG.subOrganizationOf, mint("organisation", "Government of Pakistan"),
         "ILO also facilitated discussions in the meetings"),
    ],
    "000_d088c9348fb0c60c": [
        (mint("law", "KP Employees Social Security Act 2021"), SPKG.locatedIn,
         mint("place", "Khyber Pakhtunkhwa"),
         "On 9 September 2021, the Government of Khyber Pakhtunkhwa adopted the amended"),
    ],
    "003_fe60b1eef80f63e0": [
        (mint("organisation", "Pakistan Workers Federation"), ORG.memberOf,
         mint("organisation", "Labour Expert Group"),
         "Pakistan Workers Federation (PWF) and Employers Federation of Pakistan (EFP) are"),
    ],
}


def sentence_span(text: str, start_words: str) -> tuple[int, int]:
    """The sentence (up to its full stop or line end) that begins with ``start_words``."""
    start = text.index(start_words)
    ends = [i for i in (text.find(". ", start), text.find(".\n", start), text.find("\n", start))
            if i != -1]
    end = min(ends)
    return start, end + 1 if text[end] == "." else end


def add_document(dataset: Dataset, stem: str) -> None:
    text = (paths.sources_dir() / f"{stem}.txt").read_text(encoding="utf-8")
    doc = document_iri(stem)
    graph = dataset.graph(doc)
    graph.add((doc, RDF.type, SPKG.SourceDocument))
    graph.add((doc, SPKG.fileName, Literal(f"{stem}.txt")))
    for s, p, o, words in FACTS[stem]:
        graph.add((s, p, o))
        nt = f"{s.n3()} {p.n3()} {o.n3()} ."
        statement = URIRef(f"{doc}#statement-{hashlib.sha1(nt.encode()).hexdigest()[:16]}")
        start, end = sentence_span(text, words)
        span = span_iri(doc, start, end)
        position = URIRef(f"{doc}#position={start},{end}")
        quote = URIRef(f"{doc}#quote={start},{end}")
        for triple in (
            (statement, RDF.type, RDF.Statement), (statement, RDF.subject, s),
            (statement, RDF.predicate, p), (statement, RDF.object, o),
            (statement, PROV.wasDerivedFrom, span),
            (span, RDF.type, OA.SpecificResource), (span, RDF.type, SPKG.Sentence),
            (span, OA.hasSource, doc), (span, OA.hasSelector, position),
            (span, OA.hasSelector, quote),
            (position, RDF.type, OA.TextPositionSelector),
            (position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)),
            (position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)),
            (quote, RDF.type, OA.TextQuoteSelector),
            (quote, OA.exact, Literal(text[start:end])),
            (quote, OA.prefix, Literal(text[max(0, start - 32):start])),
            (quote, OA.suffix, Literal(text[end:end + 32])),
        ):
            graph.add(triple)


def clash_document(dataset: Dataset) -> None:
    """A wrongly linked entity: a law 'located in' a workers' federation (invented on purpose)."""
    doc = URIRef("https://w3id.org/spkg/id/document/fixture-clash")
    graph = dataset.graph(doc)
    pwf = mint("organisation", "Pakistan Workers Federation")
    graph.add((pwf, RDF.type, SPKG.WorkersOrganisation))
    graph.add((mint("law", "KP Employees Social Security Act 2021"), SPKG.locatedIn, pwf))


def main() -> None:
    from spkg.dataset import bind_prefixes

    documents = Dataset()
    bind_prefixes(documents)
    documents.bind("prov", Namespace(str(PROV)))
    for stem in FACTS:
        add_document(documents, stem)
    (HERE / "documents.trig").write_text(documents.serialize(format="trig"), encoding="utf-8")
    clash = Dataset()
    bind_prefixes(clash)
    clash_document(clash)
    (HERE / "clash.trig").write_text(clash.serialize(format="trig"), encoding="utf-8")


if __name__ == "__main__":
    main()
