"""Names of laws, studies and programmes in forms the tuned batches lacked (issue 16):
each test made-up sentences in one form, and look-alikes that must name nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.pipeline import read_document
from spkg.ingest.prose import prose_entities


def slugs(tmp_path: Path, gazetteer: Gazetteer, body: str, kind: str) -> set[str]:
    """The slugs of the ``kind`` entities (law, study, programme) found in ``body``."""
    path = tmp_path / "page.txt"
    path.write_text(f"Social protection in Kenya\n\n{body}\n", encoding="utf-8")
    _, entities = prose_entities(read_document(path), gazetteer)
    return {str(e.iri).rsplit("/", 1)[-1] for e in entities
            if f"/id/{kind}/" in str(e.iri)}


@pytest.mark.parametrize(("body", "slug"), [
    # a government's numbered decision
    ("The Council adopted Decision No. 517 on pension rates.", "decision-no-517"),
    ("Cabinet Decision No. 12 of 2019 set the rate.", "cabinet-decision-no-12-of-2019"),
    # a series letter before a slash
    ("The fund was created by Royal Decree No. K/118 last year.", "royal-decree-no-k-118"),
    # the number in brackets (Gulf style)
    ("Benefits were introduced by Law No. (45) of 2010 with respect to pensions.",
     "law-no-45-of-2010"),
    # the year after the issuer's letters
    ("The fund was set up by ordonnance n° 0045/PR/2009 du 12 mars 2009, which insures "
     "workers.", "ordonnance-n-0045-pr-2009"),
    # a two-word French head in lowercase
    ("The arrêté conjoint n° 2020/1234/MTA/MEB was adopted on 3 June.",
     "arrete-conjoint-n-2020-1234-mta-meb"),
])
def test_numbered_legal_texts_of_other_traditions(tmp_path: Path, gazetteer: Gazetteer,
                                                  body: str, slug: str) -> None:
    assert slug in slugs(tmp_path, gazetteer, body, "law")


@pytest.mark.parametrize("body", [
    "In 2010 the Decision was taken by the board.",
    "The decision of 2019 raised pensions.",
    "An arrêté was signed in 2020.",
])
def test_unnumbered_look_alikes_name_no_law(tmp_path: Path, gazetteer: Gazetteer,
                                            body: str) -> None:
    assert slugs(tmp_path, gazetteer, body, "law") == set()


@pytest.mark.parametrize(("body", "slug"), [
    # when the study is made for is no part of its object
    ("The ILO is preparing a financial diagnostic of the NHIF ahead of its reform.",
     "financial-diagnostic-of-the-nhif"),
    # nor whom the object concerns
    ("The ILO prepared a diagnostic of coverage gaps among street vendors and workers in "
     "cooperatives in the north.", "diagnostic-of-coverage-gaps"),
    # nor the standard it is measured against, after a French name
    ("The ILO carried out a review of the Code du travail against Convention No. 102.",
     "review-of-the-code-du-travail"),
])
def test_a_study_name_ends_where_its_circumstances_begin(
        tmp_path: Path, gazetteer: Gazetteer, body: str, slug: str) -> None:
    assert slugs(tmp_path, gazetteer, body, "study") == {slug}


def test_a_romance_name_ends_at_an_english_preposition(tmp_path: Path,
                                                       gazetteer: Gazetteer) -> None:
    body = "The Code du travail against Convention No. 102 was discussed at the meeting."
    assert not any("against" in s for s in slugs(tmp_path, gazetteer, body, "law"))


@pytest.mark.parametrize(("body", "slug"), [
    # a French scheme in lowercase inside English prose, named by whom it covers
    ("In 2023 the ILO helped the fund design a régime des travailleurs indépendants for "
     "drivers and traders.", "regime-des-travailleurs-independants"),
    # … in French prose; the body that runs it is a name of its own
    ("Le décret porte extension du régime d'assurance maladie de la Caisse Nationale de "
     "Prévoyance (CNP) aux éleveurs.", "regime-dassurance-maladie"),
])
def test_a_lowercase_romance_scheme_is_a_programme(tmp_path: Path, gazetteer: Gazetteer,
                                                   body: str, slug: str) -> None:
    assert slug in slugs(tmp_path, gazetteer, body, "programme")


@pytest.mark.parametrize("body", [
    "Le régime de sécurité sociale couvre les salariés.",
    "Le régime général protège les salariés.",
    "The regime of the fund was reformed.",
])
def test_what_every_scheme_is_names_no_programme(tmp_path: Path, gazetteer: Gazetteer,
                                                 body: str) -> None:
    assert slugs(tmp_path, gazetteer, body, "programme") == set()


def test_the_body_inside_a_scheme_name_is_kept(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le décret porte extension du régime d'assurance maladie de la Caisse Nationale "
            "de Prévoyance (CNP) aux éleveurs.")
    assert "caisse-nationale-de-prevoyance" in slugs(tmp_path, gazetteer, body, "organisation")


def test_a_count_may_open_a_study_object(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "For the forum, the ILO prepared a survey of 1,200 drivers in the capital."
    assert slugs(tmp_path, gazetteer, body, "study") == {"survey-of-1-200-drivers-kenya"}


def test_a_lowercase_scheme_under_a_named_law_is_one(tmp_path: Path,
                                                      gazetteer: Gazetteer) -> None:
    body = ("Since 2015 the maternity insurance scheme under the Law on Maternity Protection "
            "has paid benefits to mothers.")
    assert "maternity-insurance-scheme" in slugs(tmp_path, gazetteer, body, "programme")


@pytest.mark.parametrize("body", [
    "A social insurance scheme under the Act was proposed.",   # what any scheme is
    "The maternity insurance scheme under discussion would pay benefits.",  # no law named
])
def test_a_scheme_under_no_named_law_is_none(tmp_path: Path, gazetteer: Gazetteer,
                                             body: str) -> None:
    assert slugs(tmp_path, gazetteer, body, "programme") == set()


@pytest.mark.parametrize(("body", "kind", "slug"), [
    # a programme the clause makes one thing, inside a study's object
    ("The ILO prepared a diagnostic of the pilot programme for domestic workers that the "
     "NHIF ran from 2019 to 2021.", "programme", "pilot-programme"),
    # an untranslated code inside a study's object
    ("The ILO carried out a review of the Code du travail against Convention No. 102.",
     "law", "code-du-travail"),
])
def test_what_a_study_object_names_is_an_entity_too(tmp_path: Path, gazetteer: Gazetteer,
                                                    body: str, kind: str, slug: str) -> None:
    assert slug in slugs(tmp_path, gazetteer, body, kind)


def test_a_lowercase_law_in_a_study_object_is_no_entity(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    body = "The ILO carried out a legal gap analysis of the social insurance legislation."
    assert slugs(tmp_path, gazetteer, body, "law") == set()


def test_a_clause_names_who_runs_a_programme(tmp_path: Path, gazetteer: Gazetteer) -> None:
    assert "cash-transfer-programme" in slugs(
        tmp_path, gazetteer,
        "The cash transfer programme which NSSA implements reaches 5,000 families.",
        "programme")
    assert slugs(tmp_path, gazetteer,
                 "A pilot programme that the Government may consider would help.",
                 "programme") == set()


@pytest.mark.parametrize(("body", "slug"), [
    ('Since 2015 pensions have been paid under the Law of the Republic of Kenya "On State '
     'Pensions" by the fund.', "law-on-state-pensions"),
    ('The Code “On Labour” was amended in 2019.', "code-on-labour"),
])
def test_a_law_titled_in_quotes(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                slug: str) -> None:
    found = slugs(tmp_path, gazetteer, body, "law")
    assert slug in found
    assert "law-of-the-republic-of-kenya" not in found  # who issued it is no law


def test_a_quoted_phrase_without_on_is_no_title(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = 'The Law was called "a milestone" by the minister.'
    assert slugs(tmp_path, gazetteer, body, "law") == set()


def test_a_study_object_keeps_accented_words(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO carried out a review of the Code de sécurité sociale against "
            "Convention No. 102.")
    assert slugs(tmp_path, gazetteer, body, "study") == {
        "review-of-the-code-de-securite-sociale"}
    assert "code-de-securite-sociale" in slugs(tmp_path, gazetteer, body, "law")
