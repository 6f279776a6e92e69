"""validate_dataset checks the whole reference graph, not only what documents point at."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from spkg.dataset import load_asserted
from spkg.namespace import REFERENCE_GRAPH
from spkg.validate import validate_dataset

PLANTED = Path(__file__).parent / "validate_data" / "planted-errors.trig"
# an SDG indicator no document mentions
INDICATOR = URIRef("http://metadata.un.org/sdg/C010301")


def test_a_fault_in_reference_data_no_document_mentions_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPKG_CACHE_DIR", str(tmp_path / "cache"))
    dataset = load_asserted([PLANTED])
    before = validate_dataset(dataset)
    assert not [r for r in before.results if r.focus == INDICATOR]
    dataset.graph(REFERENCE_GRAPH).add((INDICATOR, SKOS.prefLabel, Literal("second", lang="en")))
    after = validate_dataset(dataset)
    (found,) = [r for r in after.results if r.focus == INDICATOR]
    assert found.severity == "Violation" and found.shape_file == "labels.ttl"
    assert after.counts["Violation"] == before.counts["Violation"] + 1
    assert "sh:conforms false" in after.serialize("turtle")
    # the report is cached on content: the same input is not validated again
    assert len(list((tmp_path / "cache" / "validate").glob("*.nt"))) == 2
    again = validate_dataset(dataset)
    assert [r.focus for r in again.results] == [r.focus for r in after.results]
