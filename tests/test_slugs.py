"""Slugs of names written with letters Unicode does not decompose into ASCII ones."""

import pytest

from spkg.namespace import slugify


@pytest.mark.parametrize(("name", "slug"), [
    ("Appui à la mise en œuvre du programme", "appui-a-la-mise-en-oeuvre-du-programme"),
    ("Œuvre nationale de solidarité", "oeuvre-nationale-de-solidarite"),
    ("Sozialgesetzbuch für Straßenhändler", "sozialgesetzbuch-fur-strassenhandler"),
    ("Færøsk Arbejdsløshedskasse", "faerosk-arbejdsloshedskasse"),
    ("Zakład Ubezpieczeń Społecznych", "zaklad-ubezpieczen-spolecznych"),
    ("Ministère de l'Emploi", "ministere-de-lemploi"),
])
def test_letters_without_a_decomposition_are_spelt_out(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_a_name_of_no_latin_letter_still_has_no_slug() -> None:
    with pytest.raises(ValueError, match="cannot make a slug"):
        slugify("وثيقة")
