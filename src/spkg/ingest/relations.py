"""Relations the sentences state, read with cue words between entity mentions.

Each rule looks at one sentence: where a cue ("adopted", "members of", "funded by", …)
stands, which entities come before and after it, which dates and numbers it holds.
A pronoun subject ("It was formally launched …") is the focus of the previous sentence
of the same section: the last intervention or body it named first. Nothing is inferred
beyond what a sentence says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import XSD

from spkg.ingest.entities import Mention
from spkg.ingest.events import event_facts
from spkg.ingest.gazetteer import PLACE_CLASSES, Gazetteer, normalise_name
from spkg.ingest.linking import Entity
from spkg.ingest.naming import BODY_CLASSES, INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.normalise import find_dates, find_numbers
from spkg.ingest.records import DateValue, Document, Fact, Span
from spkg.namespace import ORG, SPKG, mint

PROVINCES = frozenset({SPKG.Province, SPKG.Territory})
SUBJECT_CLASSES = INTERVENTION_CLASSES | BODY_CLASSES | {SPKG.Project}
# "The policy will …": the last entity of these classes.
_ANAPHORS: dict[str, frozenset[URIRef]] = {
    "programme": frozenset({SPKG.Programme, SPKG.Scheme, SPKG.CountryProgramme}),
    "scheme": frozenset({SPKG.Scheme}),
    "law": frozenset({SPKG.Law}), "act": frozenset({SPKG.Law}),
    "policy": frozenset({SPKG.Policy, SPKG.Strategy}), "strategy": frozenset({SPKG.Strategy}),
    "project": frozenset({SPKG.Project}), "forum": frozenset({SPKG.Forum}),
    "group": frozenset({SPKG.ExpertGroup}), "council": frozenset({SPKG.GovernmentBody}),
}
SUPPORTED_CLASSES = SUBJECT_CLASSES | ORGANISATION_CLASSES | {SPKG.Study}
_GROUP_HEADS = re.compile(
    r"\b(workers|employees|persons|people|households|families|children|women|men|youth|"
    r"migrants|beneficiaries|pensioners|elderly|refugees|fishers|fishermen|farmers|traders|"
    r"vendors|miners|seafarers|drivers|artisans|students|retirees|dependants|dependents)\b",
    re.IGNORECASE)
_GROUP_STOP = re.compile(r"\s*(?:\(|,|;|\.|\bin the\b|\bin\b|\bwho\b|\bthrough\b|\bby\b|$)")
_GENERIC_MODIFIERS = frozenset(
    "social security protection existing coordinated contributory non-contributory insurance "
    "this that such new any each same".split())


@dataclass
class Placed:
    """An entity mention inside a sentence, with its offset in the sentence text."""

    mention: Mention
    entity: Entity

    @property
    def start(self) -> int:
        return self.mention.span.start

    @property
    def end(self) -> int:
        return self.mention.span.end


class RelationReader:
    """Reads the relations of one document's sentences."""

    def __init__(self, document: Document, entities: list[Entity], gazetteer: Gazetteer) -> None:
        self.document = document
        self.text = document.text
        self.gazetteer = gazetteer
        self.entities = entities
        self.placed = sorted(
            (Placed(m, e) for e in entities for m in e.mentions), key=lambda p: p.start)
        self.facts: list[Fact] = []
        self.focus: Placed | None = None
        self.recent: dict[URIRef, Placed] = {}  # the last entity of each class, for "the policy"
        self.last_meeting: URIRef | None = None
        self.studies: list[tuple[URIRef, set[str]]] = []
        self.country = document_country(entities, gazetteer)

    # -- helpers -------------------------------------------------------------------------

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal, sentence: Span,
            *words: Span | None) -> None:
        self.facts.append(Fact(s, p, o, sentence, tuple(w for w in words if w is not None)))

    def in_span(self, span: Span, classes: Iterable[URIRef] | None = None) -> list[Placed]:
        wanted = set(classes) if classes is not None else None
        return [p for p in self.placed if span.start <= p.start and p.end <= span.end
                and (wanted is None or p.entity.cls in wanted)]

    def before(self, sentence: Span, position: int, classes: Iterable[URIRef]) -> Placed | None:
        found = self.in_span(Span(sentence.start, position), classes)
        return found[-1] if found else None

    def after(self, position: int, sentence: Span, classes: Iterable[URIRef]) -> Placed | None:
        found = self.in_span(Span(position, sentence.end), classes)
        return found[0] if found else None

    def dates(self, sentence: Span) -> list[DateValue]:
        """Dates of the sentence that are not part of a name ("… Act 2021")."""
        names = [p.mention.span for p in self.in_span(sentence)]
        return [d for d in find_dates(self.text[sentence.start : sentence.end], sentence.start)
                if not any(n.start <= d.span.start and d.span.end <= n.end for n in names)]

    def date_after(self, position: int, sentence: Span) -> DateValue | None:
        dates = [d for d in self.dates(sentence) if d.span.start >= position]
        return dates[0] if dates else None

    def date_before(self, position: int, sentence: Span) -> DateValue | None:
        dates = [d for d in self.dates(sentence) if d.span.end <= position]
        return dates[-1] if dates else None

    def cues(self, pattern: str, sentence: Span) -> list[re.Match[str]]:
        return list(re.compile(pattern).finditer(self.text, sentence.start, sentence.end))

    # -- reading -------------------------------------------------------------------------

    def read(self, regions: list[Span]) -> list[Fact]:
        for region in regions:
            self.focus, self.recent = None, {}
            for sentence in self.document.sentences:
                if region.start <= sentence.start and sentence.end <= region.end:
                    self.read_sentence(sentence)
        return self.facts

    def read_sentence(self, sentence: Span) -> None:
        for rule in (
            self.studies_in_sentence, self.adoption, self.launch, self.notification, self.establishment,
            self.development, self.membership, self.coverage, self.coverage_figures,
            self.meeting, self.participants, self.funding, self.support, self.implementation,
            self.instruments, self.location, self.sub_organisation, self.named_in_lowercase,
            self.underway_studies, self.training, self.announcement,
        ):
            rule(sentence)
        mentioned = self.in_span(sentence, SUBJECT_CLASSES)
        if mentioned:
            self.focus = mentioned[0]
        for placed in mentioned:
            self.recent[placed.entity.cls] = placed

    def subject_before(self, sentence: Span, position: int,
                       classes: Iterable[URIRef] = INTERVENTION_CLASSES) -> Placed | None:
        found = self.before(sentence, position, classes)
        if found is not None:
            return found
        opening = re.match(r"\s*(?:It|This|The\s+(\w+))\b", self.text[sentence.start : position])
        if opening is None:
            return None
        wanted = set(classes)
        if opening.group(1) is None:  # "It was formally launched …": the previous subject
            return self.focus if self.focus and self.focus.entity.cls in wanted else None
        named = _ANAPHORS.get(opening.group(1).casefold(), frozenset()) & wanted
        candidates = [self.recent[c] for c in named if c in self.recent]
        return max(candidates, key=lambda p: p.start) if candidates else None

    def event(self, event_class: URIRef, concerned: Placed, date: DateValue,
              sentence: Span) -> URIRef:
        iri, facts = event_facts(event_class, concerned.entity.iri, concerned.entity.label,
                                 date, sentence, (concerned.mention.span,))
        self.facts += facts
        return iri

    # -- rules ---------------------------------------------------------------------------

    def adoption(self, sentence: Span) -> None:
        for cue in self.cues(r"\badopted\b", sentence):
            passive = re.match(r"\s+by\b", self.text[cue.end() : sentence.end])
            if passive:
                intervention = self.subject_before(sentence, cue.start())
                adopter = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            else:
                adopter = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
                intervention = self.after(cue.end(), sentence, INTERVENTION_CLASSES)
            if intervention is None:
                continue
            if adopter is not None:
                self.add(intervention.entity.iri, SPKG.adoptedBy, adopter.entity.iri, sentence,
                         intervention.mention.span, adopter.mention.span)
            date = self.date_after(cue.end(), sentence)
            if date is None or not _same_clause(self.text, cue.end(), date.span.start):
                date = self.date_before(cue.start(), sentence)
            if date is not None:
                event = self.event(SPKG.Adoption, intervention, date, sentence)
                if adopter is not None:
                    self.add(event, SPKG.participant, adopter.entity.iri, sentence,
                             adopter.mention.span)

    def launch(self, sentence: Span) -> None:
        for cue in self.cues(r"(?<!will be )\blaunched\b", sentence):
            intervention = self.subject_before(sentence, cue.start())
            date = self.date_after(cue.end(), sentence)
            if intervention is not None and date is not None and _same_clause(
                    self.text, cue.end(), date.span.start):
                self.event(SPKG.Launch, intervention, date, sentence)

    def notification(self, sentence: Span) -> None:
        for cue in self.cues(r"\bnotified\b(?!\s+members)", sentence):
            rest = self.text[cue.end() : sentence.end]
            subject = self.subject_before(sentence, cue.start(), SUBJECT_CLASSES)
            if subject is None:
                continue
            date = self.date_after(cue.end(), sentence)
            if date is None:
                continue
            event = self.event(SPKG.Notification, subject, date, sentence)
            to = re.match(r"\s+to\s+(the\s+)?", rest)
            if to:
                recipient = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
                if recipient is not None:
                    self.add(event, SPKG.participant, recipient.entity.iri, sentence,
                             recipient.mention.span)
            by = re.search(r"\bby\s+(the\s+)?", rest)
            if by:
                notifier = self.after(cue.end() + by.start(), sentence, ORGANISATION_CLASSES)
                if notifier is not None and notifier.start <= cue.end() + by.end() + 2:
                    self.add(event, SPKG.organisedBy, notifier.entity.iri, sentence,
                             notifier.mention.span)

    def establishment(self, sentence: Span) -> None:
        for cue in self.cues(r"\bestablished to develop\b", sentence):
            body = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
            intervention = self.after(cue.end(), sentence, INTERVENTION_CLASSES)
            if body is not None and intervention is not None:
                self.add(body.entity.iri, SPKG.establishedToDevelop, intervention.entity.iri,
                         sentence, body.mention.span, intervention.mention.span)
        for cue in self.cues(r"\b(establishment of|established in|set up in)\b", sentence):
            if cue.group(1) == "establishment of":
                body = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            else:
                body = self.subject_before(sentence, cue.start(), ORGANISATION_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if body is not None and date is not None and _same_clause(
                    self.text, cue.end(), date.span.start):
                event = self.event(SPKG.Establishment, body, date, sentence)
                support = re.search(r"\bsupported (under|by)\b",
                                    self.text[date.span.end : sentence.end])
                if support:
                    project = self.after(date.span.end + support.end(), sentence,
                                         {SPKG.Project} | ORGANISATION_CLASSES)
                    if project is not None:
                        self.add(event, SPKG.supportedBy, project.entity.iri, sentence,
                                 project.mention.span)

    def development(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:which|that|who)\s+developed\b|\bdeveloped by\b", sentence):
            if cue.group(0).startswith("developed by"):
                intervention = self.subject_before(sentence, cue.start())
                developer = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            else:
                developer = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
                intervention = self.after(cue.end(), sentence, INTERVENTION_CLASSES)
            if intervention is not None and developer is not None:
                self.add(intervention.entity.iri, SPKG.developedBy, developer.entity.iri,
                         sentence, intervention.mention.span, developer.mention.span)

    def membership(self, sentence: Span) -> None:
        for cue in self.cues(r"\bmembers?\s+of\b", sentence):
            body = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            if body is None:
                continue
            for member in self.in_span(Span(sentence.start, cue.start()), ORGANISATION_CLASSES):
                if member.entity.iri != body.entity.iri:
                    self.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                             member.mention.span, body.mention.span)

    def coverage(self, sentence: Span) -> None:
        pattern = r"\bextend(?:s|ed|ing)?\s+(?:the\s+)?coverage(?:\s+of\s+[\w ]+?)?\s+to\b"
        for cue in self.cues(pattern, sentence):
            intervention = self.before(sentence, cue.start(), INTERVENTION_CLASSES)
            if intervention is None:
                continue
            for group, span in self.groups_after(cue.end(), sentence):
                self.add(intervention.entity.iri, SPKG.extendsCoverageTo, group, sentence,
                         intervention.mention.span, span)

    def coverage_figures(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:support|cover|reach|benefit)s?\b", sentence):
            intervention = self.subject_before(sentence, cue.start())
            if intervention is None:
                continue
            numbers = find_numbers(self.text[cue.end() : sentence.end], cue.end())
            years = {d.span for d in find_dates(self.text[cue.end() : sentence.end], cue.end())}
            for number in numbers:
                if number.span in years or number.value < 100:
                    continue
                phrase_end = _GROUP_STOP.search(self.text, number.span.end, sentence.end)
                found = self.group(number.span.end, phrase_end.start() if phrase_end else
                                   sentence.end, sentence)
                if found is None:
                    continue
                group, group_label, span = found
                figure = mint("coverage", f"{self.document_slug()} {group_label}")
                self.add(figure, RDF.type, SPKG.CoverageFigure, sentence, number.span)
                self.add(figure, RDFS.label, Literal(
                    f"{number.value:,} {group_label}", lang="en"), sentence, number.span)
                self.add(figure, SPKG.personsCovered, Literal(number.value, datatype=XSD.integer),
                         sentence, number.span)
                self.add(figure, SPKG.populationGroup, group, sentence, span)
                self.add(intervention.entity.iri, SPKG.hasCoverageFigure, figure, sentence,
                         intervention.mention.span, number.span)

    def meeting(self, sentence: Span) -> None:
        for cue in self.cues(r"\bchaired\b", sentence):
            meeting = re.search(r"\bmeeting of\b", self.text[cue.end() : sentence.end])
            chair = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
            if meeting is None or chair is None:
                continue
            body = self.after(cue.end() + meeting.end(), sentence, ORGANISATION_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if body is None or date is None:
                continue
            event = self.event(SPKG.Meeting, body, date, sentence)
            self.add(event, SPKG.chairedBy, chair.entity.iri, sentence, chair.mention.span)
            self.last_meeting = event

    def participants(self, sentence: Span) -> None:
        if self.last_meeting is None or not self.cues(r"(?i)\bthe (meeting|session)\b", sentence):
            return
        if self.cues(r"\bchaired\b", sentence):
            return
        stop = self.cues(r"\b(funded|supported|financed)\b", sentence)
        until = stop[0].start() if stop else sentence.end
        for placed in self.in_span(Span(sentence.start, until), ORGANISATION_CLASSES):
            if placed.entity.cls != SPKG.UNAgency or re.search(
                    r"\bby\b", self.text[sentence.start : placed.start]):
                self.add(self.last_meeting, SPKG.participant, placed.entity.iri, sentence,
                         placed.mention.span)

    def funding(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:funded|financed|sponsored)\s+by\b", sentence):
            project = self.before(sentence, cue.start(), {SPKG.Project})
            if project is None:
                continue
            clause_end = _clause_end(self.text, cue.end(), sentence.end)
            for funder in self.in_span(Span(cue.end(), clause_end), ORGANISATION_CLASSES):
                self.funded(project, funder, sentence)
        for cue in self.cues(r"\b([A-Z][a-z]+)-funded\b", sentence):
            funder = next(iter(self.in_span(Span(cue.start(), cue.end()))), None)
            project = self.after(cue.end(), sentence, {SPKG.Project})
            if funder is not None and project is not None:
                self.funded(project, funder, sentence)
        for cue in self.cues(r"\bsupported under (?:the )?", sentence):
            fund = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            project = self.before(sentence, cue.start(), {SPKG.Project})
            if fund is None or project is None or fund.entity.cls not in {SPKG.Donor, SPKG.Funder}:
                continue
            self.funded(project, fund, sentence)
            by = re.match(r"\s+by\s+(the\s+)?", self.text[fund.end : sentence.end])
            donor = self.after(fund.end, sentence, ORGANISATION_CLASSES)
            if by and donor is not None:
                self.funded(project, donor, sentence)

    def funded(self, project: Placed, funder: Placed, sentence: Span) -> None:
        self.add(project.entity.iri, SPKG.fundedBy, funder.entity.iri, sentence,
                 project.mention.span, funder.mention.span)
        if funder.entity.cls not in {SPKG.Funder, SPKG.Donor}:
            self.add(funder.entity.iri, RDF.type, SPKG.Funder, sentence, funder.mention.span)

    def support(self, sentence: Span) -> None:
        pattern = r"\b(?:being\s+|were\s+|was\s+|is\s+)?supported\s+(?:by|under)\b|\(under\b"
        for cue in self.cues(pattern, sentence):
            supporter = self.after(cue.end(), sentence, {SPKG.Project}) or self.after(
                cue.end(), sentence, ORGANISATION_CLASSES)
            if supporter is None or supporter.entity.cls in {SPKG.Donor, SPKG.Funder}:
                continue
            supported = self.before(sentence, cue.start(), SUPPORTED_CLASSES)
            if supported is not None and supported.entity.iri != supporter.entity.iri:
                self.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                         supported.mention.span, supporter.mention.span)
        for cue in self.cues(r"\bsupport(?:s|ed)?\s+(?:the\s+)?", sentence):
            # "The ILO supports the National Social Protection Council (NSPC)"
            supported = self.after(cue.end(), sentence, SUPPORTED_CLASSES)
            supporter = self.before(sentence, cue.start(), ORGANISATION_CLASSES | {SPKG.Project})
            if supported is None or supporter is None or supported.start != cue.end():
                continue
            if not re.fullmatch(r"\s*(?:also\s+|actively\s+)?",
                                self.text[supporter.end : cue.start()]):
                continue
            self.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                     supported.mention.span, supporter.mention.span)

    def implementation(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:jointly\s+)?implemented\s+by\b", sentence):
            project = self.subject_before(sentence, cue.start(), SUBJECT_CLASSES)
            if project is None:
                continue
            clause_end = _clause_end(self.text, cue.end(), sentence.end)
            for agent in self.in_span(Span(cue.end(), clause_end), ORGANISATION_CLASSES):
                self.add(project.entity.iri, SPKG.implementedBy, agent.entity.iri, sentence,
                         project.mention.span, agent.mention.span)

    def instruments(self, sentence: Span) -> None:
        for instrument in self.in_span(sentence, {SPKG.Convention, SPKG.Recommendation}):
            citing = self.before(sentence, instrument.start, INTERVENTION_CLASSES)
            if citing is not None:
                self.add(citing.entity.iri, SPKG.citesInstrument, instrument.entity.iri,
                         sentence, citing.mention.span, instrument.mention.span)
            elif self.document.kind == "result-record":
                self.add(mint("outcome", self.document_slug()), SPKG.citesInstrument,
                         instrument.entity.iri, sentence, instrument.mention.span)

    def location(self, sentence: Span) -> None:
        lead = re.match(r"\s*(?:In\s+)?([A-Z][\w ]+?)(?:\s+Province)?(?:,|\s+(?:announced|shared|"
                        r"is|has|will|adopted|launched))", self.text[sentence.start : sentence.end])
        place = None
        if lead:
            place = self.gazetteer.lookup(lead.group(1), PLACE_CLASSES)
        for placed in self.in_span(sentence, INTERVENTION_CLASSES | BODY_CLASSES):
            if placed.entity.reference is not None:
                continue
            owner = re.search(r"([A-Z][\w ]*?)[’']s\s+$", self.text[sentence.start : placed.start])
            country = self.gazetteer.lookup(owner.group(1), PLACE_CLASSES) if owner else None
            if country is not None:  # "Pakistan’s Social Security Coordination Forum"
                self.add(placed.entity.iri, SPKG.locatedIn, country.iri, sentence,
                         placed.mention.span)
                continue
            near = re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w ]+?)\b(?=[\s.,;]|$)",
                            self.text[placed.end : sentence.end])
            here = self.gazetteer.lookup(near.group(1), PLACE_CLASSES) if near else None
            where = here or (place if placed.entity.cls in INTERVENTION_CLASSES else None)
            if where is not None and where.cls in PROVINCES | {SPKG.Country}:
                self.add(placed.entity.iri, SPKG.locatedIn, where.iri, sentence,
                         placed.mention.span)

    def sub_organisation(self, sentence: Span) -> None:
        for cue in self.cues(r"\bwithin\b", sentence):
            part = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
            wholes = self.in_span(Span(cue.end(), _clause_end(self.text, cue.end(), sentence.end,
                                                              commas=False)), ORGANISATION_CLASSES)
            ministries = [w for w in wholes if w.entity.cls == SPKG.Ministry] or wholes[:1]
            if part is not None and part.end <= cue.start() and ministries and (
                    part.entity.iri != ministries[0].entity.iri):
                if re.search(r"[,;]", self.text[part.end : cue.start()]):
                    continue
                self.add(part.entity.iri, ORG.subOrganizationOf, ministries[0].entity.iri,
                         sentence, part.mention.span, ministries[0].mention.span)

    def named_in_lowercase(self, sentence: Span) -> None:
        """"A self-assessment scheme in Punjab", "the domestic workers' law": named by what
        they are, so they are kept only where the sentence places them."""
        pattern = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z][\w’'-]*\s+){1,3}?)(scheme|law)\b")
        lead = re.match(r"\s*(?:In\s+)?([A-Z][\w ]+?)(?:\s+Province)?\s+(?:announced|shared|is)",
                        self.text[sentence.start : sentence.end])
        for match in pattern.finditer(self.text, sentence.start, sentence.end):
            modifiers = match.group(1).split()
            if set(m.casefold() for m in modifiers) & _GENERIC_MODIFIERS:
                continue
            near = re.match(r"\s+in\s+([A-Z]\w+)", self.text[match.end() : sentence.end])
            place_name = near.group(1) if near else (lead.group(1) if lead else None)
            place = self.gazetteer.lookup(place_name, PLACE_CLASSES) if place_name else None
            if place is None:
                continue
            name = f"{match.group(1)}{match.group(2)}"
            cls = SPKG.Scheme if match.group(2) == "scheme" else SPKG.Law
            kind = "programme" if cls == SPKG.Scheme else "law"
            iri = mint(kind, f"{name} {place.label}")
            words = Span(match.start(1), match.end())
            label = f"{name} ({place.label})"
            self.add(iri, RDF.type, cls, sentence, words)
            self.add(iri, RDFS.label, Literal(label, lang="en"), sentence, words)
            self.add(iri, SPKG.locatedIn, place.iri, sentence, words)

    def studies_in_sentence(self, sentence: Span) -> None:
        pattern = re.compile(r"\b(?:[Aa]|[Tt]he)\s+(study\s+(?:on|for|of|about)\s+.+?)"
                             r"(?=\s*\(|,|\s+(?:being|supported|funded|is|was|are|were|has|"
                             r"had|will|recommends|shows|found)\b|\.|$)")
        for match in pattern.finditer(self.text, sentence.start, sentence.end):
            words = Span(match.start(1), match.end(1))
            name = match.group(1)
            iri = mint("study", f"{name} {self.country}")
            self.add(iri, RDF.type, SPKG.Study, sentence, words)
            self.add(iri, RDFS.label, Literal(name, lang="en"), sentence, words)
            topic_words: set[str] = set(normalise_name(name).split())
            # the subject is the group after the last "to/for/on/of" ("… to brick kiln workers")
            cues = list(re.finditer(r"\b(?:to|for|on|of)\s+", name))
            for cue in reversed(cues):
                groups = self.groups_after(words.start + cue.end(), Span(words.start, words.end))
                for group, span in groups:
                    self.add(iri, SPKG.subject, group, sentence, span)
                if groups:
                    break
            self.studies.append((iri, topic_words))
            self.register(iri, SPKG.Study, name, words)

    def register(self, iri: URIRef, cls: URIRef, label: str, words: Span) -> None:
        """Make a rule-made entity visible to the rules that follow (support, funding)."""
        entity = Entity(iri, cls, label, [])
        mention = Mention(words, self.text[words.start : words.end], cls, source="rule")
        entity.mentions.append(mention)
        self.placed.append(Placed(mention, entity))
        self.placed.sort(key=lambda p: p.start)

    def underway_studies(self, sentence: Span) -> None:
        if not self.cues(r"\bstudies\s+(?:are|were)\s+underway\b", sentence):
            return
        following = [s for s in self.document.sentences if s.start >= sentence.end][:1]
        for span in [sentence, *following]:
            include = re.search(r"\b(?:These|They|which)\s+include[sd]?\s*[;:,]?\s*",
                                self.text[span.start : span.end])
            if include:
                self.list_of_studies(span, span.start + include.end())

    def list_of_studies(self, sentence: Span, start: int) -> None:
        body = self.text[start : sentence.end].rstrip(". ")
        items: list[tuple[int, str]] = []
        position = start
        for piece in body.split(","):
            items.append((position + len(piece) - len(piece.lstrip()), piece.strip()))
            position += len(piece) + 1
        if items:  # "… retired workers and Social Protection Profile for Pakistan"
            last_start, last = items.pop()
            split = re.search(r"\s+and\s+(?=[A-Z])", last)
            if split and re.search(r"\b[a-z]{3,}\b", last[: split.start()]) and not last[0].isupper():
                items += [(last_start, last[: split.start()]),
                          (last_start + split.end(), last[split.end():])]
            else:
                items.append((last_start, last))
        for item_start, item in items:
            if not item:
                continue
            words = Span(item_start, item_start + len(item))
            item_words = set(normalise_name(item).split()) - {"sector", "workers", "and", "of"}
            same = next((iri for iri, topic in self.studies if item_words and item_words <= topic),
                        None)
            label = item if "study" in item.casefold() else f"study on {item}"
            iri = same or mint("study", f"{label} {self.country}")
            if same is None:
                self.add(iri, RDF.type, SPKG.Study, sentence, words)
                self.add(iri, RDFS.label, Literal(label, lang="en"), sentence, words)
                group = self.gazetteer.lookup(item, {SPKG.PopulationGroup})
                if group is not None:
                    self.add(group.iri, RDF.type, SPKG.PopulationGroup, sentence, words)
                    self.add(iri, SPKG.subject, group.iri, sentence, words)
                elif _GROUP_HEADS.search(item) and len(item.split()) <= 4:
                    self.add(iri, SPKG.subject, self.minted_group(item, sentence, words),
                             sentence, words)
            self.add(iri, SPKG.status, SPKG.underway, sentence, words)

    def training(self, sentence: Span) -> None:
        for cue in self.cues(r"\btraining\b[^.]*?\b(?:organi[sz]ed|held|conducted)\s+(?:on|in)\b",
                             sentence):
            date = self.date_after(cue.end(), sentence)
            concerned = self.focus
            if date is None or concerned is None:
                continue
            self.event(SPKG.Training, concerned, date, sentence)

    def announcement(self, sentence: Span) -> None:
        pattern = r"\bwill\s+be\s+(?:distributed|launched|rolled\s+out|introduced)\b"
        for cue in self.cues(pattern, sentence):
            intervention = self.before(sentence, cue.start(), INTERVENTION_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if intervention is not None and date is not None:
                self.event(SPKG.Announcement, intervention, date, sentence)

    # -- population groups ---------------------------------------------------------------

    def groups_after(self, position: int, sentence: Span) -> list[tuple[URIRef, Span]]:
        """Population groups listed after "to": "to ‘Construction Workers’ (…), and to workers …"."""
        found: list[tuple[URIRef, Span]] = []
        rest = self.text[position : sentence.end]
        pieces = re.split(r",?\s+and\s+to\s+|,\s*to\s+", rest)
        offset = position
        for piece in pieces:
            start = offset + (len(piece) - len(piece.lstrip()))
            stop = _GROUP_STOP.search(self.text, start, offset + len(piece))
            end = stop.start() if stop else offset + len(piece)
            group = self.group(start, end, sentence)
            if group is not None:
                found.append((group[0], group[2]))
            offset += len(piece)
            separator = re.match(r",?\s+and\s+to\s+|,\s*to\s+", self.text[offset : sentence.end])
            offset += separator.end() if separator else 0
        return found

    def group(self, start: int, end: int, sentence: Span) -> tuple[URIRef, str, Span] | None:
        phrase = self.text[start:end].strip().strip("‘’'\"“”").strip()
        lead = len(self.text[start:end]) - len(self.text[start:end].lstrip(" ‘'\"“"))
        if not phrase or not _GROUP_HEADS.search(phrase) or len(phrase.split()) > 12:
            return None
        span = Span(start + lead, start + lead + len(phrase))
        known = self.gazetteer.lookup(phrase, {SPKG.PopulationGroup})
        sector = re.match(r"\s+in\s+the\s+([\w -]+?\s+(?:sector|economy))\b",
                          self.text[end : sentence.end])
        if known is None and sector is not None:  # "workers in the Agriculture sector"
            phrase = f"{phrase} in the {sector.group(1)}"
            span = Span(span.start, end + sector.end())
            known = self.gazetteer.lookup(phrase, {SPKG.PopulationGroup})
        elif phrase.casefold() == "workers":
            return None
        if known is not None:
            self.add(known.iri, RDF.type, SPKG.PopulationGroup, sentence, span)
            return known.iri, known.label.casefold(), span
        return self.minted_group(phrase, sentence, span), _lower(phrase), span

    def minted_group(self, phrase: str, sentence: Span, words: Span) -> URIRef:
        label = _lower(phrase)
        iri = mint("population-group", label)
        self.add(iri, RDF.type, SPKG.PopulationGroup, sentence, words)
        self.add(iri, RDFS.label, Literal(label, lang="en"), sentence, words)
        return iri

    def document_slug(self) -> str:
        return str(self.document.iri).rstrip("/").rsplit("/", 1)[-1]


def _lower(phrase: str) -> str:
    """"Construction Workers" → "construction workers"; acronyms keep their capitals."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.casefold() for w in phrase.split())


def _same_clause(text: str, start: int, end: int) -> bool:
    return not re.search(r"[;.]|\band\s+(?:was|is|were|notified|launched)\b", text[start:end])


def _clause_end(text: str, start: int, limit: int, *, commas: bool = True) -> int:
    stop = re.compile(r"[;.]|,\s+(?:and\s+)?(?:is|was|which|until|to)\b|\buntil\b" if commas
                      else r"[;.]|,\s+to\b|\bto\s+[a-z]+\b").search(text, start, limit)
    return stop.start() if stop else limit


def document_country(entities: list[Entity], gazetteer: Gazetteer) -> str:
    """The country a document's places are in most often (its label), for local names."""
    counts: dict[str, int] = {}
    places = [(e.reference, len(e.mentions)) for e in entities
              if e.reference is not None and e.reference.is_place]
    for entity in entities:  # places inside names count too ("Ghana Employers Association")
        if entity.reference is None:
            places += [(entry, 1) for _, _, entry in gazetteer.scan(entity.label) if entry.is_place]
    for entry, weight in places:
        while entry is not None and entry.cls != SPKG.Country and entry.part_of is not None:
            entry = gazetteer.get(entry.part_of)
        if entry is not None and entry.cls == SPKG.Country:
            counts[entry.label] = counts.get(entry.label, 0) + weight
    return max(sorted(counts), key=lambda c: counts[c]) if counts else ""
