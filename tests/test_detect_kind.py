"""A document's kind from its first lines, in the three languages ILO sites print."""

from __future__ import annotations

import pytest

from spkg.ingest.detect import COUNTRY_PAGE, RESULT_RECORD, WEB_PAGE, detect_kind


@pytest.mark.parametrize("title", [
    "Social protection in Lesotho",
    "Protection sociale au Togo",
    "Protection sociale en Côte d'Ivoire",
    "Sécurité sociale aux Comores",
    "Protección social en el Paraguay",
    "Seguridad social en Honduras",
])
def test_a_country_page_title_in_english_french_or_spanish(title: str) -> None:
    assert detect_kind(f"{title}\n\nLe gouvernement a adopté une politique.\n") == COUNTRY_PAGE


@pytest.mark.parametrize("caption", [
    "Des travailleuses au marché central. © OIT",
    "Workers at a port. © ILO/J. Doe",
    "Voir plus de photos",
    "Ver más fotos",
])
def test_a_photo_line_under_the_title_marks_a_country_page(caption: str) -> None:
    text = f"Une page sans titre de pays\n{caption}\nLe ministère a lancé un programme.\n"
    assert detect_kind(text) == COUNTRY_PAGE


def test_a_record_header_with_a_bar_between_date_and_code() -> None:
    text = "30.06.2025 | XYZ101 Public 2024-25\nResult achieved\nA scheme was adopted.\n"
    assert detect_kind(text) == RESULT_RECORD


def test_a_title_that_only_mentions_protection_stays_a_web_page() -> None:
    text = "La protection sociale des artistes\n\nUn rapport paraît aujourd'hui.\n"
    assert detect_kind(text) == WEB_PAGE
