"""Studies: "a study on/for …" with its subject, lists of studies underway, and a
study's status."""

from __future__ import annotations

import bisect
import re
from weakref import WeakKeyDictionary

from rdflib import RDF, RDFS, Literal, URIRef

from spkg.ingest.gazetteer import normalise_name
from spkg.ingest.naming import ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import (
    Context,
    Placed,
)
from spkg.ingest.rules.coverage import GROUP_HEADS, groups_after, minted_group
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG, mint

_STUDY = re.compile(r"\b(?:[Aa]|[Tt]he)\s+(study\s+(?:on|for|of|about)\s+.+?)"
                    r"(?=\s*\(|,|\s+(?:being|supported|funded|is|was|are|were|has|"
                    r"had|will|recommends|shows|found|"
                    # a relative clause or participle ends the name: "… that found",
                    # "… carried out by the University"
                    r"that|which|who|whose|carried|conducted|prepared|commissioned|"
                    r"published|undertaken|completed|presented|launched|validated|"
                    r"showed|finds|financed|developed|produced)\b|\.|;|$)")
_TOPIC_CUE = re.compile(r"\b(?:to|for|on|of)\s+")
_INCLUDE = re.compile(r"\b(?:These|They|which)\s+include[sd]?\s*[;:,]?\s*")
# The studies each context has listed: a study named again adds nothing that the first
# entry of ``ctx.studies`` does not already match, and the list is scanned per item.
_LISTED: WeakKeyDictionary[Context, set[tuple[URIRef, frozenset[str]]]] = WeakKeyDictionary()


@rule("studies-in-sentence", family="studies", gives=('mentions', 'studies'))
def studies_in_sentence(ctx: Context, sentence: Span) -> None:
    if "study" not in ctx.text[sentence.start : sentence.end]:
        return  # the pattern needs the word
    for match in _STUDY.finditer(ctx.text, sentence.start, sentence.end):
        words = Span(match.start(1), match.end(1))
        name = match.group(1)
        iri = mint("study", f"{name} {ctx.country}")
        ctx.add(iri, RDF.type, SPKG.Study, sentence, words)
        ctx.add(iri, RDFS.label, Literal(name, lang="en"), sentence, words)
        topic_words: set[str] = set(normalise_name(name).split())
        # the subject is the group after the last "to/for/on/of" ("… to brick kiln workers")
        cues = list(_TOPIC_CUE.finditer(name))
        for cue in reversed(cues):
            groups = groups_after(ctx, words.start + cue.end(), Span(words.start, words.end))
            for group, span in groups:
                ctx.add(iri, SPKG.subject, group, sentence, span)
            if groups:
                break
        listed = _LISTED.setdefault(ctx, set())
        if (iri, frozenset(topic_words)) not in listed:
            listed.add((iri, frozenset(topic_words)))
            ctx.studies.append((iri, topic_words))
        ctx.register(iri, SPKG.Study, name, words)


@rule("underway-studies", family="studies", needs=('studies',))
def underway_studies(ctx: Context, sentence: Span) -> None:
    cue = ctx.cues(r"\b(?:[Ss]tudies|[Aa]ssessments)\s+(?:are|were)\s+"
                    r"(?:underway|under\s+way)\b", sentence)
    if not cue:
        return
    supporter = _support_of_studies(ctx, sentence, cue[0].end())
    sentences = ctx.document.sentences  # sorted by start: the first one after this one
    following = sentences[bisect.bisect_left(sentences, sentence.end,
                                             key=lambda s: s.start):][:1]
    for span in [sentence, *following]:
        include = _INCLUDE.search(ctx.text[span.start : span.end])
        if include is None:
            continue
        for study, words in _list_of_studies(ctx, span, span.start + include.end()):
            if supporter is not None:  # the support stated where the list is introduced
                ctx.add(study, SPKG.supportedBy, supporter.entity.iri, sentence, words,
                         supporter.mention.span)


def _support_of_studies(ctx: Context, sentence: Span, position: int) -> Placed | None:
    """"studies are underway with the technical support of the ILO": the supporter named
    right after "with the (technical/financial) support/assistance of/from"."""
    cue = re.match(r"\s*with\s+(?:the\s+)?(?:technical\s+|financial\s+)?"
                   r"(?:support|assistance)\s+(?:of|from)\s+(?:the\s+)?",
                   ctx.text[position : sentence.end])
    if cue is None:
        return None
    found = ctx.after(position + cue.end(), sentence, ORGANISATION_CLASSES)
    return found if found is not None and found.start == position + cue.end() else None


def _list_of_studies(ctx: Context, sentence: Span, start: int) -> list[tuple[URIRef, Span]]:
    """Each study of "These include; A, B, …" (merged with a study named earlier), with
    the words that name it."""
    body = ctx.text[start : sentence.end].rstrip(". ")
    items: list[tuple[int, str]] = []
    position = start
    for piece in body.split(","):
        items.append((position + len(piece) - len(piece.lstrip()), piece.strip()))
        position += len(piece) + 1
    if items:  # "… retired workers and Social Protection Profile for Pakistan"
        last_start, last = items.pop()
        split = re.search(r"\s+and\s+(?=[A-Z])", last)
        lowercase = re.search(r"\b[a-z]{3,}\b", last[: split.start()]) if split else None
        if split and lowercase and not last[0].isupper():
            items += [(last_start, last[: split.start()]),
                      (last_start + split.end(), last[split.end():])]
        else:
            items.append((last_start, last))
    listed: list[tuple[URIRef, Span]] = []
    for item_start, item in items:
        if not item:
            continue
        words = Span(item_start, item_start + len(item))
        item_words = set(normalise_name(item).split()) - {"sector", "workers", "and", "of"}
        same = next((iri for iri, topic in ctx.studies if item_words and item_words <= topic),
                    None)
        label = item if "study" in item.casefold() else f"study on {item}"
        iri = same or mint("study", f"{label} {ctx.country}")
        if same is None:
            ctx.add(iri, RDF.type, SPKG.Study, sentence, words)
            ctx.add(iri, RDFS.label, Literal(label, lang="en"), sentence, words)
            group = ctx.gazetteer.lookup(item, {SPKG.PopulationGroup})
            if group is not None:
                ctx.add(group.iri, RDF.type, SPKG.PopulationGroup, sentence, words)
                ctx.add(iri, SPKG.subject, group.iri, sentence, words)
            elif GROUP_HEADS.search(item) and len(item.split()) <= 4:
                ctx.add(iri, SPKG.subject, minted_group(ctx, item, sentence, words),
                         sentence, words)
        ctx.add(iri, SPKG.status, SPKG.underway, sentence, words)
        listed.append((iri, words))
    return listed


@rule("study-status", family="studies")
def study_status(ctx: Context, sentence: Span) -> None:
    """"A study on maternity coverage of farm workers is underway."""
    for cue in ctx.cues(r"\b(?:is|are)\s+(underway|ongoing|under way|completed|finished)\b",
                         sentence):
        study = ctx.before(sentence, cue.start(), {SPKG.Study})
        if study is None:
            continue
        done = cue.group(1) in {"completed", "finished"}
        ctx.add(study.entity.iri, SPKG.status, SPKG.completed if done else SPKG.underway,
                 sentence, study.mention.span)
