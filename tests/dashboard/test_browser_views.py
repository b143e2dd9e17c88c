"""The analyst's dashboard in real Chromium: shared links, drills, the live banner, the map,
downloads, the overwrite warning, and the README screenshots from the demo stream.

``streamlit run`` serves the app over a temporary store (filled with the sample
scenario, or by the real pipeline from the synthetic demo stream) on a free port.
"""

from __future__ import annotations

import csv
import io
import os
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from consumers.alerts.rules import AlertRule
from consumers.alerts.state import FIRING, OK, RuleState
from tests.dashboard.conftest import UNREACHABLE_BROKER
from tests.dashboard.sample import fill
from tests.dashboard.serving import CHROMIUM, REPO, streamlit
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store

# the README's images are rewritten only on request (`make screenshots`); a test run keeps
# its shots out of the checkout
SHOTS = REPO / ("docs" if os.environ.get("WIREWATCH_README_SHOTS") == "1" else "artifacts")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
KILLED = "People killed (new incidents)"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def serve(store_url: str, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """``streamlit run`` over ``store_url`` refreshing every second; yields its URL."""
    yield from streamlit(
        {
            **os.environ,
            "WIREWATCH_STORE_URL": store_url,
            "WIREWATCH_REFRESH_SECONDS": "1",
            "KAFKA_BOOTSTRAP_SERVERS": UNREACHABLE_BROKER,
            **(extra_env or {}),
        }
    )


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[tuple[str, SqlStore]]:
    url = f"sqlite:///{tmp_path / 'views.db'}"
    store = open_store(url)
    fill(store, datetime.now(UTC))
    yield url, store
    store.close()


@pytest.fixture
def served(sample_store: tuple[str, SqlStore]) -> Iterator[str]:
    yield from serve(sample_store[0])


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def open_page(browser: Any, url: str, width: int = 1500, height: int = 1400) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
    page.goto(url)
    page.locator('[data-testid="stSidebar"]').get_by_text("Store:").wait_for(timeout=60_000)
    return page


def choose(page: Any, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label``.

    A click that lands while the page reruns opens nothing, so the box is clicked again
    (up to five times) until the drop-down list shows the option.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    item = page.get_by_role("option", name=option, exact=True)
    for _ in range(5):
        box.click()
        try:
            item.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    item.click()


def charts(page: Any) -> Any:
    return page.locator('[data-testid="stVegaLiteChart"]')


@pytest.mark.timeout(240)
def test_a_shared_url_round_trips(served: str, browser: Any) -> None:
    from playwright.sync_api import expect

    query = urllib.parse.urlencode({"window": "Last 24 h", "figure": KILLED})
    page = open_page(browser, f"{served}/?{query}")
    expect(page.get_by_text("Behind: killed")).to_be_visible(timeout=30_000)
    killed = page.locator('[data-testid="stMetric"]').filter(has_text=KILLED).first
    expect(killed).to_contain_text("19", timeout=30_000)  # the last day holds A4 too
    choose(page, "Time range", "Last 7 d")
    # the page reruns in steps: wait for the address bar to hold both choices
    settled = "['window=Last+7+d', 'figure=People+killed'].every(p => location.search.includes(p))"
    page.wait_for_function(settled, timeout=30_000)
    again = open_page(browser, page.url)  # a colleague opens the link
    expect(again.get_by_text("Behind: killed")).to_be_visible(timeout=30_000)
    picker = again.get_by_role("combobox", name="Time range")
    expect(picker).to_have_value("Last 7 d", timeout=30_000)
    articles = open_page(browser, f"{served}/articles?source=AP")
    expect(articles.get_by_text("Overnight raid in Jenin")).to_be_visible(timeout=30_000)
    expect(articles.get_by_text("Airstrike hits Rafah")).to_have_count(0)


def brush(page: Any, chart: Any) -> None:
    """Drag across the middle of a time chart (an x-interval brush)."""
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + box["height"] * 0.55
    page.mouse.move(box["x"] + box["width"] * 0.2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.95, y, steps=8)
    page.mouse.up()


@pytest.mark.timeout(240)
@pytest.mark.parametrize("nth", [0, 1], ids=["articles chart", "casualty chart"])
def test_both_trend_charts_drill(served: str, browser: Any, nth: int) -> None:
    from playwright.sync_api import expect

    page = open_page(browser, served)
    chart = charts(page).nth(nth)
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)
    brush(page, chart)
    expect(page.get_by_text("Behind: articles from")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name="Zoom to the brushed range")).to_be_visible()
    page.get_by_role("button", name="Clear selection").click()
    expect(page.get_by_text("Behind: articles from")).to_have_count(0, timeout=30_000)


@pytest.mark.timeout(240)
def test_the_banner_appears_and_clears_live_in_a_second_page(
    sample_store: tuple[str, SqlStore], served: str, browser: Any
) -> None:
    from playwright.sync_api import expect

    _, store = sample_store
    alert_store.save_rule(store, AlertRule("k", "Mass casualty", "killed", 15.0))
    first = open_page(browser, f"{served}/alerts")
    second = open_page(browser, served)
    second.evaluate("window.__sameDocument = true")
    banner = second.locator('[data-testid="stAlert"]').filter(has_text="Mass casualty")
    expect(banner).to_have_count(0)
    since = datetime.now(UTC)
    alert_store.save_batch(store, "live", [], [RuleState("k", FIRING, since, 17.0)], [])
    expect(banner).to_have_count(1, timeout=30_000)
    expect(banner).to_contain_text("value 17")
    alert_store.save_batch(store, "live", [], [RuleState("k", FIRING, since, 23.0)], [])
    expect(banner).to_contain_text("value 23", timeout=30_000)  # not frozen
    on_alerts = first.locator('[data-testid="stAlert"]').filter(has_text="Mass casualty")
    expect(on_alerts).to_have_count(1, timeout=30_000)  # once on the Alerts page
    alert_store.save_batch(store, "live", [], [RuleState("k", OK, datetime.now(UTC))], [])
    expect(banner).to_have_count(0, timeout=30_000)
    assert second.evaluate("window.__sameDocument === true"), "the page was reloaded"


@pytest.mark.timeout(240)
def test_the_map_draws_the_outline_and_points(served: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1500, "height": 1400})
    outlines: list[int] = []
    page.on("response", lambda r: outlines.append(r.status) if "world-110m" in r.url else None)
    page.goto(served)
    heading = page.get_by_text("Where incidents happen")
    expect(heading).to_be_visible(timeout=60_000)
    the_map = charts(page).nth(2)
    expect(the_map.locator("canvas, svg").first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1500)
    assert outlines and outlines[0] == 200
    from PIL import Image

    shot = Image.open(io.BytesIO(the_map.screenshot())).convert("RGB")
    colours = shot.getcolors(maxcolors=1_000_000) or []
    reddish = sum(n for n, (r, g, b) in colours if r > 150 and g < 110 and b < 100)
    assert reddish > 50, "no killed point drawn on the map"


@pytest.mark.timeout(240)
def test_an_absolute_range_round_trips(served: str, browser: Any) -> None:
    from playwright.sync_api import expect

    page = open_page(browser, served)
    choose(page, "Time range", "Absolute range")
    now = datetime.now(UTC)
    start = (now - timedelta(minutes=100)).strftime("%Y-%m-%d %H:%M")
    end = (now - timedelta(minutes=40)).strftime("%Y-%m-%d %H:%M")
    for label, value in (("From (UTC)", start), ("To (UTC)", end)):
        box = page.get_by_label(label, exact=True)
        box.fill(value)
        box.press("Enter")
    page.wait_for_function(
        f"new URLSearchParams(location.search).get('to') === {end!r}", timeout=30_000
    )
    killed = page.locator('[data-testid="stMetric"]').filter(has_text=KILLED).first
    expect(killed).to_contain_text("14", timeout=30_000)  # A4 and A1, not A3
    again = open_page(browser, page.url)  # a colleague opens the link
    expect(again.get_by_label("From (UTC)", exact=True)).to_have_value(start, timeout=30_000)
    expect(again.locator('[data-testid="stMetric"]').filter(has_text=KILLED).first).to_contain_text(
        "14", timeout=30_000
    )


@pytest.mark.timeout(240)
def test_the_articles_csv_downloads(served: str, browser: Any) -> None:
    page = open_page(browser, f"{served}/articles")
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button").filter(has_text="CSV (4 rows)").click()
    text = Path(info.value.path()).read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["title"] for r in rows][0] == "Shelling in Khan Younis"
    assert len(rows) == 4 and "metrics" in rows[0]


@pytest.mark.timeout(240)
def test_the_editor_warns_before_overwriting(
    sample_store: tuple[str, SqlStore], served: str, browser: Any
) -> None:
    from playwright.sync_api import expect

    alert_store.save_rule(sample_store[1], AlertRule("deaths", "Deaths", "killed", 99.0))
    page = open_page(browser, f"{served}/alerts")
    name = page.get_by_label("Name", exact=True)
    name.fill("Deaths")
    name.press("Enter")
    expect(page.get_by_text("already exists")).to_be_visible(timeout=30_000)
    save = page.locator('[data-testid="stBaseButton-primary"]').filter(has_text="Save rule")
    expect(save).to_be_disabled(timeout=30_000)
    page.get_by_text("Replace rule deaths").click()
    expect(save).to_be_enabled(timeout=30_000)


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[str]:
    """The synthetic demo stream of the last two days, extracted by the real engine."""
    engine = pytest.importorskip("consumers.extraction")
    from producers.synthetic import generate
    from wirewatch.metrics import ArticleMetrics

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    store = open_store(url)
    start = datetime.now(UTC) - timedelta(days=2)
    for seed, source in ((1, "Wire A"), (2, "Wire B"), (3, "Wire C")):
        for event in generate(seed, 40, start, source=source):
            if event.published_at and event.published_at < datetime.now(UTC):
                found = engine.extract(event.body, title=event.title,
                                       published_at=event.published_at)  # fmt: skip
                store.save(ArticleMetrics(event, found, event.ingested_at))
    alert_store.save_rule(store, AlertRule("k", "Mass casualty", "killed", 40.0))
    store.close()
    yield url


@pytest.mark.timeout(300)
def test_readme_screenshots_from_the_demo_stream(demo_store: str, browser: Any) -> None:
    from playwright.sync_api import expect

    SHOTS.mkdir(exist_ok=True)
    for server in serve(demo_store):
        page = open_page(browser, f"{server}/?window=All", width=1280, height=1700)
        expect(charts(page).nth(2).locator("canvas, svg").first).to_be_visible(timeout=60_000)
        page.wait_for_timeout(4000)
        page.screenshot(path=str(SHOTS / "dashboard-overview.png"), timeout=120_000)
        page = open_page(browser, f"{server}/articles?window=All", width=1280, height=1000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(SHOTS / "dashboard-articles.png"), timeout=120_000)
        page = open_page(browser, f"{server}/alerts", width=1280, height=1100)
        choose(page, "Rule", "k")
        expect(page.get_by_text("would have fired")).to_be_visible(timeout=60_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(SHOTS / "dashboard-alerts.png"), timeout=120_000)
    from PIL import Image

    for name in ("overview", "articles", "alerts"):
        path = SHOTS / f"dashboard-{name}.png"
        shot = Image.open(path).convert("RGB")
        shot.quantize(colors=96).save(path, optimize=True)  # small PNGs for the README
        assert 10_000 < path.stat().st_size < 250_000
