"""A minister's title names the ministry; "Government for …" names no government
(spkg.ingest.mentions.bodies, spkg.ingest.naming). Sentences made up for these tests."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def organisations(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/organisation/" in str(e.iri)}


def test_a_ministers_title_names_the_ministry_list_and_all(gazetteer: Gazetteer) -> None:
    text = ("The Minister of Gender, Children and Social Welfare said that the bill would "
            "reach Parliament in May.")
    assert "organisation/ministry-of-gender-children-and-social-welfare" in organisations(
        text, gazetteer)


def test_a_ministers_short_title_is_the_ministry_named_in_full(gazetteer: Gazetteer) -> None:
    text = ("The Ministry of Health and Social Services (MoHSS) hosted the meeting. The "
            "Deputy Minister of Health said the fund would open in June.")
    assert organisations(text, gazetteer) == {
        "organisation/ministry-of-health-and-social-services"}


def test_a_prime_minister_or_a_countrys_minister_names_no_ministry(
        gazetteer: Gazetteer) -> None:
    text = "The Prime Minister of Samoa and the Minister of Tonga attended."
    assert not any(i.startswith("organisation/ministry") for i in organisations(
        text, gazetteer))


def test_a_government_for_someone_is_no_name(gazetteer: Gazetteer) -> None:
    text = "The subsidy paid by the Government for Category 3 members will rise."
    assert not any("government" in i for i in organisations(text, gazetteer))


def test_a_towns_body_in_lowercase_is_named_with_its_town(gazetteer: Gazetteer) -> None:
    text = ("The pilot is run by the ministry with the local government of Tacloban and "
            "the municipal council of Ormoc.")
    assert {"organisation/local-government-of-tacloban",
            "organisation/municipal-council-of-ormoc"} <= organisations(text, gazetteer)
    assert organisations("The local government met on Monday.", gazetteer) == set()


def test_a_list_in_a_ministrys_complement_may_say_with_whom(gazetteer: Gazetteer) -> None:
    text = ("The decree was drafted by the Ministry of Labour, Social Dialogue and Relations "
            "with Institutions. The Ministry of Health, Finance and Planning with UNICEF "
            "reviewed it.")
    found = organisations(text, gazetteer)
    assert "organisation/ministry-of-labour-social-dialogue-and-relations-with-institutions" in (
        found)
    assert "organisation/ministry-of-health-finance-and-planning" in found


def test_institutions_in_a_complement_stay_plural(gazetteer: Gazetteer) -> None:
    from spkg.ingest.naming import canonical_key
    from spkg.namespace import SPKG

    text = "The Federation of Microfinance Institutions met the labour inspectors."
    assert organisations(text, gazetteer) == {
        "organisation/federation-of-microfinance-institutions"}
    # plural institutions as the head are one class of bodies: singular, as before
    assert canonical_key("Provincial Social Security Institutions", SPKG.Ministry) == (
        "provincial social security institution")


def test_a_french_institution_keeps_its_name(gazetteer: Gazetteer) -> None:
    text = "Pensions are paid by the Institution de Prévoyance Retraite du Mali (IPRM)."
    assert organisations(text, gazetteer) == {
        "organisation/institution-de-prevoyance-retraite-du-mali"}
    assert organisations("The Institution Building Unit met.", gazetteer) == {
        "organisation/institution-building-unit"}


def test_congress_alone_is_named_as_written_and_a_year_before_it_dates(
        gazetteer: Gazetteer) -> None:
    """The annotation guide: a legislature named by its noun alone is ``<noun>``."""
    text = ("Peru's pension reform was debated for a year. In 2021 Congress passed the law, "
            "which the Peruvian Labour Congress had opposed in Peru.")
    found = organisations(text, gazetteer)
    assert "organisation/congress" in found
    assert not any(i.startswith("organisation/2021") for i in found)


def test_regulators_courts_and_bodies_in_apposition(gazetteer: Gazetteer) -> None:
    text = ("In Chile, the Pensions Superintendence of Chile (SP) and the Supreme Court "
            "reviewed the case. Previred, the private contribution collection agency, paid.")
    found = organisations(text, gazetteer)
    assert {"organisation/pensions-superintendence-of-chile", "organisation/supreme-court",
            "organisation/previred"} <= found


def test_spanish_names_with_their_own_connectors(gazetteer: Gazetteer) -> None:
    text = ("In Mexico, Sembrando Vida, a programme run by the Secretaría de Bienestar, and "
            "the Administradora de Fondos para el Retiro (AFORE) were reviewed. La "
            "Administradora asumió la gestión en 2020.")
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    found = {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)}
    assert {"programme/sembrando-vida", "organisation/secretaria-de-bienestar",
            "organisation/administradora-de-fondos-para-el-retiro"} <= found
    assert not any("asumio" in i for i in found)


def test_a_body_named_after_an_acronym_in_lowercase(gazetteer: Gazetteer) -> None:
    text = ("The NHIS governance board approved the plan. The ILO technical working group "
            "advised it.")
    assert organisations(text, gazetteer) >= {"organisation/nhis-governance-board"}
    assert not any("working-group" in i for i in organisations(text, gazetteer))


def test_a_body_a_study_values_is_an_entity(gazetteer: Gazetteer) -> None:
    text = ("In Ghana, the ILO completed an actuarial valuation of the Workers Compensation "
            "Fund in 2023.")
    assert "organisation/workers-compensation-fund" in organisations(text, gazetteer)


def test_a_government_named_in_french_or_spanish(gazetteer: Gazetteer) -> None:
    text = ("Togo's pension law was adopted in Togo. Le Gouvernement togolais a lancé "
            "l'assurance maladie à Lomé.")
    assert "organisation/government-of-togo" in organisations(text, gazetteer)
    other = "Togo's pension law was adopted. Le Gouvernement français a financé l'étude."
    assert not any("government" in i for i in organisations(other, gazetteer))


def test_a_government_adjective_from_the_countrys_french_name(gazetteer: Gazetteer) -> None:
    # "Tchad" → "tchadien", not "Chad": the stem of the French name names the country
    text = ("Le Tchad a adopté une loi. Le Gouvernement tchadien a ouvert un guichet à "
            "Moundou, au Tchad, avec le Tchad.")
    assert "organisation/government-of-chad" in organisations(text, gazetteer)
