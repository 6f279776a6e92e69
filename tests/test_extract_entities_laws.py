"""Legal texts of every tradition, on made-up sentences (spkg.ingest.entities and
spkg.ingest.mentions.documents)."""

from __future__ import annotations

from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer
from spkg.ingest.linking import link_mentions
from spkg.ingest.records import Span


def laws(text: str, gazetteer: Gazetteer) -> set[str]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return {str(e.iri).split("/id/")[-1] for e in link_mentions(mentions, gazetteer)
            if "/law/" in str(e.iri)}


def test_numbered_texts_with_hyphens_letters_and_issuers(gazetteer: Gazetteer) -> None:
    text = ("Cabinet approved Decree-Law No. 8/2019, which adds a benefit, then Supreme "
            "Decree No. 033-2020-TR and Decree No. 12/2018 of the Council of Ministers.")
    assert laws(text, gazetteer) == {"law/decree-law-no-8-2019",
                                     "law/supreme-decree-no-033-2020-tr",
                                     "law/decree-no-12-2018"}


def test_a_numbered_agreement_is_a_law(gazetteer: Gazetteer) -> None:
    assert laws("The board approved Agreement 2047 on 3 May 2020.", gazetteer) == {
        "law/agreement-2047"}


def test_a_name_keeps_its_bracketed_word_number_and_year(gazetteer: Gazetteer) -> None:
    text = ("The Pensions (Amendment) Act, 2016 and the Workers Compensation (Benefits) "
            "Regulations were passed, as was the Decree on Maternity Cover No. 211/PM.")
    assert laws(text, gazetteer) == {"law/pensions-amendment-act-2016",
                                     "law/workers-compensation-benefits-regulations",
                                     "law/decree-on-maternity-cover-no-211-pm"}


def test_a_law_named_inside_another_name_is_an_entity_too(gazetteer: Gazetteer) -> None:
    text = ("Parliament passed the Law on Amendments to the Law on Unemployment Benefits. "
            "The ILO made a legal review of the Workers Pensions Act 1998. The Workers "
            "Pensions Act 1998 is the oldest.")
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    entities = link_mentions(mentions, gazetteer)
    found = [str(e.iri).split("/id/")[-1] for e in entities]
    assert {"law/law-on-amendments-to-the-law-on-unemployment-benefits",
            "law/law-on-unemployment-benefits", "law/workers-pensions-act-1998"} <= set(found)
    assert found.count("law/workers-pensions-act-1998") == 1  # one entity, named twice


def test_an_act_and_its_regulations_are_two_texts(gazetteer: Gazetteer) -> None:
    text = ("Parliament passed the Paternity Benefit Act in 2020. The Paternity Benefit "
            "Regulations followed; a paternity benefit law had long been asked for.")
    assert laws(text, gazetteer) == {"law/paternity-benefit-act",
                                     "law/paternity-benefit-regulations"}


def test_spanish_and_french_numbered_texts_keep_their_names(gazetteer: Gazetteer) -> None:
    text = ("The scheme rests on Ley 45-09 and Resolución No. 112-07. The Assembly approved "
            "Decreto Legislativo No. 77 on pensions, and Décret n° 2019-12/PRN/MTE on the "
            "informal economy followed. The agency was set up by Presidential Decree No. PP-12.")
    assert laws(text, gazetteer) == {"law/ley-45-09", "law/resolucion-no-112-07",
                                     "law/decreto-legislativo-no-77",
                                     "law/decret-n-2019-12-prn-mte",
                                     "law/presidential-decree-no-pp-12"}


def test_a_numbered_law_on_a_system_is_a_law_not_a_body(gazetteer: Gazetteer) -> None:
    text = "Parliament passed Law No. 17 on the Pension and Social Protection System."
    assert laws(text, gazetteer) == {"law/law-no-17-on-the-pension-and-social-protection-system"}


def test_a_buddhist_era_year_names_the_text(gazetteer: Gazetteer) -> None:
    text = ("Workers are covered under the Labour Protection Act B.E. 2541 (1998), and the "
            "Workmen Compensation Act B.E. 2537 applies too.")
    assert laws(text, gazetteer) == {"law/labour-protection-act-b-e-2541",
                                     "law/workmen-compensation-act-b-e-2537"}


def test_french_and_spanish_laws_in_their_own_prose(gazetteer: Gazetteer) -> None:
    text = ("La Ley N° 31415 creó el seguro. La loi n° 2021-08 du 2 mars 2021 portant "
            "création de la mutuelle a été votée; le Code du travail et le Code de la "
            "prévoyance sociale s'appliquent. El Decreto Ejecutivo 77 y la Ley Orgánica 9/2019 "
            "reforman la Ley de Pensiones Rurales.")
    assert laws(text, gazetteer) == {
        "law/ley-n-31415", "law/loi-n-2021-08", "law/code-du-travail",
        "law/code-de-la-prevoyance-sociale", "law/decreto-ejecutivo-77",
        "law/ley-organica-9-2019", "law/ley-de-pensiones-rurales"}


def test_a_lowercase_legal_word_without_a_number_names_no_text(gazetteer: Gazetteer) -> None:
    text = "La loi 2019 a changé. El decreto fue firmado. The Code of Ethics and the Code apply."
    assert not any(iri.startswith(("law/loi", "law/decreto", "law/code-of-ethics-and"))
                   for iri in laws(text, gazetteer))
