"""Per document (the five seeds and tests/ingest/documents/), the fields read from it
match the hand-written expectations in tests/ingest/expected/<document>.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS, PROV

from spkg.ingest.pipeline import ingest_document
from spkg.ingest.vocab import load_vocabulary
from spkg.namespace import SPKG, document_iri
from spkg.why import short

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = sorted((ROOT / "tests" / "ingest" / "expected").glob("*.json"))


def _objects(triples: set, subject: URIRef, predicate: URIRef) -> set[str]:
    return {short(o) for s, p, o in triples if s == subject and p == predicate}


@pytest.fixture(scope="module")
def vocab():  # type: ignore[no-untyped-def]
    return load_vocabulary()


@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.stem)
def test_document_fields(expected_file: Path, vocab) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    path = ROOT / expected["file"]
    document, triples = ingest_document(path, vocab)
    doc = document_iri(path.stem)
    assert document.iri == doc
    assert _objects(triples, doc, RDF.type) == {f"spkg:{expected['kind']}"}
    assert {str(o) for s, p, o in triples if s == doc and p == DCTERMS.title} == {expected["title"]}
    assert _objects(triples, doc, DCTERMS.date) == _one(expected["date"])
    assert _objects(triples, doc, SPKG.country) == (
        {expected["country"]} if expected["country"] else set())
    outcomes = {short(s) for s, p, o in triples if p == RDF.type and o == SPKG.Outcome}
    assert outcomes == set(expected["outcomes"])
    for outcome in map(URIRef, (str(o).replace("id:", "https://w3id.org/spkg/id/")
                                for o in expected["outcomes"])):
        _check_outcome(triples, outcome, expected)
    if "statements" in expected:
        found = {str(o) for s, p, o in triples if p == SPKG.statement}
        assert found == set(expected["statements"])
    for label in expected.get("new_keyword_labels", []):
        assert label in {short(o) for s, p, o in triples if p == RDFS.label}


def _one(value: object) -> set[str]:
    return {str(value)} if value is not None else set()


def _check_outcome(triples: set, outcome: URIRef, expected: dict) -> None:
    assert _objects(triples, outcome, SPKG.countryProgrammeOutcome) == _one(expected["cpo"])
    assert _objects(triples, outcome, SPKG.hasIndicator) == _one(expected["indicator"])
    assert _objects(triples, outcome, SPKG.year) == _one(expected["year"])
    steps = {int(o) for s, p, o in triples if s == outcome and p == SPKG.step}
    assert steps == ({expected["step"]} if expected["step"] is not None else set())
    assert _objects(triples, outcome, SPKG.contributesToTarget) == set(expected["targets"])
    assert _objects(triples, outcome, SPKG.contributesToGoal) == set(expected["goals"])
    assert _objects(triples, outcome, SPKG.appliesPrinciple) == set(expected["principles"])
    assert _objects(triples, outcome, SPKG.keyword) == set(expected["keywords"])
    categories = {str(o) for s, p, o in triples if s == outcome and p == SPKG.partnerCategory}
    assert categories == set(expected["partner_categories"])
    assert set(expected["partners_include"]) <= _objects(triples, outcome, SPKG.partner)
    for key, predicate in (("biennium", SPKG.biennium), ("visibility", SPKG.visibility)):
        if key in expected:
            assert {str(o) for s, p, o in triples if s == outcome and p == predicate} == {
                expected[key]}
    figures = {o for s, p, o in triples if s == outcome and p == SPKG.hasCoverageFigure}
    covered = {int(o) for s, p, o in triples if s in figures and p == SPKG.personsCovered}
    assert covered == ({expected["coverage"]} if expected["coverage"] else set())


def test_spanish_and_english_keywords_land_on_the_same_concepts(vocab) -> None:  # type: ignore[no-untyped-def]
    spanish = ingest_document(ROOT / "data/sources/000_d088c9348fb0c60c.txt", vocab)[1]
    english = ingest_document(ROOT / "data/sources/001_0844c7bbfea795f9.txt", vocab)[1]
    in_spanish = {o for s, p, o in spanish if p == SPKG.keyword}
    in_english = {o for s, p, o in english if p == SPKG.keyword}
    assert len(in_spanish) == 13
    assert in_spanish == in_english
    # all are reference concepts: none is minted as a new keyword
    assert not any("/id/keyword/" in str(k) for k in in_spanish)


def test_partner_types_are_guessed_from_names(vocab) -> None:  # type: ignore[no-untyped-def]
    triples = ingest_document(ROOT / "data/sources/000_d088c9348fb0c60c.txt", vocab)[1]
    types = {short(s): short(o) for s, p, o in triples if p == RDF.type
             and "/organisation/" in str(s)}
    assert types["id:organisation/pakistan-workers-federation"] == "spkg:WorkersOrganisation"
    assert types["id:organisation/employers-federation-of-pakistan"] == "spkg:EmployersOrganisation"


def test_boilerplate_yields_no_facts(vocab) -> None:  # type: ignore[no-untyped-def]
    document, triples = ingest_document(ROOT / "data/sources/002_cc681104efda7e81.txt", vocab)
    boilerplate = [s.body for s in document.sections if s.name in {"caption", "photo-link"}]
    assert len(boilerplate) == 2
    pointers = {o for s, p, o in triples if p in (PROV.wasDerivedFrom, SPKG.mention)}
    for pointer in pointers:
        start, end = map(int, str(pointer).split("#char=")[1].split(","))
        assert not any(b.start <= start and end <= b.end for b in boilerplate), pointer


_RECORD = """30.06.2023 TGO210 Public 2022-23 | 8.1.1
Result achieved

A social protection scheme has been adopted (Step 3)

Outcome summary

Togo opened voluntary health insurance to market traders

Outcome achieved

The scheme was adopted in March 2023.


{partners}


In partnership

employers organizations , workers organizations
2023 TGO210 8.1.1 Medical care
"""


def _partners(line: str, tmp_path: Path, vocab) -> set[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "togo-record.txt"
    path.write_text(_RECORD.format(partners=line), encoding="utf-8")
    triples = ingest_document(path, vocab)[1]
    return {short(o).split("/")[-1] for s, p, o in triples if p == SPKG.partner}


def test_partners_in_french_split_where_a_name_starts(  # type: ignore[no-untyped-def]
        tmp_path: Path, vocab) -> None:
    line = ("Caisse nationale d'assurance maladie, Ministère de la Santé, de l'Hygiène "
            "publique et de l'Accès universel aux soins, CNTT, Union des femmes du Togo")
    assert _partners(line, tmp_path, vocab) == {
        "caisse-nationale-dassurance-maladie",
        "ministere-de-la-sante-de-lhygiene-publique-et-de-laccess-universel-aux-soins"
        .replace("laccess", "lacces"),
        "cntt", "union-des-femmes-du-togo"}


def test_partners_in_spanish_keep_a_ministry_with_commas(  # type: ignore[no-untyped-def]
        tmp_path: Path, vocab) -> None:
    line = "Ministerio de Salud, Bienestar y Seguridad Social, Fondo Nacional de Pensiones"
    assert _partners(line, tmp_path, vocab) == {
        "ministerio-de-salud-bienestar-y-seguridad-social", "fondo-nacional-de-pensiones"}


def test_partners_in_english_with_a_comma_inside_a_name(  # type: ignore[no-untyped-def]
        tmp_path: Path, vocab) -> None:
    line = "Ministry of Women, Family and Community Development, Togo Employers' Council"
    assert _partners(line, tmp_path, vocab) == {
        "ministry-of-women-family-and-community-development", "togo-employers-council"}


def test_sdg_bullets_by_goal_number_and_target_label(  # type: ignore[no-untyped-def]
        tmp_path: Path, vocab) -> None:
    block = ("ODS\n\n  • Objetivo 8: Trabajo decente y crecimiento económico\n"
             "  • Meta 8.8 Proteger los derechos laborales\n  • Gender equality")
    path = tmp_path / "togo-record.txt"
    path.write_text(_RECORD.format(partners=block), encoding="utf-8")
    triples = ingest_document(path, vocab)[1]
    goals = {short(o) for s, p, o in triples if p == SPKG.contributesToGoal}
    targets = {short(o) for s, p, o in triples if p == SPKG.contributesToTarget}
    assert goals == {"sdg:8", "sdg:5"}
    assert targets == {"sdg:8.8"}


def test_header_and_year_lines_with_bars_and_dashes(  # type: ignore[no-untyped-def]
        tmp_path: Path, vocab) -> None:
    text = _RECORD.format(partners="").replace(
        "30.06.2023 TGO210 Public 2022-23 | 8.1.1", "31.12.2023 TGO210 Public | 2022–23 | 8.1.1"
    ).replace("2023 TGO210 8.1.1 Medical care", "2023 | TGO210 | 8.1.1 | Medical care; Old age")
    path = tmp_path / "togo-record.txt"
    path.write_text(text, encoding="utf-8")
    triples = ingest_document(path, vocab)[1]
    assert {str(o) for s, p, o in triples if p == SPKG.biennium} == {"2022-23"}
    assert {short(o) for s, p, o in triples if p == SPKG.countryProgrammeOutcome} == {
        "id:cpo/tgo210"}
    keywords = {short(o) for s, p, o in triples if p == SPKG.keyword}
    assert keywords == {"id:contingency/medical-care", "id:contingency/old-age"}


@pytest.mark.parametrize("title, country", [
    ("La protection sociale au Burkina Faso", "burkina-faso"),
    ("Protección social en el Perú", "peru"),
    ("Les défis de la protection sociale en Côte d'Ivoire", "cote-divoire"),
    ("Le Bénin étend l'assurance maladie", "benin"),
])
def test_a_french_or_spanish_title_names_the_country(  # type: ignore[no-untyped-def]
        title: str, country: str, tmp_path: Path, vocab) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"{title}\n\nLe texte de la page commence ici.\n", encoding="utf-8")
    document, triples = ingest_document(path, vocab)
    assert {short(o) for s, p, o in triples if s == document.iri and p == SPKG.country} == {
        f"id:place/{country}"}


def test_a_long_comma_list_under_a_partnerships_heading(  # type: ignore[no-untyped-def]
        tmp_path: Path, vocab) -> None:
    line = ("Ministry of Employment, Labour and Social Protection, National Social Insurance "
            "Fund, Togo Employers' Council, National Confederation of Togolese Workers")
    assert _partners("Partnerships\n\n" + line, tmp_path, vocab) == {
        "ministry-of-employment-labour-and-social-protection", "national-social-insurance-fund",
        "togo-employers-council", "national-confederation-of-togolese-workers"}


@pytest.mark.parametrize("line", ["SDG targets: 1.3, 5.4 and 8.5", "Metas ODS: 1.3; 5.4; 8.5"])
def test_a_labelled_line_of_sdg_targets(  # type: ignore[no-untyped-def]
        line: str, tmp_path: Path, vocab) -> None:
    path = tmp_path / "togo-record.txt"
    path.write_text(_RECORD.format(partners=line), encoding="utf-8")
    triples = ingest_document(path, vocab)[1]
    assert {short(o) for s, p, o in triples if p == SPKG.contributesToTarget} == {
        "sdg:1.3", "sdg:5.4", "sdg:8.5"}
