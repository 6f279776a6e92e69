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


def test_a_french_name_ends_before_a_common_english_verb() -> None:
    names = _names("The Ministère de la Jeunesse et des Sports extends its grants to "
                   "rural clubs in 2025.")
    assert "Ministère de la Jeunesse et des Sports" in names
    assert not any("extends" in name for name in names)


def test_a_romance_names_own_lowercase_words_stay() -> None:
    names = _names("The Ministère des Affaires sociales et de la Solidarité nationale "
                   "met in Lomé.")
    assert "Ministère des Affaires sociales et de la Solidarité nationale" in names


def test_and_then_an_auxiliary_opens_a_clause_in_french_and_spanish() -> None:
    french = _names("Elle révise le Code de la mutualité et sera appliquée par la Caisse "
                    "autonome des retraites.")
    assert "Code de la mutualité" in french
    spanish = _names("El Instituto de Previsión Rural y fue creado por la ley de 1998.")
    assert "Instituto de Previsión Rural" in spanish


def test_the_code_a_numbered_law_enacts_is_no_second_law() -> None:
    found = _mentions("La loi n° 45/AN/11/3ème L portant Code de la mutualité a été votée.")
    assert not any(name.startswith("Code") for name, _ in found)


def test_a_french_ilo_office_for_listed_countries_is_one_body_and_no_places() -> None:
    found = _mentions("La directrice du Bureau de pays de l'OIT pour le Niger, le Tchad et "
                      "la République centrafricaine a parlé.")
    office = "Bureau de pays de l'OIT pour le Niger, le Tchad et la République centrafricaine"
    # the ILO its name names is an entity too (test_names_h3), but no place is
    assert [name for name, _ in found if name != "OIT"] == [office]


def test_spanish_and_portuguese_ilo_offices_and_a_region_of_countries() -> None:
    assert "Oficina de la OIT para Costa Rica, Panamá y Nicaragua" in _names(
        "La Oficina de la OIT para Costa Rica, Panamá y Nicaragua apoyó el estudio.")
    assert "Escritório da OIT no Brasil" in _names("O Escritório da OIT no Brasil apoiou.")
    assert "Bureau de l'OIT pour les pays du Sahel" in _names(
        "Selon le Bureau de l'OIT pour les pays du Sahel, la réforme avance.")


def test_an_office_for_no_known_place_is_not_read_as_one() -> None:
    names = _names("Le Bureau de l'OIT pour Zorbania a parlé.")
    assert not any(name.startswith("Bureau de l'OIT pour") for name in names)


def test_numbered_legal_texts_whose_kind_is_two_words() -> None:
    assert "décret exécutif n° 19-114" in _names(
        "Le décret exécutif n° 19-114, adopté le 2 avril, fixe les taux.")
    assert "Emenda Constitucional nº 45/2021" in _names(
        "The Emenda Constitucional nº 45/2021 changed the pension rules.")
    assert "Lei Complementar n.º 8/2022" in _names("A Lei Complementar n.º 8/2022 criou o fundo.")


def test_a_portuguese_article_is_no_word_of_a_numbered_law() -> None:
    assert "Decreto-Lei n.º 30/2018" in _names("O Decreto-Lei n.º 30/2018 criou o regime.")


def test_a_titled_paper_on_its_own_line_is_one_study_named_by_its_title() -> None:
    text = ("Publications\n\nPension reform for fishers in Ruritania: a technical note (2023)\n"
            "Nota técnica: Seguridad social para los pescadores de Ruritania\n")
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    studies = [(m.text, m.name) for m in found if m.cls == SPKG.Study]
    assert studies == [
        ("Pension reform for fishers in Ruritania: a technical note",
         "Pension reform for fishers in Ruritania"),
        ("Nota técnica: Seguridad social para los pescadores de Ruritania",
         "Seguridad social para los pescadores de Ruritania")]


def test_a_colon_inside_prose_is_no_paper() -> None:
    names = _names("The minister said: a diagnostic of the fund was needed in 2023.\n")
    assert not any("minister" in name for name in names)


def test_a_generic_capitalised_adjective_opens_a_sentence_case_name() -> None:
    found = _mentions("The ILO reviewed the National unemployment insurance programme in 2022.")
    assert ("National unemployment insurance programme" in [name for name, _ in found])
    assert "National" not in [name for name, _ in found]
    # a brand of its own stays the name, its description not
    assert "Wekeza" in _names("The Wekeza unemployment programme pays.")
