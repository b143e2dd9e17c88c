"""Synthetic generator: deterministic per seed, varied, realistic in shape."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest

from producers.synthetic import DEFAULT_START, generate, pace
from wirewatch.events import ArticleEvent

CASUALTY = re.compile(r"\b(killed|dead|death toll|wounded|hostages)\b", re.IGNORECASE)
NEGOTIATION = re.compile(r"\b(talks|cease-fire|truce|Security Council|released)\b")
CONFLICT = re.compile(
    r"\b(kill|dead|death|wound|hostage|cease-fire|truce|strike|rocket|siren|aid|military|army)",
    re.IGNORECASE,
)


def sample(seed: int = 11, count: int = 300) -> list[ArticleEvent]:
    return list(generate(seed, count, DEFAULT_START))


def test_same_seed_gives_the_same_articles_and_ids() -> None:
    assert sample(5, 60) == sample(5, 60)


def test_different_seeds_give_different_articles() -> None:
    one, other = sample(5, 40), sample(6, 40)

    assert {e.article_id for e in one}.isdisjoint(e.article_id for e in other)
    assert [e.body for e in one] != [e.body for e in other]


def test_ids_come_from_stable_synthetic_urls() -> None:
    events = sample(42, 3)

    assert [e.url for e in events] == [
        f"https://synthetic.wirewatch.invalid/42/{n}" for n in range(3)
    ]
    assert len({e.article_id for e in sample(42, 300)}) == 300


def test_mix_has_casualty_negotiation_and_noise_articles() -> None:
    events = sample()
    casualty = [e for e in events if CASUALTY.search(e.body)]
    negotiation = [e for e in events if NEGOTIATION.search(e.body)]
    noise = [e for e in events if not CONFLICT.search(e.title + " " + e.body)]

    assert len(casualty) > 60
    assert len(negotiation) > 40
    assert len(noise) > 15
    assert any(re.search(r"\d{1,3},\d{3}", e.body) for e in casualty)


def test_casualty_figures_vary() -> None:
    figures = {
        match.group(1)
        for event in sample()
        for match in re.finditer(r"(\d[\d,]*) people", event.body)
    }

    assert len(figures) > 50


def test_cumulative_death_toll_never_falls() -> None:
    tolls = [
        int(match.group(1).replace(",", ""))
        for event in sample(3, 400)
        if (match := re.search(r"death toll had risen to ([\d,]+)", event.body))
    ]

    assert len(tolls) > 5
    assert tolls == sorted(tolls)


def test_bodies_have_realistic_length_and_no_unfilled_slots() -> None:
    events = sample()
    words = [len(e.body.split()) for e in events]

    assert min(words) >= 80
    assert max(words) <= 650
    assert sum(words) / len(words) > 200
    assert not [e for e in events if "{" in e.body + e.title or "}" in e.body + e.title]


def test_published_times_advance_from_start_and_are_aware() -> None:
    start = datetime(2025, 6, 1, tzinfo=UTC)
    events = list(generate(9, 50, start))
    times = [e.published_at for e in events]

    assert all(t is not None and t.tzinfo is not None for t in times)
    assert times == sorted(times)
    assert times[0] is not None and times[0] > start
    assert all(e.ingested_at > e.published_at for e in events if e.published_at)


def test_live_mode_stamps_now_but_keeps_text_and_ids() -> None:
    before = datetime.now(UTC)
    live = list(generate(4, 10, DEFAULT_START, live=True))

    assert [e.article_id for e in live] == [e.article_id for e in sample(4, 10)]
    assert all(e.published_at and e.published_at >= before for e in live)


def test_naive_start_is_refused() -> None:
    naive = datetime(2024, 1, 1)  # noqa: DTZ001  # the point of the test

    with pytest.raises(ValueError, match="timezone-aware"):
        next(generate(1, 1, naive))


def test_unbounded_count_keeps_going() -> None:
    events = generate(1, None, DEFAULT_START)

    assert len([next(events) for _ in range(500)]) == 500


def test_pace_stops_when_asked() -> None:
    stop = threading.Event()
    seen = []
    for event in pace(generate(2, None, DEFAULT_START), 0, stop):
        seen.append(event)
        if len(seen) == 5:
            stop.set()

    assert len(seen) == 5


def test_source_can_be_overridden() -> None:
    [event] = generate(1, 1, DEFAULT_START + timedelta(days=1), source="demo")

    assert event.source == "demo"
