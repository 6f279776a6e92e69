"""Find things by name: labels, preferred and alternative labels in any language, acronyms."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from spkg.pages.graphview import SPKG, GraphView, local_path, sparql_prefixes

MAX_HITS = 50
_QUERY = "\n" + sparql_prefixes("rdfs", "skos") + """SELECT ?thing ?name WHERE {
  VALUES ?needle { %s }
  ?thing rdfs:label|skos:prefLabel|skos:altLabel ?name .
  FILTER(isIRI(?thing) && isLiteral(?name) && CONTAINS(LCASE(STR(?name)), ?needle))
}
"""
# What a reader looks for; sentences, mentions and the like are not found by name.
_SKIP_TYPES = {SPKG + t for t in ("Sentence", "Mention", "CurationAct")}


@dataclass
class Hit:
    label: str  # the thing's own label
    matched: str  # the name that matched, when it is another one ('MKE', 'Islamic Republic …')
    kind: str
    href: str
    iri: str


def search(view: GraphView, text: str, *, limit: int = MAX_HITS) -> list[Hit]:
    """Things whose label, or any other name, contains ``text`` (case-insensitive); exact
    names first, then names starting with it, then the rest, each by label."""
    needle = " ".join(text.split()).lower()
    if not needle:
        return []
    # the text goes in as an RDF literal pyoxigraph writes (escaped), never as query syntax
    solutions = view.store.query(_QUERY % ox.Literal(needle), use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    ranked: dict[str, tuple[int, str]] = {}
    for row in solutions:
        thing, name = row["thing"], row["name"]
        if not isinstance(thing, ox.NamedNode) or not isinstance(name, ox.Literal):
            continue
        if local_path(thing.value) is None or not thing.value.startswith(
                "https://w3id.org/spkg/id/"):
            continue
        lowered = name.value.lower()
        rank = 0 if lowered == needle else 1 if lowered.startswith(needle) else 2
        if thing.value not in ranked or rank < ranked[thing.value][0]:
            ranked[thing.value] = (rank, name.value)
    hits = []
    for iri, (rank, name) in ranked.items():
        kind = _kind(view, ox.NamedNode(iri))
        if kind is None:
            continue
        label = view.label(ox.NamedNode(iri))
        hits.append((rank, label.lower(), Hit(label, "" if name == label else name, kind,
                                              local_path(iri) or "", iri)))
    hits.sort(key=lambda h: (h[0], h[1], h[2].iri))
    return [h[2] for h in hits[:limit]]


def _kind(view: GraphView, thing: ox.NamedNode) -> str | None:
    """The most telling spkg class of a thing (asserted before inferred); None to leave it out."""
    types = [(view.is_inferred(q), q.object) for q in view.store.quads_for_pattern(
        thing, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None, None)
        if isinstance(q.object, ox.NamedNode)]
    if any(t.value in _SKIP_TYPES for _, t in types):
        return None
    own = sorted((inferred, t.value) for inferred, t in types if t.value.startswith(SPKG))
    return view.label(ox.NamedNode(own[0][1])) if own else "thing"


def name_index(view: GraphView) -> list[dict[str, object]]:
    """Every findable thing with all its names, for the static site's search (no server there)."""
    rows = view.select(sparql_prefixes("rdfs", "skos") + """
        SELECT DISTINCT ?thing ?name WHERE {
          ?thing rdfs:label|skos:prefLabel|skos:altLabel ?name .
          FILTER(isIRI(?thing) && isLiteral(?name)
                 && STRSTARTS(STR(?thing), "https://w3id.org/spkg/id/")) }""")
    names: dict[str, set[str]] = {}
    for row in rows:
        thing, name = row["thing"], row["name"]
        if isinstance(thing, ox.NamedNode) and isinstance(name, ox.Literal):
            names.setdefault(thing.value, set()).add(name.value)
    entries: list[dict[str, object]] = []
    for iri in sorted(names):
        node = ox.NamedNode(iri)
        kind = _kind(view, node)
        href = local_path(iri)
        if kind is None or href is None:
            continue
        entries.append({"label": view.label(node), "names": sorted(names[iri]), "kind": kind,
                        "href": href})
    return entries
