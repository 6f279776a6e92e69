"""Write the dumps of dist/: every graph in six syntaxes, the parts on their own, VoID, @context."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from spkg.atomic import atomic_write_bytes
from spkg.export import void
from spkg.export.jsonld import to_jsonld
from spkg.export.prefixes import jsonld_context
from spkg.export.syntax import to_bytes
from spkg.export.terms import canonical, dataset_quads, merged_triples
from spkg.namespace import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from spkg.progress import Progress

CONTEXT_FILE = "context.jsonld"
VOID_FILE = "void.ttl"

Selector = Callable[[ox.Quad], bool]


@dataclass(frozen=True)
class DumpSpec:
    file_name: str
    format: str  # "trig" | "nq" | "jsonld" | "ttl" | "nt" | "rdf"
    part: str  # "all" | "asserted" | "ontology" | "reference" | "documents" | "inferred"
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
_OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
}
# Plain strings: an rdflib URIRef never equals a str, and quads carry str values.
ONTOLOGY = str(ONTOLOGY_GRAPH)
REFERENCE = str(REFERENCE_GRAPH)
INFERRED = str(INFERRED_GRAPH)
_BACKGROUND = {ONTOLOGY, REFERENCE, INFERRED}


def _graph(quad: ox.Quad) -> str:
    return "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value


def _is_document(quad: ox.Quad) -> bool:
    return _graph(quad) not in _BACKGROUND


SELECTORS: dict[str, Selector] = {
    "all": lambda q: True,
    "asserted": lambda q: _graph(q) != INFERRED,
    "ontology": lambda q: _graph(q) == ONTOLOGY,
    "reference": lambda q: _graph(q) == REFERENCE,
    "documents": _is_document,
    "inferred": lambda q: _graph(q) == INFERRED,
}


def serialise(quads: Sequence[ox.Quad], fmt: str,
              triples: Sequence[ox.Triple] | None = None) -> bytes:
    """Sorted quads in one syntax; triple syntaxes get the distinct triples of all the quads
    (``triples``, when the caller has already merged them)."""
    if fmt == "jsonld":
        return to_jsonld(quads, context=CONTEXT_FILE)
    if fmt in ("trig", "nq"):
        return to_bytes(quads, _OX_FORMATS[fmt])
    return to_bytes(merged_triples(quads) if triples is None else triples, _OX_FORMATS[fmt])


def _parts(quads: Sequence[ox.Quad]) -> list[void.Part]:
    documents = sorted({_graph(q) for q in quads if _is_document(q)})
    return [
        void.Part("ontology", "the spkg ontology", (ONTOLOGY,)),
        void.Part("reference", "reference vocabularies (SDG KOS, instruments, places, concepts)",
                  (REFERENCE,)),
        void.Part("documents", "facts read from the source documents, with provenance",
                  tuple(documents)),
        void.Part("inferred", "triples inferred by OWL 2 RL reasoning", (INFERRED,)),
    ]


def export_quads(
    quads: Sequence[ox.Quad],
    out_dir: Path,
    *,
    progress: bool = True,
    endpoint: str = void.DEFAULT_ENDPOINT,
    download_base: str = void.DEFAULT_DOWNLOAD_BASE,
) -> list[Path]:
    """Write every dump of ``quads`` (already canonical and sorted) into ``out_dir``."""
    report = Progress("export", len(DUMPS) + 2, enabled=progress)
    written: list[Path] = []
    # Several dumps share a part (spkg.ttl, .nt and .rdf are all of "all"): select and merge
    # each part once.
    selected_by_part: dict[str, list[ox.Quad]] = {}
    merged_by_part: dict[str, list[ox.Triple]] = {}
    for spec in DUMPS:
        if spec.part not in selected_by_part:
            selected_by_part[spec.part] = [q for q in quads if SELECTORS[spec.part](q)]
        selected = selected_by_part[spec.part]
        triples = None
        if spec.format not in ("trig", "nq", "jsonld"):
            if spec.part not in merged_by_part:
                merged_by_part[spec.part] = merged_triples(selected)
            triples = merged_by_part[spec.part]
        target = out_dir / spec.file_name
        atomic_write_bytes(target, serialise(selected, spec.format, triples))
        written.append(target)
        report.step(spec.file_name)
    context = json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n"
    atomic_write_bytes(out_dir / CONTEXT_FILE, context.encode("utf-8"))
    written.append(out_dir / CONTEXT_FILE)
    report.step(CONTEXT_FILE)
    dumps = [void.Dump(s.file_name, MEDIA_TYPES[s.format], s.title) for s in DUMPS]
    description = void.describe(quads, _parts(quads), dumps, endpoint=endpoint,
                                download_base=download_base)
    atomic_write_bytes(out_dir / VOID_FILE, to_bytes(description, ox.RdfFormat.TURTLE))
    written.append(out_dir / VOID_FILE)
    report.step(VOID_FILE)
    report.finish(f"{len(written)} files, {len(quads)} quads → {out_dir}")
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
    quads = canonical(dataset_quads(dataset))
    return export_quads(quads, Path(out_dir), progress=progress, endpoint=endpoint,
                        download_base=download_base)
