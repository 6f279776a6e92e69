"""Ratification, entry into force and adoption said in French and Spanish (issue 16): each
test a made-up page, with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def dated(tmp_path: Path, gazetteer: Gazetteer, body: str, title: str = "Social protection in Kenya"
          ) -> set[tuple[str, str]]:
    """(event slug, date) of every dated event read from the page."""
    facts = page_facts(tmp_path, gazetteer, body, title)
    return {(str(f.subject).rsplit("/", 1)[-1], str(f.object))
            for f in facts if f.predicate == SPKG.date}


def test_french_ratification_with_the_year_before_the_convention(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le Kenya a ratifié en 2011 la convention (n° 102) concernant la sécurité "
            "sociale (norme minimum), 1952, mais n'a pas encore ratifié la convention "
            "(n° 183) sur la protection de la maternité, 2000 en 2012.")
    events = dated(tmp_path, gazetteer, body, "La protection sociale au Kenya")
    assert ("c102-ratification-2011", "2011") in events, events
    assert not any("c183" in e for e, _ in events), events


def test_spanish_ratification_and_its_negation(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Kenia ratificó el Convenio sobre la seguridad social (norma mínima), 1952 "
            "(núm. 102) en 2017. Kenia no ha ratificado el Convenio sobre la protección de "
            "la maternidad, 2000 (núm. 183) en 2019.")
    events = dated(tmp_path, gazetteer, body, "La protección social en Kenia")
    assert ("c102-ratification-2017", "2017") in events, events
    assert not any("c183" in e for e, _ in events), events


def test_spanish_entry_into_force_of_the_decree_named_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("El Congreso Nacional aprobó el Decreto No. 45-2020 sobre el seguro de desempleo. "
            "El decreto fue publicado en el diario oficial y entró en vigor el 1 de marzo "
            "de 2021 y se aplica primero en Nairobi.")
    facts = page_facts(tmp_path, gazetteer, body, "La protección social en Kenia")
    events = {str(f.subject).rsplit("/", 1)[-1]: str(f.object) for f in facts
              if f.predicate == SPKG.date}
    assert any(e.startswith("decreto-no-45-2020") and e.endswith("entry-into-force-2021-03-01")
               for e in events), events
    # a law in force has no place: "se aplica primero en" is not where it entered into force
    assert not any("entry-into-force" in str(f.subject) for f in facts
                   if f.predicate == SPKG.locatedIn)


def test_french_entry_into_force_and_its_negation(tmp_path: Path, gazetteer: Gazetteer
                                                  ) -> None:
    body = ("Le Parlement a adopté la Loi n° 2022-15 portant régime d'assurance maladie. "
            "La loi est entrée en vigueur le 1er janvier 2024. Le Code de sécurité sociale "
            "révisé n'est pas encore entré en vigueur le 1er mars 2024.")
    events = dated(tmp_path, gazetteer, body, "La protection sociale au Kenya")
    assert ("loi-n-2022-15-entry-into-force-2024-01-01", "2024-01-01") in events, events
    assert not any("2024-03-01" in e for e, _ in events), events


def test_english_in_force_since_and_the_amendments(tmp_path: Path, gazetteer: Gazetteer
                                                   ) -> None:
    body = ("The Cabinet approved Decree-Law No. 9/2019 on maternity benefits. The decree-law "
            "has been in force since 1 July 2019. The Parliament adopted Law No. 44 amending "
            "the Social Security Act. The amendments entered into force on 1 May 2023.")
    events = dated(tmp_path, gazetteer, body)
    assert any(e.startswith("decree-law-no-9-2019") and e.endswith("entry-into-force-2019-07-01")
               for e, _ in events), events
    # the amendments are the amending law's, not the amended act's
    assert any(e.startswith("law-no-44") and e.endswith("entry-into-force-2023-05-01")
               for e, _ in events), events
    assert not any(e.startswith("social-security-act") for e, _ in events), events


def test_a_law_adopted_with_no_other_date_is_dated_by_its_own(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Assembly adopted Law No. 61 of 9 March 2022 amending the Pensions "
            "Act. Law No. 2023/17 of 4 July 2023 on health insurance was adopted by the "
            "National Assembly. Decree No. 88 of 1 June 2021, adopted by the Council of "
            "Ministers, sets the contribution rates.")
    events = dated(tmp_path, gazetteer, body)
    assert ("law-no-61-adoption-2022-03-09", "2022-03-09") in events, events
    assert ("law-no-2023-17-adoption-2023-07-04", "2023-07-04") in events, events
    # an aside ", adopted by …" after a dated name does not date the adoption
    assert not any(e.startswith("decree-no-88") for e, _ in events), events


def test_adopted_unanimously_by_a_parliament(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("La Ley 31.200 de pensiones fue aprobada por unanimidad por el Congreso de la "
            "Nación el 12 de noviembre de 2021.")
    facts = page_facts(tmp_path, gazetteer, body, "La protección social en Kenia")
    adopted = {(str(f.subject).rsplit("/", 1)[-1], str(f.object).rsplit("/", 1)[-1])
               for f in facts if f.predicate == SPKG.adoptedBy}
    assert ("ley-31200", "congreso-de-la-nacion") in adopted, adopted
    assert ("ley-31200-adoption-2021-11-12", "congreso-de-la-nacion") in {
        (str(f.subject).rsplit("/", 1)[-1], str(f.object).rsplit("/", 1)[-1])
        for f in facts if f.predicate == SPKG.participant}


def test_since_a_date_under_a_law_is_its_entry_into_force(tmp_path: Path, gazetteer: Gazetteer
                                                          ) -> None:
    body = ("Domestic workers can join the National Hospital Insurance Fund since 1 April "
            "2020, under Decree No. 77 on Domestic Workers issued by the Ministry of Labour.")
    events = dated(tmp_path, gazetteer, body)
    assert any(e.startswith("decree-no-77") and e.endswith("entry-into-force-2020-04-01")
               for e, _ in events), events
    # "since" dates when it applies, not its adoption
    assert not any("adoption" in e for e, _ in events), events


def test_amends_said_in_french_and_spanish(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("La Loi n° 2016-44 a été modifiée par la Loi n° 2022-09 relative aux retraites. "
            "La Loi n° 2023-31, qui modifie la Loi n° 2010-05, étend la couverture. "
            "El Decreto 61, que modifica el Decreto 19, amplía la cobertura. "
            "La Ley 300 fue modificada por la Ley 412 de 2019.")
    facts = page_facts(tmp_path, gazetteer, body, "La protection sociale au Kenya")
    amends = {(str(f.subject).rsplit("/", 1)[-1], str(f.object).rsplit("/", 1)[-1])
              for f in facts if f.predicate == SPKG.amends}
    assert {("loi-n-2022-09", "loi-n-2016-44"), ("loi-n-2023-31", "loi-n-2010-05"),
            ("decreto-61", "decreto-19"), ("ley-412", "ley-300")} <= amends, amends
    # the amended law amends nothing
    assert ("loi-n-2016-44", "loi-n-2022-09") not in amends
