"""Score extractions against a labelled corpus: precision, recall and F1 per category.

A corpus case is ``{"id", "text", "expect"}``; ``expect`` may hold any of:

- ``casualties``: list of ``{"kind", "count", "scope"}`` (extra keys such as ``who``,
  ``where``, ``authority``, ``approximate`` are checked as attributes of matched items;
  ``subset`` marks a figure inside another and only shapes the expected summary),
- ``negotiations``: list of event types; ``mediators``: list of mediator names;
  ``negotiation_flag``: the expected summary flag when the events alone do not set it (a
  violation, a call, an event demanded, supposed or recalled is reported but no development),
- ``signals``: ``{"military": [...], "humanitarian": [...], "actor": [...], "location": [...]}``,
- ``summary``: ``{"killed", "wounded", "death_toll", "negotiation"}`` (derived from the
  casualties and negotiations when absent).

A key that is absent is not scored for that case, so a case about casualties need not
list every place it names. Everything here is pure; the test and the bench share it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.metrics import Extraction

SIGNAL_CATEGORIES = ("military", "humanitarian", "actor", "location")
SUMMARY_FIELDS = ("killed", "wounded", "death_toll", "negotiation")
ATTRIBUTES = ("who", "where", "authority", "approximate", "low", "high", "as_of")


@dataclass
class Counts:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, expected: Counter[Any], found: Counter[Any]) -> None:
        hit = sum((expected & found).values())
        self.tp += hit
        self.fp += sum(found.values()) - hit
        self.fn += sum(expected.values()) - hit


@dataclass
class Report:
    """Per-category counts, summary and attribute accuracy, and the cases that missed."""

    counts: dict[str, Counts] = field(default_factory=dict)
    accuracy: dict[str, tuple[int, int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def count(self, category: str) -> Counts:
        return self.counts.setdefault(category, Counts())

    def tally(self, name: str, ok: bool) -> None:
        right, total = self.accuracy.get(name, (0, 0))
        self.accuracy[name] = (right + ok, total + 1)


def load_corpus(path: Path) -> list[dict[str, Any]]:
    """The cases of a JSON Lines corpus."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def expected_summary(expect: dict[str, Any]) -> dict[str, Any]:
    """The summary a case implies: distinct incident figures summed, largest toll.

    The negotiation flag is set by any expected event unless the case says otherwise with
    ``negotiation_flag`` (a violation, a call, or an event demanded, supposed or recalled).
    """
    if "summary" in expect:
        return dict(expect["summary"])
    totals = {"killed": 0, "wounded": 0}
    seen: set[tuple[str, int]] = set()
    toll = None
    for item in expect.get("casualties", []):
        kind, count = item["kind"], item["count"]
        if kind == "killed" and item["scope"] == "cumulative":
            toll = max(toll or 0, count)
        elif kind in totals and not item.get("subset") and (kind, count) not in seen:
            seen.add((kind, count))
            totals[kind] += count
    flag = expect.get("negotiation_flag", bool(expect.get("negotiations")))
    return {**totals, "death_toll": toll, "negotiation": flag}


def _score_casualties(expect: list[dict[str, Any]], got: Extraction, report: Report) -> bool:
    wanted = Counter((c["kind"], c["count"], c["scope"]) for c in expect)
    found = Counter((c.kind, c.count, c.scope) for c in got.casualties)
    report.count("casualty").add(wanted, found)
    for item in expect:
        key = (item["kind"], item["count"], item["scope"])
        matches = [c for c in got.casualties if (c.kind, c.count, c.scope) == key]
        for attr in ATTRIBUTES:
            if attr in item and matches:
                report.tally(f"casualty.{attr}", any(getattr(c, attr) == item[attr]
                                                     for c in matches))  # fmt: skip
    return wanted == found


def _score_set(category: str, wanted: Iterable[str], found: Iterable[str], report: Report) -> bool:
    want, have = Counter(set(wanted)), Counter(set(found))
    report.count(category).add(want, have)
    return want == have


def score_case(case: dict[str, Any], got: Extraction, report: Report) -> None:
    """Add one case's comparison to ``report``."""
    expect, ok = case["expect"], True
    if "casualties" in expect:
        ok &= _score_casualties(expect["casualties"], got, report)
    if "negotiations" in expect:
        ok &= _score_set("negotiation", expect["negotiations"],
                         (n.event for n in got.negotiations), report)  # fmt: skip
    if "mediators" in expect:
        ok &= _score_set("mediator", expect["mediators"],
                         (m for n in got.negotiations for m in n.mediators), report)  # fmt: skip
    for category, names in expect.get("signals", {}).items():
        ok &= _score_set(
            category, names, (s.name for s in got.signals if s.category == category), report
        )
    if "casualties" in expect and "negotiations" in expect or "summary" in expect:
        summary = expected_summary(expect)
        for name in SUMMARY_FIELDS:
            right = getattr(got.summary, name) == summary[name]
            report.tally(f"summary.{name}", right)
            ok &= right
    if not ok:
        report.misses.append(case["id"])


def evaluate(cases: Iterable[dict[str, Any]], extract: Callable[[str], Extraction]) -> Report:
    """Run ``extract`` on every case and score it."""
    report = Report()
    for case in cases:
        score_case(case, extract(case["text"]), report)
    return report


def markdown(report: Report) -> str:
    """The report as two markdown tables: categories, then accuracies."""
    lines = [
        "| category | tp | fp | fn | precision | recall | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, c in sorted(report.counts.items()):
        lines.append(f"| {name} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.3f} | "
                     f"{c.recall:.3f} | {c.f1:.3f} |")  # fmt: skip
    lines += ["", "| field | correct | total | accuracy |", "|---|---|---|---|"]
    for name, (right, total) in sorted(report.accuracy.items()):
        lines.append(f"| {name} | {right} | {total} | {right / total:.3f} |")
    return "\n".join(lines)
