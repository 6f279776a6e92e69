"""French, Spanish and Portuguese names kept untranslated in English texts, on made-up
sentences (spkg.ingest.mentions.romance and naming.class_from_head)."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def found(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}


def test_head_first_names_without_acronyms(gazetteer: Gazetteer) -> None:
    text = ("The Ministerio de Salud met. The Ministère de l'Agriculture, du Commerce et de "
            "la Pêche rurale with the Groupement inter-patronal du Sénégal chose the "
            "Régimen Especial de Pesca created in 2015.")
    assert {"organisation/ministerio-de-salud",
            "organisation/ministere-de-lagriculture-du-commerce-et-de-la-peche-rurale",
            "organisation/groupement-inter-patronal-du-senegal",
            "programme/regimen-especial-de-pesca"} <= found(text, gazetteer)


def test_a_translation_in_brackets_is_not_a_second_entity(gazetteer: Gazetteer) -> None:
    text = "The National Pension Fund (CNP – Caisse nationale des pensions) paid benefits."
    assert not any("caisse" in iri for iri in found(text, gazetteer))


def test_an_english_head_needs_a_sign_of_another_language(gazetteer: Gazetteer) -> None:
    assert not any(iri.startswith("organisation/office")
                   for iri in found("The Office Manager spoke to staff.", gazetteer))


def test_a_head_first_scheme_is_a_programme_even_with_an_acronym(gazetteer: Gazetteer) -> None:
    text = "It sets the rates of the Assurance volontaire retraite (AVR), managed by the fund."
    assert "programme/assurance-volontaire-retraite" in found(text, gazetteer)


def test_policies_strategies_plans_projects_and_studies_head_first(gazetteer: Gazetteer) -> None:
    text = ("El Ministerio aprobó la Estrategia Nacional de Inclusión Laboral 2022-2030. "
            "The Politique nationale de l'emploi 2021-2025 replaced the earlier text. "
            "The Plan Nacional de Desarrollo frames the Plan de Retiro Anticipado, and the "
            "Proyecto Empleo Joven supports the Estudio Actuarial de la Caja Rural.")
    assert {"policy/estrategia-nacional-de-inclusion-laboral-2022-2030",
            "policy/politique-nationale-de-lemploi-2021-2025",
            "policy/plan-nacional-de-desarrollo",
            "programme/plan-de-retiro-anticipado",
            "project/proyecto-empleo-joven",
            "study/estudio-actuarial-de-la-caja-rural"} <= found(text, gazetteer)


def test_more_romance_heads_of_bodies_schemes_and_laws(gazetteer: Gazetteer) -> None:
    text = ("The Universidad Autónoma de Oriente and the Congreso del Estado discussed the "
            "Reglamento de Afiliación de Pescadores, which extends the Seguro Agrícola "
            "Solidario, run by the Administración Central de Pensiones Rurales.")
    assert {"organisation/universidad-autonoma-de-oriente",
            "organisation/congreso-del-estado",
            "law/reglamento-de-afiliacion-de-pescadores",
            "programme/seguro-agricola-solidario",
            "organisation/administracion-central-de-pensiones-rurales"} <= found(text, gazetteer)


def test_a_romance_name_ends_at_its_own_languages_prose(gazetteer: Gazetteer) -> None:
    text = ("La Confederación Sindical de Trabajadores Rurales publicó un informe; el "
            "Fondo Nacional Rural la administra. Le "
            "Comité régional de suivi des retraites, présidé par le préfet, se réunit "
            "en mars 2024. La Caisse de prévoyance des artisans qui gère le fonds a été "
            "créée par le Fonds de solidarité rurale en 2019.")
    iris = found(text, gazetteer)
    assert {"organisation/confederacion-sindical-de-trabajadores-rurales",
            "organisation/comite-regional-de-suivi-des-retraites",
            "organisation/caisse-de-prevoyance-des-artisans",
            "organisation/fonds-de-solidarite-rurale",
            "organisation/fondo-nacional-rural"} <= iris
    assert not any("publico" in iri or "preside" in iri or "qui" in iri.split("-")
                   for iri in iris)


def test_national_inside_a_french_name_does_not_end_it(gazetteer: Gazetteer) -> None:
    text = "Le Conseil consultatif national de la sécurité sociale a rendu son avis."
    assert "organisation/conseil-consultatif-national-de-la-securite-sociale" in found(
        text, gazetteer)


def test_numbered_texts_and_english_words_are_not_romance_names(gazetteer: Gazetteer) -> None:
    iris = found("The Loi n° 2019-17 and Plan International met the Programme Manager.",
                 gazetteer)
    assert not any(iri.startswith(("law/loi-n", "programme/plan", "programme/programme"))
                   and iri != "law/loi-n-2019-17" for iri in iris)


def test_avec_or_con_joins_a_names_capitalised_parts(gazetteer: Gazetteer) -> None:
    text = ("Le Ministère de l'Emploi, de la Jeunesse et des Relations avec les Syndicats "
            "paie. El Consejo Nacional de Personas con Discapacidad con apoyo de la OIT actuó.")
    assert {"organisation/ministere-de-lemploi-de-la-jeunesse-et-des-relations-avec-les-"
            "syndicats",
            "organisation/consejo-nacional-de-personas-con-discapacidad"} <= found(
                text, gazetteer)


def test_an_acronym_vouches_for_a_sentence_case_policy_or_scheme(gazetteer: Gazetteer) -> None:
    text = ("Le pays a adopté la Politique nationale de l'emploi rural (PNER) et el Sistema "
            "nacional de cuidados (SNC).")
    assert {"policy/politique-nationale-de-lemploi-rural",
            "programme/sistema-nacional-de-cuidados"} <= found(text, gazetteer)


def test_a_spanish_name_ends_at_a_lowercase_word_after_its_capitalised_ones(
        gazetteer: Gazetteer) -> None:
    text = ("The Programa de Apoyo para las Mujeres Rurales grew fast, and the Ley de las "
            "Trabajadoras Rurales passed; the project Empleo Digno para Jóvenes del Campo "
            "ended.")
    iris = found(text, gazetteer)
    assert {"programme/programa-de-apoyo-para-las-mujeres-rurales",
            "law/ley-de-las-trabajadoras-rurales",
            "project/empleo-digno-para-jovenes-del-campo"} <= iris
    assert not any(i.endswith(("-grew", "-passed", "grew-fast")) for i in iris)


def test_a_list_inside_a_name_up_to_its_acronym(gazetteer: Gazetteer) -> None:
    text = ("The Sindicato de Vendedoras Ambulantes, Artesanas y de Mercados (SIVAM) joined; "
            "the Federación de Pescadores, Marinos y afines met.")
    iris = found(text, gazetteer)
    assert "organisation/sindicato-de-vendedoras-ambulantes-artesanas-y-de-mercados" in iris
    # a list that ends in lowercase, no acronym after it: where the name ends is unclear
    assert not any(i.startswith("organisation/federacion-de-pescadores") for i in iris)


def test_a_list_of_capitalised_words_in_a_romance_names_complement(
        gazetteer: Gazetteer) -> None:
    text = ("El Consejo aprobó el Programa Nacional de Vivienda, Agua y Saneamiento que "
            "ejecuta el Fondo. El Ministerio de Trabajo, Honduras y Guatemala firmaron.")
    iris = found(text, gazetteer)
    assert {"programme/programa-nacional-de-vivienda-agua-y-saneamiento",
            "organisation/ministerio-de-trabajo", "place/guatemala"} <= iris
    assert not any("trabajo-honduras" in i for i in iris)


def test_a_lowercase_french_ministry_and_a_lowercase_kind_an_acronym_vouches_for(
        gazetteer: Gazetteer) -> None:
    text = ("Le ministère de l'Emploi et de la Formation professionnelle a présenté le projet "
            "d'appui aux mutuelles rurales (PAMR). Le ministère a conclu.")
    iris = found(text, gazetteer)
    assert {"organisation/ministere-de-lemploi-et-de-la-formation-professionnelle",
            "project/projet-dappui-aux-mutuelles-rurales"} <= iris
    assert "organisation/ministere" not in iris


def test_a_reference_body_in_french_before_its_acronym_is_one_entity(
        gazetteer: Gazetteer) -> None:
    text = "Le projet est financé par l'Agence française de développement (AFD). L'AFD paie."
    assert {i for i in found(text, gazetteer) if i.startswith("organisation/")} == {
        "organisation/french-development-agency"}


def test_portuguese_articles_and_verbs_around_a_name(gazetteer: Gazetteer) -> None:
    text = ("O Programa Apoio Rural Básico (PARB) é gerido pelo Instituto Nacional de "
            "Apoio Rural, que foi criado em 2010.")
    iris = found(text, gazetteer)
    assert {"programme/programa-apoio-rural-basico",
            "organisation/instituto-nacional-de-apoio-rural"} <= iris
    assert not any(i.startswith("organisation/o-") for i in iris)
