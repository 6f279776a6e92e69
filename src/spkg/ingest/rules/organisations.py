"""Relations between organisations, projects and interventions: developed by, member
of, funded by, supported by, implemented by, cites instrument, located in, part of."""

from __future__ import annotations

import re

from rdflib import RDF

from spkg.ingest.gazetteer import PLACE_CLASSES
from spkg.ingest.naming import BODY_CLASSES, INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.base import (
    ANAPHORS,
    PROVINCES,
    SUBJECT_CLASSES,
    SUPPORTED_CLASSES,
    Placed,
    RuleBase,
    clause_end,
)
from spkg.namespace import ORG, SPKG, mint


class OrganisationRules(RuleBase):
    """Rules that relate organisations, projects and interventions."""

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

    def funding(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:funded|financed|sponsored)\s+by\b", sentence):
            project = self.before(sentence, cue.start(), {SPKG.Project})
            if project is None:
                continue
            for funder in self.listed_after(cue.end(), sentence):
                self.funded(project, funder, sentence)
        for cue in self.cues(r"\b([A-Z][a-z]+)-funded\b", sentence):
            adjective = next(iter(self.in_span(Span(cue.start(), cue.end()))), None)
            funded = self.after(cue.end(), sentence, {SPKG.Project})
            if adjective is not None and funded is not None:
                self.funded(funded, adjective, sentence)
        for cue in self.cues(r"\b(?:with\s+)?(?:funding|financing|support)\s+from\s+(?:the\s+)?",
                             sentence):
            # "With funding from the European Union, the ILO Project … supported …"
            source = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            projects = self.in_span(sentence, {SPKG.Project})
            if source is not None and source.start == cue.end() and len(projects) == 1:
                self.funded(projects[0], source, sentence)
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

    def listed_after(self, position: int, sentence: Span) -> list[Placed]:
        """The organisations listed right after a cue: "by A, B and the C" — the list ends
        where a comma or "and" is followed by anything but another organisation."""
        listed: list[Placed] = []
        end = clause_end(self.text, position, sentence.end)
        for placed in self.in_span(Span(position, end), ORGANISATION_CLASSES):
            gap = self.text[(listed[-1].end if listed else position) : placed.start]
            if not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:and\s+)?(?:the\s+)?", gap):
                break
            listed.append(placed)
        return listed

    def funded(self, project: Placed, funder: Placed, sentence: Span) -> None:
        self.add(project.entity.iri, SPKG.fundedBy, funder.entity.iri, sentence,
                 project.mention.span, funder.mention.span)
        if funder.entity.cls not in {SPKG.Funder, SPKG.Donor}:
            self.add(funder.entity.iri, RDF.type, SPKG.Funder, sentence, funder.mention.span)

    def support(self, sentence: Span) -> None:
        pattern = r"\b(?:being\s+|were\s+|was\s+|is\s+)?supported\s+(?:by|under)\b|\(under\b"
        for cue in self.cues(pattern, sentence):
            supporter = self.after(cue.end(), sentence, {SPKG.Project} | INTERVENTION_CLASSES
                                   ) or self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            if supporter is None or supporter.entity.cls in {SPKG.Donor, SPKG.Funder}:
                continue
            supported = self.before(sentence, cue.start(), SUPPORTED_CLASSES)
            if supported is None and self.last_meeting is not None and re.match(
                    r"\s*The\s+(?:meeting|workshop|seminar|consultation|conference)\b",
                    self.text[sentence.start : cue.start()]):
                self.add(self.last_meeting, SPKG.supportedBy, supporter.entity.iri, sentence,
                         supporter.mention.span)
                continue
            if supported is not None and supported.entity.iri != supporter.entity.iri:
                self.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                         supported.mention.span, supporter.mention.span)
        pattern = (r"\b(?:provided|provides|gave|gives)\s+(?:[\w-]+\s+){0,2}?support\s+to\s+"
                   r"(?:the\s+)?")
        for cue in self.cues(pattern, sentence):
            # "The ILO provided technical support to the Department of … (DIFE)"
            helped = self.after(cue.end(), sentence, SUPPORTED_CLASSES)
            helper = self.before(sentence, cue.start(), ORGANISATION_CLASSES | {SPKG.Project})
            if helped is not None and helper is not None and helped.start == cue.end():
                self.add(helped.entity.iri, SPKG.supportedBy, helper.entity.iri, sentence,
                         helped.mention.span, helper.mention.span)
        for cue in self.cues(r"\bsupport(?:s|ed)?\s+(?:the\s+)?", sentence):
            # "The ILO supports the National Social Protection Council (NSPC)"
            supported = self.after(cue.end(), sentence, SUPPORTED_CLASSES)
            if supported is None or supported.start != cue.end():
                continue
            head = re.sub(r",[^,]*,\s*$", " ", self.text[sentence.start : cue.start()])
            supporter = self.before(sentence, sentence.start + len(head.rstrip()) + 1,
                                    ORGANISATION_CLASSES | {SPKG.Project})
            if supporter is not None and re.fullmatch(
                    r"\s*(?:also\s+|actively\s+)?", head[supporter.end - sentence.start:]):
                self.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri,
                         sentence, supported.mention.span, supporter.mention.span)
            through = re.match(r"\s*(?:\([^)]*\)\s*)?through\s+(?:the\s+)?",
                               self.text[supported.end : sentence.end])
            if through:  # "… supports the SSC through the Estidama Project"
                means = self.after(supported.end + through.end(), sentence,
                                   {SPKG.Project} | INTERVENTION_CLASSES)
                if means is not None and means.start == supported.end + through.end():
                    self.add(supported.entity.iri, SPKG.supportedBy, means.entity.iri,
                             sentence, supported.mention.span, means.mention.span)

    def implementation(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:jointly\s+)?implemented\s+by\b", sentence):
            project = self.subject_before(sentence, cue.start(), SUBJECT_CLASSES)
            if project is None:
                continue
            for agent in self.listed_after(cue.end(), sentence):
                self.add(project.entity.iri, SPKG.implementedBy, agent.entity.iri, sentence,
                         project.mention.span, agent.mention.span)

    def implementer(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:is\s+|are\s+)?implement(?:s|ing|ed)?\s+(?!by\b)", sentence):
            agent = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
            target = self.after(cue.end(), sentence, SUBJECT_CLASSES)
            if target is None:
                anaphor = re.match(r"(?:the|this)\s+(\w+)", self.text[cue.end() : sentence.end])
                named = ANAPHORS.get(anaphor.group(1).casefold(), frozenset()) if anaphor else ()
                recent = [self.recent[c] for c in named if c in self.recent]
                target = max(recent, key=lambda p: p.start) if recent else None
            elif target.start != cue.end() and not re.fullmatch(
                    r"\s*the\s*", self.text[cue.end() : target.start]):
                target = None
            if agent is None or target is None:
                continue
            if not re.fullmatch(r"\s*(?:\([^)]*\))?\s*", self.text[agent.end : cue.start()]):
                continue
            self.add(agent.entity.iri, SPKG.implements, target.entity.iri, sentence,
                     agent.mention.span, target.mention.span)

    def instruments(self, sentence: Span) -> None:
        for instrument in self.in_span(sentence, {SPKG.Convention, SPKG.Recommendation}):
            citing = self.subject_before(sentence, instrument.start)
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
            wholes = self.in_span(Span(cue.end(), clause_end(self.text, cue.end(), sentence.end,
                                                              commas=False)), ORGANISATION_CLASSES)
            ministries = [w for w in wholes if w.entity.cls == SPKG.Ministry] or wholes[:1]
            if part is not None and part.end <= cue.start() and ministries and (
                    part.entity.iri != ministries[0].entity.iri):
                if re.search(r"[,;]", self.text[part.end : cue.start()]):
                    continue
                self.add(part.entity.iri, ORG.subOrganizationOf, ministries[0].entity.iri,
                         sentence, part.mention.span, ministries[0].mention.span)
