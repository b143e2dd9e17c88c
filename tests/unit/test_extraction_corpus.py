"""Precision and recall floors on the labelled corpora (figures measured by the bench)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consumers.extraction import extract
from consumers.extraction.evaluate import Counts, Report, evaluate, expected_summary, load_corpus

DATA = Path(__file__).resolve().parents[1] / "data"
# category -> (precision floor, recall floor); a little under what was measured
CORPUS_FLOORS = {
    "casualty": (0.95, 0.93),
    "negotiation": (0.95, 0.93),
    "mediator": (0.95, 0.93),
    "military": (0.95, 0.93),
    "humanitarian": (0.95, 0.93),
    "actor": (0.95, 0.93),
    "location": (0.95, 0.93),
}
# written after the rules were tuned: lower, honest floors. Its known negotiation misses
# (vote tallies, "met ... to discuss", cabinet approvals) were later fixed by general rules,
# so for negotiations it is no longer untouched; heldout2 takes that role.
HELDOUT_FLOORS = {
    "casualty": (0.90, 0.85),
    "negotiation": (0.90, 0.85),
    "military": (0.85, 0.85),
    "humanitarian": (0.85, 0.70),
    "actor": (0.85, 0.85),
    "location": (0.85, 0.85),
}

# written after those fixes, before the engine was run on it, and never tuned on
HELDOUT2_FLOORS = {
    "casualty": (0.90, 0.80),
    "negotiation": (0.85, 0.50),
    "mediator": (0.90, 0.60),
    "military": (0.70, 0.90),
    "humanitarian": (0.90, 0.60),
    "location": (0.90, 0.90),
}


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return load_corpus(DATA / "extraction_corpus.jsonl")


def _check(report: Report, floors: dict[str, tuple[float, float]]) -> None:
    for category, (p_floor, r_floor) in floors.items():
        counts = report.counts[category]
        assert counts.tp > 0, category
        assert counts.precision >= p_floor, (category, counts)
        assert counts.recall >= r_floor, (category, counts)


def test_corpus_is_large_and_covers_every_kind_and_event(corpus: list[dict]) -> None:
    assert len(corpus) >= 300
    kinds = {c["kind"] for case in corpus for c in case["expect"].get("casualties", [])}
    events = {e for case in corpus for e in case["expect"].get("negotiations", [])}
    assert kinds == {"killed", "wounded", "missing", "hostage", "detained"}
    assert len(events) == 18
    negatives = [case for case in corpus if case["expect"].get("casualties") == []]
    assert len(negatives) >= 50


def test_corpus_floors(corpus: list[dict]) -> None:
    report = evaluate(corpus, extract)
    _check(report, CORPUS_FLOORS)
    for name, (right, total) in report.accuracy.items():
        if name.startswith("summary."):
            assert right / total >= 0.95, name


@pytest.mark.parametrize(
    ("name", "floors"),
    [("extraction_heldout", HELDOUT_FLOORS), ("extraction_heldout2", HELDOUT2_FLOORS)],
)
def test_heldout_floors(name: str, floors: dict[str, tuple[float, float]]) -> None:
    cases = load_corpus(DATA / f"{name}.jsonl")
    assert len(cases) >= 40
    _check(evaluate(cases, extract), floors)


def test_counts_arithmetic() -> None:
    counts = Counts(tp=8, fp=2, fn=8)
    assert (counts.precision, counts.recall) == (0.8, 0.5)
    assert round(counts.f1, 4) == round(2 * 0.8 * 0.5 / 1.3, 4)


def test_scoring_notices_a_wrong_extraction() -> None:
    case = {"id": "x", "text": "Five people were killed.",
            "expect": {"casualties": [{"kind": "killed", "count": 6, "scope": "incident"}],
                       "negotiations": []}}  # fmt: skip
    report = evaluate([case], extract)
    assert report.misses == ["x"]
    assert (report.counts["casualty"].fp, report.counts["casualty"].fn) == (1, 1)


def test_expected_summary_skips_subsets_and_repeats() -> None:
    expect = {"casualties": [
        {"kind": "killed", "count": 12, "scope": "incident"},
        {"kind": "killed", "count": 5, "scope": "incident", "subset": True},
        {"kind": "killed", "count": 12, "scope": "incident"},
        {"kind": "killed", "count": 900, "scope": "cumulative"},
    ], "negotiations": []}  # fmt: skip
    assert expected_summary(expect) == {
        "killed": 12, "wounded": 0, "death_toll": 900, "negotiation": False,
    }  # fmt: skip


def test_expected_summary_flag_follows_the_case() -> None:
    called = {"casualties": [], "negotiations": ["call_for_ceasefire"], "negotiation_flag": False}
    agreed = {"casualties": [], "negotiations": ["agreement_reached"]}
    assert expected_summary(called)["negotiation"] is False
    assert expected_summary(agreed)["negotiation"] is True


def test_flagged_cases_are_calls_violations_or_not_yet_done() -> None:
    flagged = [case for name in ("extraction_corpus", "extraction_heldout", "extraction_heldout2")
               for case in load_corpus(DATA / f"{name}.jsonl")
               if "negotiation_flag" in case["expect"]]  # fmt: skip
    assert len(flagged) >= 20
    for case in flagged:
        assert case["expect"]["negotiations"], case["id"]
        assert case["expect"]["negotiation_flag"] is False, case["id"]
