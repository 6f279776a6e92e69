"""Programmes, schemes and benefits named in lowercase, in English or kept in French, Spanish
or Portuguese (spkg.ingest.mentions.documents, spkg.ingest.mentions.romance). Task H1 of
issue 16. Every sentence is made up for these tests."""

from __future__ import annotations

import pytest
from entity_iris import linked_iris as iris

from spkg.ingest.gazetteer import Gazetteer


def _programmes(text: str, gazetteer: Gazetteer) -> set[str]:
    return {i for i in iris(text, gazetteer) if i.startswith("programme/")}


# A lowercase benefit the sentence makes one thing: introduced in a year, paid or run by a
# body, paid by a body to someone, or doing something for a group now.
@pytest.mark.parametrize(("text", "iri"), [
    ("In Valdoria a carer allowance introduced in 2021 supports families of children "
     "with autism.", "programme/carer-allowance"),
    ("The winter heating allowance, paid by the Regional Welfare Office, reached pensioners "
     "in the north.", "programme/winter-heating-allowance"),
    ("The Ministry of Social Policy also pays a monthly orphan allowance to guardians of "
     "children under 18.", "programme/monthly-orphan-allowance"),
    ("A seaweed price subsidy helps households on the atolls.",
     "programme/seaweed-price-subsidy"),
    ("A drought relief grant launched in March 2022 reached herders in the south.",
     "programme/drought-relief-grant"),
    ("The hardship relief scheme that the Pensions Board opened in 2020 was closed in 2022.",
     "programme/hardship-relief-scheme"),
    ("On Maravu a caregiver welfare scheme covers persons with severe disabilities.",
     "programme/caregiver-welfare-scheme"),
])
def test_a_lowercase_benefit_the_sentence_makes_one_is_a_programme(
        text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in _programmes(text, gazetteer)


# How much or how a benefit is paid says no benefit; nor does what a subsidy pays for, nor
# a benefit the sentence only speaks of.
@pytest.mark.parametrize("text", [
    "After the storm the Ministry paid a one-time grant to fishers in Lomaiviti.",
    "The Ministry pays a monthly allowance to older persons aged 70 and over.",
    "The Board will review the premium subsidy paid by the Treasury for farmers.",
    "The Fund paid a cash grant to each household.",
    "A housing allowance would help young families, the report says.",
    "The scheme covers the cost of medicines.",
])
def test_how_a_benefit_is_paid_or_a_financing_names_no_programme(
        text: str, gazetteer: Gazetteer) -> None:
    assert not _programmes(text, gazetteer)


# A French, Spanish or Portuguese scheme kept in lowercase in an English sentence.
@pytest.mark.parametrize(("text", "iri"), [
    ("From 1 March 2026 the régimen facultativo will cover street vendors.",
     "programme/regimen-facultativo"),
    ("The Institute runs the seguro campesino, a voluntary scheme for small farmers.",
     "programme/seguro-campesino"),
    ("The pensão social for widows is paid by the Social Action Directorate.",
     "programme/pensao-social"),
    ("The Fund administers the new contributory régime agricole through its branches.",
     "programme/regime-agricole"),
    ("The law has two tiers: proteção social básica and proteção social especial.",
     "programme/protecao-social-basica"),
])
def test_a_scheme_kept_in_its_language_in_english_prose_is_a_programme(
        text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in _programmes(text, gazetteer)


def test_both_tiers_of_a_kept_list_are_programmes(gazetteer: Gazetteer) -> None:
    text = "The law has two tiers: proteção social básica and proteção social especial."
    assert {"programme/protecao-social-basica",
            "programme/protecao-social-especial"} <= _programmes(text, gazetteer)


# What every scheme is, a head alone, and French or Spanish prose give nothing.
@pytest.mark.parametrize("text", [
    "The Ministry pays the seguro social to all contributors.",
    "The régime général de sécurité sociale covers employees.",
    "Le régime de base couvre les salariés du secteur privé.",
    "Los trabajadores rurales, régimen que aún no existe, esperan la reforma.",
    "The seguro was extended in 2020.",
])
def test_generic_or_romance_prose_gives_no_kept_scheme(
        text: str, gazetteer: Gazetteer) -> None:
    assert not any(i.startswith(("programme/regime", "programme/regimen", "programme/seguro"))
                   for i in _programmes(text, gazetteer))


# A scheme's closing list of what it insures against is one name, in either language's
# sentence, and a study of it takes the whole name; an article in the list opens prose.
def test_a_closing_list_of_nouns_belongs_to_the_scheme(gazetteer: Gazetteer) -> None:
    text = ("Desde 2026 los mototaxistas quedarán cubiertos por el régimen de pensiones de "
            "vejez, invalidez y muerte.")
    assert "programme/regimen-de-pensiones-de-vejez-invalidez-y-muerte" in _programmes(
        text, gazetteer)


def test_a_study_of_a_kept_scheme_takes_its_list(gazetteer: Gazetteer) -> None:
    text = ("The ILO supported the Institute with an actuarial valuation of the programa de "
            "enfermedad, maternidad y riesgos (EMR), completed in 2021.")
    found = iris(text, gazetteer)
    assert "study/actuarial-valuation-of-the-programa-de-enfermedad-maternidad-y-riesgos" in found
    assert "programme/programa-de-enfermedad-maternidad-y-riesgos" in found


def test_an_article_in_the_list_ends_the_scheme(gazetteer: Gazetteer) -> None:
    text = "El régimen de salud, vejez y la Caja de Ahorro pagan."
    assert "programme/regimen-de-salud" in _programmes(text, gazetteer)
    assert not any("vejez" in i for i in _programmes(text, gazetteer))


# A French, Spanish or Portuguese programme written head first, with one adjective, that
# the sentence says someone pays for or runs.
@pytest.mark.parametrize(("text", "iri"), [
    ("Le programme national de cantines scolaires, financé par l'Union européenne, "
     "nourrit les élèves.", "programme/programme-national-de-cantines-scolaires"),
    ("El programa comunitario de cuidados infantiles, ejecutado por el Ministerio, creció.",
     "programme/programa-comunitario-de-cuidados-infantiles"),
])
def test_a_romance_programme_paid_for_or_run_by_someone(
        text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in _programmes(text, gazetteer)


def test_a_portuguese_auxilio_is_a_programme(gazetteer: Gazetteer) -> None:
    text = "The Auxílio Enchente, paid by the state government to flood victims, ended."
    assert "programme/auxilio-enchente" in _programmes(text, gazetteer)


# A scheme a study is of, named by two words or more; the one of any country is none, nor
# one a costing is of with an indefinite article (a benefit not yet paid).
def test_a_scheme_a_study_is_of_is_a_programme(gazetteer: Gazetteer) -> None:
    text = "The ILO carried out a rapid assessment of the maternity cash scheme in 2020."
    assert "programme/maternity-cash-scheme" in _programmes(text, gazetteer)


@pytest.mark.parametrize("text", [
    "The ILO prepared an actuarial valuation of the pension scheme in 2021.",
    "A costing of a universal disability allowance was also prepared.",
])
def test_a_generic_or_planned_scheme_of_a_study_is_none(
        text: str, gazetteer: Gazetteer) -> None:
    assert not _programmes(text, gazetteer)


def test_a_lowercase_programme_beside_a_named_one_keeps_its_head(
        gazetteer: Gazetteer) -> None:
    text = ("The Department of Welfare, which also runs the Village Care Programme and the "
            "landless families programme, pays the old-age pension.")
    assert "programme/landless-families-programme" in _programmes(text, gazetteer)


# A publication listed on its own line, its kind first and its year after it, is a study
# named by the line; one the prose named before is that one, no second study.
def test_a_kind_first_title_line_is_a_study(gazetteer: Gazetteer) -> None:
    text = ("Recent work\n\nThe ILO trained officers in 2024.\n\nPublications\n\n"
            "Assessment of the pension system of Moravia (2023)\n"
            "Actuarial review of the Workers Compensation Fund as at 31 March 2021 (2022)\n")
    found = iris(text, gazetteer)
    assert {"study/assessment-of-the-pension-system-of-moravia",
            "study/actuarial-review-of-the-workers-compensation-fund-as-at-31-march-2021"
            } <= found


def test_a_title_line_the_prose_named_gives_no_second_study(gazetteer: Gazetteer) -> None:
    text = ("In 2023 the ILO completed a costing of a universal disability benefit for "
            "Moravia.\n\nPublications\n\n"
            "Costing a universal disability benefit in Moravia (2023)\n")
    assert not any(i.startswith("study/costing-a-universal")
                   for i in iris(text, gazetteer))


@pytest.mark.parametrize("text", [
    "The review of the pension formula (2019) found a gap.",
    "Assessment of the pilot continued in 2024 and ended in 2025 (see above).",
])
def test_a_sentence_with_a_year_is_no_title_line(text: str, gazetteer: Gazetteer) -> None:
    # what the lowercase study rules read may stay; no study runs to the line's year
    assert not any(i.startswith("study/") and ("found" in i or "2025" in i)
                   for i in iris(text, gazetteer))


# Whom an extension reaches belongs to a French or Spanish study's object, as "on
# extending X to Y" does in English.
@pytest.mark.parametrize(("text", "iri"), [
    ("Une étude de faisabilité sur l'extension de l'assurance maladie aux pêcheurs de "
     "l'archipel a été réalisée en 2022.",
     "study/etude-de-faisabilite-sur-lextension-de-lassurance-maladie-aux-pecheurs-de-"
     "larchipel"),
    ("Un estudio sobre la ampliación de la cobertura a los trabajadores rurales fue "
     "presentado en 2021.",
     "study/estudio-sobre-la-ampliacion-de-la-cobertura-a-los-trabajadores-rurales"),
])
def test_whom_an_extension_reaches_is_in_the_study(
        text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in iris(text, gazetteer)



def test_a_kept_scheme_in_brackets_after_its_english_gloss(gazetteer: Gazetteer) -> None:
    text = ("After the floods the Ministry paid housing support benefits (prestaciones de "
            "apoyo habitacional) to families in the valley.")
    assert "programme/prestaciones-de-apoyo-habitacional" in _programmes(text, gazetteer)


def test_a_bracketed_scheme_in_spanish_prose_is_none(gazetteer: Gazetteer) -> None:
    text = "Los hogares rurales (régimen agrario) reciben la ayuda desde 2020."
    assert not any("agrario" in i for i in _programmes(text, gazetteer))


# Second pass (J1): a lowercase programme or benefit someone funds, administers, sets up or
# introduces; a scheme run by a body after whom it is for; generic words with "the" after a
# verb that sets up or runs the country's own scheme.
@pytest.mark.parametrize(("text", "iri"), [
    ("After the floods hit Velmora on 3 May 2021, an emergency food transfer programme "
     "funded by the Danish Agency for Rural Aid hired 300 workers.",
     "programme/emergency-food-transfer-programme"),
    ("After the storm struck the coast of Ossery on 12 March 2019, an emergency cash "
     "transfer financed by UNICEF topped up the pensions of 900 households.",
     "programme/emergency-cash-transfer"),
    ("The Welfare Division of the Ministry of Family Affairs administers the public "
     "assistance programme, which pays a monthly allowance to older persons.",
     "programme/public-assistance-programme"),
    ("During the pandemic the Board introduced a temporary unemployment benefit in May "
     "2020, paid by the Board to insured persons.", "programme/temporary-unemployment-benefit"),
    ("The amended Act also introduces a temporary storm benefit for insured persons whose "
     "homes were damaged.", "programme/temporary-storm-benefit"),
    ("A supplementary pension scheme for earnings above the ceiling is also run by the "
     "Ossery Pension Fund.", "programme/supplementary-pension-scheme"),
    ("Decree No. 4/2021 establishes the voluntary social insurance regime and sets its "
     "contribution rates.", "programme/voluntary-social-insurance-regime"),
])
def test_a_lowercase_programme_someone_funds_or_sets_up_is_one(
        text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in _programmes(text, gazetteer)


@pytest.mark.parametrize("text", [
    # a date before the comma closes a clause: no programme named "3 May 2021"
    "After the floods hit Velmora on 3 May 2021, an emergency food transfer programme "
    "funded by the Danish Agency for Rural Aid hired 300 workers.",
    # what a scheme pays, or a law pays, is no scheme of its own
    "The scheme pays a maternity benefit of 14 weeks to insured women.",
    "Older persons without a pension receive a material benefit under the Law on Social "
    "Care, paid by the Centres for Welfare.",
    # a law's rules for a group: "a … regime for seasonal workers"
    "Decree No. 12-2020, which creates a special contribution regime for seasonal workers "
    "in the cocoa harvest, entered into force.",
    # generic words after "a": any scheme
    "The Government established a social insurance scheme in 2020.",
])
def test_what_names_no_programme_gives_none(text: str, gazetteer: Gazetteer) -> None:
    found = _programmes(text, gazetteer)
    assert not any(i.endswith(("-2021", "maternity-benefit", "material-benefit",
                               "contribution-regime", "social-insurance-scheme"))
                   for i in found), found


def _studies(text: str, gazetteer: Gazetteer) -> set[str]:
    return {i for i in iris(text, gazetteer) if i.startswith("study/")}


# A study's object keeps a plural listed after a plural before the comma, and an age after
# "children under"; "a costing note" is a study.
def test_a_study_object_keeps_its_listed_groups_and_ages(gazetteer: Gazetteer) -> None:
    text = ("In 2023 the ILO carried out a rapid assessment of the social protection needs "
            "of street vendors and porters, funded by the European Union, and a costing note "
            "on a child benefit for children under five in Zarvia.")
    found = _studies(text, gazetteer)
    assert ("study/rapid-assessment-of-the-social-protection-needs-of-street-vendors-and-"
            "porters") in found
    assert "study/costing-note-on-a-child-benefit-for-children-under-five" in found


def test_a_plural_before_more_words_is_no_listed_group(gazetteer: Gazetteer) -> None:
    text = "In 2023 the ILO published a review of pensions and contributions paid by miners."
    assert not any("contributions" in i for i in _studies(text, gazetteer))


# A lowercase Romance benefit that the sentence says covers or pays someone now (J1).
@pytest.mark.parametrize(("text", "iri"), [
    ("Desde el 1 de marzo de 2023, el subsidio por desempleo cubre también a las personas "
     "trabajadoras agrícolas.", "programme/subsidio-por-desempleo"),
    ("Depuis 2022, l'allocation de rentrée scolaire couvre aussi les enfants des "
     "travailleurs indépendants.", "programme/allocation-de-rentree-scolaire"),
    ("Desde 2021 o subsídio de desemprego protege os trabalhadores domésticos.",
     "programme/subsidio-de-desemprego"),
])
def test_a_romance_benefit_that_covers_someone_is_a_programme(
        text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in _programmes(text, gazetteer)


@pytest.mark.parametrize("text", [
    "La ley de seguridad social cubre a los pescadores.",  # a law, no benefit head
    "El seguro social cubre a los pescadores.",  # no "de/por" complement: any scheme
    "La Caja paga el subsidio por desempleo a los pescadores.",  # not its subject
])
def test_a_romance_benefit_that_covers_nobody_here_gives_none(
        text: str, gazetteer: Gazetteer) -> None:
    assert not any(i.startswith(("programme/ley", "programme/seguro-social",
                                 "programme/subsidio")) for i in _programmes(text, gazetteer))
