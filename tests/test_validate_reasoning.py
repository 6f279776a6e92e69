"""With the inferred graph loaded, domain/range typing makes a wrongly linked entity a clash."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from spkg.dataset import load_asserted
from spkg.reason import add_inferred
from spkg.validate import validate_dataset

WRONG_LINK = Path(__file__).parent / "validate_data" / "wrong-link.trig"
PUNJAB = URIRef("https://w3id.org/spkg/id/place/punjab")


def _clashes(with_inferred: bool) -> set[str]:
    dataset = load_asserted([WRONG_LINK])
    if with_inferred:
        add_inferred(dataset, use_cache=False, progress=False)
    result = validate_dataset(dataset)
    return {str(r.shape).rsplit("#", 1)[-1] for r in result.results if r.focus == PUNJAB}


def test_wrong_link_is_a_disjointness_violation_once_inferred() -> None:
    assert "Disjoint-Place" not in _clashes(with_inferred=False)
    assert {"Disjoint-Place", "Disjoint-Organization"} <= _clashes(with_inferred=True)


def test_wrong_link_is_caught_by_sh_class_without_inference() -> None:
    dataset = load_asserted([WRONG_LINK])
    result = validate_dataset(dataset)
    partner = [r for r in result.results if str(r.shape).endswith("#Outcome-partner")]
    assert [r.value for r in partner] == [PUNJAB]
