"""Synthetic document graphs shaped like spkg's: for reasoning and loading benchmarks.

Each synthetic document graph holds what ingestion writes for a result record
(docs/contract.md): the document, an outcome with SDG target links, a programme with
its place and population group, organisations with org:subOrganizationOf chains up to a
ministry shared by a fiftieth of the documents, membership, and the provenance of every
fact (an rdf:Statement derived from a sentence span with position and quote selectors).
Places, SDG targets and population groups are real IRIs of data/reference/.

Seeded and deterministic: the same (triples, seed) gives the same quads, in the same order.

    python bench/generate_graph.py --triples 100000 -o bench/out/graph-100k.nq
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

BASE = "https://w3id.org/spkg/"
SPKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SDG = Namespace("http://metadata.un.org/sdg/")

PROVINCES = ("khyber-pakhtunkhwa", "punjab", "sindh", "balochistan", "azad-jammu-and-kashmir",
             "gilgit-baltistan")
TARGETS = ("1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "3.8", "5.4", "8.3", "8.5", "8.8", "10.4")
GROUPS = ("children", "informal-economy-workers", "rural-workers", "self-employed")
ORG_CLASSES = (SPKG.GovernmentBody, SPKG.SocialSecurityInstitution, SPKG.Body)
DOCUMENTS_PER_MINISTRY = 50

Quad = tuple[URIRef, URIRef, object, URIRef]


class _Document:
    """Builds one synthetic document graph: facts, each reified with its sentence."""

    def __init__(self, number: int, rng: random.Random, ministries: int):
        self.number = number
        self.rng = rng
        self.ministries = ministries
        self.slug = f"synthetic-{number:07d}"
        self.doc = ID[f"document/{self.slug}"]
        self.quads: list[Quad] = []
        self.offset = 0

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self.quads.append((s, p, o, self.doc))

    def sentence(self, text: str, facts: list[tuple[URIRef, URIRef, object]]) -> None:
        """Facts read from one sentence: asserted, reified, tied to the span."""
        start, end = self.offset, self.offset + len(text)
        self.offset = end + 1
        span = URIRef(f"{self.doc}#char={start},{end}")
        position = URIRef(f"{self.doc}#position={start},{end}")
        quote = URIRef(f"{self.doc}#quote={start},{end}")
        self.add(span, RDF.type, OA.SpecificResource)
        self.add(span, RDF.type, SPKG.Sentence)
        self.add(span, OA.hasSource, self.doc)
        self.add(span, OA.hasSelector, position)
        self.add(span, OA.hasSelector, quote)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(text))
        for s, p, o in facts:
            self.add(s, p, o)
            line = f"{s.n3()} {p.n3()} {o.n3()} ."  # type: ignore[attr-defined]
            digest = hashlib.sha1(line.encode()).hexdigest()[:16]
            statement = URIRef(f"{self.doc}#statement-{digest}")
            self.add(statement, RDF.type, RDF.Statement)
            self.add(statement, RDF.subject, s)
            self.add(statement, RDF.predicate, p)
            self.add(statement, RDF.object, o)
            self.add(statement, PROV.wasDerivedFrom, span)

    def build(self) -> list[Quad]:
        rng, n, doc = self.rng, self.number, self.doc
        outcome = ID[f"outcome/{self.slug}"]
        programme = ID[f"programme/{self.slug}-programme"]
        unit = ID[f"organisation/{self.slug}-unit"]
        department = ID[f"organisation/{self.slug}-department"]
        federation = ID[f"organisation/{self.slug}-federation"]
        group_body = ID[f"organisation/{self.slug}-expert-group"]
        ministry_number = n % self.ministries
        ministry = ID[f"organisation/synthetic-ministry-{ministry_number:04d}"]
        province = ID[f"place/{rng.choice(PROVINCES)}"]
        group = ID[f"population-group/{rng.choice(GROUPS)}"]
        year = 2015 + n % 10

        self.add(doc, RDF.type, SPKG.ResultRecord)
        self.add(doc, SPKG.fileName, Literal(f"{self.slug}.txt"))
        self.add(doc, SPKG.contentHash, Literal(hashlib.sha256(self.slug.encode()).hexdigest()))
        achieved = f"Result {n} achieved in {year}."
        self.sentence(achieved, [
            (doc, DCTERMS.title, Literal(f"Synthetic result {n}", lang="en")),
            (doc, SPKG.country, ID["place/pakistan"]),
            (outcome, RDF.type, SPKG.Outcome),
            (outcome, RDFS.label, Literal(f"Synthetic outcome {n}", lang="en")),
            (outcome, SPKG.statement, Literal(achieved, lang="en")),
            (outcome, SPKG.reportedIn, doc),
            (outcome, SPKG.year, Literal(str(year), datatype=XSD.gYear)),
        ])
        targets = rng.sample(TARGETS, rng.randint(1, 3))
        self.sentence("The result contributes to SDG targets " + ", ".join(targets) + ".",
                      [(outcome, SPKG.contributesToTarget, SDG[t]) for t in targets])
        self.sentence(f"Programme {n} extends coverage in the province.", [
            (programme, RDF.type, SPKG.Programme),
            (programme, RDFS.label, Literal(f"Synthetic programme {n}", lang="en")),
            (programme, SPKG.extendsCoverageTo, group),
            (programme, SPKG.locatedIn, province),
            (outcome, SPKG.outcomeOf, programme),
            (outcome, SPKG.keyword, group),
        ])
        self.sentence(f"Unit {n} of department {n} implements the programme.", [
            (unit, RDF.type, rng.choice(ORG_CLASSES)),
            (unit, RDFS.label, Literal(f"Synthetic unit {n}", lang="en")),
            (unit, SPKG.implements, programme),
            (unit, ORG.subOrganizationOf, department),
            (department, RDF.type, SPKG.GovernmentBody),
            (department, RDFS.label, Literal(f"Synthetic department {n}", lang="en")),
            (department, ORG.subOrganizationOf, ministry),
            (outcome, SPKG.partner, department),
        ])
        self.sentence(f"Federation {n} is a member of expert group {n}.", [
            (federation, RDF.type, SPKG.WorkersOrganisation),
            (federation, RDFS.label, Literal(f"Synthetic federation {n}", lang="en")),
            (federation, ORG.memberOf, group_body),
            (group_body, RDF.type, SPKG.ExpertGroup),
            (group_body, RDFS.label, Literal(f"Synthetic expert group {n}", lang="en")),
            (group_body, SPKG.establishedToDevelop, programme),
        ])
        if n < self.ministries:  # the first document naming a ministry says whose it is
            government = ID["organisation/government-of-pakistan"]
            self.sentence(f"Ministry {ministry_number} is part of the Government of Pakistan.", [
                (ministry, RDF.type, SPKG.Ministry),
                (ministry, RDFS.label, Literal(f"Synthetic ministry {ministry_number}", lang="en")),
                (ministry, ORG.subOrganizationOf, government),
                (government, RDF.type, SPKG.GovernmentBody),
                (government, RDFS.label, Literal("Government of Pakistan", lang="en")),
            ])
        # Not read from a sentence, so not reified (docs/contract.md): the text's length.
        self.add(doc, SPKG.characterCount, Literal(self.offset - 1, datatype=XSD.integer))
        return self.quads


def iter_quads(triples: int, seed: int = 0, *, ministries: int | None = None) -> Iterator[Quad]:
    """Quads of whole synthetic documents until at least ``triples`` have been produced.

    Documents share a ministry (one per DOCUMENTS_PER_MINISTRY documents unless given):
    its org:subOrganizationOf chain ties them into one reasoning group.
    """
    rng = random.Random(seed)
    per_document = 190  # roughly; only used to size the shared ministry pool
    if ministries is None:
        ministries = max(1, triples // per_document // DOCUMENTS_PER_MINISTRY)
    produced = 0
    number = 0
    while produced < triples:
        quads = _Document(number, rng, ministries).build()
        produced += len(quads)
        number += 1
        yield from quads


def generate_graph(triples: int, seed: int = 0) -> Dataset:
    """A Dataset of synthetic document graphs (one named graph each) of about ``triples``."""
    dataset = Dataset()
    for s, p, o, g in iter_quads(triples, seed):
        dataset.add((s, p, o, g))  # type: ignore[arg-type]
    return dataset


def write_nquads(path: Path, triples: int, seed: int = 0) -> int:
    """Write the synthetic graphs as N-Quads (streamed, no Dataset in memory); returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for s, p, o, g in iter_quads(triples, seed):
            out.write(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n")  # type: ignore[attr-defined]
            count += 1
    tmp.replace(path)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, required=True, help="N-Quads file to write")
    args = parser.parse_args(argv)
    count = write_nquads(args.output, args.triples, args.seed)
    print(f"wrote {count} quads to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
