"""Events and laws (issue 16, G1): classes of false hits and misses that recur across the
annotated batches, each tested on made-up sentences, with look-alikes that must keep working."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG

# -- "The Law on Amendments to the Law on X was passed": the whole amending law ------------


def test_passive_adoption_of_an_amending_law(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Law on Amendments to the Law on Fisheries Insurance was passed by the "
            "National Assembly of Kenya on 3 May 2021 and entered into force on 9 May 2021.")
    facts = page_facts(tmp_path, gazetteer, body)
    adopted = slug_pairs(facts, SPKG.adoptedBy)
    assert {s for s, _ in adopted} == {"law-on-amendments-to-the-law-on-fisheries-insurance"}
    concerned = {o for _, o in slug_pairs(facts, SPKG.concerns)}
    assert concerned == {"law-on-amendments-to-the-law-on-fisheries-insurance"}, concerned
    amends = slug_pairs(facts, SPKG.amends)
    assert ("law-on-amendments-to-the-law-on-fisheries-insurance",
            "law-on-fisheries-insurance") in amends


def test_passive_adoption_of_a_plain_law_unchanged(tmp_path: Path, gazetteer: Gazetteer
                                                   ) -> None:
    body = ("The Law on Fisheries Insurance was passed by the National Assembly of Kenya on "
            "3 May 2021.")
    adopted = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.adoptedBy)
    assert {s for s, _ in adopted} == {"law-on-fisheries-insurance"}


# -- a disaster named as a preposition's object is not dated by the main verb's date --------


def _dates(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[str]:
    return {f"{str(f.subject).rsplit('/', 1)[-1]}={f.object}"
            for f in page_facts(tmp_path, gazetteer, body) if f.predicate == SPKG.date}


def test_disaster_in_a_phrase_takes_not_the_verbs_date(tmp_path: Path, gazetteer: Gazetteer
                                                       ) -> None:
    body = ("The relief fund that the Ministry of Labour opened during the COVID-19 pandemic "
            "was wound up in May 2021, when the new benefit began.")
    assert not any(d.startswith("covid") for d in _dates(tmp_path, gazetteer, body))


def test_disaster_dated_in_its_own_phrase_still_dated(tmp_path: Path, gazetteer: Gazetteer
                                                      ) -> None:
    body = "During the COVID-19 pandemic in March 2020, the Ministry of Labour paid a grant."
    assert "covid-19-pandemic=2020-03" in _dates(tmp_path, gazetteer, body)


# -- "BODY actuaries and statisticians were trained", "SCHEME officers were trained" --------


def _trainings(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[str]:
    return {str(f.subject).rsplit("/", 1)[-1] for f in page_facts(tmp_path, gazetteer, body)
            if f.predicate == SPKG.date and "-training-" in str(f.subject)}


def test_staff_of_two_trades_trained(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Pension Fund (NPF) pays old-age pensions. NPF actuaries and "
            "statisticians were trained in Nakuru on 12-14 October 2022.")
    assert _trainings(tmp_path, gazetteer, body) == {"national-pension-fund-training-2022-10-12"}


def test_staff_of_a_scheme_trained(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Insurance Scheme (NIS) is run by the Ministry of Labour. NIS "
            "compliance officers were trained in Nakuru on 15-16 April 2024.")
    assert _trainings(tmp_path, gazetteer, body) == {
        "national-insurance-scheme-training-2024-04-15"}


def test_workers_of_a_scheme_covered_are_no_training(tmp_path: Path, gazetteer: Gazetteer
                                                     ) -> None:
    body = ("The National Insurance Scheme (NIS) covers domestic workers and fishers since "
            "15 April 2024.")
    assert _trainings(tmp_path, gazetteer, body) == set()


# -- "the Law amending the Law on X": one law of the whole title, amending the inner one ----


def test_law_titled_by_what_it_amends(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("On 4 May 2020 the National Assembly of Kenya adopted the Law amending the Law on "
            "Fisheries Insurance (Official Gazette No. 12/2020).")
    facts = page_facts(tmp_path, gazetteer, body)
    assert ("law-amending-the-law-on-fisheries-insurance", "law-on-fisheries-insurance"
            ) in slug_pairs(facts, SPKG.amends)
    assert {s for s, _ in slug_pairs(facts, SPKG.adoptedBy)} == {
        "law-amending-the-law-on-fisheries-insurance"}


def test_an_act_amending_is_no_title(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "In 2020 the Ministry of Labour drafted an act amending the Pensions Act."
    laws = {str(f.subject).rsplit("/", 1)[-1] for f in page_facts(tmp_path, gazetteer, body)}
    assert not any(s.startswith("act-amending") for s in laws)


# -- "X (Y for Persons 70 Years or Over) (Amendment) Regulations, 2019": one whole title -----


def _laws(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[str]:
    from spkg.ingest.pipeline import read_document
    from spkg.ingest.prose import prose_entities

    path = tmp_path / "page.txt"
    path.write_text(f"Social protection in Kenya\n\n{body}\n", encoding="utf-8")
    _, entities = prose_entities(read_document(path), gazetteer)
    return {str(e.iri).rsplit("/", 1)[-1] for e in entities if e.cls == SPKG.Law}


def test_bracketed_commonwealth_title(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Pensions (Old-Age Grant for Persons 70 Years or Over) (Amendment) "
            "Regulations, 2019 (S.I. No. 8 of 2019) limited the grant to one recipient per "
            "household.")
    assert "pensions-old-age-grant-for-persons-70-years-or-over-amendment-regulations-2019" in (
        _laws(tmp_path, gazetteer, body))


def test_bracketed_aside_after_a_name_is_no_title(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The National Pension Fund (NPF) paid pensions in 2019 to all retired workers."
    assert _laws(tmp_path, gazetteer, body) == set()


# -- "STUDY, presented in P on D", "STUDY, prepared by A and presented to B on D" ------------


def _presentations(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return {(s, o) for s, o in slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)
            if s.startswith("presentation-")}


def test_study_then_participle_presented(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO prepared an actuarial valuation of the National Pension Fund, presented "
            "in Kisumu on 22 November 2023.")
    assert _presentations(tmp_path, gazetteer, body) == {
        ("presentation-2023-11-22", "actuarial-valuation-of-the-national-pension-fund")}


def test_study_prepared_and_presented(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO completed an actuarial review of the National Pension Fund, prepared with "
            "support from UNICEF and presented to the Ministry of Labour on 8 February 2024.")
    found = _presentations(tmp_path, gazetteer, body)
    assert {s for s, _ in found} == {"presentation-2024-02-08"}, found


def test_presented_in_a_year_is_no_presentation(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO prepared an actuarial valuation of the National Pension Fund, presented "
            "in Kisumu in 2023.")
    assert _presentations(tmp_path, gazetteer, body) == set()


# -- "set up under the X Act, 2001": the year is the law's, no establishment of the body ----


def _establishments(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[str]:
    return {str(f.subject).rsplit("/", 1)[-1] for f in page_facts(tmp_path, gazetteer, body)
            if f.predicate == SPKG.date and "-establishment-" in str(f.subject)}


def test_year_of_the_founding_law_dates_no_body(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Pension Fund (PF), established under the Pensions Act, 2001 (Act No. 63 of "
            "2001), is run by the Ministry of Labour.")
    assert _establishments(tmp_path, gazetteer, body) == set()


def test_body_established_in_a_month_still_dated(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "The Pension Fund (PF) was established in March 2001 under the Pensions Act."
    assert _establishments(tmp_path, gazetteer, body) == {"pension-fund-establishment-2001-03"}


# -- "X, adopted by A in 2010, and Y, adopted by B in 2021": the second verb is not X's ------


def test_second_passive_adoption_is_not_the_first_texts(tmp_path: Path, gazetteer: Gazetteer
                                                        ) -> None:
    body = ("The scheme builds on the Social Insurance Law of Kenya, adopted by the National "
            "Assembly on 28 October 2010, and on the Guiding Opinions on Platform Work, adopted "
            "by the Ministry of Labour and seven other departments in July 2021.")
    adopted = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.adoptedBy)
    assert adopted == {("social-insurance-law-of-kenya", "national-assembly")}, adopted


# -- "les inondations d'octobre 2023": the elided "d'" before the month dates the disaster ---


def test_french_disaster_dated_after_elided_article(tmp_path: Path, gazetteer: Gazetteer
                                                    ) -> None:
    body = ("Dans un pays encore éprouvé par les inondations d'octobre 2023 à Mbaiki, le "
            "programme national paie les ménages.")
    assert "inondations-2023-10=2023-10" in _dates(tmp_path, gazetteer, body)


# -- "a été adopté en Conseil des ministres le D": a passive adoption without "par" ----------


def test_french_passive_adoption_in_council(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le décret n° 21-305 fixant les modalités de cotisation des artisans a été adopté "
            "en Conseil des ministres le 14 mars 2023.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.adoptedBy) == {("decret-n-21-305", "conseil-des-ministres")}
    assert "decret-n-21-305-adoption-2023-03-14=2023-03-14" in _dates(tmp_path, gazetteer, body)


def test_french_passive_adoption_in_a_town_names_no_adopter(tmp_path: Path,
                                                             gazetteer: Gazetteer) -> None:
    body = ("Le décret n° 21-305 fixant les modalités de cotisation des artisans a été adopté "
            "en 2023.")
    assert slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.adoptedBy) == set()


# -- "passed by A on D1 and by B on D2": two dated passages, one by each chamber ------------


def test_passed_by_two_chambers(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Pensions (Amendment) Act, 2023, passed by the House of Assembly on 14 "
            "November 2023 and by the Senate on 29 November 2023, entered into force on 1 "
            "January 2024.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert {o for _, o in slug_pairs(facts, SPKG.adoptedBy)} == {"house-of-assembly", "senate"}
    dated = _dates(tmp_path, gazetteer, body)
    assert {"pensions-amendment-act-2023-adoption-2023-11-14=2023-11-14",
            "pensions-amendment-act-2023-adoption-2023-11-29=2023-11-29"} <= dated, dated


def test_passed_by_one_chamber_and_signed_is_one_passage(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    body = ("The Pensions (Amendment) Act, 2023, passed by the House of Assembly on 14 "
            "November 2023 and then by 40 votes to 2, entered into force in 2024.")
    facts = page_facts(tmp_path, gazetteer, body)
    assert {o for _, o in slug_pairs(facts, SPKG.adoptedBy)} == {"house-of-assembly"}
