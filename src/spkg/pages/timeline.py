"""Dated events (adoptions, launches, notifications, meetings …) about some resources, in order,
each with the sentence its date was read from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from spkg.pages.formatting import format_date
from spkg.pages.graphview import GraphView, local_path, sparql_prefixes


@dataclass
class TimelineEvent:
    date: str  # lexical, sorts ('2021-03' < '2021-03-15' < '2021-05-01')
    shown_date: str  # 'March 2021'
    kind: str  # 'Adoption', 'Launch' …
    label: str
    href: str | None  # the event's page
    about: str
    about_href: str | None
    sentence: str  # the words the date was read from; '' when not known
    source_href: str | None  # the event page's anchor for that sentence


_QUERY = "\n" + sparql_prefixes("spkg", "rdf", "rdfs", "prov", "oa") + """
SELECT ?event ?date ?about (SAMPLE(?kind) AS ?k) (SAMPLE(?span) AS ?s) (SAMPLE(?exact) AS ?x)
WHERE {
  VALUES ?about { %s }
  ?event spkg:concerns ?about ; spkg:date ?date .
  OPTIONAL { ?event a ?kind . ?kind rdfs:subClassOf spkg:Event . FILTER(?kind != spkg:Event) }
  OPTIONAL {
    ?statement rdf:subject ?event ; rdf:predicate spkg:date ; prov:wasDerivedFrom ?span .
    ?span oa:hasSelector ?selector . ?selector oa:exact ?exact .
  }
}
GROUP BY ?event ?date ?about
"""


def sentence_anchor(span_iri: str) -> str:
    """A stable HTML id for a sentence: its document's slug and character range."""
    document, _, fragment = span_iri.rpartition("#")
    text = document.rsplit("/", 1)[-1] + "-" + fragment
    return "s-" + "".join(c if c.isalnum() else "-" for c in text)


def timeline(view: GraphView, about: Iterable[str]) -> list[TimelineEvent]:
    """The events that concern any of ``about`` (IRIs), oldest first."""
    values = " ".join(str(ox.NamedNode(iri)) for iri in sorted(set(about)))
    if not values:
        return []
    events = []
    for row in view.select(_QUERY % values):
        event, date, target = row["event"], row["date"], row["about"]
        if not isinstance(event, ox.NamedNode) or not isinstance(date, ox.Literal):
            continue
        kind, span, exact = row["k"], row["s"], row["x"]
        href = local_path(event.value)
        events.append(TimelineEvent(
            date=date.value,
            shown_date=format_date(date.value),
            kind=view.label(kind) if isinstance(kind, ox.NamedNode) else "Event",
            label=view.label(event),
            href=href,
            about=view.label(target),
            about_href=local_path(target.value) if isinstance(target, ox.NamedNode) else None,
            sentence=exact.value if isinstance(exact, ox.Literal) else "",
            source_href=(f"{href}#{sentence_anchor(span.value)}"
                         if href and isinstance(span, ox.NamedNode) else href),
        ))
    events.sort(key=lambda e: (e.date, e.label, e.href or ""))
    return events
