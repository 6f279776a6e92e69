"""Merge a document's mentions into entities and give each one IRI.

Two mentions name one entity when: the gazetteer links both to the same reference IRI;
one is an acronym the document defines for the other ("LEG"); their canonical keys are
equal ("Mazdoor-ka-Ehsaas" = "Mazdoor Ka EHSAAS", "EHSAAS programme" = "EHSAAS"); one
abbreviates words of the other ("… and HRD" = "… and Human Resource Development"); the
shorter is the longer without some middle words ("Labour Expert Group" ⊂ "Labour Welfare
and Social Protection Expert Group"); or their keys differ only by spelling (rapidfuzz
ratio ≥ SPELLING_THRESHOLD). Mentions of different IRI kinds never merge.

An entity the gazetteer knows keeps the reference IRI; any other gets
``mint(kind, canonical key)`` where the canonical name is the longest full form seen,
so the same programme read from two documents gets the same IRI.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz
from rdflib import URIRef

from spkg.ingest.gazetteer import CLASS_PRIORITY, Entry, Gazetteer, normalise_name
from spkg.ingest.mentions import Mention
from spkg.ingest.naming import (
    ORGANISATION_CLASSES,
    canonical_key,
    canonical_label,
    display_name,
    strip_descriptors,
)
from spkg.ingest.naming import (
    iri_kind as _iri_kind,
)
from spkg.namespace import SPKG, mint

# naming.iri_kind builds its table on each call; linking asks it for every mention
iri_kind = cache(_iri_kind)

SPELLING_THRESHOLD = 92.0  # rapidfuzz ratio between canonical keys of one kind


@dataclass
class Entity:
    """One thing a document names, with every mention of it."""

    iri: URIRef
    cls: URIRef
    label: str
    mentions: list[Mention]
    reference: Entry | None = None
    names: set[str] = field(default_factory=set)  # full forms other than the label
    acronyms: set[str] = field(default_factory=set)
    extra_classes: set[URIRef] = field(default_factory=set)

    @property
    def kind(self) -> str:
        return iri_kind(self.cls)


class _Cluster:
    def __init__(self, mention: Mention) -> None:
        self.mentions = [mention]
        self.reference = mention.reference
        self.iri = mention.iri  # fixed by the recogniser ("<noun phrase>-<date>" events)
        self._names_seen = _Names()
        self._cache: dict[str, tuple[tuple[int, int], Any]] = {}

    def state(self) -> tuple[int, int]:
        """Changes whenever what the cluster's names say or its reference changes (a
        mention repeating a known name changes nothing): what keys, kinds and index
        tokens are computed from."""
        return self._names().version, id(self.reference)

    def _cached(self, name: str, compute: Callable[[], Any]) -> Any:
        """A value computed once per state of the cluster: merging compares every pair of
        clusters, and keys are costly to recompute."""
        stamp = self.state()
        hit = self._cache.get(name)
        if hit is None or hit[0] != stamp:
            hit = (stamp, compute())
            self._cache[name] = hit
        return hit[1]

    @property
    def kind(self) -> str:
        return str(self._cached("kind", lambda: iri_kind(self.best_class())))

    def _names(self) -> _Names:
        """What the mentions say, read on from the last call: mentions only ever grow, so
        a cluster mentioned m times costs O(m) in all, not O(m) per mention (quadratic)."""
        names = self._names_seen
        if names.seen < len(self.mentions):
            for mention in self.mentions[names.seen:]:
                names.add(mention)
            names.seen = len(self.mentions)
        return names

    def _chosen(self) -> _Forms:
        # a name written with capitals names the entity better than the lowercase words
        # that describe it ("the Social Health Insurance Act" / "a social health insurance law")
        names = self._names()
        return names.named if names.named.all else names.forms if names.forms.all else names.labels

    def full_forms(self) -> list[str]:
        return list(self._chosen().all)

    def distinct_forms(self) -> list[str]:
        return list(self._chosen().distinct)

    def has_form(self, label: str) -> bool:
        return label in self._chosen().distinct

    def key(self) -> str:
        return str(self._cached("key", self._key))

    def _key(self) -> str:
        return canonical_key(self._chosen().longest, self.best_class())

    def best_class(self) -> URIRef:
        found: URIRef = self._cached("class", self._best_class)
        return found

    def _best_class(self) -> URIRef:
        if self.reference is not None:
            return self.reference.cls
        names = self._names()
        best = names.best_named if names.best_named is not None else names.best_any
        return best if best is not None else min([], key=_specificity)

    def acronyms(self) -> set[str]:
        return set(self._names().acronyms)

    def acronym_set(self) -> set[str]:
        """The acronyms themselves, not a copy: read them, never change them."""
        return self._names().acronyms


class _Forms:
    """Labels in mention order (``all``), once each (``distinct``), and the first longest."""

    def __init__(self) -> None:
        self.all: list[str] = []
        self.distinct: dict[str, None] = {}
        self.longest = ""

    def add(self, label: str) -> bool:
        """Adds one mention's label; whether it was new (the longest is always new)."""
        if not self.all or len(label) > len(self.longest):
            self.longest = label
        self.all.append(label)
        new = label not in self.distinct
        self.distinct[label] = None
        return new


class _Names:
    """A cluster's full forms, acronyms and most specific classes, kept up to date one
    mention at a time (``seen``: how many mentions are counted)."""

    def __init__(self) -> None:
        self.seen = 0
        self.version = 0  # counts the changes of anything but ``all`` (repeated labels)
        self.named, self.forms, self.labels = _Forms(), _Forms(), _Forms()
        self.acronyms: set[str] = set()
        self.best_named: URIRef | None = None  # of mentions whose class is not guessed
        self.best_any: URIRef | None = None

    def add(self, mention: Mention) -> None:
        before = (len(self.acronyms), self.best_any, self.best_named)
        changed = self.labels.add(mention.label)
        if mention.source != "acronym" and not _is_code(mention.label):
            changed = self.forms.add(mention.label) or changed
            if mention.source not in _DESCRIBED:
                changed = self.named.add(mention.label) or changed
        if mention.acronym:
            self.acronyms.add(mention.acronym)
        if mention.source == "acronym" or _is_code(mention.text):
            self.acronyms.add(mention.text)
        if mention.cls is not None:  # min() keeps the first of equally specific classes
            if self.best_any is None or _specificity(mention.cls) < _specificity(self.best_any):
                self.best_any = mention.cls
            if not mention.guessed and (self.best_named is None or _specificity(
                    mention.cls) < _specificity(self.best_named)):
                self.best_named = mention.cls
        if changed or before != (len(self.acronyms), self.best_any, self.best_named):
            self.version += 1


_RANK = {cls: rank for rank, cls in enumerate(CLASS_PRIORITY)}


def _specificity(cls: URIRef) -> int:
    return _RANK.get(cls, len(CLASS_PRIORITY))


def _is_code(name: str) -> bool:
    return name.replace("&", "").isupper() and " " not in name.strip()


class _Index:
    """Clusters by every name, key, acronym and IRI they have had, so that a mention is
    compared with the few clusters it could join, not with every cluster of the document
    (which made linking quadratic in a long text). Entries are never removed: a stale one
    only adds a candidate, which the full test then turns down."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self._by_token: dict[tuple[str, str], list[int]] = {}
        self._classes: set[URIRef] = set()
        self._indexed: dict[int, tuple[int, int]] = {}  # cluster → its state when indexed

    def add(self, cluster: _Cluster) -> None:
        self.clusters.append(cluster)
        self.update(len(self.clusters) - 1)

    def update(self, index: int) -> None:
        cluster = self.clusters[index]
        state = cluster.state()
        if self._indexed.get(index) == state:  # its tokens are indexed already
            return
        self._indexed[index] = state
        tokens = [("key", cluster.key()), *(("acr", a) for a in cluster.acronym_set()),
                  *(("form", f) for f in cluster.distinct_forms())]
        if cluster.iri is not None:
            tokens.append(("iri", str(cluster.iri)))
        if cluster.reference is not None:
            tokens.append(("ref", str(cluster.reference.iri)))
        for token in tokens:
            found = self._by_token.setdefault(token, [])
            if not found or found[-1] != index:
                found.append(index)
        self._classes.add(cluster.best_class())

    def _lookup(self, tokens: list[tuple[str, str]]) -> list[int]:
        return sorted({i for token in tokens for i in self._by_token.get(token, ())})

    def joining(self, mention: Mention) -> int | None:
        """The first cluster ``_same_entity`` says the mention belongs to."""
        if mention.iri is not None:
            tokens = [("iri", str(mention.iri))]
        elif mention.reference is not None:
            tokens = [("ref", str(mention.reference.iri))]
        else:
            tokens = [("acr", mention.text), ("form", mention.label)]
            if mention.acronym:
                tokens.append(("acr", mention.acronym))
            if mention.cls is not None:
                tokens.append(("key", canonical_key(mention.label, mention.cls)))
        return next((i for i in self._lookup(tokens)
                     if _same_entity(self.clusters[i], mention)), None)

    def matching_names(self, mention: Mention) -> int | None:
        """The first cluster ``_names_match`` says a guessed mention belongs to."""
        tokens = [("key", canonical_key(mention.label, cls)) for cls in self._classes]
        if mention.acronym:
            tokens.append(("acr", mention.acronym))
        return next((i for i in self._lookup(tokens)
                     if _names_match(self.clusters[i], mention)), None)


def link_mentions(mentions: list[Mention], gazetteer: Gazetteer) -> list[Entity]:
    """Entities of a document, in order of first mention."""
    index = _Index()
    # Mentions whose class is only a default join an entity of any kind that has their
    # name or acronym ("Mazdoor Ka EHSAAS (MKE)" after "the MKE programme").
    guessed = [m for m in mentions if m.guessed]
    for mention in [m for m in mentions if not m.guessed]:
        target = index.joining(mention)
        if target is None:
            index.add(_Cluster(mention))
        else:
            cluster = index.clusters[target]
            cluster.mentions.append(mention)
            cluster.reference = cluster.reference or mention.reference
            index.update(target)
    for mention in guessed:
        target = index.matching_names(mention)
        if target is None:
            index.add(_Cluster(mention))
        else:
            index.clusters[target].mentions.append(mention)
            index.update(target)
    clusters = sorted(index.clusters, key=lambda c: min(m.span for m in c.mentions))
    clusters = _merge_variants(clusters, _country_keys(gazetteer))
    return [_entity(c, gazetteer) for c in clusters]


@lru_cache(maxsize=4)
def _country_keys(gazetteer: Gazetteer) -> frozenset[str]:
    """Every name of every country, normalised as a key is ("cote divoire")."""
    return frozenset(normalise_name(name) for entry in gazetteer.entries.values()
                     if entry.cls == SPKG.Country for name in entry.names | entry.translations)


def _same_entity(cluster: _Cluster, mention: Mention) -> bool:
    if mention.cls is None or iri_kind(mention.cls) != cluster.kind:
        return False
    if mention.iri is not None or cluster.iri is not None:
        # a name whose IRI is the one a recogniser fixed joins it ("the Pensions Act 1990"
        # alone, and inside "a legal review of the Pensions Act 1990")
        own = mention.iri or mint(cluster.kind, canonical_key(mention.label, mention.cls))
        return own == (cluster.iri or mint(cluster.kind, cluster.key()))
    if mention.reference is not None or cluster.reference is not None:
        return mention.reference is not None and cluster.reference is not None and (
            mention.reference.iri == cluster.reference.iri)
    if mention.source == "acronym" or _is_code(mention.text):
        return mention.text in cluster.acronym_set() or cluster.has_form(mention.label)
    if mention.acronym and mention.acronym in cluster.acronym_set():
        return True
    return canonical_key(mention.label, mention.cls) == cluster.key()


def _names_match(cluster: _Cluster, mention: Mention) -> bool:
    if cluster.iri is not None:
        return False
    if mention.acronym and mention.acronym in cluster.acronym_set():
        return True
    cls = cluster.best_class()
    return canonical_key(mention.label, cls) == cluster.key()


# Up to this many clusters every pair is compared; beyond it (long texts) only clusters of
# one kind that share an acronym, their key's first word or first three letters, or its
# first letter and last word. Two keys that are variants (_variants: one spelling, one
# abbreviation or shortening of the other) share one of those in every case met so far.
_COMPARE_ALL = 200


def _blocks(cluster: _Cluster) -> set[tuple[str, str]]:
    key = cluster.key()
    words = key.split() or [""]
    return {(cluster.kind, "first:" + words[0]), (cluster.kind, "start:" + key[:3]),
            (cluster.kind, f"ends:{key[:1]}:{words[-1]}"),
            *((cluster.kind, "acr:" + a) for a in cluster.acronym_set())}


def _merge_variants(clusters: list[_Cluster], countries: frozenset[str]) -> list[_Cluster]:
    merged: list[_Cluster] = []
    every_pair = len(clusters) <= _COMPARE_ALL
    by_block: dict[tuple[str, str], list[int]] = {}

    def index(position: int) -> None:
        for block in _blocks(merged[position]):
            found = by_block.setdefault(block, [])
            if not found or found[-1] != position:
                found.append(position)

    for cluster in clusters:
        if every_pair:
            candidates: list[int] | range = range(len(merged))
        else:
            candidates = sorted({i for b in _blocks(cluster) for i in by_block.get(b, ())})
        target = next((i for i in candidates if _variants(merged[i], cluster, countries)),
                      None)
        if target is None:
            merged.append(cluster)
            target = len(merged) - 1
        else:
            merged[target].mentions += cluster.mentions
            merged[target].reference = merged[target].reference or cluster.reference
        if not every_pair:
            index(target)
    return merged


def _variants(a: _Cluster, b: _Cluster, countries: frozenset[str] = frozenset()) -> bool:
    if a.kind != b.kind or (a.reference is not None and b.reference is not None):
        return False
    if a.iri is not None or b.iri is not None:
        return False
    if a.reference is not None or b.reference is not None:
        return False
    if a.acronym_set() & b.acronym_set():
        return True
    key_a, key_b = a.key(), b.key()
    numbers_a, numbers_b = _NUMBERS.findall(key_a), _NUMBERS.findall(key_b)
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return False  # "… Plan 2016-2020" and "… Plan 2021-2025", "Decree 12" and "Decree 13"
    if key_a == key_b or fuzz.ratio(key_a, key_b) >= SPELLING_THRESHOLD:
        return True
    if (a.kind == "law" and _without_law_head(key_a) == _without_law_head(key_b) != ""
            and {key_a.split()[-1], key_b.split()[-1]} <= _STATUTE_HEADS):
        # "old-age pension law" is the "Old-Age Pension Act"; the "…
        # Regulations" made under an act are another text
        return True
    if ((_bare(key_a, countries) == key_b or _bare(key_b, countries) == key_a)
            and key_a != key_b
            and a.kind in ("policy", "programme", "law", "organisation", "project")):
        # "National Social Inclusion Policy" is the "… Policy 2019-2024"; "Social Fund" is
        # the "Social Fund of the Republic of Tuvalu", the "Pension Fund" the "Pension Fund
        # of Mongolia" (two periods are two texts)
        return True
    if a.kind == "organisation" and _first_portfolio(key_a, key_b):
        return True
    return _abbreviates(key_a.split(), key_b.split()) or _shortened(key_a.split(), key_b.split())


_MINISTRY = re.compile(r"(?:ministry|ministere|ministerio) ")
_ILO_OFFICE = re.compile(r"ilo (?:country )?office$")


def _first_portfolio(key_a: str, key_b: str) -> bool:
    """"the Ministry of Works" after the "Ministry of Works, Transport and the Sea": a
    ministry called again by the first words of its list of portfolios; "the ILO Office"
    after the "ILO Office for the Northern Isles": the office without its area."""
    short, long_ = sorted((key_a, key_b), key=len)
    if _ILO_OFFICE.match(short):
        return long_.startswith(short + " for ")
    return (_MINISTRY.match(short) is not None and len(short.split()) >= 3
            and long_.startswith(short + " "))


_NUMBERS = re.compile(r"\d+")
_PERIOD_OR_COUNTRY = re.compile(
    r"(?: (?:19|20)\d\d(?: (?:19|20)?\d\d)?| of (?:the )?(?:kyrgyz |islamic |lao |"
    r"dominican |czech |slovak |central african )?(?:republic|kingdom|federation|union))$")


_OF_OR_FOR = re.compile(r" (?:of|for) ")
_STATE_OF = re.compile(r"^(?:the )?(?:(?:state|republic|kingdom) of (?:the )?)?")


def _bare(key: str, countries: frozenset[str] = frozenset()) -> str:
    """A key without its period or the state it belongs to, if it has one."""
    bare = _PERIOD_OR_COUNTRY.sub("", key)
    for joint in _OF_OR_FOR.finditer(bare):
        if _STATE_OF.sub("", bare[joint.end():]) in countries:
            # "pension fund of turkmenistan", "ministry of labour of the republic of moldova"
            bare = bare[:joint.start()]
            break
    return bare if " " in bare else key


# Sources of mentions read from lowercase words rather than from a name.
_DESCRIBED = frozenset({"document", "body"})
_LAW_HEADS = frozenset({"law", "act", "code", "bill", "decree", "ordinance", "regulation",
                        "regulations", "legislation"})
_STATUTE_HEADS = frozenset({"law", "act", "bill", "legislation"})


def _without_law_head(key: str) -> str:
    words = key.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in _LAW_HEADS else ""


def _abbreviates(a: list[str], b: list[str]) -> bool:
    """One name writes some words of the other as their initials ("hrd")."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = j = 0
    while i < len(short) and j < len(long_):
        if short[i] == long_[j]:
            i, j = i + 1, j + 1
            continue
        width = len(short[i])
        if width >= 2 and "".join(w[0] for w in long_[j : j + width]) == short[i]:
            i, j = i + 1, j + width
            continue
        return False
    return i == len(short) and j == len(long_) and len(short) < len(long_)


def _shortened(a: list[str], b: list[str]) -> bool:
    """The shorter name is the longer one without some inner words, same first and head word."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3 or short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    position = 0
    for word in short:
        try:
            position = long_.index(word, position) + 1
        except ValueError:
            return False
    return True


def _entity(cluster: _Cluster, gazetteer: Gazetteer) -> Entity:
    cls = cluster.best_class()
    extra = set().union(*(m.extra_classes for m in cluster.mentions))
    written = {strip_descriptors(f) for f in cluster.full_forms()}
    # "Mazdoor Ka EHSAAS (compassion for Labour)": the gloss is another name, not the name
    forms = written | {_without_gloss(f) for f in written}
    if cluster.reference is not None and not cluster.reference.in_reference:
        # a town or subdivision of the generated tables: the document graph types and
        # labels it (no reference graph does); its country is each mention's place
        entry = cluster.reference
        return Entity(entry.iri, entry.cls, entry.label, cluster.mentions, None,
                      names={f for f in forms if f != entry.label}, extra_classes=extra)
    if cluster.reference is not None and _placed_organisation(cluster):
        # "the Czech Development Agency": a known organisation whose
        # words say where it is; the document says so (and labels it as the reference does)
        entry = cluster.reference
        return Entity(entry.iri, entry.cls, entry.label, cluster.mentions, None,
                      names=forms - {entry.label}, acronyms=cluster.acronyms(),
                      extra_classes=extra)
    if cluster.reference is not None:
        entry = cluster.reference
        return Entity(entry.iri, entry.cls, entry.label, cluster.mentions, entry,
                      names=forms - {entry.label}, acronyms=cluster.acronyms(),
                      extra_classes=extra)
    # the longest full form; among equally long ones, the one written most often, then first
    order = [display_name(f, cls) for f in cluster.full_forms()]
    longest = max(dict.fromkeys(order), key=lambda f: (len(f), order.count(f), -order.index(f)))
    label = canonical_label(longest, order)
    known = gazetteer.lookup(label)
    if known is not None and iri_kind(known.cls) == iri_kind(cls):
        return Entity(known.iri, known.cls, known.label, cluster.mentions, known,
                      names=forms - {known.label}, acronyms=cluster.acronyms(),
                      extra_classes=extra)
    if cluster.iri is not None:
        # a population group is a concept labelled in lowercase, as the coverage rules mint it
        label = (cluster.mentions[0].label if cls == SPKG.PopulationGroup
                 else canonical_label(cluster.mentions[0].label, order))
        return Entity(cluster.iri, cls, label, cluster.mentions, None,
                      names={f for f in forms if normalise_name(f) != normalise_name(label)},
                      acronyms=cluster.acronyms() - {label}, extra_classes=extra)
    iri = mint(iri_kind(cls), canonical_key(label, cls))
    others = {f for f in forms if normalise_name(f) != normalise_name(label)}
    return Entity(iri, cls, label, cluster.mentions, None, names=others,
                  acronyms=cluster.acronyms() - {label}, extra_classes=extra)


def _placed_organisation(cluster: _Cluster) -> bool:
    reference = cluster.reference
    return (reference is not None and reference.cls in ORGANISATION_CLASSES
            and reference.cls != SPKG.UNAgency
            and any(m.country is not None or m.place is not None for m in cluster.mentions))


def _without_gloss(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name) or name
