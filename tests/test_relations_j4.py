"""Coverage and implementation read through a definite noun no anaphor list knows (issue
16, J4), on made-up sentences: "… adopted Resolution No. 88 … The resolution amends the X
Rules. From D, G are covered under the resolution for old age …. Its implementation is
entrusted to the Fund." The resolution covers, not the rules it amends."""

from __future__ import annotations

from pathlib import Path

from prose_facts import page_facts, slug_pairs

from spkg.ingest.gazetteer import Gazetteer
from spkg.namespace import SPKG

_ADOPTED = ("The Cabinet of Zembla adopted on 3 May 2024 Resolution No. 88 of 2024 on the "
            "registration of domestic workers with the National Pension Fund. ")
_COVERED = ("From 1 July 2025, domestic workers, hairdressers and farmers are covered under "
            "the {noun} for old age and invalidity. Its implementation is entrusted to the "
            "National Pension Fund.")
_TITLE = "Social protection in Zembla"


def test_the_noun_of_the_amending_law_points_back_to_it(tmp_path: Path,
                                                        gazetteer: Gazetteer) -> None:
    body = (_ADOPTED + "The resolution amends the Implementing Rules of Law No. 7 of 1991 on "
            "Pensions. " + _COVERED.format(noun="resolution"))
    facts = page_facts(tmp_path, gazetteer, body, _TITLE)
    law = "resolution-no-88-of-2024"
    assert {(law, "domestic-workers"), (law, "hairdressers"), (law, "farmers")} == slug_pairs(
        facts, SPKG.extendsCoverageTo)
    assert {(law, "old-age"), (law, "invalidity")} == slug_pairs(facts, SPKG.coversContingency)
    assert {(law, "national-pension-fund")} == slug_pairs(facts, SPKG.implementedBy)


def test_a_body_amending_points_back_to_no_law(tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"The ministry amends the X Rules": no law is named by "ministry", so the rules as
    amended cover (as before); the resolution named earlier gets nothing."""
    body = (_ADOPTED + "The ministry amends the Implementing Rules of Law No. 7 of 1991 on "
            "Pensions. " + _COVERED.format(noun="rules"))
    facts = page_facts(tmp_path, gazetteer, body, _TITLE)
    subjects = {s for s, _ in slug_pairs(facts, SPKG.extendsCoverageTo)}
    assert "resolution-no-88-of-2024" not in subjects
    assert not {s for s, _ in slug_pairs(facts, SPKG.implementedBy)} & {
        "resolution-no-88-of-2024"}


def test_its_implementation_after_no_coverage_names_no_amended_law(
        tmp_path: Path, gazetteer: Gazetteer) -> None:
    """"Sa mise en œuvre est confiée à la Caisse" after a sentence that covers nobody: the
    decree named only as what is amended is not what the Fund implements."""
    body = ("Le Conseil des ministres a adopté le 3 mai 2024 une délibération relative à "
            "l'immatriculation des travailleurs domestiques. La délibération modifie l'Arrêté "
            "n° 7 de 1991 sur les pensions. Sa mise en œuvre est confiée à la Caisse nationale "
            "de retraite.")
    facts = page_facts(tmp_path, gazetteer, body, "La protection sociale au Zembla")
    assert not {s for s, _ in slug_pairs(facts, SPKG.implementedBy)} & {"arrete-n-7",
                                                                         "arrete-n-7-de-1991"}


def test_the_act_after_an_amending_act_is_the_amending_one(tmp_path: Path,
                                                           gazetteer: Gazetteer) -> None:
    """"… the X (Amendment) Act, which amends the Y Act. The Act is administered by A": A
    runs the amending Act, named first, not the one it amends, named last."""
    body = ("On 2 June 2025 Parliament passed the Pensions (Amendment) Act 2025, which amends "
            "the Pensions Act 1998. The Act is administered by the Zembla Pension Office.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, _TITLE), SPKG.implementedBy)
    assert found == {("pensions-amendment-act-2025", "zembla-pension-office")}


def test_the_act_a_body_amended_is_still_that_act(tmp_path: Path,
                                                  gazetteer: Gazetteer) -> None:
    """"Parliament amended the Y Act. The Act is administered by A": no amending law is
    named, so the Act as amended is what A runs."""
    body = ("On 2 June 2025 Parliament amended the Pensions Act 1998. The Act is administered "
            "by the Zembla Pension Office.")
    found = slug_pairs(page_facts(tmp_path, gazetteer, body, _TITLE), SPKG.implementedBy)
    assert found == {("pensions-act-1998", "zembla-pension-office")}
