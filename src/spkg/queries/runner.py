"""Run a stored or ad-hoc query on a store: check syntax, convert and bind parameters.

The CLI, the golden tests and the benchmarks all come through here, so what the tests
check is what users run.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spkg.errors import QueryError
from spkg.queries.catalogue import ParamSpec, StoredQuery
from spkg.queries.params import PARAM_TYPES, LabelResolver, ParamValueError, convert
from spkg.store.terms import parts, terms_of

if TYPE_CHECKING:
    from spkg.store.base import QueryResult, Store

_PREFIXES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# skos:notation holds a country's ISO 3166-1 alpha-3 code (PAK), wdt:P297 its alpha-2 (PK)
_LABELS = ("rdfs:label|skos:prefLabel|skos:altLabel|skos:notation"
           "|<http://www.wikidata.org/prop/direct/P297>")
# First the label exactly as typed (plain or @en): an index lookup on every store.
_EXACT = _PREFIXES + """SELECT DISTINCT ?x WHERE {
  { ?x LABELS ?text } UNION { ?x LABELS ?textEn }
  FILTER(isIRI(?x))
  IN_CLASS
} ORDER BY ?x LIMIT 6""".replace("LABELS", _LABELS)
# Then any case, any language or datatype: a scan of the labels.
_ANY_CASE = _PREFIXES + """SELECT DISTINCT ?x WHERE {
  ?x LABELS ?label .
  FILTER(isIRI(?x) && LCASE(STR(?label)) = LCASE(STR(?text)))
  IN_CLASS
} ORDER BY ?x LIMIT 6""".replace("LABELS", _LABELS)
# not ?x a/rdfs:subClassOf* ?class: on some Virtuoso 7.2 servers that path matches nothing
_IN_CLASS = "?x a ?xClass . FILTER(?xClass = ?class || EXISTS { ?xClass rdfs:subClassOf+ ?class })"


def label_resolver(store: Store, timeout: float | None = None) -> LabelResolver:
    """A resolver that finds the one IRI carrying a label, optionally within a class (its
    terms are the store's family: rdflib's, or pyoxigraph's on the fast path)."""
    terms = terms_of(store)

    def resolve(label: str, range_iri: Any) -> Any:
        in_class = _IN_CLASS if range_iri is not None else ""
        bindings: dict[str, Any] = {"text": terms.literal(label),
                                    "textEn": terms.literal(label, language="en")}
        if range_iri is not None:
            bindings["class"] = range_iri

        def lookup(template: str) -> list[Any]:
            sparql = template.replace("IN_CLASS", in_class)
            return [row[0] for row in store.query(sparql, bindings=bindings, timeout=timeout).rows]

        found = lookup(_EXACT)
        if not found:
            del bindings["textEn"]
            found = lookup(_ANY_CASE)
        where = f" among instances of <{_value(range_iri)}>" if range_iri is not None else ""
        if not found:
            raise ParamValueError(
                f"nothing is labelled {label!r}{where}; give an IRI or another label"
            )
        if len(found) > 1:
            listed = ", ".join(f"<{_value(iri)}>" for iri in found[:5])
            raise ParamValueError(f"{label!r} is ambiguous{where}: {listed}; give the IRI")
        return found[0]

    return resolve


def _value(iri: Any) -> str:
    """An IRI's text, whichever family it is (str() of a pyoxigraph NamedNode is <…>)."""
    return parts(iri)[1]


def _check(store: Store, sparql: str, source: str | None) -> None:
    """rdflib's syntax check, except where the store parses the query itself.

    pyoxigraph reports a syntax error with its line and column, and rdflib's parser costs
    more than a whole query on the on-disk store (1.6 s of a 3 s `spkg query` at 10k).
    """
    if getattr(store, "parses_queries", False):
        return
    from spkg.rdfcore.values import check_syntax

    check_syntax(sparql, source=source)


# an example of the parameter's own class: a place is no example of an organisation
_EXAMPLES = {
    "org:Organization": ("id:organisation/international-labour-organization",
                         "International Labour Organization"),
    "spkg:Place": ("id:place/pakistan", "Pakistan, or its ISO code PK or PAK"),
    "spkg:PopulationGroup": ("id:population-group/construction-workers",
                             "construction workers"),
}


def _describe(spec: ParamSpec) -> str:
    if spec.type == "iri" and spec.range in _EXAMPLES:
        iri, label = _EXAMPLES[spec.range]
        return f"{spec.type}: an IRI, prefixed name ({iri}) or label ({label})"
    if spec.type == "iri" and spec.range is not None:
        return f"{spec.type}: an IRI, prefixed name or label of a {spec.range}"
    return f"{spec.type}: {PARAM_TYPES[spec.type]}"


def bind_parameters(
    stored: StoredQuery, given: Mapping[str, str], store: Store, *, timeout: float | None = None
) -> dict[str, Any]:
    """The RDF terms for a stored query's parameters: given values, else declared defaults
    (rdflib terms, or pyoxigraph's for a store that takes them: ``store.terms``)."""
    unknown = sorted(set(given) - {p.name for p in stored.params})
    if unknown:
        known = ", ".join(p.name for p in stored.params) or "none"
        raise QueryError(f"{stored.name}: unknown parameter {unknown[0]!r} (parameters: {known})")
    resolve = label_resolver(store, timeout)
    terms = terms_of(store)
    bindings: dict[str, Any] = {}
    for spec in stored.params:
        text = given.get(spec.name, spec.default)
        if text is None or text == "":
            if spec.required:
                raise QueryError(
                    f"{stored.name}: missing parameter {spec.name!r} ({_describe(spec)})"
                )
            continue
        try:
            bindings[spec.name] = convert(spec.type, text, range_name=spec.range,
                                          resolve=resolve, terms=terms)
        except ParamValueError as error:
            raise QueryError(
                f"{stored.name}: parameter {spec.name!r} = {text!r}: {error.message} "
                f"({_describe(spec)})"
            ) from None
    return bindings


def run_stored(
    store: Store,
    stored: StoredQuery,
    params: Mapping[str, str] | None = None,
    *,
    timeout: float | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Run a stored query with its parameters bound as RDF terms."""
    _check(store, stored.text, str(stored.path))
    bindings = bind_parameters(stored, params or {}, store, timeout=timeout)
    return store.query(stored.text, bindings=bindings, timeout=timeout, limit=limit)


def run_text(
    store: Store,
    sparql: str,
    *,
    source: str | Path | None = None,
    timeout: float | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Run an ad-hoc query (from --file or --sparql)."""
    _check(store, sparql, str(source) if source else None)
    return store.query(sparql, timeout=timeout, limit=limit)
