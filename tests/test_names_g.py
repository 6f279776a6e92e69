"""Names of the F2 classes (issue 16), on made-up sentences in English, French, Spanish and
Portuguese: where a Romance name ends, ligatures in keys, office names with countries."""

from rdflib import URIRef

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.naming import canonical_key
from spkg.ingest.records import Span
from spkg.namespace import SPKG


def _mentions(text: str) -> list[tuple[str, URIRef | None]]:
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    return [(m.text, m.iri) for m in found]


def _names(text: str) -> list[str]:
    return [name for name, _ in _mentions(text)]


def test_a_ligature_is_spelt_out_in_a_key_not_dropped() -> None:
    key = canonical_key("Soutien à la mise en œuvre du plan de cohésion", SPKG.Project)
    assert "mise en oeuvre" in key
    assert canonical_key("Cœur des Alpes Fund", SPKG.SocialSecurityInstitution).startswith(
        "coeur")
