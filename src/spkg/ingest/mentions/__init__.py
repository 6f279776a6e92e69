"""Mention recognisers: small registered functions, one module per family.

Each recogniser takes a :class:`~spkg.ingest.mentions.base.Context` (the document's text,
the gazetteer and what the whole document says, such as the countries it names) and one
region, and yields :class:`~spkg.ingest.mentions.base.Mention` objects. It never looks at
other recognisers' output: :class:`spkg.ingest.entities.MentionFinder` runs them all and
resolves overlaps, and linking turns mentions into entities. Families can be switched off
one at a time (``find_mentions(..., skip={"events"})``) to test or measure each alone.

    places      towns and subdivisions of every country (spkg.ingest.world)
    events      named events, disasters, and workshops/conferences with a date
    bodies      lowercase bodies with an organisational head, "X Government", Parliament
    documents   laws, studies and programmes written in lowercase
    sdg         SDG goals and targets named in prose
    romance     French and Spanish names kept untranslated ("Ministerio de Trabajo")
    groups      population groups named in lowercase ("self-employed women")
"""

from __future__ import annotations

from spkg.ingest.mentions.base import (
    REGISTRY,
    Context,
    Mention,
    Recogniser,
    find_mentions,
    recogniser,
)

__all__ = ["REGISTRY", "Context", "Mention", "Recogniser", "find_mentions", "recogniser"]

# The families register themselves on import.
from spkg.ingest.mentions import bodies, documents, events, groups, places, sdg  # noqa: F401
