"""Classes of names real documents bring in English, French, Spanish and Portuguese:
national chambers, numbered legal texts of other traditions, where a Romance
organisation's name ends, lowercase and coordinated programmes (issue 16). Sentences made
up for these tests (spkg.ingest.mentions.bodies, documents, romance; spkg.ingest.naming)."""

from __future__ import annotations

from entity_iris import linked_iris as iris

from spkg.ingest.gazetteer import Gazetteer

# -- national chambers --------------------------------------------------------------------


def test_french_chambers_are_the_documents_countrys(gazetteer: Gazetteer) -> None:
    text = ("Au Niger, le projet de loi a été transmis à l'Assemblée nationale en mars. "
            "Le Parlement l'a adopté, et le Sénat a suivi.")
    found = iris(text, gazetteer)
    assert {"organisation/assemblee-nationale", "organisation/parliament-of-niger",
            "organisation/senate-of-niger"} <= found


def test_spanish_and_portuguese_chambers(gazetteer: Gazetteer) -> None:
    spanish = iris("En Ecuador, el Congreso aprobó la reforma y la Asamblea Nacional la "
                   "publicó; el Senado no intervino.", gazetteer)
    assert {"organisation/congress-of-ecuador", "organisation/asamblea-nacional",
            "organisation/senate-of-ecuador"} <= spanish
    portuguese = iris("Em Angola, a Assembleia Nacional aprovou a lei e o Parlamento "
                      "debateu o orçamento.", gazetteer)
    assert {"organisation/assembleia-nacional", "organisation/parliament-of-angola"} <= (
        portuguese)


def test_a_named_or_regional_chamber_is_not_the_countrys(gazetteer: Gazetteer) -> None:
    found = iris("Au Bénin, le Parlement européen et le Parlement panafricain ont salué "
                 "la réforme.", gazetteer)
    assert not any(i.startswith("organisation/parliament") for i in found)
    found = iris("En Honduras, el Congreso Nacional aprobó la ley.", gazetteer)
    assert "organisation/congress-of-honduras" not in found


def test_the_cabinet_alone_is_the_cabinet(gazetteer: Gazetteer) -> None:
    found = iris("In Fiji, the Cabinet approved the policy in May.", gazetteer)
    assert "organisation/cabinet" in found
    assert "organisation/cabinet-of-fiji" not in found


def test_the_cabinet_of_a_text_that_says_whose_is_that_countrys(gazetteer: Gazetteer) -> None:
    text = ("Fiji's Cabinet approved the policy in May. The Cabinet also asked the "
            "ministry in Fiji for a costing.")
    found = iris(text, gazetteer)
    assert "organisation/cabinet-of-fiji" in found
    assert "organisation/cabinet" not in found


# -- numbered legal texts of other traditions ---------------------------------------------


def test_portuguese_numbered_texts_write_the_number_sign_as_n(gazetteer: Gazetteer) -> None:
    text = ("Em Cabo Verde, a Lei n.º 14/2022 criou o regime e o Decreto-Lei n.º 3/2021 e a "
            "Portaria n.º 58/2020 regulam as prestações.")
    assert {"law/lei-n-14-2022", "law/decreto-lei-n-3-2021", "law/portaria-n-58-2020"} <= (
        iris(text, gazetteer))


def test_a_lowercase_spanish_law_with_its_number_is_one(gazetteer: Gazetteer) -> None:
    found = iris("En Uruguay, la ley 19.973 amplió la cobertura; la ley de 2019 no.", gazetteer)
    assert "law/ley-19973" in found  # one number: its groups join
    assert not any(i.startswith("law/ley-2019") for i in found)


def test_numbered_texts_in_a_list_are_each_one(gazetteer: Gazetteer) -> None:
    text = ("In Oman, Decree No. 61/2019 and Decision No. 77 and Resolution 9/2020 set the "
            "contribution rates.")
    assert {"law/decree-no-61-2019", "law/decision-no-77", "law/resolution-9-2020"} <= iris(
        text, gazetteer)


def test_a_numbered_law_keeps_its_title_and_its_issuer(gazetteer: Gazetteer) -> None:
    text = ("In Kuwait, Law No. 31 on the Unemployment Insurance Fund and the Presidential "
            "Decree No. KP-7 to extend it were adopted.")
    found = iris(text, gazetteer)
    assert "law/law-no-31-on-the-unemployment-insurance-fund" in found
    assert "law/presidential-decree-no-kp-7" in found
    assert "law/law-no-31" not in found


# -- where a French, Spanish or Portuguese body's name ends -------------------------------


def test_a_town_after_a_locative_is_where_the_body_sits(gazetteer: Gazetteer) -> None:
    text = ("Au Togo, la Caisse nationale de sécurité sociale à Lomé et le ministère de la "
            "Fonction publique à Lomé ont signé. En Paraguay, el Instituto de Previsión "
            "Social en Asunción organizó un taller.")
    found = iris(text, gazetteer)
    assert {"organisation/caisse-nationale-de-securite-sociale",
            "organisation/ministere-de-la-fonction-publique",
            "organisation/instituto-de-prevision-social", "place/lome",
            "place/asuncion"} <= found
    assert not any(i.endswith(("-a-lome", "-en-asuncion")) for i in found)


def test_a_word_after_a_locative_that_names_no_place_stays(gazetteer: Gazetteer) -> None:
    found = iris("En Colombia, el Instituto de Formación en Alternancia y la Universidad "
                 "de Antioquia abrieron cursos.", gazetteer)
    assert "organisation/instituto-de-formacion-en-alternancia" in found
    assert "organisation/universidad-de-antioquia" in found


# -- programmes in lowercase: coordinated heads, camel-case brands ------------------------


def test_coordinated_programmes_are_two(gazetteer: Gazetteer) -> None:
    text = "In Kuwait, the reform unifies the rural and urban pension schemes from 2026."
    found = iris(text, gazetteer)
    assert {"programme/rural-pension-scheme", "programme/urban-pension-scheme"} <= found


def test_coordinated_words_every_scheme_has_name_none(gazetteer: Gazetteer) -> None:
    text = ("In Kuwait, the contributory and non-contributory schemes and the new and "
            "existing programmes were reviewed.")
    assert not any(i.startswith("programme/") for i in iris(text, gazetteer))


def test_a_camel_case_brand_names_its_programme(gazetteer: Gazetteer) -> None:
    text = ("In Tonga, the fund will open the myFuture voluntary savings scheme to "
            "informal workers.")
    found = iris(text, gazetteer)
    assert "programme/myfuture" in found
    assert "programme/future" not in found


def test_spanish_and_french_government_bodies_by_their_head(gazetteer: Gazetteer) -> None:
    text = ("En Perú, la Subsecretaría de Trabajo Decente y el Viceministerio de Promoción "
            "del Empleo firmaron el acuerdo. Au Bénin, l'Inspection du travail a publié un "
            "guide.")
    assert {"organisation/subsecretaria-de-trabajo-decente",
            "organisation/viceministerio-de-promocion-del-empleo",
            "organisation/inspection-du-travail"} <= iris(text, gazetteer)


def test_a_coordinated_participle_ends_a_romance_name(gazetteer: Gazetteer) -> None:
    text = ("Au Tchad, le projet est financé par le Fonds fiduciaire pour la résilience et "
            "mis en œuvre par l'OIT.")
    found = iris(text, gazetteer)
    assert "organisation/fonds-fiduciaire-pour-la-resilience" in found
    assert not any("mis-en" in i for i in found)
    # a name whose words after "et" are nouns keeps them
    assert "organisation/caisse-des-retraites-et-pensionnes" in iris(
        "Au Tchad, la Caisse des retraités et pensionnés paie.", gazetteer)


def test_a_system_of_insurance_is_a_programme_a_security_system_a_body() -> None:
    from spkg.ingest.naming import class_from_head
    from spkg.namespace import SPKG

    assert class_from_head("National Unemployment Insurance System") == SPKG.Programme
    assert class_from_head("Integrated Health System") == SPKG.Programme
    assert class_from_head("Government Service Insurance System") == SPKG.Programme
    assert class_from_head("Social Security System") == SPKG.SocialSecurityInstitution


def test_a_lowercase_programme_a_romance_sentence_launches(gazetteer: Gazetteer) -> None:
    text = ("Au Burkina Faso, le 2 mai 2022, le Gouvernement a lancé l'allocation familiale "
            "universelle à Ouagadougou. En Bolivia, el Gobierno puso en marcha el bono de "
            "invierno para adultos mayores.")
    found = iris(text, gazetteer)
    assert {"programme/allocation-familiale-universelle", "programme/bono-de-invierno"} <= (
        found)
    # without a launch the words are a kind of benefit, none in particular
    assert not any(i.startswith("programme/") for i in iris(
        "Au Burkina Faso, l'allocation familiale universelle reste rare.", gazetteer))


def test_a_brand_with_a_lowercase_prefix_names_its_portal(gazetteer: Gazetteer) -> None:
    text = ("In Kenya, the ministry registered 3 million workers on the e-Rakiba portal, "
            "which it launched in 2021.")
    assert "programme/e-rakiba" in iris(text, gazetteer)


def test_a_lowercase_romance_kind_then_its_own_name(gazetteer: Gazetteer) -> None:
    text = ("Au Niger, le programme national de transferts sociaux Wadata, mis en œuvre par "
            "la Cellule, a versé des aides.")
    assert "programme/programme-national-de-transferts-sociaux-wadata" in iris(
        text, gazetteer)
    # a place or a body at the end says where or whose
    found = iris("Au Niger, le programme d'appui au Niger et le programme de la Caisse "
                 "Nationale paient.", gazetteer)
    assert not any(i.startswith("programme/") for i in found)


def test_spanish_numbered_texts_of_every_kind(gazetteer: Gazetteer) -> None:
    text = ("En Guatemala, la Resolución Ministerial N° 12-2021-TR, el Acuerdo Gubernativo "
            "45-2020, el Decreto de Urgencia N° 7-2021 y la Ley Nro. 6543 rigen.")
    assert {"law/resolucion-ministerial-n-12-2021-tr", "law/acuerdo-gubernativo-45-2020",
            "law/decreto-de-urgencia-n-7-2021", "law/ley-nro-6543"} <= iris(text, gazetteer)


def test_a_number_glued_to_its_sign_is_slugged_apart(gazetteer: Gazetteer) -> None:
    assert "law/decret-n-2020-77" in iris("Au Togo, le décret n°2020-77 s'applique.",
                                          gazetteer)


def test_parliament_in_lowercase_is_the_countrys(gazetteer: Gazetteer) -> None:
    found = iris("In Malawi, the bill was sent to parliament in May.", gazetteer)
    assert "organisation/parliament" in found
    found = iris("In Malawi, two parliament members and a parliamentary committee met.",
                 gazetteer)
    assert "organisation/parliament" not in found


def test_coordinated_kinds_of_benefit_name_no_programme(gazetteer: Gazetteer) -> None:
    text = "In Kuwait, the health and pension schemes and the old-age and disability regimes grew."
    assert not any(i.startswith("programme/") for i in iris(text, gazetteer))


def test_an_english_text_keeps_a_french_chambers_name(gazetteer: Gazetteer) -> None:
    found = iris("In Niger, the Assemblée nationale adopted the law in May.", gazetteer)
    assert "organisation/assemblee-nationale" in found
