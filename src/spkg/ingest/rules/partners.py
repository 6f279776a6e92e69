"""Partners of a result named in a record's prose: "in partnership with A and B", "in
collaboration with A". A result record's outcome is the subject; other documents have no
outcome, and there the words state no relation the ontology has."""

from __future__ import annotations

from spkg.ingest.detect import RESULT_RECORD
from spkg.ingest.naming import ORGANISATION_CLASSES
from spkg.ingest.records import Span
from spkg.ingest.rules.context import Context
from spkg.ingest.rules.registry import rule
from spkg.namespace import SPKG

_ILO = "organisation/international-labour-organization"
# not "together with": "The ILO, together with UNICEF, supported X" says who supported X
# (fresh-9 annotates it supportedBy); no record of fresh-3 to fresh-9 annotates it a partner
_CUE = (r"\b(?:in\s+(?:close\s+)?(?:partnership|collaboration|cooperation|coordination)|"
        r"jointly)\s+with\s+(?:the\s+)?")


@rule("result-partners", family="partners")
def result_partners(ctx: Context, sentence: Span) -> None:
    """"The ILO, in partnership with UNICEF and the World Bank, supported …": each listed
    organisation is a partner of the record's result (the ILO itself never is)."""
    if ctx.document.kind != RESULT_RECORD:
        return
    for cue in ctx.cues(_CUE, sentence):
        # the ILO's partners: the ILO (or one of its projects) is who acts with them
        acting = ctx.in_span(Span(sentence.start, cue.start()),
                             ORGANISATION_CLASSES | {SPKG.Project})
        if not any(_ILO in str(a.entity.iri) or a.entity.cls == SPKG.Project for a in acting):
            continue
        partners = ctx.listed_after(cue.end(), sentence)
        if not partners or partners[0].start != cue.end():
            continue
        for partner in partners:
            if _ILO in str(partner.entity.iri):
                continue
            for outcome in ctx.outcomes():
                ctx.add(outcome, SPKG.partner, partner.entity.iri, sentence,
                        partner.mention.span)
