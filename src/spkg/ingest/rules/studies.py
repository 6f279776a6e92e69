"""Studies: "a study on/for …" with its subject, lists of studies underway, and a
study's status."""

from __future__ import annotations

import re

from rdflib import RDF, RDFS, Literal, URIRef

from spkg.ingest.gazetteer import normalise_name
from spkg.ingest.naming import ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.base import Placed
from spkg.ingest.rules.coverage import GROUP_HEADS, CoverageRules
from spkg.namespace import SPKG, mint


class StudyRules(CoverageRules):
    """Rules about studies (their subjects are population groups)."""

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

    def underway_studies(self, sentence: Span) -> None:
        cue = self.cues(r"\b(?:[Ss]tudies|[Aa]ssessments)\s+(?:are|were)\s+"
                        r"(?:underway|under\s+way)\b", sentence)
        if not cue:
            return
        supporter = self.support_of_studies(sentence, cue[0].end())
        following = [s for s in self.document.sentences if s.start >= sentence.end][:1]
        for span in [sentence, *following]:
            include = re.search(r"\b(?:These|They|which)\s+include[sd]?\s*[;:,]?\s*",
                                self.text[span.start : span.end])
            if include is None:
                continue
            for study, words in self.list_of_studies(span, span.start + include.end()):
                if supporter is not None:  # the support stated where the list is introduced
                    self.add(study, SPKG.supportedBy, supporter.entity.iri, sentence, words,
                             supporter.mention.span)

    def support_of_studies(self, sentence: Span, position: int) -> Placed | None:
        """"studies are underway with the technical support of the ILO": the supporter named
        right after "with the (technical/financial) support/assistance of/from"."""
        cue = re.match(r"\s*with\s+(?:the\s+)?(?:technical\s+|financial\s+)?"
                       r"(?:support|assistance)\s+(?:of|from)\s+(?:the\s+)?",
                       self.text[position : sentence.end])
        if cue is None:
            return None
        found = self.after(position + cue.end(), sentence, ORGANISATION_CLASSES)
        return found if found is not None and found.start == position + cue.end() else None

    def list_of_studies(self, sentence: Span, start: int) -> list[tuple[URIRef, Span]]:
        """Each study of "These include; A, B, …" (merged with a study named earlier), with
        the words that name it."""
        body = self.text[start : sentence.end].rstrip(". ")
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
                elif GROUP_HEADS.search(item) and len(item.split()) <= 4:
                    self.add(iri, SPKG.subject, self.minted_group(item, sentence, words),
                             sentence, words)
            self.add(iri, SPKG.status, SPKG.underway, sentence, words)
            listed.append((iri, words))
        return listed

    def study_status(self, sentence: Span) -> None:
        """"A study on pension coverage of platform workers is underway."""
        for cue in self.cues(r"\b(?:is|are)\s+(underway|ongoing|under way|completed|finished)\b",
                             sentence):
            study = self.before(sentence, cue.start(), {SPKG.Study})
            if study is None:
                continue
            done = cue.group(1) in {"completed", "finished"}
            self.add(study.entity.iri, SPKG.status, SPKG.completed if done else SPKG.underway,
                     sentence, study.mention.span)
