"""Topic and amendment forms of real ILO texts (issue 16, H5: fresh-8 to fresh-11's
classes), on made-up sentences in English, French and Spanish, with look-alikes that must
give nothing: a gathering concerns the study "The analysis", "It" (the study the sentence
before opened with), "The ABND results", "The findings" (each study of the sentence before)
or "Its recommendations, including …," refer to; a law amends another through an aside,
an apposition "the second amendment to", "replaces the … provisions of", and a pronoun's
second verb ("Il complète la loi X et modifie le décret Y")."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG


def _concerns(tmp_path: Path, gazetteer: Gazetteer, body: str) -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.concerns)


def _amends(tmp_path: Path, gazetteer: Gazetteer, body: str,
            title: str = "Social protection in Kenya") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title), SPKG.amends)


@pytest.mark.parametrize(("body", "pair"), [
    # "analysis" ends in s: it is no plural
    ("In 2024 the ILO completed a legal gap analysis of national legislation. The analysis "
     "was validated at a tripartite workshop in Nakuru on 14-15 March 2024.",
     ("tripartite-workshop-2024-03-14", "legal-gap-analysis-of-national-legislation")),
    # "It" is the study the sentence before opened with
    ("In 2024 the ILO carried out a comparative review of the law on social security. The "
     "review was funded by the Government of Norway. It was discussed at a tripartite "
     "workshop in Kisumu on 9-10 December 2024.",
     ("tripartite-workshop-2024-12-09", "comparative-review-of-the-law-on-social-security")),
    # the study named inside the opening
    ("The ILO supported a social protection assessment-based national dialogue (ABND) in "
     "2018. The ABND results were presented at a national workshop in Eldoret on 23 "
     "October 2018.",
     ("national-workshop-2018-10-23",
      "social-protection-assessment-based-national-dialogue-kenya")),
    # an aside between the findings and their verb
    ("The ILO carried out an actuarial valuation of the NSSF in 2022. Its recommendations, "
     "including a child benefit and maternity protection in line with the Maternity "
     "Protection Convention, 2000 (No. 183), were validated at a national workshop in Kisumu "
     "on 8-9 August 2023.",
     ("national-workshop-2023-08-08", "actuarial-valuation-of-the-nssf")),
])
def test_a_gathering_concerns_the_study_its_subject_refers_to(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    assert pair in _concerns(tmp_path, gazetteer, body)


def test_the_findings_are_of_each_study_of_the_sentence_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In 2024 the ILO prepared an actuarial valuation of the NHIF and a review of the "
            "draft law. The findings were discussed at a tripartite round table in Mombasa on "
            "22 January 2025.")
    found = _concerns(tmp_path, gazetteer, body)
    assert ("tripartite-round-table-2025-01-22", "actuarial-valuation-of-the-nhif") in found
    assert ("tripartite-round-table-2025-01-22", "review-of-the-draft-law") in found


def test_its_findings_are_of_the_last_study_only(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In 2024 the ILO prepared an actuarial valuation of the NHIF and a review of the "
            "draft law. Its findings were discussed at a tripartite round table in Mombasa on "
            "22 January 2025.")
    found = _concerns(tmp_path, gazetteer, body)
    assert ("tripartite-round-table-2025-01-22", "actuarial-valuation-of-the-nhif") not in found


@pytest.mark.parametrize("body", [
    # no study named before: "The analysis" refers to nothing
    "The analysis was validated at a tripartite workshop in Nakuru on 14-15 March 2024.",
    # "It" after a sentence about a body, not a study
    "The Ministry of Labour met the unions in March. It was represented at a tripartite "
    "workshop in Kisumu on 9-10 December 2024.",
    # a gathering named for its own subject
    "The ILO carried out an actuarial valuation of the NSSF in 2022. Its findings were "
    "shared at a regional forum on adaptive social protection in Nairobi on 3 May 2023.",
])
def test_look_alikes_give_no_topic(tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    assert _concerns(tmp_path, gazetteer, body) == set()


@pytest.mark.parametrize(("body", "title", "pair"), [
    ("Decree No. 12 of 2019, in force since 16 April 2019, amends the Social Security "
     "Regulations.", "Social protection in Kenya",
     ("decree-no-12-of-2019", "social-security-regulations")),
    ("Parliament passed Law No. 21/2022, the second amendment to the Pensions Act (Law No. "
     "3/2001), on 9 May 2022.", "Social protection in Kenya", ("law-no-21-2022", "pensions-act")),
    ("The Social Insurance Act, 2023 (Act No. 9 of 2023) was passed on 17 October 2023. The "
     "Act establishes the Social Insurance Fund, and it replaces the pension provisions of the "
     "Employment Act, 2017.", "Social protection in Kenya",
     ("social-insurance-act-2023", "employment-act-2017")),
    ("Le décret n° 22-101 fixe les conditions d'affiliation des artisans. Il complète la loi "
     "n° 20-11 du 18 décembre 2020 portant statut de l'artisan et modifie le décret n° 12-309 "
     "relatif à la sécurité sociale.", "La protection sociale au Sénégal",
     ("decret-n-22-101", "decret-n-12-309")),
    ("El Decreto N° 31-2020, vigente desde el 2 de marzo de 2020, modifica el Reglamento de "
     "la Ley de Pensiones.", "La protección social en Honduras",
     ("decreto-n-31-2020", "reglamento-de-la-ley-de-pensiones")),
])
def test_a_law_amends_another(tmp_path: Path, gazetteer: Gazetteer, body: str, title: str,
                              pair: tuple[str, str]) -> None:
    assert pair in _amends(tmp_path, gazetteer, body, title)


@pytest.mark.parametrize(("body", "title"), [
    # an apposition that is no amendment
    ("Parliament passed Law No. 21/2022, the main text on pensions, with the Pensions Act in "
     "force.", "Social protection in Kenya"),
    # "replaces" something that is no provision of a law
    ("The Social Insurance Act, 2023 was passed in October. The Act establishes the Fund, and "
     "it replaces the board created under the Employment Act, 2017.",
     "Social protection in Kenya"),
    # a second verb that is no amendment
    ("Le décret n° 22-101 fixe les conditions d'affiliation des artisans. Il complète la loi "
     "n° 20-11 du 18 décembre 2020 et précise le décret n° 12-309 relatif à la sécurité "
     "sociale.", "La protection sociale au Sénégal"),
])
def test_look_alikes_amend_nothing(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                   title: str) -> None:
    assert _amends(tmp_path, gazetteer, body, title) == set()


def test_presented_both_concerns_each_study_of_the_sentence_before(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("With funding from the Government of Norway, the ILO prepared a legal gap analysis "
            "of the pension system in 2020 and an actuarial valuation of the NSSF in 2021. The "
            "ILO presented both at a national workshop in Nakuru on 16-17 March 2021.")
    found = _concerns(tmp_path, gazetteer, body)
    assert ("national-workshop-2021-03-16", "legal-gap-analysis-of-the-pension-system") in found
    assert ("national-workshop-2021-03-16", "actuarial-valuation-of-the-nssf") in found


def test_presented_both_after_one_study_gives_nothing(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In 2021 the ILO prepared an actuarial valuation of the NSSF. The ILO presented "
            "both at a national workshop in Nakuru on 16-17 March 2021.")
    assert _concerns(tmp_path, gazetteer, body) == set()


def test_a_study_presented_against_a_standard_at_a_workshop(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO presented an assessment of the Kenyan social protection system against the "
            "Social Security (Minimum Standards) Convention, 1952 (No. 102) at a national "
            "workshop in Kisumu on 20-21 August 2023.")
    assert ("national-workshop-2023-08-20", "assessment-of-the-kenyan-social-protection-system"
            ) in _concerns(tmp_path, gazetteer, body)


def test_a_french_title_stands_between_a_law_and_its_amending_verb(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le décret n° 20-12 relatif à la retraite, qui modifie le décret n° 11-309, est "
            "entré en vigueur en mars.")
    assert ("decret-n-20-12", "decret-n-11-309") in _amends(
        tmp_path, gazetteer, body, "La protection sociale au Sénégal")


def test_both_with_funding_reaches_a_review_read_against_standards(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO prepared a legal review of the draft Code against the Social Security "
            "(Minimum Standards) Convention, 1952 (No. 102) and the Maternity Protection "
            "Convention, 2000 (No. 183), and an actuarial projection of the NSSF, both with "
            "funding from the Swiss Agency for Development and Cooperation (SDC).")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.fundedBy)
    donor = "swiss-agency-for-development-and-cooperation"
    assert ("legal-review-of-the-draft-code", donor) in found
    assert ("actuarial-projection-of-the-nssf", donor) in found


def test_the_standards_of_a_review_do_not_run_over_a_semicolon(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The ILO prepared a legal review of the draft Code against the Social Security "
            "(Minimum Standards) Convention, 1952 (No. 102); and an actuarial projection of the "
            "NSSF, both with funding from the Swiss Agency for Development and Cooperation.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.fundedBy)
    assert ("legal-review-of-the-draft-code",
            "swiss-agency-for-development-and-cooperation") not in found


def test_the_amending_law_is_drafted_not_the_law_it_names(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In June 2021 Parliament adopted the Law amending the Law on Pension and Disability "
            "Insurance (Official Gazette No. 147/2021), drafted by the Ministry of Labour and "
            "Social Policy (MLSP).")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body), SPKG.developedBy)
    assert found == {("law-amending-the-law-on-pension-and-disability-insurance",
                      "ministry-of-labour-and-social-policy")}


# J5 (second pass): a relative clause's second verb amends; "The decision", "La norma"
# point back to the one law the sentence before adopted; "drafted the decree" is the
# amending decree, not the one it amends.
@pytest.mark.parametrize(("body", "pair"), [
    ("The Council of Ministers adopted Decree No. 41/2022, which creates the rural pension "
     "scheme and amends Decree No. 9/2015 on pensions.", ("decree-no-41-2022", "decree-no-9-2015")),
    ("Le Conseil des ministres a adopté le décret n° 2021-310, qui institue le régime des "
     "artisans et modifie le décret n° 2009-12 relatif aux pensions.",
     ("decret-n-2021-310", "decret-n-2009-12")),
    ("El Consejo de Ministros aprobó el Decreto 88/2020, que crea el régimen de pescadores y "
     "modifica el Decreto 14/2011.", ("decreto-88-2020", "decreto-14-2011")),
    ("On 3 May 2023 the Cabinet adopted Decision No. 57 of 2023 on the coverage of fishers. "
     "The decision amends the Social Insurance Law No. 8 of 1999.",
     ("decision-no-57-of-2023", "social-insurance-law-no-8-of-1999")),
    ("El Gobierno aprobó la Ley 31/2022 sobre el trabajo autónomo. La norma modifica la Ley "
     "12/2001 de pensiones.", ("ley-31-2022", "ley-12-2001")),
])
def test_a_second_verb_or_a_generic_noun_amends(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    assert pair in _amends(tmp_path, gazetteer, body, "Social protection in Zembla")


@pytest.mark.parametrize("body", [
    # the second verb amends something that is no law
    "The Council of Ministers adopted Decree No. 41/2022, which creates the scheme and amends "
    "the pension rates, as Decree No. 9/2015 did.",
    # "The decision to …" amends nothing
    "The Cabinet adopted Decision No. 57 of 2023 on fishers. The decision to extend coverage "
    "amends nothing in the Social Insurance Law No. 8 of 1999.",
])
def test_look_alikes_of_a_second_verb_amend_nothing(
        tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    assert not _amends(tmp_path, gazetteer, body, "Social protection in Zembla")


def test_the_decree_drafted_is_the_amending_one(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Council of Ministers adopted Decree No. 41/2022, which amends Decree No. "
            "9/2015. The ILO drafted the decree.")
    pairs = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Zembla"),
                       SPKG.developedBy)
    assert ("decree-no-41-2022", "international-labour-organization") in pairs
    assert ("decree-no-9-2015", "international-labour-organization") not in pairs


@pytest.mark.parametrize(("body", "supported"), [
    ("Together with UNDP, the ILO also supported a diagnostic of the social protection "
     "system in 2023.", "diagnostic-of-the-social-protection-system"),
    ("Conjointement avec le PNUD, l'OIT a appuyé une étude actuarielle du régime des "
     "pensions.", "etude-actuarielle-du-regime-des-pensions"),
])
def test_the_partner_of_an_opening_together_with_supports_too(
        tmp_path: Path, gazetteer: Gazetteer, body: str, supported: str) -> None:
    pairs = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Zembla"),
                       SPKG.supportedBy)
    assert (supported, "united-nations-development-programme") in pairs
    assert (supported, "international-labour-organization") in pairs


def test_a_plain_opening_with_names_no_supporter(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("With UNDP, the ILO also supported a diagnostic of the social protection system "
            "in 2023.")
    pairs = slug_pairs(page_facts(tmp_path, gazetteer, body, "Social protection in Zembla"),
                       SPKG.supportedBy)
    assert ("diagnostic-of-the-social-protection-system",
            "united-nations-development-programme") not in pairs


@pytest.mark.parametrize(("body", "pair"), [
    ("The RISE Zembla programme, run by the Department of Social Services with a loan from "
     "the Inter-American Development Bank (IDB), provides cash transfers to poor households.",
     ("rise-zembla", "inter-american-development-bank")),
    ("El Programa Avanza Zembla, gestionado por el Ministerio de Desarrollo Social con un "
     "préstamo del Banco Mundial, paga transferencias a las familias pobres.",
     ("programa-avanza-zembla", "world-bank-group")),
])
def test_a_loan_funds_the_programme_the_sentence_opens_with(
        tmp_path: Path, gazetteer: Gazetteer, body: str, pair: tuple[str, str]) -> None:
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zembla")
    assert pair in slug_pairs(facts, SPKG.fundedBy)


def test_a_loan_for_something_else_funds_no_programme(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("In 2023 the ILO reviewed the RISE Zembla programme, which the government runs "
            "with a loan from the World Bank.")
    facts = page_facts(tmp_path, gazetteer, body, "Social protection in Zembla")
    assert not slug_pairs(facts, SPKG.fundedBy)
