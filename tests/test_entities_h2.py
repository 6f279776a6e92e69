"""Entity boundaries and kinds on made-up sentences (issue 16, second pass): units of a
ministry, directorates, groups that only name a programme, names that end before a verb."""

from __future__ import annotations

from entity_iris import linked_iris as iris

from spkg.ingest.gazetteer import Gazetteer


def test_a_unit_of_a_ministry_and_the_ministry_are_two_bodies(gazetteer: Gazetteer) -> None:
    found = iris("In Zambia, benefits are paid by the Department of Social Welfare of the "
                 "Ministry of Gender and Community Development.", gazetteer)
    assert {"organisation/department-of-social-welfare",
            "organisation/ministry-of-gender-and-community-development"} <= found
    found = iris("The Department of Labour of the Government of Sindh issued the rules.",
                 gazetteer)
    assert {"organisation/department-of-labour", "organisation/government-of-sindh"} <= found


def test_a_title_before_a_ministry_is_no_body(gazetteer: Gazetteer) -> None:
    found = iris("The Joint Secretary of the Ministry of Labour opened the meeting.", gazetteer)
    assert found == {"organisation/ministry-of-labour"}


def test_directorates_and_inspectorates_are_bodies(gazetteer: Gazetteer) -> None:
    found = iris("The Directorate of Social Security met the Labour Inspectorate and the "
                 "Directorate-General of Pensions in Lima.", gazetteer)
    assert {"organisation/directorate-of-social-security", "organisation/labour-inspectorate",
            "organisation/directorate-general-of-pensions"} <= found


def test_a_group_that_names_a_programme_is_no_group(gazetteer: Gazetteer) -> None:
    found = iris("The council reviewed the destitute persons programme and the older persons "
                 "allowance in Lesotho.", gazetteer)
    assert not any(iri.startswith("population-group/") for iri in found)
    # the look-alike: a group that benefits from a scheme is still a group
    found = iris("In Lesotho, older persons benefit from the new scheme.", gazetteer)
    assert "population-group/older-persons" in found


def test_a_french_list_inside_a_name_keeps_its_last_items_lowercase_words(
        gazetteer: Gazetteer) -> None:
    found = iris("In Togo, the Ministère de la Fonction publique, Travail et Dialogue social "
                 "signed the decree.", gazetteer)
    assert "organisation/ministere-de-la-fonction-publique-travail-et-dialogue-social" in found
    found = iris("In Brazil, the Ministério do Trabalho, Emprego e Previdência social organised "
                 "the meeting.", gazetteer)
    assert "organisation/ministerio-do-trabalho-emprego-e-previdencia-social" in found
    # the English words after the list stay out of the name
    found = iris("In Peru, the Programa de Salud, Educación y Nutrición created in 2005 grew.",
                 gazetteer)
    assert "programme/programa-de-salud-educacion-y-nutricion" in found


def test_an_ilo_offices_long_name_is_one_body(gazetteer: Gazetteer) -> None:
    found = iris("ILO support to Kenya is provided by the ILO Decent Work Team for East Africa "
                 "and Country Office for Kenya, Rwanda and Uganda, based in Nairobi.", gazetteer)
    assert ("organisation/ilo-decent-work-team-for-east-africa-and-country-office-for-kenya-"
            "rwanda-and-uganda") in found
    assert not {"place/rwanda", "place/uganda"} & found  # places inside its name
    found = iris("The ILO Decent Work Technical Support Team for Sahel Countries and Country "
                 "Office for Senegal, Mali and Mauritania opened the workshop.", gazetteer)
    assert ("organisation/ilo-decent-work-technical-support-team-for-sahel-countries-and-"
            "country-office-for-senegal-mali-and-mauritania") in found


def test_a_team_and_another_body_stay_apart(gazetteer: Gazetteer) -> None:
    found = iris("The ILO Decent Work Team for the Andean Countries and the Ministry of Labour "
                 "of Peru met in Lima.", gazetteer)
    assert not any("and-the-ministry" in iri or "countries-and" in iri for iri in found)


def test_an_acronym_that_spells_both_sides_of_and_keeps_one_name(
        gazetteer: Gazetteer) -> None:
    found = iris("The ILO met the Republic of the Union of Myanmar Federation of Chambers of "
                 "Commerce and Industry (UMFCCI) and the unions.", gazetteer)
    assert ("organisation/republic-of-the-union-of-myanmar-federation-of-chambers-of-commerce-"
            "and-industry") in found
    found = iris("In Ghana, the Institute of Labour and Social Studies (ILSS) published it.",
                 gazetteer)
    assert "organisation/institute-of-labour-and-social-studies" in found
    # the look-alike: two names, the acronym only the second's
    found = iris("The ILO met the Ministry of Health and the Social Security Fund (SSF).",
                 gazetteer)
    assert {"organisation/ministry-of-health", "organisation/social-security-fund"} <= found


def test_lowercase_items_of_a_french_name_its_acronym_spells(gazetteer: Gazetteer) -> None:
    found = iris("Au Niger, l'Agence d'assurance accidents du travail, maladie et invalidité "
                 "(AATMI) paie les prestations.", gazetteer)
    assert ("organisation/agence-dassurance-accidents-du-travail-maladie-et-invalidite"
            in found)
    # look-alikes: another name after an article, a clause, stay out of the name
    found = iris("Au Bénin, la Caisse nationale de sécurité sociale, le ministère et la mairie "
                 "(CNSS) ont signé.", gazetteer)
    assert "organisation/caisse-nationale-de-securite-sociale" in found
    found = iris("Au Bénin, le Fonds national de retraite, créé en 2010 (FNR), paie.", gazetteer)
    assert "organisation/fonds-national-de-retraite" in found


def test_a_french_article_before_a_group_is_no_qualifier(gazetteer: Gazetteer) -> None:
    found = iris("Au Togo, le décret étend la Caisse de retraite (CR) aux artisans.",
                 gazetteer)
    assert not any(iri.startswith("population-group/aux-") for iri in found)


def test_portuguese_bodies_and_programmes_are_read(gazetteer: Gazetteer) -> None:
    found = iris("In Angola, the Agência Nacional de Emprego, the Câmara de Comércio de Benguela "
                 "and the Direção-Geral da Segurança Social met; the Bolsa Família and the "
                 "Abono de Família were discussed.", gazetteer)
    assert {"organisation/agencia-nacional-de-emprego",
            "organisation/camara-de-comercio-de-benguela",
            "organisation/direcao-geral-da-seguranca-social",
            "programme/bolsa-familia", "programme/abono-de-familia"} <= found
    # a common noun in Portuguese prose is no name
    assert not any(i.startswith("organisation/") for i in iris(
        "Em Angola, a caixa pagou o benefício em 2020.", gazetteer))


def test_a_programme_a_study_names_keeps_its_accented_last_word(gazetteer: Gazetteer) -> None:
    found = iris("In Cabo Verde, the ILO carried out an assessment of the Cadastro Social Único. "
                 "A workshop followed.", gazetteer)
    assert "programme/cadastro-social-unico" in found


def test_a_dashed_second_part_and_hyphenated_acronym_belong_to_the_name(
        gazetteer: Gazetteer) -> None:
    found = iris("In Mozambique, the ILO met the Organização dos Trabalhadores de Moçambique – "
                 "Central Sindical (OTM-CS). OTM-CS members attended.", gazetteer)
    assert found & {"organisation/organizacao-dos-trabalhadores-de-mocambique-central-sindical"}
    assert "organisation/otm-cs" not in found


def test_one_group_named_in_two_languages_is_one_entity(gazetteer: Gazetteer) -> None:
    found = iris("In Paraguay, domestic workers gained cover: « las trabajadoras domésticas "
                 "ya cotizan », said the minister.", gazetteer)
    assert {i for i in found if i.startswith("population-group/")} == {
        "population-group/domestic-workers"}
    found = iris("In Chad, migrant workers can join; « les travailleurs migrants cotisent », "
                 "said the director.", gazetteer)
    assert {i for i in found if i.startswith("population-group/")} == {
        "population-group/migrant-workers"}
    # the English words absent from the text: the group keeps its own name
    found = iris("In Paraguay, « las trabajadoras domésticas ya cotizan ».", gazetteer)
    assert "population-group/domestic-workers" not in found


def test_a_gloss_needs_every_word_known() -> None:
    from spkg.ingest.mentions.groups import english_gloss
    assert english_gloss("trabalhadores rurais") == ["rural workers"]
    assert english_gloss("pessoas com deficiência") == ["persons with disabilities"]
    assert english_gloss("pêcheurs artisans") == []  # two heads: no reading
    assert english_gloss("travailleurs du bâtiment") == []  # a word without a gloss


def test_a_one_word_legislature_that_passed_a_text_is_a_body(gazetteer: Gazetteer) -> None:
    assert "organisation/sejm" in iris("In Poland, the act was adopted by the Sejm in 2021.",
                                       gazetteer)
    assert "organisation/storting" in iris(
        "In Norway, the amendment was passed by the Storting on 3 May 2022.", gazetteer)
    # look-alikes: a title, a demonym, a place
    for text in ("The decree was approved by the President in May.",
                 "The law, adopted by the Kyrgyz in 2019, was new.",
                 "The plan was endorsed by the Lima in 2019."):
        assert not any(i.startswith("organisation/") for i in iris(text, gazetteer)), text


def test_a_french_association_is_a_name(gazetteer: Gazetteer) -> None:
    found = iris("Au Sénégal, l'Association nationale des retraités du Sénégal a signé.",
                 gazetteer)
    assert "organisation/association-nationale-des-retraites-du-senegal" in found
    # an English name keeps its English reading
    assert "organisation/association-of-employers" in iris(
        "In Ghana, the Association of Employers met.", gazetteer)


def test_a_policy_a_quoted_project_title_names_is_an_entity(gazetteer: Gazetteer) -> None:
    found = iris("Au Togo, le projet « Appui à la mise en œuvre de la Politique nationale de "
                 "protection sociale » a commencé.", gazetteer)
    assert "policy/politique-nationale-de-protection-sociale" in found
    found = iris("En Bolivia, el proyecto «Apoyo a la Estrategia Nacional de Protección "
                 "Social» comenzó en 2020.", gazetteer)
    assert "policy/estrategia-nacional-de-proteccion-social" in found
    # a body a title names is not a policy
    found = iris("Au Togo, le projet « Appui au Ministère de la Santé » a commencé.", gazetteer)
    assert not any(i.startswith("policy/") for i in found)


def test_a_platform_group_keeps_its_adjective_and_inclusive_head(gazetteer: Gazetteer) -> None:
    found = iris("En Colombia, la ley cubre a las personas trabajadoras de plataformas digitales "
                 "desde 2022.", gazetteer)
    assert "population-group/personas-trabajadoras-de-plataformas-digitales" in found
    found = iris("Au Sénégal, les travailleurs des plateformes numériques cotisent.", gazetteer)
    assert "population-group/travailleurs-des-plateformes-numeriques" in found


def test_french_and_spanish_trades_qualify_a_group(gazetteer: Gazetteer) -> None:
    found = iris("Au Sénégal, le décret étend le régime aux pêcheurs artisans et aux "
                 "travailleurs de l'élevage.", gazetteer)
    assert {"population-group/pecheurs-artisans",
            "population-group/travailleurs-de-lelevage"} <= found
    assert "population-group/artisans" not in found
    found = iris("En Perú, los pescadores artesanales y los trabajadores de la minería cotizan.",
                 gazetteer)
    assert {"population-group/pescadores-artesanales",
            "population-group/trabajadores-de-la-mineria"} <= found


def test_a_reference_body_named_in_another_language_is_that_body(gazetteer: Gazetteer) -> None:
    found = iris("Au Mali, le programme est mis en œuvre par l'UNICEF et le Programme "
                 "alimentaire mondial (PAM).", gazetteer)
    assert "organisation/world-food-programme" in found
    assert not any(i.startswith("programme/programme-alimentaire") for i in found)
    assert "organisation/world-food-programme" in iris(
        "En Honduras, el Programa Mundial de Alimentos apoyó el bono.", gazetteer)
    # a country's own programme stays one
    assert "programme/programa-de-apoyo-rural" in iris(
        "En Chile, el Programa de Apoyo Rural creció.", gazetteer)


def test_a_benefit_opening_a_sentence_keeps_its_head(gazetteer: Gazetteer) -> None:
    found = iris("Disability allowance is paid by the Ministry in Lesotho.", gazetteer)
    assert "programme/disability-allowance" in found
    assert "programme/disability" not in found
    # a brand opening a sentence keeps its own name
    found = iris("Samurdhi cash transfers reach 1.8 million families in Sri Lanka.", gazetteer)
    assert "programme/samurdhi" in found
