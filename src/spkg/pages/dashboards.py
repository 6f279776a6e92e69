"""A country's page as a dashboard: what it has (programmes, laws, policies, bodies), its ILO
results by year, the C102 branches covered and missing, instruments, partners and a timeline.

Everything is read with SPARQL over the page store (asserted and inferred graphs together).
A thing belongs to a country when it is located in it (directly or through part-of), or when
a body located in it adopted, implemented or developed it: nothing locates Mazdoor Ka Ehsaas
in Pakistan, but the Government of Pakistan adopted it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from spkg.pages.charts import Chart, branch_chart, years_chart
from spkg.pages.graphview import RDF, RDF_TYPE, SPKG, GraphView, local_path, n, sparql_prefixes
from spkg.pages.timeline import TimelineEvent, timeline

PREFIXES = "\n" + sparql_prefixes("spkg", "rdf", "rdfs", "prov", "org")
# ?thing belongs to ?country; ?via is the body through which it does (unbound when direct)
IN_COUNTRY = """
  { ?thing (spkg:locatedIn|spkg:country)/(spkg:partOf|spkg:locatedIn)* ?country . }
  UNION
  { ?thing spkg:reportedIn/spkg:country ?country . }
  UNION
  { ?thing ?how ?via . VALUES ?how { spkg:adoptedBy spkg:implementedBy spkg:developedBy }
    ?via (spkg:locatedIn|org:subOrganizationOf)/(spkg:partOf|spkg:locatedIn)* ?country . }
"""
GROUPS = (  # heading, classes (most specific first: a thing is listed under its first match)
    ("Programmes and schemes", ("Programme", "Scheme", "CountryProgramme")),
    ("Laws", ("Law",)),
    ("Policies and strategies", ("Policy", "Strategy")),
    ("Bodies", ("Body", "Forum", "ExpertGroup")),
    ("Government and institutions", ("Government", "Ministry", "GovernmentBody",
                                     "SocialSecurityInstitution")),
    ("Workers' and employers' organisations", ("WorkersOrganisation", "EmployersOrganisation")),
    ("Projects and studies", ("Project", "Study")),
)


@dataclass
class Item:
    label: str
    href: str | None
    iri: str
    note: str = ""  # why it is listed: 'adopted by Government of Pakistan'
    source_href: str | None = None  # the sentence the listing rests on
    key: str = ""  # a short name for tight spots: 'R1' for the first ILO result of a page


@dataclass
class BranchRow:
    label: str
    href: str | None
    interventions: list[Item]
    results: list[Item]

    @property
    def status(self) -> str:
        if self.interventions:
            return "covered"
        return "results only" if self.results else "gap"


@dataclass
class YearResults:
    year: str
    results: list[Item]


@dataclass
class Dashboard:
    iri: str
    groups: list[tuple[str, list[Item]]]
    results: list[YearResults]
    branches: list[BranchRow]
    instruments: list[Item]
    partners: list[Item]
    documents: list[Item]
    events: list[TimelineEvent] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)  # drawn over tables of their numbers


def is_country(view: GraphView, iri: str) -> bool:
    return any(True for _ in view.store.quads_for_pattern(
        n(iri), RDF_TYPE, n(SPKG + "Country"), None))


def _values(iri: str) -> str:
    return f"VALUES ?country {{ {ox.NamedNode(iri)} }}"


def source_href(view: GraphView, subject: ox.NamedNode, predicate: str,
                obj: ox.NamedNode | ox.Literal) -> str | None:
    """The subject's page, at the sentence the triple was read from (its page if none)."""
    return sentence_href(view, subject, predicate, obj) or local_path(subject.value)


def sentence_href(view: GraphView, subject: ox.NamedNode, predicate: str,
                  obj: ox.NamedNode | ox.Literal) -> str | None:
    """The subject's page at the sentence the triple was read from; None if none is known."""
    from spkg.pages.timeline import sentence_anchor

    page = local_path(subject.value)
    for quad in view.store.quads_for_pattern(None, n(RDF + "subject"), subject, None):
        statement = quad.subject
        if not isinstance(statement, ox.NamedNode | ox.BlankNode):
            continue
        if view.first_object(statement, RDF + "predicate") != n(predicate):
            continue
        if view.first_object(statement, RDF + "object") != obj:
            continue
        span = view.first_object(statement, "http://www.w3.org/ns/prov#wasDerivedFrom")
        if isinstance(span, ox.NamedNode) and page:
            return f"{page}#{sentence_anchor(span.value)}"
    return None


def _located(view: GraphView, thing: ox.NamedNode, country: str) -> Item:
    """A thing located in the country: where exactly (a province, say) and the sentence."""
    places = sorted((q.object for q in view.store.quads_for_pattern(
        thing, n(SPKG + "locatedIn"), None, None)
        if isinstance(q.object, ox.NamedNode) and not view.is_inferred(q)), key=str)
    within = [p for p in places if p.value != country]
    note = "in " + ", ".join(sorted({view.label(p) for p in within})) if within else ""
    for place in within + [p for p in places if p.value == country]:
        if href := sentence_href(view, thing, SPKG + "locatedIn", place):
            return _item(view, thing, note, href)
    return _item(view, thing, note)


def _item(view: GraphView, iri: ox.NamedNode, note: str = "",
          source: str | None = None) -> Item:
    return Item(view.label(iri), local_path(iri.value), iri.value, note, source)


def members(view: GraphView, country: str) -> dict[str, Item]:
    """Everything that belongs to the country, with the reason when it is not located there."""
    rows = view.select(PREFIXES + f"SELECT DISTINCT ?thing ?how ?via WHERE {{ {_values(country)} "
                       + IN_COUNTRY + " FILTER(isIRI(?thing) && ?thing != ?country) }")
    found: dict[str, Item] = {}
    for row in rows:
        thing, how, via = row["thing"], row["how"], row["via"]
        if not isinstance(thing, ox.NamedNode):
            continue
        if isinstance(how, ox.NamedNode) and isinstance(via, ox.NamedNode):
            note = f"{view.label(how)} {view.label(via)}"
            item = _item(view, thing, note, source_href(view, thing, how.value, via))
            if thing.value not in found or found[thing.value].note:
                found.setdefault(thing.value, item)
        else:
            found[thing.value] = _located(view, thing, country)
    return found


# One ring further: bodies that made a member, parts of member organisations, participants
# in a member's events. ?how is the link as read from ?thing's side.
RELATED = """
SELECT DISTINCT ?thing ?how ?back ?member WHERE {
  VALUES ?member { %s }
  { ?member ?back ?thing . VALUES (?back ?how) {
      (spkg:developedBy spkg:develops) (spkg:implementedBy spkg:implements)
      (spkg:adoptedBy spkg:adopts) } }
  UNION { ?thing ?how ?member .
          VALUES ?how { spkg:develops spkg:implements spkg:establishedToDevelop
                        org:subOrganizationOf } }
  UNION { ?event spkg:concerns ?member ; spkg:participant ?thing . BIND(spkg:participant AS ?how) }
  FILTER(isIRI(?thing))
}
"""
_RELATED_WORDS = {"develops": "developed", "implements": "implements", "adopts": "adopted",
                  "establishedToDevelop": "set up to develop", "subOrganizationOf": "part of",
                  "participant": "took part in events of"}


def related(view: GraphView, found: dict[str, Item]) -> dict[str, Item]:
    """Things one link away from the country's members (not members themselves)."""
    if not found:
        return {}
    values = " ".join(str(ox.NamedNode(iri)) for iri in sorted(found))
    extra: dict[str, Item] = {}
    for row in view.select(PREFIXES + RELATED % values):
        thing, how, member = row["thing"], row["how"], row["member"]
        if not (isinstance(thing, ox.NamedNode) and isinstance(how, ox.NamedNode)
                and isinstance(member, ox.NamedNode)) or thing.value in found:
            continue
        word = _RELATED_WORDS.get(how.value.rsplit("#", 1)[-1], view.label(how))
        note = f"{word} {view.label(member)}"
        back = row["back"]
        source = (sentence_href(view, member, back.value, thing)
                  if isinstance(back, ox.NamedNode) else sentence_href(view, thing, how.value,
                                                                       member))
        item = extra.setdefault(thing.value, _item(view, thing, note, source))
        item.source_href = item.source_href or source
        if note not in item.note and len(item.note) < 160:
            item.note = f"{item.note}; {note}"
    return extra


def _types(view: GraphView, iris: list[str]) -> dict[str, set[str]]:
    types: dict[str, set[str]] = defaultdict(set)
    for iri in iris:
        for quad in view.store.quads_for_pattern(n(iri), RDF_TYPE, None, None):
            if isinstance(quad.object, ox.NamedNode) and quad.object.value.startswith(SPKG):
                types[iri].add(quad.object.value[len(SPKG):])
    return types


def _group(view: GraphView, found: dict[str, Item]) -> list[tuple[str, list[Item]]]:
    types = _types(view, list(found))
    grouped: dict[str, list[Item]] = defaultdict(list)
    for iri, item in found.items():
        for heading, classes in GROUPS:
            if types[iri] & set(classes):
                grouped[heading].append(item)
                break
    return [(heading, sorted(grouped[heading], key=lambda i: i.label.lower()))
            for heading, _ in GROUPS if grouped[heading]]


def _results(view: GraphView, country: str) -> list[YearResults]:
    rows = view.select(PREFIXES + f"""
        SELECT DISTINCT ?result ?year WHERE {{ {_values(country)}
          ?result a spkg:Outcome ; spkg:reportedIn/spkg:country ?country .
          OPTIONAL {{ ?result spkg:year ?year }} }}""")
    by_year: dict[str, list[Item]] = defaultdict(list)
    for row in rows:
        result, year = row["result"], row["year"]
        if isinstance(result, ox.NamedNode):
            shown = year.value if isinstance(year, ox.Literal) else "year not stated"
            source = source_href(view, result, SPKG + "year", year) if isinstance(
                year, ox.Literal) else None
            by_year[shown].append(_item(view, result, source=source))
    return [YearResults(year, sorted(items, key=lambda i: i.label))
            for year, items in sorted(by_year.items(), reverse=True)]


def branches(view: GraphView, country: str | None = None) -> dict[str, list[BranchRow]]:
    """Per country (every country with a document or a located thing when ``country`` is None),
    the nine C102 branches with the interventions covering them and the results tagged."""
    values = _values(country) if country else "?country a spkg:Country ."
    contingencies = view.select(PREFIXES + "SELECT ?b WHERE { ?b a spkg:Contingency }")
    covered = view.select(PREFIXES + f"""
        SELECT DISTINCT ?country ?branch ?thing WHERE {{ {values}
          ?thing spkg:coversContingency ?branch . {IN_COUNTRY} }}""")
    tagged = view.select(PREFIXES + f"""
        SELECT DISTINCT ?country ?branch ?thing WHERE {{ {values}
          ?thing a spkg:Outcome ; spkg:keyword ?branch ; spkg:reportedIn/spkg:country ?country .
          ?branch a spkg:Contingency }}""")
    cells: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
    countries: set[str] = {country} if country else set()
    for kind, rows in (("covers", covered), ("tagged", tagged)):
        predicate = SPKG + ("coversContingency" if kind == "covers" else "keyword")
        for row in rows:
            c, b, t = row["country"], row["branch"], row["thing"]
            if isinstance(c, ox.NamedNode) and isinstance(b, ox.NamedNode) and isinstance(
                    t, ox.NamedNode):
                countries.add(c.value)
                cells[(c.value, b.value, kind)].append(
                    _item(view, t, source=source_href(view, t, predicate, b)))
    if not country:
        countries |= {r["country"].value for r in view.select(PREFIXES + """
            SELECT DISTINCT ?country WHERE { ?country a spkg:Country .
              ?doc spkg:country ?country }""") if isinstance(r["country"], ox.NamedNode)}
    branch_iris = sorted((r["b"] for r in contingencies if isinstance(r["b"], ox.NamedNode)),
                         key=lambda b: view.label(b).lower())
    table = {}
    for c in sorted(countries, key=lambda c: view.label(n(c)).lower()):
        table[c] = [BranchRow(view.label(b), local_path(b.value),
                              sorted(cells[(c, b.value, "covers")], key=lambda i: i.label),
                              sorted(cells[(c, b.value, "tagged")], key=lambda i: i.label))
                    for b in branch_iris]
    return table


def _linked(view: GraphView, country: str, predicate: str) -> list[Item]:
    """Objects of ``predicate`` on things that belong to the country, each with a source."""
    rows = view.select(PREFIXES + f"""
        SELECT DISTINCT ?thing ?target WHERE {{ {_values(country)} {IN_COUNTRY}
          ?thing <{predicate}> ?target . FILTER(isIRI(?target)) }}""")
    found: dict[str, Item] = {}
    for row in rows:
        thing, target = row["thing"], row["target"]
        if isinstance(thing, ox.NamedNode) and isinstance(target, ox.NamedNode):
            item = found.setdefault(target.value, _item(view, target, "", source_href(
                view, thing, predicate, target)))
            name = view.label(thing)
            if len(item.note) < 200 and name not in item.note:
                item.note = f"{item.note}; {name}" if item.note else f"by {name}"
    return sorted(found.values(), key=lambda i: i.label.lower())


def _documents(view: GraphView, country: str) -> list[Item]:
    from spkg.pages.views import document_summary

    rows = view.select(PREFIXES + f"SELECT DISTINCT ?doc WHERE {{ {_values(country)} "
                       "?doc spkg:country ?country }")
    docs = [r["doc"] for r in rows if isinstance(r["doc"], ox.NamedNode)]
    return sorted((_item(view, d, document_summary(view, d)) for d in docs),
                  key=lambda i: (i.note, i.label))


def _number_results(results: list[YearResults], rows: list[BranchRow]) -> None:
    """R1, R2 … in the order the results are listed, so the branch table can cite them short."""
    keys = {}
    for number, item in enumerate((i for y in results for i in y.results), start=1):
        item.key = keys[item.iri] = f"R{number}"
    for row in rows:
        for item in row.results:
            item.key = keys.get(item.iri, "")


def country_dashboard(view: GraphView, iri: str) -> Dashboard | None:
    """The dashboard of a country; None for anything that is not a country."""
    if not is_country(view, iri):
        return None
    found = members(view, iri)
    found.update(related(view, found))
    results = _results(view, iri)
    rows = branches(view, iri)[iri]
    _number_results(results, rows)
    name = view.label(n(iri))
    return Dashboard(
        iri=iri,
        groups=_group(view, found),
        results=results,
        branches=rows,
        instruments=_linked(view, iri, SPKG + "citesInstrument"),
        partners=_linked(view, iri, SPKG + "partner"),
        documents=_documents(view, iri),
        events=timeline(view, [iri, *found]),
        charts=[branch_chart(name, rows), years_chart(name, results)],
    )
