"""Groups covered with no one named in their clause ("Seasonal workers are covered for old
age …"): the intervention the previous sentence was about, read from made-up sentences in
English, French and Spanish; never a law that sentence names as amended."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def covered(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection"),
                      SPKG.extendsCoverageTo)


@pytest.mark.parametrize(("body", "law", "group"), [
    # the previous sentence's subject points back ("The amendments") to the amending law,
    # whose name holds the amended one's
    ("On 3 May 2031 the Parliament of Freedonia adopted the Law amending the Law on Social "
     "Insurance (Official Gazette No. 12/2031), drafted by the Ministry of Labour. The "
     "amendments entered into force on 1 January 2032. Seasonal forestry workers engaged "
     "through vouchers are covered for old age and invalidity from that date.",
     "law-amending-the-law-on-social-insurance", "seasonal-forestry-workers"),
    # French: "Il modifie le décret …": the decree "Il" is, not the one it amends
    ("Le décret n° 31-207 a été adopté en Conseil des ministres le 4 mars 2031. Il modifie "
     "le décret n° 05-118 du 2 mai 2005 portant application du Code de sécurité sociale. À "
     "compter du 1er juillet 2031, les artisans et les pêcheurs affiliés sont couverts pour "
     "la maternité et la vieillesse.",
     "decret-n-31-207", "pecheurs"),
    # Spanish: "El decreto modifica la Ley N.º 4 …": the decree, not the law it amends
    ("El Decreto N.º 77/2031 fue aprobado por el Consejo de Ministros el 9 de marzo de 2031. "
     "El decreto modifica la Ley N.º 4 de 1999. Desde el 1 de julio de 2031, los pescadores "
     "artesanales están cubiertos contra la vejez.",
     "decreto-n-77-2031", "pescadores-artesanales"),
])
def test_groups_covered_take_the_intervention_the_text_was_about(
        tmp_path: Path, gazetteer: Gazetteer, body: str, law: str, group: str) -> None:
    found = covered(tmp_path, gazetteer, body)
    assert (law, group) in found
    # the amended law covers no one
    assert not {pair for pair in found if pair[0] != law}


@pytest.mark.parametrize(("body", "law"), [
    # a body amended the act and no amending law is named: the act as amended covers,
    # the body that amended it covers no one
    ("The Ministry of Labour of Freedonia amended the Pensions Act on 3 May 2031. Domestic "
     "workers are covered for old age from 1 July 2031.", "pensions-act"),
    ("El Ministerio de Trabajo de Freedonia modificó la Ley de Pensiones el 3 de mayo de "
     "2031. Desde el 1 de julio de 2031, los pescadores artesanales están cubiertos contra "
     "la vejez.", "ley-de-pensiones"),
])
def test_a_law_amended_by_a_body_covers_as_amended(
        tmp_path: Path, gazetteer: Gazetteer, body: str, law: str) -> None:
    assert {subject for subject, _ in covered(tmp_path, gazetteer, body)} == {law}


def implemented(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection"),
                      SPKG.implementedBy)


@pytest.mark.parametrize(("body", "pair"), [
    # "The new branches": parts of the decree the previous sentence was about
    ("Decree No. 31/2031 of Freedonia was adopted on 3 March 2031. It opens maternity and "
     "old-age branches to fishers. The new branches are administered by the National Social "
     "Security Fund (NSSF).",
     ("decree-no-31-2031", "national-social-security-fund")),
    # French: "Les nouvelles dispositions sont gérées par …"
    ("Le décret n° 31-207 a été adopté le 4 mars 2031. Il étend la sécurité sociale aux "
     "pêcheurs. Les nouvelles dispositions sont gérées par la Caisse nationale de prévoyance "
     "sociale (CNPS).",
     ("decret-n-31-207", "caisse-nationale-de-prevoyance-sociale")),
    # Spanish: "el nuevo sistema" is the Sistema … the law created, named with that noun
    ("La Ley N.º 88 de 2031, aprobada el 2 de mayo de 2031, crea el Sistema Integrado de "
     "Pensiones. El nuevo sistema es administrado por el Instituto de Previsión Social (IPS).",
     ("sistema-integrado-de-pensiones", "instituto-de-prevision-social")),
    # "The allowance": the scheme the previous sentence named
    ("Freedonia provides a monthly Elderly Persons Allowance Scheme (EPAS) to residents aged "
     "75 and over. The allowance is paid by the Department of Welfare Services.",
     ("elderly-persons-allowance-scheme", "department-of-welfare-services")),
])
def test_a_part_of_what_the_text_was_about_is_run_by_a_body(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    assert pair in implemented(tmp_path, gazetteer, body)


@pytest.mark.parametrize("body", [
    # the previous sentence spoke of an unnamed scheme: "The scheme" is that one, not the Act
    "The Cabinet raised the benefits of the voluntary scheme under the Social Security Act "
    "2031. The scheme is administered by the Social Security Office (SSO).",
    # "The benefits" of a law granting benefits in lower case: not read as the law's
    "The Parliament of Freedonia adopted the Family Leave Act 2031 on 3 May 2031. It extends "
    "paid parental leave benefits to self-employed women. The benefits will be paid by the "
    "Social Service Agency.",
])
def test_a_part_named_before_in_lower_case_is_not_the_law(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    assert not implemented(tmp_path, gazetteer, body)


@pytest.mark.parametrize(("body", "pair"), [
    # the clause after a colon: the decree the sentence opened with covers the groups
    ("Le décret n° 2031-44, pris en Conseil des ministres le 20 février 2031, en précise les "
     "modalités : à partir du 1er avril 2031, les artisans et les pêcheurs immatriculés sont "
     "couverts par la Caisse Nationale de Sécurité Sociale (CNSS) pour la vieillesse.",
     ("decret-n-2031-44", "pecheurs")),
    ("El Decreto N.º 44/2031 fija las modalidades: desde el 1 de abril de 2031, los "
     "pescadores artesanales están cubiertos contra la vejez.",
     ("decreto-n-44-2031", "pescadores-artesanales")),
])
def test_groups_covered_after_a_colon_take_the_sentences_intervention(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    assert pair in covered(tmp_path, gazetteer, body)


def test_a_law_amended_before_a_colon_covers_no_one(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("El Ministerio de Trabajo de Freedonia modificó la Ley de Pensiones de 1999: desde "
            "el 1 de julio de 2031, los pescadores artesanales están cubiertos contra la vejez.")
    assert not covered(tmp_path, gazetteer, body)
