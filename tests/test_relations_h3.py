"""Coverage, implementation and membership read from made-up sentences in the style of ILO
pages (English, French, Spanish, Portuguese), with look-alikes that must give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import ORG, SPKG


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object,
          title: str = "Social protection in Kenya") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title), predicate)


ILO = "international-labour-organization"


@pytest.mark.parametrize(("body", "unit"), [
    ("Support to Fiji is provided by the ILO Office for Pacific Island Countries, based in "
     "Suva.", "ilo-office-for-pacific-island-countries"),
    ("The ILO Country Office for Zambia, Malawi and Mozambique held a workshop in Lusaka.",
     "ilo-country-office-for-zambia-malawi-and-mozambique"),
    ("In 2022 the ILO Decent Work Technical Support Team for North Africa prepared a costing.",
     "ilo-decent-work-technical-support-team-for-north-africa"),
    ("La Oficina de la OIT para los Países Andinos preparó un estudio actuarial.",
     "oficina-de-la-oit-para-los-paises-andinos"),
])
def test_a_unit_named_as_the_ilo_s_is_part_of_the_ilo(tmp_path: Path, gazetteer: Gazetteer,
                                                      body: str, unit: str) -> None:
    assert (unit, ILO) in pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)


@pytest.mark.parametrize("body", [
    # an office of someone else, and the ILO named beside it
    "The Prime Minister's Office and the ILO signed an agreement in Nairobi.",
    "The Country Office of UNICEF worked with the ILO on the costing.",
])
def test_other_offices_are_not_the_ilo_s(tmp_path: Path, gazetteer: Gazetteer,
                                         body: str) -> None:
    assert not {p for p in pairs(tmp_path, gazetteer, body, ORG.subOrganizationOf)
                if p[1] == ILO}


@pytest.mark.parametrize(("body", "expected"), [
    # a copula with adjectives between commas, then "for"
    ("Lesotho's Senior Grant is a universal, tax-funded benefit for all residents aged 70 "
     "and over.", ("senior-grant", "residents-aged-70-and-over")),
    # an apposition after the acronym
    ("Since 2018 the state pays the Inua Jamii Pension (IJP), a non-contributory pension for "
     "persons aged 70 and over.", ("inua-jamii-pension", "persons-aged-70-and-over")),
    # the payer named between the scheme and the group
    ("The Elderly Allowance, paid by the Ministry of Gender to residents aged 60 or older, is "
     "financed from the budget.", ("elderly-allowance", "residents-aged-60-or-older")),
])
def test_a_pension_for_people_of_old_age(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                         expected: tuple[str, str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert expected in slug_pairs(facts, SPKG.extendsCoverageTo)
    assert (expected[0], "old-age") in slug_pairs(facts, SPKG.coversContingency)


@pytest.mark.parametrize(("body", "scheme"), [
    ("La Renta Solidaria, una transferencia mensual, cubre a las personas mayores de 65 años.",
     "renta-solidaria"),
    ("Le Programme Solidarité Aînés verse une allocation aux personnes âgées de 65 ans et plus.",
     "programme-solidarite-aines"),
])
def test_old_age_in_spanish_and_french(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                       scheme: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert (scheme, "old-age") in slug_pairs(facts, SPKG.coversContingency)


@pytest.mark.parametrize("body", [
    # health care for older people is medical care, not old age
    "The Elder Health Card covers persons aged 65 and over.",
    # an age that is not old
    "The Youth Start Grant is paid to persons aged 18 and over.",
    # a scheme's name alone says nothing (no cash word outside it)
    "The Ministry runs the Elder Pension Scheme for persons aged 65 and over.",
    "La Pensión Básica Solidaria cubre a las personas mayores de 65 años.",
])
def test_no_old_age_without_an_old_group(tmp_path: Path, gazetteer: Gazetteer,
                                         body: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert not {p for p in slug_pairs(facts, SPKG.coversContingency) if p[1] == "old-age"}


@pytest.mark.parametrize(("body", "expected"), [
    # "extends <what> to G": the subject is the amending law, not the law it amends
    ("The Pension Act 2022, passed by Parliament on 4 May 2022, amends the Labour Code 2007 "
     "and extends insurance against employment injury to workers in the tea sector and to "
     "migrant workers returning from Oman.",
     {("pension-act-2022", "workers-in-the-tea-sector"), ("pension-act-2022", "migrant-workers")}),
    ("Decree-Law No. 7/2023, approved by the Council of Ministers on 2 March 2023, extends the "
     "regime to market vendors and domestic workers.",
     {("decree-law-no-7-2023", "market-vendors"), ("decree-law-no-7-2023", "domestic-workers")}),
    # registered or enrolled under a scheme (a figure before the group is how many)
    ("In 2022 the National Insurance Institute (NII) registered more than 3,000 workers of "
     "micro and small enterprises under the Special Regime for Small Enterprises (SRSE).",
     {("special-regime-for-small-enterprises", "workers-of-micro-and-small-enterprises")}),
    ("The Board will enrol fishers and farmers in the Voluntary Savings Scheme from 2026.",
     {("voluntary-savings-scheme", "fishers"), ("voluntary-savings-scheme", "farmers")}),
    # French: the nominal "portant extension de l'assurance … aux G", two nouns of one group
    ("Le Conseil des ministres a adopté le décret n° 2022-15 portant extension de l'assurance "
     "maladie de la Caisse nationale (CNAS) aux pêcheurs artisans et aux travailleurs "
     "domestiques.",
     {("decret-n-2022-15", "pecheurs-artisans"), ("decret-n-2022-15", "travailleurs-domestiques")}),
    ("En 2022, la Caisse a immatriculé les artisans au Régime d'Assurance Maladie Universelle "
     "(RAMU).", {("regime-dassurance-maladie-universelle", "artisans")}),
])
def test_coverage_verb_forms(tmp_path: Path, gazetteer: Gazetteer, body: str,
                             expected: set[tuple[str, str]]) -> None:
    assert expected <= pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


@pytest.mark.parametrize("body", [
    "The Ministry extended the deadline of the Pension Act 2022 to 30 June 2024.",
    "The Pension Act 2022 extends the payment period to 12 months for domestic workers.",
    "La Caisse a lancé la campagne d'immatriculation des artisans au Régime d'Assurance "
    "Maladie Universelle (RAMU).",
    "The Ministry registered the Fund's members under the Pension Scheme.",
])
def test_coverage_look_alikes(tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    assert not pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


@pytest.mark.parametrize(("body", "expected"), [
    # a body paying under a law runs the law's scheme: annotators read it as the law
    ("The Pension Fund (PF) pays old-age and survivors' pensions to employees under the Law "
     "on Pension Insurance.", {("pension-fund", "law-on-pension-insurance")}),
    ("Health care is administered by the National Health Fund (NHF), and unemployment "
     "benefits are paid by the National Employment Agency (NEA) under the Law on "
     "Unemployment Insurance.",
     {("national-employment-agency", "law-on-unemployment-insurance")}),
    ("Les pensions sont versées par la Caisse nationale de prévoyance sociale (CNPS) au titre "
     "du Code de sécurité sociale.",
     {("caisse-nationale-de-prevoyance-sociale", "code-de-securite-sociale")}),
])
def test_paid_under_a_law(tmp_path: Path, gazetteer: Gazetteer, body: str,
                          expected: set[tuple[str, str]]) -> None:
    assert expected <= pairs(tmp_path, gazetteer, body, SPKG.implements)


def test_an_apposition_paid_under_a_law_is_the_scheme_s(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    body = ("The main schemes are the Provident Fund (PF), paid by the Central Bank under the "
            "Provident Fund Act, and the Trust Fund.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.implements)


def test_respectively_pairs_schemes_with_their_agents(tmp_path: Path,
                                                      gazetteer: Gazetteer) -> None:
    body = ("The Child Support Grant and the Older Persons Grant are managed by the Ministry of "
            "Social Development and the Ministry of Finance respectively.")
    assert pairs(tmp_path, gazetteer, body, SPKG.implementedBy) == {
        ("child-support-grant", "ministry-of-social-development"),
        ("older-persons-grant", "ministry-of-finance")}


def test_respectively_with_a_subject_unread_gives_nothing(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    body = ("Family support and the Older Persons Grant are managed by the Ministry of Social "
            "Development and the Ministry of Finance respectively.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.implementedBy)


def test_a_ministry_named_as_another_body_s_complement_runs_nothing(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    # the body whose relative clause it is was not read as a name: not the ministry
    body = ("The pension is paid by the Elders Desk of the Ministry of Gender, which also runs "
            "the Orphan Care Programme.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.implements)


@pytest.mark.parametrize(("body", "expected"), [
    # the subject points back after a time adverbial
    ("The Social Insurance (Amendment) Act 2023 was passed in May. From 1 March 2024 it also "
     "allows domestic workers and fishers to register with the Board.",
     {("social-insurance-amendment-act-2023", "domestic-workers"),
      ("social-insurance-amendment-act-2023", "fishers")}),
    # "; it covers" after the law's name and its complement
    ("The Council adopted Law No. 12 of 2015 on maternity insurance; it covers migrant "
     "workers.", {("law-no-12-of-2015", "migrant-workers")}),
    # joining a body through its new scheme: the scheme covers them
    ("Informal economy workers can now join the National Pension Fund (NPF) through a new "
     "Voluntary Contribution Scheme.",
     {("voluntary-contribution-scheme", "informal-economy-workers")}),
])
def test_coverage_of_a_subject_pointed_at(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                          expected: set[tuple[str, str]]) -> None:
    assert expected <= pairs(tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


def test_a_later_it_clause_does_not_hide_the_first(tmp_path: Path,
                                                   gazetteer: Gazetteer) -> None:
    body = ("The Elder Grant is a universal benefit for all residents aged 70 and over; it is "
            "paid by the Ministry of Gender.")
    assert ("elder-grant", "residents-aged-70-and-over") in pairs(
        tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


@pytest.mark.parametrize("opening", ["In force since 1 July 2021,", "Effective from 1 July 2021,"])
def test_a_subject_pointing_back_after_in_force_since(tmp_path: Path, gazetteer: Gazetteer,
                                                      opening: str) -> None:
    body = (f"The Pension Act 2021 was adopted on 3 June 2021 by Parliament. {opening} it "
            "allows self-employed workers to join the scheme.")
    assert ("pension-act-2021", "self-employed-workers") in pairs(
        tmp_path, gazetteer, body, SPKG.extendsCoverageTo)


@pytest.mark.parametrize(("body", "expected"), [
    ("Le décret étend le régime d'assurance maladie de la Caisse nationale d'assurance "
     "maladie (CNAM) aux pêcheurs.",
     ("caisse-nationale-dassurance-maladie", "regime-dassurance-maladie")),
])
def test_a_scheme_named_as_an_institution_s(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                            expected: tuple[str, str]) -> None:
    assert expected in pairs(tmp_path, gazetteer, body, SPKG.implements)


def test_a_ministry_s_programme_by_name_is_not_read_as_run(tmp_path: Path,
                                                           gazetteer: Gazetteer) -> None:
    body = "The Child Grant of the Ministry of Gender covers children under five."
    assert not pairs(tmp_path, gazetteer, body, SPKG.implements)


@pytest.mark.parametrize(("body", "expected"), [
    ("During the drought the Ministry of Gender paid an emergency top-up to recipients of "
     "the Senior Grant.", ("ministry-of-gender", "senior-grant")),
    ("The National Pension Agency (NPA) will register taxi drivers under the Voluntary "
     "Pension Scheme (VPS) from 2026.", ("national-pension-agency", "voluntary-pension-scheme")),
    ("The Health Fund (HF) began to enrol fishers in its Basic Health Insurance Scheme.",
     ("health-fund", "basic-health-insurance-scheme")),
])
def test_a_body_paying_or_enrolling_people_runs_the_scheme(
        tmp_path: Path, gazetteer: Gazetteer, body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(tmp_path, gazetteer, body, SPKG.implements)


def test_enrolling_people_in_a_place_is_no_scheme(tmp_path: Path,
                                                  gazetteer: Gazetteer) -> None:
    body = "The Health Fund (HF) will enrol fishers in Mombasa under a pilot."
    assert not pairs(tmp_path, gazetteer, body, SPKG.implements)


@pytest.mark.parametrize(("body", "law", "group"), [
    ("Since 2019 self-employed workers are covered against work accidents and occupational "
     "diseases under the Employment Injury Act.", "employment-injury-act", "self-employed-workers"),
    ("From 1 July 2024, fishers are insured against occupational hazards by the Fishers "
     "Welfare Scheme.", "fishers-welfare-scheme", "fishers"),
])
def test_groups_covered_after_a_time_adverbial(tmp_path: Path, gazetteer: Gazetteer,
                                               body: str, law: str, group: str) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert (law, group) in slug_pairs(facts, SPKG.extendsCoverageTo)
    assert (law, "employment-injury") in slug_pairs(facts, SPKG.coversContingency)


@pytest.mark.parametrize(("body", "expected"), [
    ("A national pensions taskforce, chaired by the Ministry of Finance, was set up in 2022. "
     "The Kenya Federation of Employers (FKE) and the Central Organization of Trade Unions "
     "(COTU) sit on the taskforce.",
     {("kenya-federation-of-employers", "national-pensions-taskforce"),
      ("central-organization-of-trade-unions", "national-pensions-taskforce")}),
    ("Dialogue takes place in the National Tripartite Commission on Labour Issues. The "
     "Federation of Trade Unions of Kenya and the Confederation of Employers of Kenya sit on "
     "the Commission.",
     {("federation-of-trade-unions-of-kenya", "national-tripartite-commission-on-labour-issues"),
      ("confederation-of-employers-of-kenya",
       "national-tripartite-commission-on-labour-issues")}),
])
def test_members_of_a_body_named_before(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                        expected: set[tuple[str, str]]) -> None:
    assert expected <= pairs(tmp_path, gazetteer, body, ORG.memberOf)


def test_sitting_on_something_else_is_no_membership(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    body = ("The National Tripartite Commission met in May. The Ministry of Labour and the "
            "Federation of Kenya Employers sit on opposite sides.")
    assert not pairs(tmp_path, gazetteer, body, ORG.memberOf)


def test_a_participle_about_the_noun_before_it(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Pension Reform Law merges the civil and military pension regimes into one "
            "system managed by the National Pension Agency (NPA).")
    facts = page_facts(tmp_path, gazetteer, body)
    assert not {p for p in slug_pairs(facts, SPKG.implementedBy) if "regime" in p[0]}
    assert not {p for p in slug_pairs(facts, SPKG.implements) if "regime" in p[1]}


def test_an_agent_known_by_another_name(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The National Pension Agency (NPA), known in Swahili as MPN, will register taxi "
            "drivers under the Voluntary Pension Scheme (VPS) from 2026.")
    assert ("national-pension-agency", "voluntary-pension-scheme") in pairs(
        tmp_path, gazetteer, body, SPKG.implements)


def test_joining_a_fund_through_its_scheme(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Informal economy workers can now join the National Pension Fund (NPF) through a "
            "new Voluntary Contribution Scheme.")
    assert ("national-pension-fund", "voluntary-contribution-scheme") in pairs(
        tmp_path, gazetteer, body, SPKG.implements)
