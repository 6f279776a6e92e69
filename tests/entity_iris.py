"""What the tests of entity finding share: the linked entities' IRIs of a made-up text."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.mentions import Context, find_mentions
from spkg.ingest.records import Span
from spkg.namespace import SPKG


def linked_iris(text: str, gazetteer: Gazetteer) -> set[str]:
    """The ``<kind>/<slug>`` of every entity found in ``text``, read whole as prose."""
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}


def group_names(text: str, gazetteer: Gazetteer) -> list[str]:
    """The words of each population group the groups recogniser alone finds in ``text``."""
    context = Context(text, gazetteer)
    return [m.text for m in find_mentions(context, [Span(0, len(text))], only={"groups"})]


def group_iris(text: str, gazetteer: Gazetteer) -> set[str]:
    """The ``population-group/<slug>`` of every population group linked in ``text``."""
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if e.cls == SPKG.PopulationGroup}
