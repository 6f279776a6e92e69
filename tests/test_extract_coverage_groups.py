"""Coverage rules and the groups they read: a list's economy belongs to the whole list, a
figure counting households of groups names no group, a bare head in a list of groups is
covered with the others. Made-up sentences, with look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def test_the_economy_after_a_list_is_not_the_last_items(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "The Ministry launched the Basic Health Scheme in May 2023. It covers artisans, "
        "vendors and farmers in the informal economy."))
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == {
        ("basic-health-scheme", "artisans"), ("basic-health-scheme", "vendors"),
        ("basic-health-scheme", "farmers")}


def test_a_figure_of_households_of_groups_names_no_group(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "The Ministry launched the Drought Cash Programme in 2022. It will reach 8,500 "
        "households of herders and farmers in the north. The Child Grant Programme will "
        "reach 40,000 poor households."))
    figures = {str(f.object).rsplit("/", 1)[-1] for f in facts
               if f.predicate == SPKG.populationGroup}
    assert figures == {"poor-households"}


def test_a_bare_head_in_a_list_of_groups_is_covered(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "Law No. 12 of 3 June 2001 on Social Insurance covers employees, the self-employed "
        "and fishers against old age and sickness."))
    pairs = slug_pairs(facts, SPKG.extendsCoverageTo)
    assert {group for _, group in pairs} == {"employees", "self-employed", "fishers"}
    assert len({law for law, _ in pairs}) == 1


@pytest.mark.parametrize(("body", "expected"), [
    ("Le Gouvernement a adopté la Politique nationale d'inclusion en 2022. La Politique "
     "nationale d'inclusion prévoit l'extension de la couverture de la Caisse (CASS) aux "
     "travailleurs de l'économie informelle et aux éleveurs.",
     {("politique-nationale-dinclusion", "travailleurs-de-leconomie-informelle"),
      ("politique-nationale-dinclusion", "eleveurs")}),
    ("El Ministerio creó el Seguro Social Campesino en 2019. El Seguro Social Campesino "
     "cubre a los pescadores y a las trabajadoras domésticas.",
     {("seguro-social-campesino", "pescadores"),
      ("seguro-social-campesino", "trabajadoras-domesticas")}),
    # the groups are the subject's, not the scheme's: nothing follows the cue
    ("La Caisse couvre aussi, depuis 2021, le Régime des Artisans pour les agriculteurs.",
     set()),
])
def test_french_and_spanish_coverage(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                     expected: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, title="Protection sociale au Bénin")
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == expected


def test_a_covered_group_is_the_whole_group_mention(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "The Ministry launched the Child Nutrition Grant in 2021. The Child Nutrition Grant "
        "covers children under two in low-income households in three provinces."))
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == {
        ("child-nutrition-grant", "children-under-two-in-low-income-households")}


@pytest.mark.parametrize(("body", "expected"), [
    # the law the previous sentence names first, not the one it amends
    ("In 2022 the National Assembly adopted the Pension Amendment Act, which amends the "
     "Pension Act, 1998. Tea pickers and street vendors are now insured for old age, and "
     "fishers may join on a voluntary basis.",
     {("pension-amendment-act", "tea-pickers"), ("pension-amendment-act", "street-vendors"),
      ("pension-amendment-act", "fishers")}),
    # the intervention in the opening phrase
    ("The Ministry drafted the Rural Welfare Act in 2020. Under the Rural Welfare Act, "
     "domestic workers registered with the Board are entitled to sickness benefits.",
     {("rural-welfare-act", "domestic-workers")}),
    # a body after the verb: no intervention covers them
    ("The Ministry drafted the Rural Welfare Act in 2020. Domestic workers are covered by "
     "the National Social Security Fund (NSSF).",
     set()),
    # the groups are not the clause's subject
    ("The Ministry drafted the Rural Welfare Act in 2020. The Board said that many domestic "
     "workers are covered.",
     set()),
])
def test_groups_as_the_subject_of_a_covering_verb(tmp_path: Path, gazetteer: Gazetteer,
                                                   body: str,
                                                   expected: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == expected


def test_is_to_cover_after_an_administered_by_aside(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "The Ministry created the Universal Health Scheme (UHS) in 2021. The UHS is run by "
        "the National Health Fund (NHF) and is to cover weavers, hawkers and fishers."))
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == {
        ("universal-health-scheme", "weavers"), ("universal-health-scheme", "hawkers"),
        ("universal-health-scheme", "fishers")}


@pytest.mark.parametrize(("body", "expected"), [
    # a clause of its own whose object is another law, then the reaching verb
    ("In 2021 the Parliament adopted the Law on Amendments to the Social Code. The law amends "
     "the Social Code and extends sickness benefits to domestic workers.",
     {("law-on-amendments-to-the-social-code", "domestic-workers")}),
    # an apposition and a passive aside before the verb
    ("Progresando, the main cash transfer programme of the country, is run by the Social "
     "Cabinet (GS) and reaches rural households.",
     {("progresando", "rural-households")}),
    # after the clause, someone else extends the benefits
    ("In 2021 the Parliament adopted the Law on Amendments to the Social Code. The law amends "
     "the Social Code and the Ministry of Labour extends sickness benefits to domestic "
     "workers.",
     set()),
])
def test_an_aside_or_a_clause_of_its_own_before_the_verb(
        tmp_path: Path, gazetteer: Gazetteer, body: str,
        expected: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("The Congress approved Decree No. 77 in 2020. Decree No. 77 makes the affiliation of "
     "home-based workers and street vendors to the Social Insurance Fund compulsory.",
     {("decree-no-77", "home-based-workers"), ("decree-no-77", "street-vendors")}),
    # easier, not compulsory: no coverage
    ("The Congress approved Decree No. 77 in 2020. Decree No. 77 makes the registration of "
     "home-based workers simpler.",
     set()),
    # a group's members picked out by how many employers they have: the group is the head's
    ("The Congress approved Decree No. 77 in 2020. Decree No. 77 also covers seasonal "
     "home-care workers with two or more employers.",
     {("decree-no-77", "seasonal-home-care-workers")}),
])
def test_made_compulsory_and_groups_picked_out_after_with(
        tmp_path: Path, gazetteer: Gazetteer, body: str,
        expected: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == expected


def test_a_date_aside_inside_a_list_of_groups(tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "The Council approved the Maternity Benefit Regulation in 2023. The regulation covers "
        "fishers in the coastal provinces and, from March 2025, street vendors against "
        "sickness."))
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == {
        ("maternity-benefit-regulation", "fishers"),
        ("maternity-benefit-regulation", "street-vendors")}


@pytest.mark.parametrize(("body", "expected"), [
    ("The Ministry created the Winter Fuel Allowance in 2019. It was rolled out to "
     "12,000 rural households in two provinces.",
     {("winter-fuel-allowance", "rural-households")}),
    ("The Ministry created the Winter Fuel Allowance in 2019. Rural households with older "
     "members are eligible for the Winter Fuel Allowance.",
     {("winter-fuel-allowance", "rural-households")}),
    ("Le Parlement a adopté le Régime de sécurité sociale des marins en 2020. Ce régime "
     "couvre les pêcheurs et les travailleurs saisonniers.",
     {("regime-de-securite-sociale-des-marins", "pecheurs"),
      ("regime-de-securite-sociale-des-marins", "travailleurs-saisonniers")}),
    ("El Congreso aprobó el Programa de Pensiones Rurales en 2020. El programa amplía la "
     "cobertura a los jornaleros.",
     {("programa-de-pensiones-rurales", "jornaleros")}),
])
def test_rolled_out_eligible_for_and_french_spanish_anaphors(
        tmp_path: Path, gazetteer: Gazetteer, body: str,
        expected: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body)
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Le Parlement a adopté le Régime des transporteurs en 2021. Le régime permet aux "
     "chauffeurs indépendants et aux pêcheurs de cotiser.",
     {("regime-des-transporteurs", "chauffeurs-independants"),
      ("regime-des-transporteurs", "pecheurs")}),
    ("El Congreso aprobó la Ley 12 en 2021. La Ley 12 incorpora a los jornaleros al "
     "seguro social.",
     {("ley-12", "jornaleros")}),
    ("Le Gouvernement a validé la Politique nationale de solidarité en 2023. Elle prévoit "
     "des transferts en faveur des ménages pauvres.",
     {("politique-nationale-de-solidarite", "menages-pauvres")}),
    # a French verb with no group after it
    ("Le Gouvernement a validé la Politique nationale de solidarité en 2023. Elle permet aux "
     "communes de recruter.",
     set()),
])
def test_french_and_spanish_allowing_and_including(tmp_path: Path, gazetteer: Gazetteer,
                                                   body: str,
                                                   expected: set[tuple[str, str]]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, title="Protection sociale au Bénin")
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == expected


def test_a_figure_in_another_clause_is_not_the_interventions(tmp_path: Path,
                                                              gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "The Disability Grant Programme covers persons with disabilities, while the National "
        "Pension Fund (NPF) pays pensions to some 2.1 million people. The Child Grant "
        "Programme reaches 40,000 poor households."))
    figures = {str(f.object).rsplit("/", 1)[-1] for f in facts
               if f.predicate == SPKG.populationGroup}
    assert figures == {"poor-households"}


def test_a_group_ends_before_without(tmp_path: Path, gazetteer: Gazetteer) -> None:
    facts = page_facts(tmp_path, gazetteer, (
        "The Congress adopted the Old Age Allowance Law in 2020. It grants an allowance to "
        "older persons without a contributory pension."))
    assert {group for _, group in slug_pairs(facts, SPKG.extendsCoverageTo)} == {
        "older-persons"}


def test_a_group_named_in_spanish_is_the_reference_group(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    """The reference gives some groups a Spanish prefLabel ("trabajadores rurales"@es):
    looked up as a translation, it is the reference IRI, not a Spanish slug."""
    facts = page_facts(tmp_path, gazetteer, (
        "El Ministerio lanzó el Programa de Salud Rural en 2023. El programa cubre a los "
        "trabajadores rurales y a los trabajadores por cuenta propia."))
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == {
        ("programa-de-salud-rural", "rural-workers"),
        ("programa-de-salud-rural", "self-employed")}


@pytest.mark.parametrize("text", [
    "Le Ministère a lancé le Programme de santé rurale en 2023. Le programme couvre les "
    "pêcheurs.",
    "Le Ministère a lancé le Programme de santé rurale en 2023. Ce programme couvre les "
    "pêcheurs.",
])
def test_a_french_determiner_before_a_kind_word_refers_back(text: str, tmp_path: Path,
                                                            gazetteer: Gazetteer) -> None:
    """"Le programme couvre …" is the programme named before, not a programme named "Le"."""
    facts = page_facts(tmp_path, gazetteer, text)
    assert slug_pairs(facts, SPKG.extendsCoverageTo) == {
        ("programme-de-sante-rurale", "pecheurs")}
