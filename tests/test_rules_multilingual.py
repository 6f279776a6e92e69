"""Relation rules read French, Spanish and Portuguese as they read English, by classes of
words (determiners and head nouns that point back, cue participles, lists joined by
"et"/"y"/"e") rather than by any one document's strings. Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.rules.context import ROMANCE_ANAPHORS, anaphor_opening, clause_end, same_clause
from spkg.namespace import SPKG


def pairs(tmp_path: Path, gazetteer: Gazetteer, body: str, predicate: object,
          title: str = "Protection sociale") -> set[tuple[str, str]]:
    return slug_pairs(page_facts(tmp_path, gazetteer, body, title=title), predicate)


@pytest.mark.parametrize(("opening", "noun"), [
    ("Le projet est", "project"), ("Ce programme a", "programme"), ("Cette loi a", "law"),
    ("La stratégie", "strategy"), ("El proyecto", "project"), ("Este programa", "programme"),
    ("La ley", "law"), ("O programa", "programme"), ("A lei", "law"),
    ("Le décret", "decree"), ("La nouvelle politique", "policy"), ("L'étude", "study"),
    ("Le projet de loi", "bill"), ("El proyecto de ley", "bill"),
    ("The initiative", "initiative"),
])
def test_a_subject_pointing_back_in_four_languages(opening: str, noun: str) -> None:
    found = anaphor_opening(opening, 0, len(opening))
    assert found is not None and found[1] == noun


@pytest.mark.parametrize("opening", [
    "A programme was",  # English and indefinite, though "programme" is French too
    "Le gouvernement a",  # a noun that names no kind of thing named before
    "La pensión es",  # a benefit, not the programme paying it
    "El sistema es",  # "system": the glossary says it is another word
])
def test_no_subject_pointing_back(opening: str) -> None:
    assert anaphor_opening(opening, 0, len(opening)) is None


@pytest.mark.parametrize("opening", ["It was", "Elle a été", "Ella fue", "This work was"])
def test_a_pronoun_points_at_the_focus(opening: str) -> None:
    found = anaphor_opening(opening, 0, len(opening))
    assert found is not None and found[1] is None


def test_the_romance_nouns_come_from_the_head_lexicon() -> None:
    """Derived from the head words of names, not listed by hand: Portuguese as well."""
    assert {"lei", "projeto", "estratégia", "estudo"} <= set(ROMANCE_ANAPHORS)
    assert "sistema" not in ROMANCE_ANAPHORS and "seguro" not in ROMANCE_ANAPHORS


def test_french_programme_pointed_back_is_funded(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le Programme national de transferts monétaires a été lancé en 2018. "
            "Le programme est financé par la Banque mondiale.")
    assert ("programme-national-de-transferts-monetaires", "world-bank-group") in pairs(
        tmp_path, gazetteer, body, SPKG.fundedBy)


def test_french_support_by_a_list(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"appuyé par le BIT, l'UNICEF et le PAM": every one listed supports it."""
    body = ("Le Programme national de transferts monétaires a été lancé en 2018. "
            "Ce programme est appuyé par le BIT, l'UNICEF et le PAM.")
    found = pairs(tmp_path, gazetteer, body, SPKG.supportedBy)
    assert {("programme-national-de-transferts-monetaires", org) for org in (
        "international-labour-organization", "united-nations-childrens-fund",
        "world-food-programme")} <= found


def test_spanish_law_pointed_back_is_developed(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("La Ley de Protección Social fue promulgada en 2016. "
            "La ley fue elaborada por el Ministerio de Trabajo.")
    assert ("ley-de-proteccion-social", "ministerio-de-trabajo") in pairs(
        tmp_path, gazetteer, body, SPKG.developedBy, title="Protección social")


def test_portuguese_funders_listed_with_pelo_pela(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"financiado pelo A, pela B e pelo C": "pelo"/"pela" is "by" and the article."""
    body = ("O Programa de Apoio Alimentar é financiado pelo Banco Mundial, pela OIT e pelo "
            "UNICEF.")
    found = pairs(tmp_path, gazetteer, body, SPKG.fundedBy, title="Protecção social")
    assert {("programa-de-apoio-alimentar", org) for org in (
        "world-bank-group", "international-labour-organization",
        "united-nations-childrens-fund")} <= found


def test_portuguese_list_with_a_and_o(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = "O Programa de Apoio Alimentar é apoiado pelo Banco Mundial, a OIT e o UNICEF."
    found = pairs(tmp_path, gazetteer, body, SPKG.supportedBy, title="Protecção social")
    assert {("programa-de-apoio-alimentar", org) for org in (
        "world-bank-group", "international-labour-organization",
        "united-nations-childrens-fund")} <= found


def test_an_english_apposition_with_a_is_no_list(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("The Child Grant Programme is supported by the World Food Programme, a Rome-based "
            "agency and UNICEF.")
    found = pairs(tmp_path, gazetteer, body, SPKG.supportedBy, title="Social protection")
    assert ("child-grant-programme", "world-food-programme") in found


@pytest.mark.parametrize("body", [
    "O Programa de Apoio Alimentar é implementado pelo Instituto Nacional de Acção Social.",
    "O Programa de Apoio Alimentar é executado pelo Instituto Nacional de Acção Social.",
])
def test_portuguese_implementation(tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    assert ("programa-de-apoio-alimentar", "instituto-nacional-de-accao-social") in pairs(
        tmp_path, gazetteer, body, SPKG.implementedBy, title="Protecção social")


@pytest.mark.parametrize("body", [
    "O Programa de Apoio Alimentar foi desenvolvido com o apoio da OIT e do UNICEF.",
    "El Programa de Apoyo Alimentario fue diseñado con el apoyo técnico de la OIT y el UNICEF.",
    "Le Programme d'appui alimentaire a été conçu avec l'appui technique du BIT et de l'UNICEF.",
])
def test_with_the_support_of_a_list(tmp_path: Path, gazetteer: Gazetteer, body: str) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.supportedBy)
    supporters = {o for _, o in found}
    assert {"international-labour-organization", "united-nations-childrens-fund"} <= supporters


def test_portuguese_pointed_back_strategy_developed(tmp_path: Path,
                                                    gazetteer: Gazetteer) -> None:
    body = ("A Estratégia Nacional de Segurança Social Básica foi aprovada em 2016. "
            "A estratégia foi elaborada pelo Instituto Nacional de Acção Social e pela OIT.")
    found = pairs(tmp_path, gazetteer, body, SPKG.developedBy, title="Protecção social")
    assert {("estrategia-nacional-de-seguranca-social-basica", org) for org in (
        "instituto-nacional-de-accao-social", "international-labour-organization")} <= found


def test_a_pointed_back_noun_of_another_kind_finds_nothing(tmp_path: Path,
                                                           gazetteer: Gazetteer) -> None:
    """"A estratégia" after a programme only: no strategy was named, nothing is developed."""
    body = ("O Programa de Apoio Alimentar foi criado em 2016. "
            "A estratégia foi elaborada pelo Instituto Nacional de Acção Social.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.developedBy, title="Protecção social")


@pytest.mark.parametrize(("text", "end"), [
    ("by A under Law No. 12 and B. Next", "by A under Law No. 12 and B"),
    ("por A según el Decreto núm. 3 y B. Otro", "por A según el Decreto núm. 3 y B"),
    ("par A en vertu de l'art. 4 du code et B. Autre", "par A en vertu de l'art. 4 du code et B"),
    ("at a rate of 1.5 per cent for A. Next", "at a rate of 1.5 per cent for A"),
    ("por A y B. Dijeron que no. Otro", "por A y B"),  # "no." with no number ends a sentence
])
def test_a_clause_does_not_end_at_an_abbreviation(text: str, end: str) -> None:
    assert text[: clause_end(text, 0, len(text))] == end


def test_a_relative_clause_is_another_clause() -> None:
    text = "approved Decree No. 8, which replaces the scheme created in 2010"
    assert same_clause(text, 0, text.index("approved") + 20)
    assert not same_clause(text, 0, text.index("2010"))


def test_the_date_after_a_numbered_decision_dates_the_adoption(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"approved by … Resolution No. 55-N of 3 March 2024": the "No." does not end the clause
    between the verb and its date."""
    body = ("The National Employment Policy 2025-2030, approved by the Government of Georgia by "
            "Resolution No. 55-N of 3 March 2024, aims to extend unemployment benefits.")
    facts = page_facts(tmp_path, gazetteer, body, title="Social protection in Georgia")
    dates = {str(f.object) for f in facts if f.predicate == SPKG.date}
    assert "2024-03-03" in dates


@pytest.mark.parametrize(("body", "title", "ministry"), [
    ("Le ministère du Travail et de la Protection sociale pilote la réforme. Le ministre du "
     "Travail a élaboré la Stratégie nationale d'inclusion sociale.", "Protection sociale",
     "ministere-du-travail-et-de-la-protection-sociale"),
    ("El Ministerio de Trabajo y Previsión Social dirige el sector. La ministra de Trabajo "
     "elaboró la Estrategia Nacional de Inclusión Social.", "Protección social",
     "ministerio-de-trabajo-y-prevision-social"),
])
def test_a_minister_acts_for_the_ministry_named(tmp_path: Path, gazetteer: Gazetteer,
                                                body: str, title: str, ministry: str) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.developedBy, title=title)
    assert {o for _, o in found} == {ministry}


def test_a_minister_of_no_ministry_named_is_no_one(tmp_path: Path,
                                                   gazetteer: Gazetteer) -> None:
    """Only a ministry the document names: the minister alone makes no organisation."""
    body = "Le ministre du Travail a élaboré la Stratégie nationale d'inclusion sociale."
    assert not pairs(tmp_path, gazetteer, body, SPKG.developedBy)


def test_the_prime_minister_is_no_ministry(tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le ministère du Travail pilote la réforme. Le Premier ministre du Travail "
            "a élaboré la Stratégie nationale d'inclusion sociale.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.developedBy)


@pytest.mark.parametrize(("body", "title", "pair"), [
    ("The Hunger Safety Net Programme, which the National Drought Management Authority has "
     "implemented since 2009, covers four counties.", "Social protection in Kenya",
     ("national-drought-management-authority", "hunger-safety-net-programme")),
    ("Le Régime d'assurance maladie des travailleurs indépendants, que la Caisse nationale de "
     "sécurité sociale gère depuis 2020, couvre les artisans.", "Protection sociale",
     ("caisse-nationale-de-securite-sociale",
      "regime-dassurance-maladie-des-travailleurs-independants")),
    ("El Programa de Apoyo Alimentario, que el Instituto Nacional de Seguro Social ha "
     "implementado desde 2019, cubre a los hogares pobres.", "Protección social",
     ("instituto-nacional-de-seguro-social", "programa-de-apoyo-alimentario")),
    ("O Programa Subsídio Social Básico, que o Instituto Nacional de Acção Social executa "
     "desde 2016, cobre os idosos.", "Protecção social",
     ("instituto-nacional-de-accao-social", "programa-subsidio-social-basico")),
])
def test_the_agent_of_a_relative_clause_implements(tmp_path: Path, gazetteer: Gazetteer,
                                                   body: str, title: str,
                                                   pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, SPKG.implements, title=title)


def test_a_relative_clause_with_another_verb_names_no_implementer(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    body = ("Le Régime d'assurance maladie des travailleurs indépendants, que la Caisse "
            "nationale de sécurité sociale a évalué en 2020, couvre les artisans.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.implements)


@pytest.mark.parametrize(("body", "title", "pair"), [
    ("La OIT brindó asistencia técnica al Instituto Hondureño de Seguridad Social y a la "
     "Secretaría de Trabajo.", "Protección social",
     ("secretaria-de-trabajo", "international-labour-organization")),
    ("A OIT prestou apoio técnico ao Instituto Nacional de Segurança Social.",
     "Protecção social", ("instituto-nacional-de-seguranca-social",
                          "international-labour-organization")),
    ("Le BIT a appuyé le ministère du Travail dans l'élaboration de la Stratégie nationale de "
     "protection sociale.", "Protection sociale",
     ("strategie-nationale-de-protection-sociale", "international-labour-organization")),
    ("A OIT apoiou o Instituto Nacional de Segurança Social na elaboração da Estratégia "
     "Nacional de Segurança Social Básica.", "Protecção social",
     ("estrategia-nacional-de-seguranca-social-basica", "international-labour-organization")),
])
def test_active_support_in_three_languages(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                           title: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, SPKG.supportedBy, title=title)


@pytest.mark.parametrize(("body", "title", "pair"), [
    ("La Banque mondiale finance le Programme national de bourses de sécurité familiale.",
     "Protection sociale", ("programme-national-de-bourses-de-securite-familiale",
                            "world-bank-group")),
    ("L'Union européenne et l'Agence française de développement financent le projet « "
     "Protection sociale des travailleurs ruraux » (PSTR).", "Protection sociale",
     ("protection-sociale-des-travailleurs-ruraux", "french-development-agency")),
    ("La Unión Europea financió el Proyecto de Protección Social Rural.", "Protección social",
     ("proyecto-de-proteccion-social-rural", "european-union")),
    ("The European Union finances the Rural Social Protection Project.",
     "Social protection in Kenya", ("rural-social-protection-project", "european-union")),
])
def test_active_funding_in_three_languages(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                           title: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, SPKG.fundedBy, title=title)


@pytest.mark.parametrize(("body", "title", "predicate", "pair"), [
    ("Le Projet d'appui à la protection sociale a démarré en 2020. Il est financé par "
     "l'Union européenne.", "Protection sociale", SPKG.fundedBy,
     ("projet-dappui-a-la-protection-sociale", "european-union")),
    ("El Proyecto de Protección Social Rural comenzó en 2020. Este proyecto es financiado "
     "por la Unión Europea.", "Protección social", SPKG.fundedBy,
     ("proyecto-de-proteccion-social-rural", "european-union")),
    ("The Rural Social Protection Project started in 2020. It is funded by the European "
     "Union.", "Social protection in Kenya", SPKG.fundedBy,
     ("rural-social-protection-project", "european-union")),
    # Spanish drops the pronoun: a sentence opening with its auxiliary has the last subject
    ("La Estrategia Nacional de Inclusión Social fue aprobada en 2019. Fue elaborada por el "
     "Ministerio de Trabajo con el apoyo técnico de la OIT.", "Protección social",
     SPKG.supportedBy, ("estrategia-nacional-de-inclusion-social",
                        "international-labour-organization")),
    ("La Estrategia Nacional de Inclusión Social fue aprobada en 2019. Fue elaborada por el "
     "Ministerio de Trabajo.", "Protección social", SPKG.developedBy,
     ("estrategia-nacional-de-inclusion-social", "ministerio-de-trabajo")),
])
def test_a_project_or_policy_pointed_back(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                          title: str, predicate: object,
                                          pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, predicate, title=title)


def test_a_sentence_naming_something_else_first_is_not_pointed_back(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    """Only auxiliaries between the pointing subject and the cue: "Il a été décidé que le
    fonds soit financé par …" is about the fund, not the project."""
    body = ("Le Projet d'appui à la protection sociale a démarré en 2020. Il a été décidé que "
            "le fonds commun soit financé par l'Union européenne.")
    assert not pairs(tmp_path, gazetteer, body, SPKG.fundedBy)


@pytest.mark.parametrize(("body", "title", "pair"), [
    ("Le BIT et l'UNICEF ont appuyé l'élaboration de la Stratégie nationale d'inclusion "
     "sociale.", "Protection sociale",
     ("strategie-nationale-dinclusion-sociale", "united-nations-childrens-fund")),
    ("Le BIT a apporté son appui technique à la révision du Code de sécurité sociale.",
     "Protection sociale", ("code-de-securite-sociale", "international-labour-organization")),
    ("La OIT apoyó la elaboración de la Estrategia Nacional de Inclusión Social.",
     "Protección social",
     ("estrategia-nacional-de-inclusion-social", "international-labour-organization")),
    ("A OIT contribuiu para a elaboração da Estratégia Nacional de Segurança Social Básica.",
     "Protecção social",
     ("estrategia-nacional-de-seguranca-social-basica", "international-labour-organization")),
])
def test_support_for_making_in_three_languages(tmp_path: Path, gazetteer: Gazetteer,
                                               body: str, title: str,
                                               pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, SPKG.supportedBy, title=title)


@pytest.mark.parametrize(("body", "title"), [
    ("Un atelier de validation s'est tenu à Dakar le 5 mai 2022. Le ministère de la Famille, "
     "le BIT et l'UNICEF y ont participé.", "Protection sociale"),
    ("Un taller de validación se realizó en La Paz el 5 de mayo de 2022. Participaron el "
     "Ministerio de la Familia, la OIT y UNICEF.", "Protección social"),
])
def test_participants_named_after_the_gathering(tmp_path: Path, gazetteer: Gazetteer,
                                                body: str, title: str) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.participant, title=title)
    assert {"international-labour-organization", "united-nations-childrens-fund"} <= {
        o for _, o in found}


@pytest.mark.parametrize(("body", "title", "pairs_wanted"), [
    ("La Caisse nationale de sécurité sociale gère le Régime simplifié pour les petits "
     "contribuables.", "Protection sociale",
     {("caisse-nationale-de-securite-sociale",
       "regime-simplifie-pour-les-petits-contribuables")}),
    ("El Instituto Nacional de Seguros de Salud administra el Seguro Universal Materno "
     "Infantil.", "Protección social",
     {("instituto-nacional-de-seguros-de-salud", "seguro-universal-materno-infantil")}),
    ("O Instituto Nacional de Acção Social gere o Programa Subsídio Social Básico e o "
     "Programa de Acção Social Produtiva.", "Protecção social",
     {("instituto-nacional-de-accao-social", "programa-subsidio-social-basico"),
      ("instituto-nacional-de-accao-social", "programa-de-accao-social-produtiva")}),
])
def test_an_agent_runs_what_follows_its_verb(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                             title: str,
                                             pairs_wanted: set[tuple[str, str]]) -> None:
    assert pairs_wanted <= pairs(tmp_path, gazetteer, body, SPKG.implements, title=title)


@pytest.mark.parametrize(("body", "predicate", "pair"), [
    ("The Inua Jamii Programme was set up in 2013. This initiative is supported by the World "
     "Food Programme and UNICEF.", SPKG.supportedBy,
     ("inua-jamii", "united-nations-childrens-fund")),
    ("The Rural Social Protection Project started in 2020. This work is funded by the "
     "European Union.", SPKG.fundedBy, ("rural-social-protection-project", "european-union")),
])
def test_this_noun_refers_to_the_focus(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                       predicate: object, pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, predicate,
                         title="Social protection in Kenya")


def test_this_study_is_not_the_project_before(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"This valuation" points at a study, not at the project the focus is."""
    body = ("The Rural Social Protection Project started in 2020. It supported an actuarial "
            "valuation of the National Social Security Fund. This valuation was funded by the "
            "European Union.")
    assert ("rural-social-protection-project", "european-union") not in pairs(
        tmp_path, gazetteer, body, SPKG.fundedBy, title="Social protection in Kenya")


@pytest.mark.parametrize(("body", "title", "predicate", "pair"), [
    ("La Stratégie nationale d'inclusion sociale a été élaborée par le BIT, conjointement "
     "avec l'UNICEF.", "Protection sociale", SPKG.developedBy,
     ("strategie-nationale-dinclusion-sociale", "united-nations-childrens-fund")),
    ("A Estratégia Nacional de Segurança Social Básica foi elaborada pelo Ministério do "
     "Trabalho em colaboração com a OIT.", "Protecção social", SPKG.developedBy,
     ("estrategia-nacional-de-seguranca-social-basica", "international-labour-organization")),
    ("El Programa de Apoyo Alimentario es ejecutado por el Ministerio de Trabajo en "
     "coordinación con la OIT.", "Protección social", SPKG.implementedBy,
     ("programa-de-apoyo-alimentario", "international-labour-organization")),
])
def test_together_with_in_three_languages(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                          title: str, predicate: object,
                                          pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, predicate, title=title)


@pytest.mark.parametrize(("body", "title", "studies"), [
    ("Le BIT a réalisé une étude actuarielle du régime des indépendants et une étude de "
     "faisabilité de l'assurance chômage, toutes deux financées par l'Union européenne.",
     "Protection sociale au Sénégal",
     {"etude-actuarielle-du-regime-des-independants",
      "etude-de-faisabilite-de-lassurance-chomage"}),
    ("La OIT elaboró un estudio actuarial del sistema de pensiones, financiado por la Unión "
     "Europea.", "Protección social en Bolivia",
     {"estudio-actuarial-del-sistema-de-pensiones"}),
])
def test_studies_funded_in_french_and_spanish(tmp_path: Path, gazetteer: Gazetteer, body: str,
                                              title: str, studies: set[str]) -> None:
    found = pairs(tmp_path, gazetteer, body, SPKG.fundedBy, title=title)
    assert {(study, "european-union") for study in studies} <= found


@pytest.mark.parametrize(("body", "title", "pair"), [
    ("La Stratégie nationale d'inclusion sociale a été élaborée sous l'égide du Ministère de "
     "la Famille.", "Protection sociale",
     ("strategie-nationale-dinclusion-sociale", "ministere-de-la-famille")),
    ("La Estrategia Nacional de Inclusión Social fue elaborada bajo los auspicios de la OIT.",
     "Protección social",
     ("estrategia-nacional-de-inclusion-social", "international-labour-organization")),
])
def test_under_the_auspices_in_french_and_spanish(tmp_path: Path, gazetteer: Gazetteer,
                                                  body: str, title: str,
                                                  pair: tuple[str, str]) -> None:
    assert pair in pairs(tmp_path, gazetteer, body, SPKG.supportedBy, title=title)
