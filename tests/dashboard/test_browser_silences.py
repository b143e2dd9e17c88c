"""Silencing and acknowledging from the Alerts page in real Chromium; a second page follows."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from consumers.alerts.rules import AlertRule
from consumers.alerts.state import FIRING, RuleState
from tests.dashboard.serving import CHROMIUM
from tests.dashboard.test_browser_views import browser, choose, open_page, sample_store, serve
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store

__all__ = ["browser", "sample_store"]  # fixtures used here

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def firing(sample_store: tuple[str, SqlStore]) -> Iterator[str]:
    """The sample store with the rule ``k`` firing, served."""
    _, store = sample_store
    alert_store.save_rule(store, AlertRule("k", "Mass casualty", "killed", 15.0))
    alert_store.save_batch(store, "live", [], [RuleState("k", FIRING, datetime.now(UTC), 17.0)], [])
    yield from serve(sample_store[0])


@pytest.mark.timeout(240)
def test_silence_and_acknowledge_from_the_page(
    sample_store: tuple[str, SqlStore], firing: str, browser: Any
) -> None:
    from playwright.sync_api import expect

    _, store = sample_store
    page = open_page(browser, f"{firing}/alerts")
    other = open_page(browser, firing)  # the Overview, left open
    banner = other.locator('[data-testid="stAlert"]').filter(has_text="Mass casualty")
    expect(banner).to_contain_text("firing since", timeout=30_000)
    expect(banner).not_to_contain_text("silenced")
    author = page.get_by_label("Your name (signs silences and acknowledgements)")
    acknowledge = page.get_by_role("button", name="Acknowledge")
    for _ in range(3):  # a name typed while the page reruns can be lost: type it again
        author.fill("ana")
        author.press("Enter")
        if _settled(acknowledge.is_enabled):
            break
    acknowledge.click()
    expect(page.get_by_text("Acknowledged k.")).to_be_visible(timeout=30_000)
    expect(banner).to_contain_text("acknowledged by ana", timeout=30_000)
    choose(page, "Alert to silence", "k")
    length = page.get_by_label("For (e.g. 30m, 2h, 1d)")
    length.fill("2h")
    page.get_by_label("Comment").fill("verifying the figure")
    page.get_by_role("button", name="Silence", exact=True).click()
    expect(page.get_by_text("Silenced rule=k.")).to_be_visible(timeout=30_000)
    expect(banner).to_contain_text("silenced by ana", timeout=30_000)  # live, no navigation
    [made] = silence_store.silences(store)
    assert (made.matchers, made.author, made.comment) == (
        {"rule": "k"}, "ana", "verifying the figure")  # fmt: skip
    page.get_by_role("button", name="End").click()
    expect(banner).not_to_contain_text("silenced", timeout=30_000)


def _settled(check: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Whether ``check`` holds within ``seconds`` (polled)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)
    return True
