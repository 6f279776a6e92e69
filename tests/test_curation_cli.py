"""`spkg curate`: acts written to the file; every user mistake is one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from spkg.cli import main
from spkg.curation.fileformat import read_acts

HERE = Path(__file__).parent / "curation"
DATA = ["--data", str(HERE / "record.trig")]
LEG = "id:organisation/labour-welfare-and-social-protection-expert-group"
MKE = "id:programme/mazdoor-ka-ehsaas"
TEXT = (HERE / "001_0844c7bbfea795f9.txt").read_text(encoding="utf-8")


_LOADED: dict[tuple[str, ...], object] = {}
_REAL_LOAD = __import__("spkg.dataset").dataset.load_asserted


@pytest.fixture(autouse=True)
def loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The graphs are read once for the module: `spkg curate` only reads them."""
    import spkg.dataset

    cache, real = _LOADED, _REAL_LOAD

    def load(files=None):  # type: ignore[no-untyped-def]
        key = tuple(map(str, files or ()))
        if key not in cache:
            cache[key] = real(files)
        return cache[key]

    monkeypatch.setattr(spkg.dataset, "load_asserted", load)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["curate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_reject_add_merge_split_write_the_file(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "curation.ttl"
    common = ["--by", "Ana Ortiz", "--file", str(file), *DATA]
    start = TEXT.index("tripartite stakeholders")
    steps = [
        ["reject", LEG, "spkg:establishedToDevelop", MKE, "--why", "misread"],
        ["add", "--label", "Tripartite stakeholders", "--type", "spkg:Body", "--span",
         "001_0844c7bbfea795f9.txt", str(start), str(start + 23), "--quote",
         "tripartite stakeholders", "--why", "missed"],
        ["merge", "id:organisation/ehsaas-delivery-unit",
         "id:organisation/mke-implementation-unit", "--why", "one unit"],
        ["split", MKE, "id:programme/mke-2021", "--document", "001_0844c7bbfea795f9.txt",
         "--label", "MKE 2021", "--type", "spkg:Programme", "--why", "two programmes"],
    ]
    for step in steps:
        code, out, err = run(capsys, *step, *common)
        assert code == 0, err
        assert out.startswith(f"{file}: {step[0]} ")
    acts = read_acts(file)
    assert sorted(a.kind for a in acts) == ["add", "merge", "reject", "split"]
    # against a graph the rejection was applied to, rejecting again says so
    from spkg.curation import apply_curation
    from spkg.dataset import load_asserted

    curated = load_asserted([HERE / "record.trig"])
    apply_curation(curated, acts)
    key = (str(HERE / "record.trig"),)
    plain, _LOADED[key] = _LOADED.get(key), curated
    try:
        code, _out, err = run(capsys, *steps[0], *common)
    finally:  # the other tests check against the graph as read
        _LOADED.pop(key)
        if plain is not None:
            _LOADED[key] = plain
    assert code == 2 and "already rejected by https://w3id.org/spkg/id/curation/reject-" in err
    assert {a.by for a in acts} == {"Ana Ortiz"}
    added = next(a for a in acts if a.kind == "add")
    assert added.anchor is not None and added.anchor.exact == "tripartite stakeholders"
    assert str(added.facts[0][0]).endswith("/organisation/tripartite-stakeholders")


@pytest.mark.parametrize(("argv", "message"), [
    (["reject", LEG, "spkg:establishedToDevelop", MKE], "--why is required"),
    (["reject", "id:organisation/nobody", "spkg:funds", MKE, "--why", "x"], "no document reads"),
    (["merge", "id:organisation/nobody", MKE, "--why", "x"], "unknown IRI"),
    (["add", LEG, "spkg:funds", "id:programme/nothing", "--why", "x"], "unknown IRI"),
    (["add", "--label", "X", "--type", "spkg:Body", "--span", "001_0844c7bbfea795f9.txt",
      "10", "5", "--why", "x"], "bad span"),
    (["add", "--label", "X", "--type", "spkg:Body", "--span", "001_0844c7bbfea795f9.txt",
      "0", "6", "--quote", "Nonsense", "--why", "x"], "bad span"),
    (["add", "--label", "X", "--type", "spkg:NoSuchClass", "--why", "x"], "unknown class"),
    (["split", MKE, "id:programme/x", "--why", "x"], "needs --document"),
    (["split", MKE, "id:programme/x", "--document", "001_0844c7bbfea795f9.txt", "--span",
      "001_0844c7bbfea795f9.txt", "917", "1041", "--why", "x"], "not both"),
    (["split", MKE, "id:programme/x", "--span", "001_0844c7bbfea795f9.txt", "0", "15",
      "--why", "x"], "no fact about"),
    (["reject", LEG, "bogus:p", MKE, "--why", "x"], "unknown prefix"),
])
def test_user_mistakes_are_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           argv: list[str], message: str) -> None:
    file = tmp_path / "curation.ttl"
    code, out, err = run(capsys, *argv, "--file", str(file), *DATA)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("spkg curate: ") and message in err, err
    assert not file.exists()  # nothing written half
