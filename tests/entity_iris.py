"""What the tests of entity finding share: the linked entities' IRIs of a made-up text."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def linked_iris(text: str, gazetteer: Gazetteer) -> set[str]:
    """The ``<kind>/<slug>`` of every entity found in ``text``, read whole as prose."""
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}
