"""Events a sentence dates: adoptions, launches, notifications, establishments,
meetings (and who chaired, organised and took part), trainings, announcements."""

from __future__ import annotations

import re

from spkg.ingest.naming import INTERVENTION_CLASSES, ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.base import SUBJECT_CLASSES, SUPPORTED_CLASSES, RuleBase, same_clause
from spkg.namespace import SPKG


class EventRules(RuleBase):
    """Rules that make dated events."""

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
            if date is None or not same_clause(self.text, cue.end(), date.span.start):
                date = self.date_before(cue.start(), sentence)
            if date is not None:
                event = self.event(SPKG.Adoption, intervention, date, sentence)
                if adopter is not None:
                    self.add(event, SPKG.participant, adopter.entity.iri, sentence,
                             adopter.mention.span)

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
            host = self.before(sentence, cue.start(), ORGANISATION_CLASSES)
            topic = self.after(cue.end(), sentence, SUPPORTED_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if topic is None or date is None:
                continue
            event = self.event(SPKG.Meeting, topic, date, sentence)
            self.last_meeting = event
            if host is not None:
                self.add(event, SPKG.organisedBy, host.entity.iri, sentence, host.mention.span)
            chaired = re.search(r"\bchaired\s+by\s+(?:the\s+)?",
                                self.text[cue.end() : sentence.end])
            if chaired:
                chair = self.after(cue.end() + chaired.end(), sentence, ORGANISATION_CLASSES)
                if chair is not None:
                    self.add(event, SPKG.chairedBy, chair.entity.iri, sentence,
                             chair.mention.span)

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

    def announcement(self, sentence: Span) -> None:
        pattern = r"\bwill\s+be\s+(?:distributed|launched|rolled\s+out|introduced)\b"
        for cue in self.cues(pattern, sentence):
            intervention = self.before(sentence, cue.start(), INTERVENTION_CLASSES)
            date = self.date_after(cue.end(), sentence)
            if intervention is not None and date is not None:
                self.event(SPKG.Announcement, intervention, date, sentence)
