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
                developers = self.listed_after(cue.end(), sentence)
            else:
                developer = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
                developers = [developer] if developer is not None else []
                intervention = self.after(cue.end(), sentence, INTERVENTION_CLASSES)
            if intervention is None:
                continue
            for developer in developers:
                self.add(intervention.entity.iri, SPKG.developedBy, developer.entity.iri,
                         sentence, intervention.mention.span, developer.mention.span)

    def membership(self, sentence: Span) -> None:
        for cue in self.cues(r"\bmembers?\s+of\b", sentence):
            body = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            if body is None or not re.fullmatch(r"\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}",
                                                self.text[cue.end() : body.start]):
                continue  # "members of a committee chaired by the Ministry": not the ministry
            for member in self.in_span(Span(sentence.start, cue.start()), ORGANISATION_CLASSES):
                if member.entity.iri != body.entity.iri:
                    self.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                             member.mention.span, body.mention.span)

        # "A and B are represented on / sit on the SSF Board"
        for cue in self.cues(r"\b(?:represented|seated|sit|sits|sat|serve|serves)\s+(?:on|in)\s+"
                             r"(?:the\s+)?", sentence):
            body = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            if body is None or body.start != cue.end():
                continue
            for member in self.listed_before(sentence, cue.start()) or self.listed_before(
                    sentence, self._verb_start(sentence, cue.start())):
                if member.entity.iri != body.entity.iri:
                    self.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                             member.mention.span, body.mention.span)
        # "the Commission, a tripartite body comprising A, B and C", "X brings together A and B"
        pattern = (r"\b(?:comprising|composed\s+of|consisting\s+of|made\s+up\s+of|"
                   r"brings\s+together|brought\s+together|bringing\s+together)\s+")
        for cue in self.cues(pattern, sentence):
            head = self._without_apposition(sentence, cue.start())
            body = self.before(sentence, head, ORGANISATION_CLASSES)
            if body is None or re.search(r"[;]|\b(?:and|with|by|to|of)\s*$",
                                         self.text[body.end : head]):
                continue
            end = clause_end(self.text, cue.end(), sentence.end)
            for member in self.in_span(Span(cue.end(), end), ORGANISATION_CLASSES):
                if member.entity.iri != body.entity.iri:
                    self.add(member.entity.iri, ORG.memberOf, body.entity.iri, sentence,
                             member.mention.span, body.mention.span)

    def chaired_body(self, sentence: Span) -> None:
        """"The Commission is chaired by the Ministry of Labour", "… Working Group …,
        co-chaired by UNICEF and the World Bank" (meetings are the meeting rules' job)."""
        for cue in self.cues(r"\b(?:co-?)?chaired\s+by\s+(?:the\s+)?", sentence):
            if re.search(r"\b(?:meeting|workshop|seminar|consultation|conference|session|"
                         r"dialogue|review|event)\b", self.text[sentence.start : cue.start()]):
                continue
            body = self.subject_before(sentence, cue.start(), BODY_CLASSES | ORGANISATION_CLASSES)
            if body is None:
                continue
            named_earlier = body.end <= sentence.start  # "The Commission is chaired by …"
            adjacent = re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:which\s+|that\s+)?(?:is\s+|was\s+|are\s+|"
                r"were\s+)?(?:also\s+|jointly\s+)?", self.text[body.end : cue.start()])
            if not (adjacent or named_earlier):
                continue
            chairs = self.listed_after(cue.end(), sentence)
            if not chairs or chairs[0].start != cue.end():
                continue  # "chaired by the Secretary of MoLESS": a person, not the ministry
            for chair in chairs:
                if chair.entity.iri != body.entity.iri:
                    self.add(body.entity.iri, SPKG.chairedBy, chair.entity.iri, sentence,
                             body.mention.span, chair.mention.span)

    def _without_apposition(self, sentence: Span, position: int) -> int:
        """Where the subject ends when ", chaired by X," or ", financed by Y," stands between
        it and the verb at ``position``."""
        head = self.text[sentence.start : position]
        trimmed = re.sub(r",[^,]*,\s*$", " ", head)
        return sentence.start + len(trimmed.rstrip()) + (1 if trimmed != head else 0)

    def _verb_start(self, sentence: Span, position: int) -> int:
        """Before "are represented on": where the auxiliary verb starts."""
        aux = re.search(r"\s*(?:are|is|were|was|now|also|\s)*$", self.text[sentence.start:position])
        return sentence.start + aux.start() if aux else position

    def funding(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:funded|financed|sponsored)\s+by\b", sentence):
            project = self.before(sentence, cue.start(), {SPKG.Project})
            if project is None:
                continue
            for funder in self.listed_after(cue.end(), sentence):
                self.funded(project, funder, sentence)
        for cue in self.cues(r"\b([A-Z][a-z]+|[A-Z]{2,3})-funded\b", sentence):
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
            helper = self.before(sentence, self._without_apposition(sentence, cue.start()),
                                 ORGANISATION_CLASSES | {SPKG.Project})
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
            if supporter is None:  # "The programme supports …"
                opening = re.fullmatch(r"\s*(?:The|This)\s+(\w+)\s*", head)
                named = ANAPHORS.get(opening.group(1).casefold(), frozenset()) if opening else ()
                recent = [self.recent[c] for c in named if c in self.recent]
                if recent:
                    found = max(recent, key=lambda p: p.start)
                    self.add(supported.entity.iri, SPKG.supportedBy, found.entity.iri,
                             sentence, supported.mention.span)
            if supporter is not None and re.fullmatch(
                    r"\s*(?:also\s+|actively\s+)?", head[supporter.end - sentence.start:]):
                self.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri,
                         sentence, supported.mention.span, supporter.mention.span)
                # "Under the X Project, the ILO supported …": the project supported it too
                self._fronted_project(sentence, supported)
                # "The ILO, in partnership with the X (X), supported …": X supported too
                aside = re.search(r",\s*(?:in\s+partnership|together|jointly|in\s+cooperation|"
                                  r"in\s+collaboration)\s+with\s+([^,]*),\s*$",
                                  self.text[sentence.start : cue.start()])
                if aside:
                    start = sentence.start + aside.start(1)
                    for partner in self.in_span(Span(start, sentence.start + aside.end(1)),
                                                ORGANISATION_CLASSES):
                        self.add(supported.entity.iri, SPKG.supportedBy, partner.entity.iri,
                                 sentence, supported.mention.span, partner.mention.span)
            through = re.match(r"\s*(?:\([^)]*\)\s*)?through\s+(?:the\s+)?",
                               self.text[supported.end : sentence.end])
            if through:  # "… supports the SSC through the Estidama Project"
                means = self.after(supported.end + through.end(), sentence,
                                   {SPKG.Project} | INTERVENTION_CLASSES)
                if means is not None and means.start == supported.end + through.end():
                    self.add(supported.entity.iri, SPKG.supportedBy, means.entity.iri,
                             sentence, supported.mention.span, means.mention.span)

    def _fronted_project(self, sentence: Span, supported: Placed) -> None:
        """"Under the X Project, the ILO supported Y": the project supported Y too."""
        under = re.match(r"\s*(?:Under|Through)\s+(?:the\s+)?",
                         self.text[sentence.start : sentence.end])
        if under is None:
            return
        project = self.after(sentence.start, sentence, {SPKG.Project})
        if project is None or project.start != sentence.start + under.end():
            return
        if re.match(r"\s*(?:\([^)]*\)\s*)?,", self.text[project.end : sentence.end]):
            self.add(supported.entity.iri, SPKG.supportedBy, project.entity.iri, sentence,
                     supported.mention.span, project.mention.span)

    def support_from(self, sentence: Span) -> None:
        """"The scheme was developed …, with support from the ILO and the Government of
        Luxembourg", "… under the auspices of the Ministry …" (a project's funders are the
        funding rule's job)."""
        pattern = (r"\b(?:[Ww]ith|receiv(?:ed|es|ing))\s+(?:the\s+)?(?:technical\s+|financial\s+)?"
                   r"(?:support|assistance|funding|financing)\s+(?:from|of)\s+(?:the\s+)?|"
                   r"\bunder\s+the\s+auspices\s+of\s+(?:the\s+)?")
        if self.in_span(sentence, {SPKG.Project}):
            return
        for cue in self.cues(pattern, sentence):
            supporters = self.listed_after(cue.end(), sentence)
            if not supporters or supporters[0].start != cue.end():
                continue
            supported = self.subject_before(sentence, cue.start(),
                                            INTERVENTION_CLASSES | {SPKG.Study})
            fronted = re.match(r",\s*(?:the\s+)?", self.text[supporters[-1].end : sentence.end])
            opening = not self.text[sentence.start : cue.start()].strip()
            if supported is None and fronted and opening:
                # "With technical assistance from the ILO, POESSA designed …"
                supported = self.after(supporters[-1].end, sentence, SUPPORTED_CLASSES)
                if supported is not None and supported.start != supporters[-1].end + fronted.end():
                    supported = None
            if supported is None:
                continue
            for supporter in supporters:
                self.add(supported.entity.iri, SPKG.supportedBy, supporter.entity.iri, sentence,
                         supported.mention.span, supporter.mention.span)

    def implementation(self, sentence: Span) -> None:
        for cue in self.cues(r"\b(?:jointly\s+)?implemented\s+(?:jointly\s+)?by\b", sentence):
            project = self.subject_before(sentence, cue.start(), SUBJECT_CLASSES)
            if project is None:
                continue
            for agent in self.listed_after(cue.end(), sentence):
                self.add(project.entity.iri, SPKG.implementedBy, agent.entity.iri, sentence,
                         project.mention.span, agent.mention.span)

    def implementer(self, sentence: Span) -> None:
        pattern = (r"\b(?:is\s+|are\s+|will\s+)?(?:jointly\s+)?(?:implement(?:s|ing|ed)?|"
                   r"manag(?:es|ed|ing|e)|administer(?:s|ed|ing)?|runs|operates)\s+(?!by\b)")
        for cue in self.cues(pattern, sentence):
            agents = self.listed_before(sentence, cue.start())
            agent = agents[-1] if agents else self.before(sentence, cue.start(),
                                                          ORGANISATION_CLASSES)
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
            if target.entity.cls == SPKG.Project:  # "A and B jointly implement the … Programme"
                for each in agents or [agent]:
                    self.add(target.entity.iri, SPKG.implementedBy, each.entity.iri, sentence,
                             target.mention.span, each.mention.span)
                continue
            for each in agents or [agent]:
                self.add(each.entity.iri, SPKG.implements, target.entity.iri, sentence,
                         each.mention.span, target.mention.span)

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
