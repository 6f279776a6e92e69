"""Names of the G2 classes (issue 16), on made-up sentences: a ministry's list of portfolios
whose last one takes "the"."""

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import load_gazetteer
from spkg.ingest.records import Span


def _names(text: str) -> list[str]:
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    return [m.text for m in found]


def test_a_ministry_list_whose_last_portfolio_takes_the_is_one_name() -> None:
    names = _names("The Ministry of Fisheries, Rural Affairs and the Blue Economy met in Apia.")
    assert "Ministry of Fisheries, Rural Affairs and the Blue Economy" in names


def test_a_body_after_and_the_still_ends_the_ministry() -> None:
    names = _names("The Ministry of Finance, Planning and the National Pension Fund met.")
    assert "Ministry of Finance" in names
    assert "National Pension Fund" in names
    names = _names("The Ministry of Health, UNICEF and the World Bank met in Suva.")
    assert "Ministry of Health" in names and "World Bank" in names


def _classes(text: str) -> dict[str, str]:
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    return {m.text: str(m.cls).rsplit("#", 1)[-1] for m in found}


def test_a_subdivision_named_with_a_body_head_word_is_the_place() -> None:
    # a real ISO 3166-2 division of the Gambia whose type word ("Division") heads bodies
    classes = _classes("New grants reached the Lower River Division of the Gambia in May.")
    assert classes.get("Lower River Division") == "Province"


def test_a_bank_named_by_its_side_of_a_river_is_not_a_body() -> None:
    classes = _classes("Farmers of the West Bank and the Upper Bank met the Central Bank of "
                       "Zedland.")
    assert "West Bank" not in classes or classes["West Bank"] not in (
        "Organization", "GovernmentBody")
    assert classes.get("Upper Bank") in (None, "Province", "Place")
    assert classes.get("Central Bank of Zedland") == "Organization"


def test_an_employers_movement_in_french_or_spanish_is_an_organisation() -> None:
    classes = _classes("Le ministère a consulté le Mouvement des Patrons Ruraux (MOPAR). "
                       "El Movimiento Empresarial Rural participó.")
    assert classes.get("Mouvement des Patrons Ruraux") == "Organization"
    assert classes.get("Movimiento Empresarial Rural") == "Organization"


def _typed(text: str) -> set[str]:
    import tempfile
    from pathlib import Path

    from rdflib import RDF

    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import extract_prose

    path = Path(tempfile.mkdtemp()) / "zedland-press-release.txt"
    path.write_text(text, encoding="utf-8")
    facts = extract_prose(read_document(path), load_gazetteer())
    return {str(f.subject).rsplit("/", 1)[-1] for f in facts if f.predicate == RDF.type}


def test_a_ministry_called_again_by_its_first_portfolio_is_one_ministry() -> None:
    typed = _typed("Zedland press release\n\nThe Ministry of Works, Transport and the Sea "
                   "opened a registry. Later the Ministry of Works signed a decree. The "
                   "Ministry of Health met.\n")
    assert "ministry-of-works-transport-and-the-sea" in typed
    assert "ministry-of-works" not in typed
    assert "ministry-of-health" in typed


def test_the_ilo_office_called_again_without_its_area_is_that_office() -> None:
    typed = _typed("Zedland press release\n\nThe ILO Country Office for Zedland and Ruritania "
                   "opened a registry. Later the Director of the ILO Country Office signed.\n")
    assert "ilo-country-office-for-zedland-and-ruritania" in typed
    assert "ilo-country-office" not in typed


def test_an_ilo_office_name_ends_before_the_partners_listed_after_it() -> None:
    names = _names("Support came from the ILO Decent Work Team and Office for the Northern "
                   "Isles, UNICEF and the World Food Programme.")
    assert "ILO Decent Work Team and Office for the Northern Isles" in names
    assert "UNICEF" in names
    names = _names("The ILO Decent Work Team and Office for Zedland, Ruritania and Utopia met.")
    assert "ILO Decent Work Team and Office for Zedland, Ruritania and Utopia" in names


def test_a_romance_name_whose_capital_follows_an_elided_article_is_read() -> None:
    classes = _classes("On 4 May the Assemblée de l'Archipel adopted the code.")
    assert classes.get("Assemblée de l'Archipel") == "Organization"
    assert "Entidad" not in " ".join(_classes("La Entidad asumió la gestión en mayo."))


def test_a_name_then_its_acronym_then_what_it_is_takes_that_class() -> None:
    classes = _classes("The Zorgpas Ouderen (ZPO), the universal old-age pension, is paid "
                       "monthly. Colfondos (CF), the pension administrator, met.")
    assert classes.get("Zorgpas Ouderen") in ("Scheme", "Programme")
    assert classes.get("Colfondos") == "Organization"


def test_a_mixed_case_acronym_the_document_defined_is_read_alone() -> None:
    text = ("The Ministry of Rural Welfare (MoRW) runs the Harvest Grant. In May 2024, MoRW "
            "officers were trained in Lira.")
    found = MentionFinder(text, load_gazetteer()).find([Span(0, len(text))],
                                                       skip=frozenset({"learned"}))
    alone = [m for m in found if m.text == "MoRW" and m.span.start > text.index("In May")]
    assert alone, found


def test_a_mixed_case_word_never_defined_stays_unread() -> None:
    assert "MoU" not in _names("The Fund signed an MoU with the Treasury in March 2024.")
