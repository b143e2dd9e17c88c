"""The Overview's layout in real Chromium: a phone reaches the first chart within one
screen, and no card title is cut short (ellipsised or clipped) on a phone or a laptop."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dashboard.serving import CHROMIUM, REPO
from tests.dashboard.test_browser_views import browser, sample_store, served  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]
SHOTS = REPO / "artifacts"
PHONE = (400, 800)
LAPTOP = (1280, 900)
# every element of a card title or value whose text does not fit its box
CUT_SHORT = """() => {
  const cut = [];
  const parts = '[data-testid="stMetricLabel"], [data-testid="stMetricValue"]';
  for (const card of document.querySelectorAll(parts)) {
    for (const el of [card, ...card.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      const wide = el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible';
      const tall = el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible';
      if (wide || tall || (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth)) {
        cut.push(`${card.innerText} (${el.scrollWidth}x${el.scrollHeight} in `
                 + `${el.clientWidth}x${el.clientHeight})`);
      }
    }
  }
  return cut;
}"""


def overview(browser: Any, url: str, size: tuple[int, int]) -> Any:  # noqa: F811
    """The Overview at ``size``, once its cards and first chart have drawn."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(url)
    cards = page.locator('[data-testid="stMetric"]')
    expect(cards.first).to_be_visible(timeout=60_000)
    first = page.locator('[data-testid="stVegaLiteChart"]').first
    expect(first.locator("canvas, svg").first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(1500)  # fonts and the second pass of the layout
    return page


@pytest.mark.timeout(240)
def test_a_phone_reaches_the_first_chart_within_one_screen(served: str, browser: Any) -> None:  # noqa: F811
    page = overview(browser, served, PHONE)
    assert page.evaluate("window.scrollY") == 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard-400px.png"))
    top = page.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()["y"]
    assert top < PHONE[1], f"the first chart starts at {top:.0f} px on an {PHONE[1]} px screen"


@pytest.mark.timeout(240)
@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["400px", "1280px"])
def test_no_card_title_is_cut_short(served: str, browser: Any, size: tuple[int, int]) -> None:  # noqa: F811
    page = overview(browser, served, size)
    titles = page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    assert "People killed (new incidents)" in titles and any("Death toll" in t for t in titles)
    assert page.evaluate(CUT_SHORT) == []
