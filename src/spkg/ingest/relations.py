"""Relations the sentences state, read with cue words between entity mentions.

Each rule looks at one sentence: where a cue ("adopted", "members of", "funded by", …)
stands, which entities come before and after it, which dates and numbers it holds.
A pronoun subject ("It was formally launched …") is the focus of the previous sentence
of the same section: the last intervention or body it named first; "The policy …" is the
last policy. Nothing is inferred beyond what a sentence says. The rules live in
spkg.ingest.rules, one module per family; this module runs them in order.
"""

from __future__ import annotations

from spkg.ingest.records import Fact, Span
from spkg.ingest.rules.base import SUBJECT_CLASSES, document_country
from spkg.ingest.rules.events import EventRules
from spkg.ingest.rules.organisations import OrganisationRules
from spkg.ingest.rules.studies import StudyRules

__all__ = ["RelationReader", "document_country"]


class RelationReader(StudyRules, EventRules, OrganisationRules):
    """Reads the relations of one document's sentences."""

    def read(self, regions: list[Span]) -> list[Fact]:
        for region in regions:
            self.focus, self.recent = None, {}
            for sentence in self.document.sentences:
                if region.start <= sentence.start and sentence.end <= region.end:
                    self.read_sentence(sentence)
        return self.facts

    def read_sentence(self, sentence: Span) -> None:
        for rule in (
            self.studies_in_sentence, self.adoption, self.ratification, self.launch,
            self.entry_into_force, self.notification, self.establishment,
            self.development, self.membership, self.coverage, self.promotes_protection_for,
            self.avail_with_anaphor, self.opened_to, self.covers,
            self.coverage_figures,
            self.meeting, self.hosted_meeting, self.meeting_organised_by, self.participants,
            self.funding, self.support, self.support_from,
            self.implementation, self.implementer, self.study_status,
            self.instruments, self.location, self.sub_organisation, self.named_in_lowercase,
            self.underway_studies, self.training, self.trained, self.announcement,
            self.chaired_body,
        ):
            rule(sentence)
        mentioned = self.in_span(sentence, SUBJECT_CLASSES)
        if mentioned:
            self.focus = mentioned[0]
        for placed in mentioned:
            self.recent[placed.entity.cls] = placed
