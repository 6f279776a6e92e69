"""The justifier reading its dataset in place gives the proofs of the one that copies it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from reason.support import DOCUMENTS, fixture_dataset

from spkg.namespace import SPKG, mint
from spkg.reason import add_inferred
from spkg.reason.explain import Justifier, render

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")

TRIPLES = [
    (mint("outcome", "001-0844c7bbfea795f9"), SPKG.contributesToGoal,
     URIRef("http://metadata.un.org/sdg/1")),
    (mint("law", "KP Employees Social Security Act 2021"), SPKG.locatedIn,
     mint("place", "Pakistan")),
    (mint("programme", "Mazdoor Ka EHSAAS"), SPKG.implementedBy,
     mint("organisation", "MKE Implementation Unit")),
    (mint("programme", "Mazdoor Ka EHSAAS"), SPKG.locatedIn, mint("place", "Atlantis")),
]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPKG_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        data: Dataset = fixture_dataset(DOCUMENTS)
        add_inferred(data, use_cache=False, progress=False)
    return data


def _proofs(justifier: Justifier) -> list[list[str] | None]:
    found = []
    for triple in TRIPLES:
        justification = justifier.explain(triple)
        found.append(None if justification is None
                     else render(justification, justifier.closure))
    return found


def test_in_place_proofs_equal_the_copys(dataset: Dataset) -> None:
    bound = list(dataset.namespaces())
    copied, in_place = Justifier(dataset), Justifier(dataset, copy=False)
    assert list(dataset.namespaces()) == bound  # the dataset's prefixes are left alone
    assert isinstance(in_place.closure, Dataset)  # it did not copy
    assert in_place.asserted == copied.asserted
    proofs = _proofs(copied)
    assert proofs[:3] == _proofs(in_place)[:3] and all(proofs[:3]) and proofs[3] is None
    assert _proofs(in_place)[3] is None


def test_a_literal_to_normalise_makes_it_copy(dataset: Dataset, tmp_path: Path) -> None:
    graph = dataset.graph(URIRef("urn:x:extra"))
    triple = (URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("x", datatype=XSD_STRING))
    graph.add(triple)
    try:
        justifier = Justifier(dataset, copy=False)
        assert not isinstance(justifier.closure, Dataset)
        assert justifier.holds(triple) and (triple[0], triple[1], Literal("x")) in \
            justifier.closure
    finally:
        dataset.remove_graph(graph)
