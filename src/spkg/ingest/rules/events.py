"""Events a sentence dates: adoptions, launches, notifications, establishments,
meetings (and who chaired, organised and took part), trainings, announcements."""

from __future__ import annotations

import re

from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.base import (
    SUBJECT_CLASSES,
    SUPPORTED_CLASSES,
    Placed,
    RuleBase,
    same_clause,
)
from spkg.namespace import SPKG


class EventRules(RuleBase):
    """Rules that make dated events."""

    def adoption(self, sentence: Span) -> None:
        """"X adopted/approved/endorsed/issued/signed Y (on date)", "Y was adopted by X",
        "Y, adopted in 1999, …"."""
        pattern = r"\b(?:adopted|approved|endorsed|enacted|issued|signed)\b"
        for cue in self.cues(pattern, sentence):
            passive = re.match(r"\s+by\b", self.text[cue.end() : sentence.end])
            adopters: list[Placed] = []
            if passive:
                intervention = self.subject_before(sentence, cue.start())
                adopter = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
                if adopter is not None and adopter.start > cue.end() + passive.end() + 5:
                    adopter = None  # "endorsed by the Secretary of …": not the organisation
                adopters = [adopter] if adopter is not None else []
            else:
                adopters = self.listed_before(sentence, cue.start())
                intervention = self.after(cue.end(), sentence, INTERVENTION_CLASSES)
                if intervention is not None and not re.fullmatch(
                        r"\s*(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}",
                        self.text[cue.end() : intervention.start]):
                    intervention = None  # the thing adopted comes right after the verb
                if intervention is None:
                    intervention = self.anaphor_after(cue.end(), sentence, INTERVENTION_CLASSES)
                if intervention is None and re.search(
                        r"(?:,|\b(?:was|were|has been|have been|is|are))\s*$",
                        self.text[sentence.start : cue.start()]):
                    intervention = self.subject_before(sentence, cue.start())  # "Y, adopted in"
                    adopters = []
            if intervention is None:
                continue
            for adopter in adopters:
                self.add(intervention.entity.iri, SPKG.adoptedBy, adopter.entity.iri, sentence,
                         intervention.mention.span, adopter.mention.span)
            date = self.date_after(cue.end(), sentence)
            if date is None or not same_clause(self.text, cue.end(), date.span.start):
                date = self.date_before(cue.start(), sentence)
            if date is not None:
                event = self.event(SPKG.Adoption, intervention, date, sentence)
                for adopter in adopters:
                    self.add(event, SPKG.participant, adopter.entity.iri, sentence,
                             adopter.mention.span)

    def ratification(self, sentence: Span) -> None:
        """"Morocco ratified Convention No. 102 on 14 June 2019": a dated ratification of the
        instrument (who ratified is the document's country, not stated as an entity)."""
        for cue in self.cues(r"\bratifi(?:ed|es)\b", sentence):
            instrument = self.after(cue.end(), sentence, {SPKG.Convention, SPKG.Recommendation})
            if instrument is None or not re.fullmatch(
                    r"\s*(?:the\s+)?(?:ILO\s+)?", self.text[cue.end() : instrument.start]):
                continue
            date = self.date_after(instrument.end, sentence)
            if date is not None and same_clause(self.text, instrument.end, date.span.start) and (
                    date.span.start - instrument.end < 12):
                self.event(SPKG.Ratification, instrument, date, sentence)

    def entry_into_force(self, sentence: Span) -> None:
        """"The Act entered into force on 22 November 2023": the day the law starts to apply."""
        pattern = (r"\b(?:entered|enters|came|comes|will\s+enter|will\s+come)\s+into\s+"
                   r"(?:force|effect)\b|\btook\s+effect\b")
        for cue in self.cues(pattern, sentence):
            intervention = self.subject_before(sentence, cue.start())
            date = self.date_after(cue.end(), sentence)
            if intervention is None or date is None or not same_clause(
                    self.text, cue.end(), date.span.start):
                continue
            self.event(SPKG.EntryIntoForce, intervention, date, sentence)

    def launch(self, sentence: Span) -> None:
        for cue in self.cues(r"(?<!will be )\blaunched\b", sentence):
            launcher = None
            intervention = self.subject_before(sentence, cue.start())
            if intervention is None:  # "The Government of Jordan launched the … Strategy"
                launcher = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
                if launcher is not None:
                    intervention = self.after(cue.end(), sentence, INTERVENTION_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if date is None or not same_clause(self.text, cue.end(), date.span.start):
                # "In June 2022, the Government of Bangladesh launched …"
                date = self.date_before(cue.start(), sentence) if launcher else None
            if intervention is None or date is None:
                continue
            event = self.event(SPKG.Launch, intervention, date, sentence)
            if launcher is not None:
                self.add(event, SPKG.organisedBy, launcher.entity.iri, sentence,
                         launcher.mention.span)
                # "… launched X on 1 June 2023 in partnership with the Ministry of Manpower"
                partner = re.search(
                    r"\b(?:in\s+partnership|jointly|together)\s+with\s+(?:the\s+)?",
                    self.text[cue.end() : sentence.end])
                partners = self.listed_after(cue.end() + partner.end(), sentence) if partner else []
                for placed in partners:
                    self.add(event, SPKG.organisedBy, placed.entity.iri, sentence,
                             placed.mention.span)

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
            if body is not None and date is not None and same_clause(
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

    def hosted_meeting(self, sentence: Span) -> None:
        """"VSS hosted a consultation workshop on the draft Law … on 10 May 2022, chaired by …"."""
        pattern = (r"\b(?:hosted|held|organi[sz]ed|convened)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
                   r"(?:meeting|workshop|seminar|consultation|conference|dialogue|session)\s+"
                   r"(?:on|of)\s+(?:the\s+)?(?:draft\s+)?")
        for cue in self.cues(pattern, sentence):
            hosts = self.listed_before(sentence, cue.start()) or [
                h for h in [self.before(sentence, cue.start(), ORGANISATION_CLASSES)] if h]
            topic = self.after(cue.end(), sentence, SUPPORTED_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if topic is None or date is None:
                continue
            event = self.event(SPKG.Meeting, topic, date, sentence)
            self.last_meeting = event
            for host in hosts:
                self.add(event, SPKG.organisedBy, host.entity.iri, sentence, host.mention.span)
            chaired = re.search(r"\bchaired\s+by\s+(?:the\s+)?",
                                self.text[cue.end() : sentence.end])
            if chaired:
                chair = self.after(cue.end() + chaired.end(), sentence, ORGANISATION_CLASSES)
                if chair is not None:
                    self.add(event, SPKG.chairedBy, chair.entity.iri, sentence,
                             chair.mention.span)

    def meeting_organised_by(self, sentence: Span) -> None:
        """"A validation workshop on the … Law was organised by the ILO and … on 4 October"."""
        pattern = (r"\b(?:meeting|workshop|seminar|consultation|conference|dialogue|session)\s+"
                   r"(?:on|of)\s+(?:the\s+)?(?:draft\s+)?")
        for cue in self.cues(pattern, sentence):
            topic = self.after(cue.end(), sentence, SUPPORTED_CLASSES)
            if topic is None or topic.start != cue.end():
                continue
            by = re.match(r"\s*(?:\([^)]*\)\s*)?(?:was|were)\s+(?:organi[sz]ed|held|convened|"
                          r"hosted)\s+(?:jointly\s+)?by\s+(?:the\s+)?",
                          self.text[topic.end : sentence.end])
            if by is None:
                continue
            hosts = self.listed_after(topic.end + by.end(), sentence)
            date = self.date_after(topic.end, sentence)
            if not hosts or date is None:
                continue
            event = self.event(SPKG.Meeting, topic, date, sentence)
            self.last_meeting = event
            for host in hosts:
                self.add(event, SPKG.organisedBy, host.entity.iri, sentence, host.mention.span)

    def participants(self, sentence: Span) -> None:
        if self.last_meeting is None or not self.cues(
                r"(?i)\bthe (meeting|session|workshop|seminar|consultation|conference)\b",
                sentence):
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

    def training(self, sentence: Span) -> None:
        pattern = (r"\btraining\b[^.]*?\b(?:organi[sz]ed|held|conducted)\b[^.]*?\b(?:on|in)\b|"
                   r"\b(?:organi[sz]ed|held|conducted)\s+(?:a|an)\s+(?:[\w-]+\s+)?training\b")
        for cue in self.cues(pattern, sentence):
            date = self.date_after(cue.start(), sentence)
            if date is None:
                continue
            trainees = re.search(r"\btraining\s+(?:for|of)\s+(?:the\s+)?",
                                 self.text[sentence.start : sentence.end])
            concerned = None
            if trainees:  # "a training for SSS staff"
                concerned = self.after(sentence.start + trainees.end(), sentence,
                                       ORGANISATION_CLASSES)
            concerned = concerned or self.focus
            if concerned is None:
                continue
            event = self.event(SPKG.Training, concerned, date, sentence)
            organiser = self.before(sentence, cue.start() + 1, ORGANISATION_CLASSES)
            if organiser is not None and re.match(
                    r"\s+(?:organi[sz]ed|held|conducted)\b",
                    self.text[organiser.end : sentence.end]):
                self.add(event, SPKG.organisedBy, organiser.entity.iri, sentence,
                         organiser.mention.span)

    def trained(self, sentence: Span) -> None:
        """"The ILO also trained 40 SHA officers on 3-5 July 2023": a training of SHA staff."""
        for cue in self.cues(r"\btrained\s+", sentence):
            trainers = self.listed_before(sentence, cue.start())
            trainees = self.after(cue.end(), sentence, ORGANISATION_CLASSES)
            if not trainers or trainees is None or not re.fullmatch(
                    r"(?:[\d,]+\s+|some\s+|over\s+[\d,]+\s+|more\s+than\s+[\d,]+\s+)?(?:the\s+)?",
                    self.text[cue.end() : trainees.start]):
                continue
            date = self.date_after(trainees.end, sentence)
            if date is None or not same_clause(self.text, trainees.end, date.span.start):
                continue
            event = self.event(SPKG.Training, trainees, date, sentence)
            for trainer in trainers:
                self.add(event, SPKG.organisedBy, trainer.entity.iri, sentence,
                         trainer.mention.span)

    def announcement(self, sentence: Span) -> None:
        pattern = r"\bwill\s+be\s+(?:distributed|launched|rolled\s+out|introduced)\b"
        for cue in self.cues(pattern, sentence):
            intervention = self.before(sentence, cue.start(), INTERVENTION_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if intervention is not None and date is not None:
                self.event(SPKG.Announcement, intervention, date, sentence)
