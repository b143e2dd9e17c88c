"""The typical input article: everything a reader would note is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from consumers.extraction import extract

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
SEED = SEEDS / "000_1f4445c65516f9a0.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared seed articles are absent")


def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    result = extract(text)
    signals = {(s.category, s.name) for s in result.signals}
    assert {
        ("military", "rocket_launch"),
        ("military", "air_raid_siren"),
        ("military", "airstrike"),
        ("military", "tunnel"),
        ("humanitarian", "communication_outage"),
        ("humanitarian", "displacement"),
        ("humanitarian", "aid_delivery"),
    } <= signals
    events = {n.event for n in result.negotiations}
    assert {"talks_held", "hostage_exchange", "hostage_release", "vote_postponed"} <= events
    assert "vote_scheduled" not in events  # the scheduled vote was postponed
    mediators = {m for n in result.negotiations for m in n.mediators}
    assert {"Egypt", "Qatar"} <= mediators
    assert result.summary.negotiation is True
    assert result.summary.killed == 0  # the article gives no figure
    for item in [*result.negotiations, *result.signals]:
        ev = item.evidence
        assert text[ev.start : ev.end] == ev.sentence
