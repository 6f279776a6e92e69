"""Kinds, sections and sentence spans of the seeds and of documents for other countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from spkg import paths
from spkg.ingest.pipeline import read_document

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted(paths.sources_dir().glob("*.txt")) + sorted(
    (ROOT / "tests" / "ingest" / "documents").glob("*.txt"))

SECTIONS = {
    "000_d088c9348fb0c60c": ["indicator", "linked-projects", "outcome-summary",
                             "outcome-achieved", "ilo-contribution", "partners", "sdg",
                             "in-partnership", "principles", "keywords"],
    "001_0844c7bbfea795f9": ["indicator", "linked-projects", "outcome-summary",
                             "outcome-achieved", "ilo-contribution", "partners", "sdg",
                             "coverage", "keywords"],
    "002_cc681104efda7e81": ["title", "caption", "photo-link", "body", "key-resources"],
    "003_fe60b1eef80f63e0": ["indicator", "outcome-summary", "outcome-achieved",
                             "ilo-contribution", "gender", "keywords"],
    "004_789b753ead95d840": ["title", "standfirst", "dateline", "body", "body"],
    "ghana-result-record": ["header", "indicator", "linked-projects", "outcome-summary",
                            "outcome-achieved", "ilo-contribution", "partners", "sdg",
                            "coverage", "in-partnership", "principles", "keywords"],
    "lima-press-release": ["title", "standfirst", "dateline", "body"],
    "viet-nam-country-page": ["title", "caption", "photo-link", "body", "key-resources"],
    "truncated-result-record": ["indicator", "linked-projects", "outcome-summary",
                                "outcome-achieved", "ilo-contribution"],
    "headed-lists-result-record": ["header", "indicator", "outcome-summary", "outcome-achieved",
                                   "ilo-contribution", "partnerships", "sdg", "sdg", "sdg",
                                   "in-partnership", "principles"],
}


def test_sdg_bullets_right_after_a_partnerships_line_are_sdg_items(tmp_path: Path) -> None:
    """A "Partnerships" heading, its partners line, then unheaded goal and target bullets:
    the bullets are the SDG list, not more partners."""
    path = tmp_path / "record.txt"
    path.write_text("31.12.2020 NPL101 Public 2020-21 | 8.1.1\nResult achieved\n\n"
                    "Outcome summary\n\nNepal extended coverage\n\nPartnerships\n\n"
                    "Social Security Fund; Ministry of Labour;\n\n"
                    "  • End poverty in all its forms everywhere\n"
                    "  • 1.3 Implement nationally appropriate social protection systems\n",
                    encoding="utf-8")
    names = [s.name for s in read_document(path).sections]
    assert names == ["header", "indicator", "outcome-summary", "partnerships", "sdg"]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_sections(path: Path) -> None:
    document = read_document(path)
    assert [s.name for s in document.sections] == SECTIONS[path.stem]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_sentences_are_exact_non_overlapping_spans(path: Path) -> None:
    document = read_document(path)
    previous_end = 0
    for sentence in document.sentences:
        text = sentence.text(document.text)
        assert text == text.strip() and text
        assert not text.startswith("•")
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_bullets_and_inline_bullets_split_into_items() -> None:
    document = read_document(paths.sources_dir() / "003_fe60b1eef80f63e0.txt")
    texts = [s.text(document.text) for s in document.sentences]
    assert any(t.startswith("Pakistan Workers Federation (PWF) and Employers") for t in texts)
    assert any(t.endswith("(one such training was organised on 25-26 Sept 2018).") for t in texts)
    press = read_document(paths.sources_dir() / "004_789b753ead95d840.txt")
    items = [s.text(press.text) for s in press.sentences]
    assert "Khyber Pakhtunkhwa announced that it was in the process of finalizing the " \
        "domestic workers' law while;" in items


def test_crlf_and_bom_read_like_the_original(tmp_path: Path) -> None:
    seed = paths.sources_dir() / "001_0844c7bbfea795f9.txt"
    copy = tmp_path / seed.name
    copy.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes().replace(b"\n", b"\r\n"))
    original, crlf = read_document(seed), read_document(copy)
    assert [s.name for s in crlf.sections] == [s.name for s in original.sections]
    assert [s.text(crlf.text) for s in crlf.sentences] == [
        s.text(original.text) for s in original.sentences]


@pytest.mark.parametrize(
    "summary",
    ["1. Policy A was adopted\n2. Scheme B was launched\n3. Law C was amended",
     "(1) Policy A was adopted; (2) Scheme B was launched and (3) Law C was amended",
     # two semicolons: still the summary, not an unheaded partners line
     "(1) Policy A was adopted; (2) Scheme B was launched; (3) Law C was amended"],
)
def test_numbered_outcomes(summary: str, tmp_path: Path) -> None:
    from spkg.ingest.fields import extract_fields
    from spkg.ingest.vocab import load_vocabulary
    from spkg.namespace import SPKG

    path = tmp_path / "numbered.txt"
    path.write_text(f"Result achieved\n\nOutcome summary\n\n{summary}\n\nOutcome achieved\n\n"
                    "Done.\n2021 ABC123 8.1.1 Children\n", encoding="utf-8")
    facts = extract_fields(read_document(path), load_vocabulary())
    statements = sorted((str(f.subject).rsplit("-", 1)[-1], str(f.object))
                        for f in facts if f.predicate == SPKG.statement)
    assert statements == [("1", "Policy A was adopted"), ("2", "Scheme B was launched"),
                          ("3", "Law C was amended")]


_TAIL_RECORD = """15.12.2022 MLI120 Public 2022-23 | 8.2.1
{indicator}

A scheme has been adopted (Step 2)

{summary}

Mali extended health insurance to artisans

{achieved}

The decree was adopted in 2022. It covers artisans and traders.

{contribution}

The ILO costed the scheme, with support from Luxembourg, and trained officials of the fund, the
{partners}
"""


def _section_names(tmp_path: Path, partners: str, headings: tuple[str, ...] = (
        "Result achieved", "Outcome summary", "Outcome achieved",
        "ILO's contribution to the outcome")) -> list[tuple[str, str]]:
    indicator, summary, achieved, contribution = headings
    path = tmp_path / "mali-record.txt"
    path.write_text(_TAIL_RECORD.format(indicator=indicator, summary=summary, achieved=achieved,
                                        contribution=contribution, partners=partners),
                    encoding="utf-8")
    document = read_document(path)
    return [(s.name, s.body.text(document.text)) for s in document.sections]


def test_an_unheaded_partners_line_of_two_names(tmp_path: Path) -> None:
    found = _section_names(tmp_path, "\n\nCaisse malienne de sécurité sociale; Union nationale "
                                     "des travailleurs du Mali")
    assert found[-1][0] == "partners"


def test_an_unheaded_partners_line_with_commas(tmp_path: Path) -> None:
    line = "Ministère de la Santé, du Développement social et de la Famille, CANAM, UNTM"
    assert found_kind(tmp_path, "\n\n" + line) == "partners"


def test_a_cut_prose_paragraph_is_no_partners_line(tmp_path: Path) -> None:
    line = "In 2023 the ILO trained inspectors in Kayes, Ségou and Mopti, so that the first"
    assert found_kind(tmp_path, "\n\n" + line) != "partners"
    assert found_kind(tmp_path, "staff in Kayes, Ségou and Mopti") != "partners"


def test_a_labelled_partners_line(tmp_path: Path) -> None:
    found = _section_names(tmp_path, "\n\nPartenaires : CANAM, INPS, Conseil national du patronat")
    assert found[-1] == ("partners", "CANAM, INPS, Conseil national du patronat")


def test_french_and_spanish_record_headings(tmp_path: Path) -> None:
    french = ("Résultat obtenu", "Résumé du résultat", "Résultat atteint",
              "Contribution de l’OIT au résultat")
    names = [name for name, _ in _section_names(tmp_path, "", french)]
    assert names[:5] == ["header", "indicator", "outcome-summary", "outcome-achieved",
                         "ilo-contribution"]
    spanish = ("Resultado alcanzado", "Resumen del resultado", "Resultado logrado",
               "Contribución de la OIT al resultado")
    names = [name for name, _ in _section_names(tmp_path, "", spanish)]
    assert names[:5] == ["header", "indicator", "outcome-summary", "outcome-achieved",
                         "ilo-contribution"]


def found_kind(tmp_path: Path, partners: str) -> str:
    return _section_names(tmp_path, partners)[-1][0]


def test_captions_credited_to_the_ilo_in_any_form_and_french_key_resources(
        tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Protection sociale au Mali\n\nDes artisans à Bamako © OIT/A. Traoré\n"
                    "La CANAM gère l'assurance maladie.\n\nRessources clés\n\n"
                    "Étude actuarielle du régime\n", encoding="utf-8")
    document = read_document(path)
    names = [s.name for s in document.sections]
    assert "caption" in names and names[-1] == "key-resources"


def test_english_wordings_of_record_headings(tmp_path: Path) -> None:
    headings = ("Result achieved", "Summary of the outcome", "Outcomes achieved",
                "ILO contribution")
    names = [name for name, _ in _section_names(tmp_path, "", headings)]
    assert names[:5] == ["header", "indicator", "outcome-summary", "outcome-achieved",
                         "ilo-contribution"]


def test_a_header_line_under_the_result_achieved_heading(tmp_path: Path) -> None:
    path = tmp_path / "record.txt"
    path.write_text("Result achieved\n30.06.2023 BEN105 Public 2022-23 | 8.1.1\n\n"
                    "A scheme has been adopted (Step 2)\n\nOutcome summary\n\n"
                    "Benin extended health insurance\n", encoding="utf-8")
    document = read_document(path)
    names = [s.name for s in document.sections]
    assert names.count("header") == 1 and names.count("indicator") == 1
    indicator = document.section("indicator")
    assert indicator is not None and "Step 2" in indicator.body.text(document.text)


def test_a_labelled_figure_is_prose_not_sdg_codes(tmp_path: Path) -> None:
    found = _section_names(tmp_path, "\n\nTarget: 12 months for the first payments")
    assert found[-1][0] != "sdg"
    found = _section_names(tmp_path, "\n\nSDG targets: 1.3 and 8.5")
    assert found[-1] == ("sdg", "1.3 and 8.5")
