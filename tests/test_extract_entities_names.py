"""Capitalised names whose words the simple chunking used to cut (spkg.ingest.entities), on
made-up sentences, with look-alikes that must stay apart."""

from __future__ import annotations

import pytest

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def iris(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}


def test_a_list_inside_a_names_complement_is_part_of_it(gazetteer: Gazetteer) -> None:
    text = ("The Ministry of Fisheries, Forestry and Rural Development met the Regional "
            "Office for Chad, Niger and Burkina Faso.")
    assert iris(text, gazetteer) == {
        "organisation/ministry-of-fisheries-forestry-and-rural-development",
        "organisation/regional-office-for-chad-niger-and-burkina-faso"}


def test_a_list_of_other_names_after_a_name_stays_apart(gazetteer: Gazetteer) -> None:
    text = ("Funds came from the Ministry of Energy, UNDP and the World Bank, and from the "
            "Ministry of Trade, National Pension Fund and Tax Authority.")
    found = iris(text, gazetteer)
    assert {"organisation/ministry-of-energy", "organisation/ministry-of-trade"} <= found
    assert not any("energy-undp" in iri or "trade-national" in iri for iri in found)


def test_a_studys_name_ends_where_its_object_does(gazetteer: Gazetteer) -> None:
    text = ("Kenya's ministry commissioned a feasibility study on a maternity cash benefit "
            "for workers who lose income, and a costing study on a child grant for "
            "smallholder farmers, and a review of the pension formula so that it lasts.")
    found = {iri for iri in iris(text, gazetteer) if iri.startswith("study/")}
    assert found == {"study/feasibility-study-on-a-maternity-cash-benefit",
                     "study/costing-study-on-a-child-grant-for-smallholder-farmers",
                     "study/review-of-the-pension-formula"}


def test_an_inverted_iso_country_name_is_read_the_right_way_round(
        gazetteer: Gazetteer) -> None:
    from spkg.ingest.gazetteer import PLACE_CLASSES
    from spkg.ingest.mentions.base import common_name

    def named(name: str) -> str:
        entry = gazetteer.lookup(name, PLACE_CLASSES)
        assert entry is not None
        return common_name(entry)

    assert named("United Republic of Tanzania") == "Tanzania"
    assert named("Bolivia") == "Bolivia"
    assert named("Ghana") == "Ghana"
    assert named("Congo, The Democratic Republic of the") == (
        "Democratic Republic of the Congo")  # the name in reading order, not "DR Congo"


def test_a_programme_named_by_its_benefit_keeps_its_head(gazetteer: Gazetteer) -> None:
    # "the Ubuntu Care programme": a capitalised name before a lowercase head is the name
    text = ("The Ministry runs the Rural Food Voucher Programme and the Ubuntu Care "
            "programme; a nutrition support programme was launched in 2022.")
    found = {iri for iri in iris(text, gazetteer) if iri.startswith("programme/")}
    assert found == {"programme/rural-food-voucher-programme", "programme/ubuntu-care",
                     "programme/nutrition-support-programme"}


def test_a_programme_with_a_name_of_its_own_drops_the_head(gazetteer: Gazetteer) -> None:
    text = "The Tekun Bersama programme was launched in 2021."
    assert "programme/tekun-bersama" in iris(text, gazetteer)


def test_a_countrys_joint_programme_is_a_programme(gazetteer: Gazetteer) -> None:
    text = ("Ghana launched the Shock-Responsive Social Protection Joint Programme, and the "
            "UN Joint Programme on Decent Jobs supports it.")
    found = iris(text, gazetteer)
    assert "programme/shock-responsive-social-protection-joint-programme" in found
    assert "project/un-joint-programme-on-decent-jobs" in found


def test_romance_names_vouched_for_by_their_acronym(gazetteer: Gazetteer) -> None:
    text = ("The Fédération des Employeurs du Congo (FEC), the Union nationale des "
            "travailleurs du Mali (UNTM-Mali), l'Union générale des travailleurs d'Algérie "
            "(UGTA) and the Cámara Nacional de Comercio (CNC) met.")
    found = iris(text, gazetteer)
    assert {"organisation/federation-des-employeurs-du-congo",
            "organisation/union-nationale-des-travailleurs-du-mali",
            "organisation/union-generale-des-travailleurs-dalgerie",
            "organisation/camara-nacional-de-comercio"} <= found


def test_whose_organisation_a_romance_name_says(gazetteer: Gazetteer) -> None:
    from spkg.ingest.mentions.acronyms import _class_of
    from spkg.namespace import SPKG

    assert _class_of("Groupement des Entreprises du Niger")[0] == SPKG.EmployersOrganisation
    assert _class_of("Confederación de Trabajadores de Chile")[0] == SPKG.WorkersOrganisation


def test_a_lowercase_programme_the_sentence_launches(gazetteer: Gazetteer) -> None:
    text = ("After the floods the Government launched an emergency food voucher programme "
            "for 9,000 households. Ghana adopted an employment injury scheme for miners.")
    found = {iri for iri in iris(text, gazetteer) if iri.startswith("programme/")}
    assert found == {"programme/emergency-food-voucher-programme"}


def test_a_regulation_of_its_issuer_is_not_named_by_it(gazetteer: Gazetteer) -> None:
    text = ("A new regulation of the National Pension Authority covers drivers. "
            "A decree on paternity leave for civil servants was adopted.")
    found = iris(text, gazetteer)
    assert "law/decree-on-paternity-leave-for-civil-servants" in found
    assert not any(iri.startswith("law/regulation") for iri in found)


def test_governments_named_with_what_follows_or_by_adjective(gazetteer: Gazetteer) -> None:
    text = ("The survey was paid for by the Government of Norway through Norad. "
            "Later the Rwandan Government endorsed it.")
    found = iris(text, gazetteer)
    assert {"organisation/government-of-norway", "organisation/government-of-rwanda"} <= found
    assert not any("through" in iri for iri in found)


def test_a_generic_scheme_someone_sets_up_names_nothing(gazetteer: Gazetteer) -> None:
    text = "Chad set up a social security scheme and launched a national insurance programme."
    assert not any(iri.startswith("programme/") for iri in iris(text, gazetteer))


def test_more_organisation_heads_and_an_office_holders_office(gazetteer: Gazetteer) -> None:
    text = ("The Pension Reserve Trust (PRT), the University of Lagos, the Embassy of Japan, "
            "the Popular Workers Front and the President's Office met; the Global Programme "
            "on Employment Injury funds it.")
    found = iris(text, gazetteer)
    assert {"organisation/pension-reserve-trust", "organisation/university-of-lagos",
            "organisation/embassy-of-japan", "organisation/popular-workers-front",
            "organisation/presidents-office",
            "project/global-programme-on-employment-injury"} <= found
    assert "organisation/office" not in found


def test_a_lowercase_body_keeps_what_it_is_on(gazetteer: Gazetteer) -> None:
    text = "The ministries formed a tripartite working group on maternity protection, which met."
    assert "organisation/tripartite-working-group-on-maternity-protection" in iris(
        text, gazetteer)


def test_whom_a_study_is_for_and_whose_body_it_is_are_not_their_names(
        gazetteer: Gazetteer) -> None:
    text = ("Nepal: UNICEF prepared a fiscal space analysis for the Ministry of Finance. "
            "Members sit on the project's steering committee.")
    found = iris(text, gazetteer)
    assert "study/fiscal-space-analysis-nepal" in found
    assert not any("steering-committee" in iri for iri in found)


def test_a_determiner_opening_a_sentence_names_nothing(gazetteer: Gazetteer) -> None:
    text = "Neither scheme pays a pension. Every programme is reviewed."
    assert not any(iri.startswith("programme/") for iri in iris(text, gazetteer))


def test_a_name_then_words_that_describe_what_it_is(gazetteer: Gazetteer) -> None:
    text = ("The Tekun Bersama universal child grant is paid monthly, and the Kazi Poa "
            "long-term savings scheme grew, while Kenya's contributory pension scheme did not.")
    found = {iri for iri in iris(text, gazetteer) if iri.startswith("programme/")}
    assert found == {"programme/tekun-bersama", "programme/kazi-poa"}


def test_a_project_named_after_the_word_project(gazetteer: Gazetteer) -> None:
    text = ("Under the ILO project Decent Jobs for Youth in the Sahel Region, funded by "
            "Norway, trainings were held.")
    assert "project/decent-jobs-for-youth-in-the-sahel-region" in iris(text, gazetteer)


def test_a_name_before_in_and_a_place_ends_there(gazetteer: Gazetteer) -> None:
    text = "The Ministry launched the Rapid Cash Support Pilot in Lusaka City on 3 May 2022."
    assert "programme/rapid-cash-support-pilot" in iris(text, gazetteer)


def test_bonus_regime_and_a_constitution_of_a_republic(gazetteer: Gazetteer) -> None:
    text = ("Article 9 of the Constitution of the Republic of Ghana applies. The Mama Nzuri "
            "Bonus and the Special Regime for Artists were created.")
    found = iris(text, gazetteer)
    assert {"law/constitution-of-ghana", "programme/mama-nzuri-bonus",
            "programme/special-regime-for-artists"} <= found


def test_a_name_with_and_without_its_period_or_state_is_one(gazetteer: Gazetteer) -> None:
    text = ("The National Youth Policy 2021-2025 was adopted; the National Youth Policy "
            "guides the Pension Fund of the Kyrgyz Republic. The Pension Fund invests. The "
            "Decent Work Plan 2016-2020 and the Decent Work Plan 2021-2025 differ.")
    found = iris(text, gazetteer)
    assert {"policy/national-youth-policy-2021-2025",
            "organisation/pension-fund-of-the-kyrgyz-republic"} <= found
    assert "policy/national-youth-policy" not in found
    assert "organisation/pension-fund" not in found
    assert {"policy/decent-work-plan-2016-2020", "policy/decent-work-plan-2021-2025"} <= found


def test_a_scheme_named_inside_a_studys_name(gazetteer: Gazetteer) -> None:
    text = ("Kenya: the ILO made an actuarial valuation of the NHIF's Disability and Survivors "
            "Benefit Scheme and the Farmers Support Centre of Kenya (FSCK) reviewed it. The "
            "county delivered a school meals support programme to 9,000 pupils.")
    found = iris(text, gazetteer)
    assert {"programme/disability-and-survivors-benefit-scheme",
            # a study of a named scheme is that one, named as written (mentions.documents)
            "study/actuarial-valuation-of-the-nhifs-disability-and-survivors-benefit-scheme",
            "organisation/farmers-support-centre-of-kenya",
            "programme/school-meals-support-programme"} <= found


def test_an_agencys_global_programme_is_a_project_not_a_countrys() -> None:
    from spkg.ingest.naming import class_from_head
    from spkg.namespace import SPKG

    assert class_from_head("ILO Global Programme on Employment Injury Insurance") == SPKG.Project
    assert class_from_head("UN Regional Programme for Care Work") == SPKG.Project
    assert class_from_head("National Programme for Care Work") == SPKG.Programme


def test_a_reference_body_named_in_french_or_spanish_before_its_acronym(
        gazetteer: Gazetteer) -> None:
    text = ("Le programme est financé par l'Agence espagnole de coopération internationale "
            "(AECID) et par la Direction du développement et de la coopération (SDC).")
    found = iris(text, gazetteer)
    assert {"organisation/spanish-agency-for-international-development-cooperation",
            "organisation/swiss-agency-for-development-and-cooperation"} <= found
    assert not any("agence-espagnole" in iri or "direction-du" in iri for iri in found)


def test_a_name_in_guillemets_after_a_french_or_spanish_kind(gazetteer: Gazetteer) -> None:
    text = ("Le projet « Emploi décent pour les jeunes de l'Ouest », financé par l'UE, "
            "complète el programa «Hogares Solidarios» y la stratégie « Horizon Santé ».")
    assert {"project/emploi-decent-pour-les-jeunes-de-louest",
            "programme/hogares-solidarios",
            "policy/horizon-sante"} <= iris(text, gazetteer)


def test_a_french_or_spanish_article_before_an_english_name_is_no_word_of_it(
        gazetteer: Gazetteer) -> None:
    text = ("La Rural Pension Authority publicó un informe y El Salvador Pension Fund lo "
            "presentó; Le National Health Insurance Fund a été créé.")
    found = iris(text, gazetteer)
    assert {"organisation/rural-pension-authority", "organisation/el-salvador-pension-fund",
            "organisation/national-health-insurance-fund"} <= found
    assert not any(iri.startswith(("organisation/la-", "organisation/le-")) for iri in found)


def test_a_possessive_of_people_is_a_word_of_the_name(gazetteer: Gazetteer) -> None:
    text = ("The Rural Women's Cooperative Union met. Kenya's Pension Fund paid. The "
            "Fishermen's Welfare Association joined.")
    found = iris(text, gazetteer)
    assert {"organisation/rural-womens-cooperative-union", "organisation/pension-fund",
            "organisation/fishermens-welfare-association"} <= found
    assert "organisation/union" not in found


def test_several_bracketed_words_inside_a_laws_name(gazetteer: Gazetteer) -> None:
    text = "Parliament passed the Domestic Workers (Protection and Welfare) Act, 2022 in May."
    assert "law/domestic-workers-protection-and-welfare-act-2022" in iris(text, gazetteer)


def test_a_coordinated_name_before_the_town_it_is_in(gazetteer: Gazetteer) -> None:
    text = ("The agency started the Rural Roads and Market Access Project in Mombasa, and the "
            "ILO Office for East Africa in Nairobi supported it.")
    found = iris(text, gazetteer)
    assert {"project/rural-roads-and-market-access-project",
            "organisation/ilo-office-for-east-africa"} <= found
    assert not any(iri.endswith(("in-mombasa", "in-nairobi")) or iri == "project/market-access"
                   for iri in found)


def test_a_board_of_a_body_named_by_its_acronym(gazetteer: Gazetteer) -> None:
    text = ("The Governing Council of the National Pension Authority (NPA) met; the NPA "
            "then published its rules.")
    assert {"organisation/governing-council-of-the-national-pension-authority",
            "organisation/national-pension-authority"} <= iris(text, gazetteer)


def test_an_acronym_its_kind_then_its_expansion(gazetteer: Gazetteer) -> None:
    text = ("Through the SAFEWORK project (Safer Work in Coastal Fisheries), the ILO trained "
            "inspectors; SAFEWORK ends in 2026.")
    found = iris(text, gazetteer)
    assert "project/safer-work-in-coastal-fisheries" in found
    assert "project/safework" not in found


def test_people_of_a_body_are_not_the_body(gazetteer: Gazetteer) -> None:
    text = ("Staff of the Rural Pension Institute (RPI) were trained. Representatives of the "
            "National Employers Federation attended.")
    found = iris(text, gazetteer)
    assert {"organisation/rural-pension-institute",
            "organisation/national-employers-federation"} <= found
    assert not any(i.startswith(("organisation/staff", "organisation/representatives"))
                   for i in found)


@pytest.mark.parametrize("text", [
    "The study was funded under the ILO's project on income security for older workers.",
    "Since 2019 the national child allowance scheme has paid benefits to every family.",
    "In 2021 the Ministry's programme on youth employment was extended.",
])
def test_a_possessive_or_a_year_before_a_kind_word_names_nothing(
        text: str, gazetteer: Gazetteer) -> None:
    """"the ILO's project" is whose project, "Since 2019 the … scheme" when: neither is a
    project or scheme named "ILOs" or "2019"."""
    found = iris(text, gazetteer)
    # "the national child allowance scheme" may be read as a programme (a lowercase name);
    # what must never be read is one named by the possessive or the year before it
    assert not any(iri.startswith(("project/", "programme/", "scheme/"))
                   and any(word in iri for word in ("ilo", "2019", "ministry", "2021"))
                   for iri in found), found
    assert not any(iri.startswith(("project/", "programme/", "scheme/"))
                   for iri in found if "allowance" not in iri), found
