"""Write the dumps of dist/: every graph in six syntaxes, the parts on their own, VoID, @context."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset

from spkg.atomic import atomic_write, atomic_write_bytes
from spkg.export import void
from spkg.export.canonical import CanonicalDataset, graph_iri
from spkg.export.jsonld import write_jsonld
from spkg.export.prefixes import jsonld_context
from spkg.export.syntax import to_bytes
from spkg.export.terms import OxGraphName
from spkg.namespace import CURATION_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.progress import Progress

CONTEXT_FILE = "context.jsonld"
VOID_FILE = "void.ttl"

Selector = Callable[[str], bool]


@dataclass(frozen=True)
class DumpSpec:
    file_name: str
    format: str  # "trig" | "nq" | "jsonld" | "ttl" | "nt" | "rdf"
    part: str  # "all" | "asserted" | "ontology" | "reference" | "documents" | "curation"
    # | "inferred"
    title: str


# Quad formats keep graph names; triple formats (ttl, nt, rdf) hold the union of the part's graphs.
DUMPS: tuple[DumpSpec, ...] = (
    DumpSpec("spkg.trig", "trig", "all", "every graph, asserted and inferred (TriG)"),
    DumpSpec("spkg.nq", "nq", "all", "every graph, asserted and inferred (N-Quads)"),
    DumpSpec("spkg.jsonld", "jsonld", "all", "every graph, asserted and inferred (JSON-LD)"),
    DumpSpec("spkg.ttl", "ttl", "all", "union of every graph, graph names dropped (Turtle)"),
    DumpSpec("spkg.nt", "nt", "all", "union of every graph, graph names dropped (N-Triples)"),
    DumpSpec("spkg.rdf", "rdf", "all", "union of every graph, graph names dropped (RDF/XML)"),
    DumpSpec("asserted.trig", "trig", "asserted",
             "asserted graphs: ontology, reference, documents"),
    DumpSpec("asserted.ttl", "ttl", "asserted", "union of the asserted graphs (Turtle)"),
    DumpSpec("documents.trig", "trig", "documents", "one graph per source document (TriG)"),
    DumpSpec("ontology.ttl", "ttl", "ontology", "the spkg OWL ontology (Turtle)"),
    DumpSpec("reference.ttl", "ttl", "reference", "the reference vocabularies (Turtle)"),
    DumpSpec("inferred.ttl", "ttl", "inferred", "what OWL 2 RL reasoning adds (Turtle)"),
    DumpSpec("inferred.nt", "nt", "inferred", "what OWL 2 RL reasoning adds (N-Triples)"),
)

MEDIA_TYPES = {
    "trig": "application/trig",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
_QUAD_FORMATS = ("trig", "nq", "jsonld")
# The triple syntaxes pyoxigraph writes from merged lines (N-Triples is the lines themselves).
_OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "rdf": ox.RdfFormat.RDF_XML}
# Plain strings: an rdflib URIRef never equals a str, and selectors see graph IRIs as str.
ONTOLOGY = str(ONTOLOGY_GRAPH)
REFERENCE = str(REFERENCE_GRAPH)
INFERRED = str(INFERRED_GRAPH)
CURATION = str(CURATION_GRAPH)  # people's corrections: neither read nor background
_BACKGROUND = {ONTOLOGY, REFERENCE, INFERRED, CURATION}


def _is_document(graph: str) -> bool:
    return graph not in _BACKGROUND


# Which graphs (by IRI, '' for the default graph) each part holds.
SELECTORS: dict[str, Selector] = {
    "all": lambda g: True,
    "asserted": lambda g: g != INFERRED,
    "ontology": lambda g: g == ONTOLOGY,
    "reference": lambda g: g == REFERENCE,
    "documents": _is_document,
    "curation": lambda g: g == CURATION,
    "inferred": lambda g: g == INFERRED,
}


def _part_graphs(data: CanonicalDataset, part: str) -> list[OxGraphName]:
    return [name for name in data.graph_names() if SELECTORS[part](graph_iri(name))]


part_graphs = _part_graphs  # the graphs a part holds, in the order its dumps write them


def write_dump(out: IO[bytes], data: CanonicalDataset, spec: DumpSpec,
                merged: list[bytes] | None) -> None:
    """One dump: quad syntaxes keep the graphs, triple syntaxes get the ``merged`` lines."""
    names = _part_graphs(data, spec.part)
    if spec.format == "nq":
        for line in data.nquads_lines(names):
            out.write(line + b"\n")
    elif spec.format == "jsonld":
        write_jsonld(out, ((n, data.quads([n])) for n in names), context=CONTEXT_FILE)
    elif spec.format == "trig":
        out.write(to_bytes(data.quads(names), ox.RdfFormat.TRIG))
    else:
        assert merged is not None
        if spec.format == "nt":
            for line in merged:
                out.write(line + b"\n")
        else:
            triples = ox.parse(b"\n".join(merged), format=ox.RdfFormat.N_TRIPLES)
            out.write(to_bytes(triples, _OX_FORMATS[spec.format]))


def _parts(data: CanonicalDataset) -> list[void.Part]:
    documents = [graph_iri(name) for name in _part_graphs(data, "documents")]
    return [
        void.Part("ontology", "the spkg ontology", (ONTOLOGY,)),
        void.Part("reference", "reference vocabularies (SDG KOS, instruments, places, concepts)",
                  (REFERENCE,)),
        void.Part("documents", "facts read from the source documents, with provenance",
                  tuple(documents)),
        void.Part("curation", "people's corrections: who, when, why, and the facts they added",
                  (CURATION,)),
        void.Part("inferred", "triples inferred by OWL 2 RL reasoning", (INFERRED,)),
    ]


def export_canonical(
    data: CanonicalDataset,
    out_dir: Path,
    *,
    progress: bool = True,
    endpoint: str = void.DEFAULT_ENDPOINT,
    download_base: str = void.DEFAULT_DOWNLOAD_BASE,
    shown_as: Path | None = None,
    reuse: Callable[[DumpSpec, IO[bytes]], bool] | None = None,
) -> list[Path]:
    """Write every dump of ``data`` into ``out_dir``, each file whole or not at all.

    ``shown_as``: the folder the progress line names (a build is written beside its place);
    ``reuse(spec, out)``: writes a dump from an earlier one and says so (spkg add splices
    the graphs that changed into the old dumps), else the dump is written here.
    """
    report = Progress("export", len(DUMPS) + 2, enabled=progress)
    written: list[Path] = []
    # spkg.ttl, .nt and .rdf all hold the union of "all": merge each part once.
    merged_by_part: dict[str, list[bytes]] = {}

    def merged(part: str) -> list[bytes]:
        if part not in merged_by_part:
            merged_by_part[part] = data.merged_lines(_part_graphs(data, part))
        return merged_by_part[part]

    for spec in DUMPS:
        target = out_dir / spec.file_name
        with atomic_write(target, "wb") as out:
            if reuse is None or not reuse(spec, out):
                write_dump(out, data, spec,
                           None if spec.format in _QUAD_FORMATS else merged(spec.part))
        written.append(target)
        report.step(spec.file_name)
    context = json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n"
    atomic_write_bytes(out_dir / CONTEXT_FILE, context.encode("utf-8"))
    written.append(out_dir / CONTEXT_FILE)
    report.step(CONTEXT_FILE)
    dumps = [void.Dump(s.file_name, MEDIA_TYPES[s.format], s.title) for s in DUMPS]
    parts = [(part, void.Statistics.of_lines(data.merged_lines(data.select(part.graphs))))
             for part in _parts(data)]
    description = void.describe(void.Statistics.of_lines(merged("all")), parts, dumps,
                                endpoint=endpoint, download_base=download_base)
    atomic_write_bytes(out_dir / VOID_FILE, to_bytes(description, ox.RdfFormat.TURTLE))
    written.append(out_dir / VOID_FILE)
    report.step(VOID_FILE)
    report.finish(f"{len(written)} files, {len(data)} quads → {shown_as or out_dir}")
    return written


def export_dataset(
    dataset: Dataset,
    out_dir: Path,
    *,
    progress: bool = True,
    endpoint: str = void.DEFAULT_ENDPOINT,
    download_base: str = void.DEFAULT_DOWNLOAD_BASE,
) -> list[Path]:
    """Export an rdflib Dataset to ``out_dir``; returns the files written (see DUMPS)."""
    return export_canonical(CanonicalDataset.from_rdflib(dataset), Path(out_dir),
                            progress=progress, endpoint=endpoint, download_base=download_base)
