"""Portuguese texts (Lusophone Africa, Brazil, Timor-Leste): names of UN bodies and partners
(reference @pt altLabels), ILO instruments cited in Portuguese and Portuguese dates, on
made-up sentences."""

from __future__ import annotations

import pytest

from spkg.ingest.dates import range_start
from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.normalise import find_dates
from spkg.ingest.records import Span


def found(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}


@pytest.mark.parametrize(("text", "iri"), [
    ("O relatório foi preparado pela Organização Internacional do Trabalho em Maputo.",
     "organisation/international-labour-organization"),
    ("O Fundo das Nações Unidas para a Infância apoiou o registo das crianças.",
     "organisation/united-nations-childrens-fund"),
    ("O Programa Alimentar Mundial distribuiu refeições escolares na província.",
     "organisation/world-food-programme"),
    ("Com o apoio do Programa das Nações Unidas para o Desenvolvimento, o governo reviu a lei.",
     "organisation/united-nations-development-programme"),
    ("A União Europeia financia o projeto de proteção social.",
     "organisation/european-union"),
    ("O Banco Mundial e o governo assinaram um acordo de financiamento.",
     "organisation/world-bank-group"),
    ("O Banco Africano de Desenvolvimento aprovou um empréstimo.",
     "organisation/african-development-bank"),
    ("A Organização Mundial da Saúde participou na reunião técnica.",
     "organisation/world-health-organization"),
])
def test_partners_named_in_portuguese(text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in found(text, gazetteer)


@pytest.mark.parametrize("text", [
    "O governo está a preparar a ratificação da Convenção n.º 102 da OIT.",
    "A Convenção (n.º 102) sobre a Segurança Social (Norma Mínima) define nove ramos.",
    "O país ratificou a Convenção nº 102 em 2019.",
])
def test_convention_102_cited_in_portuguese(text: str, gazetteer: Gazetteer) -> None:
    assert "instrument/c102" in found(text, gazetteer)


def test_recommendation_202_cited_in_portuguese(gazetteer: Gazetteer) -> None:
    text = "A estratégia segue a Recomendação n.º 202 sobre os pisos de proteção social."
    assert "instrument/r202" in found(text, gazetteer)


def test_labels_stay_english(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Organização Internacional do Trabalho")
    assert entry is not None and entry.label == "International Labour Organization"


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(str(d.literal), None if d.end is None else str(d.end)) for d in find_dates(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("A lei foi aprovada a 5 de maio de 2023 pelo parlamento.", [("2023-05-05", None)]),
    ("O inquérito foi lançado em março de 2022.", [("2022-03", None)]),
    ("Em 1 de dezembro de 2021 entrou em vigor.", [("2021-12-01", None)]),
    ("A reunião de 12 de fevereiro de 2020 aprovou o plano.", [("2020-02-12", None)]),
    ("O relatório de outubro de 2019 foi publicado.", [("2019-10", None)]),
])
def test_portuguese_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text) == expected


def test_a_portuguese_range_of_days_starts_on_its_first_day() -> None:
    text = "O seminário decorreu de 3 a 5 de junho de 2024 em Díli."
    (last,) = find_dates(text)
    assert str(last.literal) == "2024-06-05"
    assert str(range_start(text, last.span.start, last.literal)) == "2024-06-03"


def events(text: str, gazetteer: Gazetteer) -> set[str]:
    return {iri for iri in found(text, gazetteer) if iri.startswith("event/")}


@pytest.mark.parametrize("text", [
    "Uma oficina técnica de validação decorreu em Bissau a 14 de março de 2023.",
    "Foi organizado um seminário nacional tripartido em Praia em 9 de outubro de 2022.",
    "Realizou-se uma conferência regional sobre emprego a 2 de julho de 2021.",
    "Uma mesa-redonda de alto nível teve lugar em Luanda a 20 de abril de 2024.",
])
def test_portuguese_gatherings(text: str, gazetteer: Gazetteer) -> None:
    assert events(text, gazetteer)


def test_a_spanish_oficina_is_an_office(gazetteer: Gazetteer) -> None:
    text = "Una oficina regional de la institución abrió en Quito el 3 de mayo de 2022."
    assert not events(text, gazetteer)


def test_a_named_portuguese_conference(gazetteer: Gazetteer) -> None:
    text = ("A Conferência Nacional sobre Proteção Social decorreu em Maputo a 5 de maio "
            "de 2023.")
    names = events(text, gazetteer)
    assert any("conferencia-nacional-sobre-protecao-social" in n for n in names), names
