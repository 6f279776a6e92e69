"""Reason over the graph and say why something holds: :func:`reason_graph`,
:func:`why_text`, :func:`explain_triple`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from spkg.api.graph import load_dataset

if TYPE_CHECKING:
    from rdflib import Graph, URIRef
    from rdflib.term import Node

    from spkg.reason import Inference
    from spkg.reason.explain import Justifier


def reason_graph(*, graph: Path | str | None = None, files: Sequence[Path | str] | None = None,
                 engine: str | None = None, use_cache: bool = True,
                 output: Path | str | None = None, progress: bool = False) -> Inference:
    """Close the asserted graph (the build ``graph``, or the document graphs in ``files``
    with the bundled ontology and reference data) under OWL 2 RL: the new, non-trivial
    triples, the individuals typed with disjoint classes (``clashes``) and the engine's
    warnings. ``engine``: ``owlrl`` or ``reasonable`` (the default); results are cached on
    the inputs' content unless ``use_cache=False``. ``output`` gets the inferred graph as
    TriG, written whole.

    >>> import spkg
    >>> seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))[:1]
    >>> result = spkg.reason_graph(files=seeds)
    >>> len(result.graph) > 0 and result.engine == "reasonable"
    True
    """
    from spkg.reason import DEFAULT_ENGINE, reason

    dataset = load_dataset(graph, files=files, inferred=False, progress=progress)
    result = reason(dataset, engine=engine or DEFAULT_ENGINE, use_cache=use_cache,
                    progress=progress)
    if output is not None:
        _write_inferred(result.graph, Path(output))
    return result


def _write_inferred(inferred: Graph, output: Path) -> None:
    """The inferred triples as TriG, in their named graph."""
    from rdflib import Dataset

    from spkg.atomic import atomic_write_bytes
    from spkg.namespace import INFERRED_GRAPH
    from spkg.prefixes import bind_prefixes

    out = Dataset()
    bind_prefixes(out)
    target = out.graph(INFERRED_GRAPH)
    for triple in inferred:
        target.add(triple)
    atomic_write_bytes(output, out.serialize(format="trig", encoding="utf-8"))


def why_text(term: str, *, graph: Path | str | None = None,
             files: Sequence[Path | str] | None = None, progress: bool = False) -> str:
    """Every asserted fact with ``term`` (an IRI, full, ``<…>`` or prefixed, or a label) as
    subject or object, each with the document and sentence it was read from. Raises
    :class:`spkg.SpkgError` when the term names nothing.

    >>> import spkg
    >>> seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))
    >>> text = spkg.why_text("Benazir Mazdoor Card", files=seeds)
    >>> text.split()[0]
    'id:programme/benazir-mazdoor-card'
    """
    from spkg.why import explain_text

    dataset = load_dataset(graph, files=files, inferred=False, progress=progress)
    return explain_text(dataset, term)


class Explanation(NamedTuple):
    """Why a triple holds: ``triple`` as Turtle terms, ``lines`` the justification (the
    sentences it was read from, or the rule and the triples it was inferred from), none
    when the triple does not hold (``holds`` false)."""

    triple: str
    holds: bool
    lines: tuple[str, ...] = ()

    def text(self) -> str:
        """The justification, one step a line, or a line saying it does not hold."""
        return "\n".join(self.lines) if self.holds else f"does not hold: {self.triple}"


def explain_triple(subject: str, predicate: str, object: str, *,
                   graph: Path | str | None = None, files: Sequence[Path | str] | None = None,
                   engine: str | None = None, progress: bool = False) -> Explanation:
    """Why ``subject predicate object`` holds. Terms are IRIs (``<…>`` or http…), prefixed
    names, ``a``, literals (``"text"@en``, ``42``) or, for subject and object, a label.
    The inferences are the build's, or with ``engine`` (always with ``files``: the
    default engine) those of reasoning again. A term the graph does not know raises
    :class:`spkg.SpkgError`.

    >>> import spkg
    >>> seeds = sorted(spkg.paths.graphs_dir().glob("*.trig"))
    >>> why = spkg.explain_triple("Benazir Mazdoor Card", "a", "spkg:Programme", files=seeds)
    >>> why.holds
    True
    """
    from spkg.reason import DEFAULT_ENGINE, add_inferred
    from spkg.reason.explain import Justifier, render

    dataset = load_dataset(graph, files=files, inferred=engine is None, progress=progress)
    if files or engine:
        add_inferred(dataset, engine=engine or DEFAULT_ENGINE, progress=False)
    justifier = Justifier(dataset, copy=False)  # the dataset is this call's own
    triple = (_term(subject, justifier, "subject"), _term(predicate, justifier, "predicate"),
              _term(object, justifier, "object"))
    justification = justifier.explain(triple)
    nsm = justifier.closure.namespace_manager
    shown = " ".join(term.n3(nsm) for term in triple)
    if justification is None:
        return Explanation(shown, holds=False)
    return Explanation(shown, holds=True, lines=tuple(render(justification, justifier.closure)))


_LITERAL_START = ('"', "'")


def _is_label(text: str) -> bool:
    """Neither an IRI, a prefixed name, 'a', a literal nor a number: a label, as `why` takes."""
    from spkg.reason.terms import _PREFIXED

    text = text.strip()
    if text == "a" or text.startswith(("<", "http://", "https://", "urn:", *_LITERAL_START)):
        return False
    if _PREFIXED.match(text) or text in ("true", "false"):
        return False
    try:
        float(text)
    except ValueError:
        return True
    return False


def _term(text: str, justifier: Justifier, position: str) -> Node:
    """The term ``text`` names in the graph; a name the graph does not know is an error
    (exit 2), not a triple that "does not hold"."""
    from rdflib import URIRef

    from spkg.reason.terms import parse_term
    from spkg.why import UnknownResource, resolve

    graph = justifier.closure
    if position != "predicate" and _is_label(text):
        found = resolve(justifier.dataset, text)  # UnknownResource when no label matches
        if len(found) > 1:
            names = ", ".join(iri.n3(graph.namespace_manager) for iri in found[:5])
            raise UnknownResource(f"{position} {text!r} names {len(found)} resources "
                                  f"({names}); give one IRI")
        return found[0]
    term = parse_term(text, graph.namespace_manager, position=position)
    if isinstance(term, URIRef) and not _occurs(graph, term):
        from spkg.namespace import SPKG

        kind = "term" if str(term).startswith(str(SPKG._NS)) or position == "predicate" \
            else "resource"
        raise UnknownResource(f"unknown {kind} {text.strip()} ({position}): nothing in the "
                              "graph has this IRI")
    return term


def _occurs(graph: Graph, iri: URIRef) -> bool:
    return ((iri, None, None) in graph or (None, None, iri) in graph
            or (None, iri, None) in graph)
