"""The record fields' lookups go through the gazetteer: one index, one normaliser."""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from spkg.ingest import vocab as vocab_module
from spkg.ingest.gazetteer import normalise_name
from spkg.ingest.vocab import Vocabulary, load_vocabulary
from spkg.namespace import SDG, SDGO, SPKG

RURAL = URIRef("https://w3id.org/spkg/id/population-group/rural-workers")


def test_keywords_in_any_language_with_the_label_language() -> None:
    vocab = load_vocabulary()
    assert vocab.keyword("trabajadores rurales") == (RURAL, "es")
    assert vocab.keyword("Rural  Workers") == (RURAL, "en")
    assert vocab.keyword("no such concept") is None


def test_goals_targets_and_principles() -> None:
    vocab = load_vocabulary()
    assert vocab.goal("End poverty in all its forms everywhere") == SDG["1"]
    assert vocab.target("1.3") == SDG["1.3"]
    assert vocab.target("99.9") is None
    assert str(vocab.principle("e")).endswith("/principle/r202-3e")


def test_one_normaliser_for_fields_and_prose() -> None:
    """Whatever normalise_name makes equal, the field lookups find alike."""
    vocab = load_vocabulary()
    assert normalise_name("The rural workers") == normalise_name("rural-workers")
    assert vocab.keyword("The rural workers") == vocab.keyword("rural-workers") == (RURAL, "en")
    assert not hasattr(vocab_module, "label_key")


def test_a_graph_of_its_own_builds_its_own_index() -> None:
    """Of two concepts named alike, the first keyword class, then IRI, then label wins."""
    graph = Graph()
    group, area = URIRef("urn:x:group"), URIRef("urn:x:area")
    graph.add((group, RDF.type, SPKG.PopulationGroup))
    graph.add((group, SKOS.prefLabel, Literal("Carers", lang="en")))
    graph.add((area, RDF.type, SPKG.PolicyArea))
    graph.add((area, RDFS.label, Literal("carers", lang="fr")))
    goal = URIRef("urn:x:goal")
    graph.add((goal, RDF.type, SDGO.Goal))
    graph.add((goal, SKOS.prefLabel, Literal("No poverty & hunger", lang="en")))
    vocab = Vocabulary(graph)
    assert vocab.keyword("CARERS") == (group, "en")
    assert vocab.goal("no poverty and hunger") == goal


def test_goal_bullets_by_short_name_number_or_translated_title() -> None:
    vocab = load_vocabulary()
    assert vocab.goal("Decent work and economic growth") == SDG["8"]  # the UN short name
    assert vocab.goal("Goal 10: Reduced inequalities") == SDG["10"]
    assert vocab.goal("SDG 3") == SDG["3"]
    assert vocab.goal("ODS 1 – Fin de la pobreza") == SDG["1"]
    assert vocab.goal("5. Achieve gender equality and empower all women and girls") == SDG["5"]
    # a bare number must agree with its title; a target or an indicator is no goal
    assert vocab.goal("5. End poverty in all its forms everywhere") is None
    assert vocab.goal("4 Zero hunger") is None
    assert vocab.goal("1.3 Implement nationally appropriate systems") is None
    assert vocab.goal("Goal 18") is None
    assert vocab.target("1.A") == SDG["1.a"]
