"""The reference vocabularies of data/reference/: they load, cite their sources, hold the facts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS
from rdflib.namespace import XSD as _XSD

from spkg import paths
from spkg.dataset import load_asserted
from spkg.namespace import BASE, REFERENCE_GRAPH, SDG, SPKG, mint

REPO = Path(__file__).resolve().parent.parent
OWN_REFERENCE_FILES = sorted(paths.reference_dir().glob("*.ttl"))
SDG_KOS_FILES = [path for path in paths.reference_files() if path.parent.name == "un-sdg-kos"]
GYEAR = _XSD.gYear
WIKIDATA_ISO_ALPHA2 = URIRef("http://www.wikidata.org/prop/direct/P297")


@pytest.fixture(scope="module")
def reference() -> Graph:
    """The reference graph as the dataset loads it (every data/reference/*.ttl plus the SDG KOS)."""
    dataset = load_asserted(files=[])
    return dataset.graph(REFERENCE_GRAPH)


@pytest.fixture(scope="module", params=OWN_REFERENCE_FILES, ids=lambda path: path.name)
def reference_file(request: pytest.FixtureRequest) -> Graph:
    graph = Graph()
    graph.parse(request.param, format="turtle")
    return graph


def concepts_labelled(graph: Graph, text: str) -> set[URIRef]:
    """Every resource that has ``text`` (any language) as pref- or altLabel."""
    found: set[URIRef] = set()
    for predicate in (SKOS.prefLabel, SKOS.altLabel):
        for subject, label in graph.subject_objects(predicate):
            if isinstance(label, Literal) and str(label) == text:
                found.add(subject)  # type: ignore[arg-type]
    return found


def test_the_expected_files_are_there() -> None:
    names = {path.name for path in OWN_REFERENCE_FILES}
    assert {
        "ilo-instruments.ttl",
        "c102-branches.ttl",
        "r202-principles.ttl",
        "places.ttl",
        "keywords.ttl",
        "un-system.ttl",
    } <= names


def test_sdg_target_1_3_has_goal_1_as_broader(reference: Graph) -> None:
    assert (SDG["1.3"], SKOS.broader, SDG["1"]) in reference


def test_c102_is_a_convention_with_notation_c102(reference: Graph) -> None:
    c102 = mint("instrument", "c102")
    assert (c102, RDF.type, SPKG.Convention) in reference
    assert (c102, SKOS.notation, Literal("C102")) in reference
    assert (c102, SPKG.instrumentNumber, Literal(102)) in reference
    assert (c102, SPKG.adoptionYear, Literal("1952", datatype=GYEAR)) in reference


def test_r202_is_a_recommendation_reached_by_its_citation_forms(reference: Graph) -> None:
    r202 = mint("instrument", "r202")
    assert (r202, RDF.type, SPKG.Recommendation) in reference
    for form in ("R 202", "Recommendation 202", "Social Protection Floors Recommendation"):
        assert concepts_labelled(reference, form) == {r202}, form


@pytest.mark.parametrize(
    "notation",
    ["C102", "R202", "C189", "C183", "C121", "C128", "C130", "C168", "C118", "C157", "R67", "R69"],
)
def test_every_required_instrument_is_there_with_title_and_year(
    reference: Graph, notation: str
) -> None:
    instrument = mint("instrument", notation)
    expected_class = SPKG.Convention if notation.startswith("C") else SPKG.Recommendation
    assert (instrument, RDF.type, expected_class) in reference
    assert (instrument, SKOS.notation, Literal(notation)) in reference
    title = reference.value(instrument, RDFS.label)
    assert title is not None and f"(No. {notation[1:]})" in str(title)
    year = reference.value(instrument, SPKG.adoptionYear)
    assert isinstance(year, Literal) and year.datatype == GYEAR and str(year) in str(title)


def test_khyber_pakhtunkhwa_is_part_of_pakistan_with_code_pk_kp(reference: Graph) -> None:
    kp = mint("place", "Khyber Pakhtunkhwa")
    pakistan = mint("place", "Pakistan")
    assert (kp, SPKG.partOf, pakistan) in reference
    assert (kp, SKOS.notation, Literal("PK-KP")) in reference
    assert (kp, RDF.type, SPKG.Province) in reference
    assert concepts_labelled(reference, "KPK") == {kp}


def test_azad_jammu_and_kashmir_is_the_territory_texts_call_pakistan_administered_kashmir(
    reference: Graph,
) -> None:
    ajk = mint("place", "Azad Jammu and Kashmir")
    assert (ajk, RDF.type, SPKG.Territory) in reference
    assert concepts_labelled(reference, "Pakistan Administered Kashmir") == {ajk}


def test_pakistan_has_its_alpha3_and_alpha2_codes(reference: Graph) -> None:
    pakistan = mint("place", "Pakistan")
    assert set(reference.objects(pakistan, SKOS.notation)) == {Literal("PAK")}
    assert set(reference.objects(pakistan, WIKIDATA_ISO_ALPHA2)) == {Literal("PK")}


def test_every_iso_3166_country_is_there(reference: Graph) -> None:
    countries = set(reference.subjects(RDF.type, SPKG.Country))
    assert len(countries) >= 249
    alpha3 = {
        str(notation)
        for country in countries
        for notation in reference.objects(country, SKOS.notation)
    }
    assert {"PAK", "IND", "MYS", "CHN", "ITA", "DEU", "CHE"} <= alpha3
    assert len(alpha3) == len(countries)
    alpha2 = {
        str(code)
        for country in countries
        for code in reference.objects(country, WIKIDATA_ISO_ALPHA2)
    }
    assert len(alpha2) == len(countries)


def test_places_file_is_what_the_generator_writes() -> None:
    pytest.importorskip("pycountry")
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_places.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_spanish_and_english_keywords_label_the_same_concept(reference: Graph) -> None:
    medical_care = mint("contingency", "medical care")
    assert concepts_labelled(reference, "atención de salud") == {medical_care}
    assert concepts_labelled(reference, "Health care") == {medical_care}
    assert concepts_labelled(reference, "invalidez") == concepts_labelled(reference, "Disability")


@pytest.mark.parametrize(
    "keyword",
    [
        # the keyword lines of the seed result records, English and Spanish
        "Health care",
        "Social assistance",
        "Children",
        "Informal economy workers",
        "Rural workers",
        "Self-employed",
        "Disability",
        "Maternity",
        "Employment injury",
        "Old-age",
        "Sickness",
        "Survivors",
        "Unemployment",
        "atención de salud",
        "asistencia social",
        "niños",
        "trabajadores de la economía informal",
        "trabajadores rurales",
        "trabajadores por cuenta propia",
        "invalidez",
        "maternidad",
        "accidentes del trabajo y enfermedades profesionales",
        "vejez",
        "enfermedad",
        "sobrevivientes",
        "desempleo",
        "Administration",
        "Capacity building",
        "Crisis",
        "Monitoring/evaluation",
        "Regulation / supervision",
        "Digital transformation",
    ],
)
def test_every_seed_keyword_labels_exactly_one_concept(reference: Graph, keyword: str) -> None:
    assert len(concepts_labelled(reference, keyword)) == 1


def test_there_are_nine_c102_branches_and_eighteen_r202_principles(reference: Graph) -> None:
    assert len(set(reference.subjects(RDF.type, SPKG.Contingency))) == 9
    principles = set(reference.subjects(RDF.type, SPKG.R202Principle))
    assert len(principles) == 18
    principle_e = mint("principle", "r202-3e")
    assert (principle_e, SKOS.notation, Literal("(e)")) in reference
    assert str(reference.value(principle_e, SKOS.prefLabel)) == (
        "social inclusion, including of persons in the informal economy"
    )


def test_un_agencies_are_reached_by_acronym(reference: Graph) -> None:
    for acronym in ("ILO", "UNDP", "UNICEF", "UNDESA", "WHO", "IOM", "UN Women", "IMF"):
        (agency,) = concepts_labelled(reference, acronym)
        assert (agency, RDF.type, SPKG.UNAgency) in reference, acronym


def test_every_concept_has_an_english_preflabel(reference: Graph) -> None:
    concept_classes = {
        SKOS.Concept,
        SPKG.Contingency,
        SPKG.PopulationGroup,
        SPKG.PolicyArea,
        SPKG.R202Principle,
    }
    concepts = {s for cls in concept_classes for s in reference.subjects(RDF.type, cls)}
    assert len(concepts) > 100
    missing = [
        concept
        for concept in concepts
        if not any(
            isinstance(label, Literal) and label.language == "en"
            for label in reference.objects(concept, SKOS.prefLabel)
        )
    ]
    assert missing == []


def test_own_concepts_are_in_a_scheme_as_top_concepts(reference_file: Graph) -> None:
    for concept in set(reference_file.subjects(SKOS.inScheme, None)):
        scheme = reference_file.value(concept, SKOS.inScheme)
        assert (concept, SKOS.topConceptOf, scheme) in reference_file
        assert (scheme, SKOS.hasTopConcept, concept) in reference_file


def test_every_reference_file_says_its_source_licence_and_title(reference_file: Graph) -> None:
    described = [
        subject
        for subject in set(reference_file.subjects(DCTERMS.source, None))
        if (subject, DCTERMS.license, None) in reference_file
        and (subject, DCTERMS.title, None) in reference_file
    ]
    assert described, "no resource with dcterms:source, dcterms:license and dcterms:title"
    assert all(str(subject).startswith(BASE + "id/") for subject in described)


def test_every_subject_is_minted_under_the_base_or_an_sdg_kos_iri(reference: Graph) -> None:
    sdg_kos = Graph()
    for path in SDG_KOS_FILES:
        sdg_kos.parse(path, format="turtle")
    sdg_kos_subjects = set(sdg_kos.subjects())
    strays = {
        subject
        for subject in reference.subjects()
        if isinstance(subject, URIRef)
        and not str(subject).startswith(BASE + "id/")
        and subject not in sdg_kos_subjects
    }
    assert strays == set()


def test_own_iris_follow_the_minting_rule(reference_file: Graph) -> None:
    """An IRI's last segment is already a slug: minting it again gives the same IRI."""
    for subject in {s for s in reference_file.subjects() if isinstance(s, URIRef)}:
        kind, _, slug = str(subject).removeprefix(BASE + "id/").partition("/")
        assert mint(kind, slug) == subject


def test_no_label_has_stray_whitespace(reference_file: Graph) -> None:
    for predicate in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        for label in reference_file.objects(None, predicate):
            assert str(label) == " ".join(str(label).split()), repr(label)


#################################################################
# Third-party faults, corrected by data/reference/patches/ (docs/validation.md)
#################################################################

def test_one_label_per_language_on_every_reference_resource(reference: Graph) -> None:
    """sh:uniqueLang over the whole reference graph, patches applied (the UN SDG KOS has
    two or three prefLabels in one language on 12.3, C200303 and C200304 as published)."""
    for predicate in (SKOS.prefLabel, RDFS.label):
        seen: dict[tuple[object, str], Literal] = {}
        for subject, label in reference.subject_objects(predicate):
            if isinstance(label, Literal) and label.language:
                key = (subject, label.language)
                assert key not in seen, f"{subject} has {seen[key]!r} and {label!r}"
                seen[key] = label


def test_the_sdg_patch_keeps_the_right_labels(reference: Graph) -> None:
    english = [label for label in reference.objects(SDG["12.3"], SKOS.prefLabel)
               if isinstance(label, Literal) and label.language == "en"]
    assert [str(label) for label in english] == [
        "By 2030, halve per capita global food waste at the retail and consumer levels and "
        "reduce food losses along production and supply chains, including post-harvest losses"]
    alternatives = {str(label) for label in reference.objects(SDG["C200303"], SKOS.altLabel)}
    assert any(label.endswith("por cada 100.000 personas") for label in alternatives)
    french = [str(label) for label in reference.objects(SDG["17.13"], SKOS.prefLabel)
              if isinstance(label, Literal) and label.language == "fr"]
    assert len(french) == 1 and french[0].endswith("la cohérence des politiques")


def test_a_stale_or_foreign_patch_is_refused(tmp_path: Path) -> None:
    from spkg.errors import InputError
    from spkg.patches import apply_patch

    graph = Graph()
    graph.add((SDG["1"], SKOS.prefLabel, Literal("No poverty", lang="en")))
    stale = tmp_path / "stale.ru"
    stale.write_text('PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n'
                     'DELETE DATA { <http://metadata.un.org/sdg/1> skos:prefLabel "x"@en }\n',
                     encoding="utf-8")
    with pytest.raises(InputError, match="stale patch") as caught:
        apply_patch(graph, stale)
    assert str(stale) in str(caught.value)
    wild = tmp_path / "wild.ru"
    wild.write_text("DELETE WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(InputError, match="only DELETE DATA and INSERT DATA"):
        apply_patch(graph, wild)
    assert len(graph) == 1


def test_the_whole_dump_of_the_seeds_conforms() -> None:
    """Every triple the build exports (ontology, whole reference graph, documents, inferred),
    validated as one graph, without the slicing spkg.validate uses for speed."""
    import pyshacl
    from rdflib import Dataset

    from spkg.dataset import load_built
    from spkg.namespace import ONTOLOGY_GRAPH
    from spkg.validate import load_shapes
    from spkg.validate.hoisting import hoisted

    built = load_built()
    whole = Dataset(default_union=True)
    for s, p, o, g in built.quads((None, None, None, None)):
        whole.graph(g).add((s, p, o))
    ontology = Graph()
    ontology += built.graph(ONTOLOGY_GRAPH)
    _conforms, report, text = pyshacl.validate(
        whole, shacl_graph=hoisted(load_shapes().graph), ont_graph=ontology, inplace=True)
    violations = list(report.subjects(SH.resultSeverity, SH.Violation))
    assert violations == [], text
