"""Every page through Streamlit's AppTest: with data, filtered, empty, and store unreachable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

PAGES = [
    "sections/overview.py",
    "sections/articles.py",
    "sections/drilldown.py",
    "sections/health.py",
]
Run = Callable[..., AppTest]


def metrics(at: AppTest) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.delta or None) for m in at.metric}


def html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


@pytest.mark.usefixtures("filled")
def test_overview_headline_figures_and_deltas(app: Run) -> None:
    at = app()
    shown = metrics(at)
    # last hour: A1 (12 killed, 30 wounded), A2 (2 negotiation events), A3 (5 killed);
    # the hour before: A4 (2 killed). Toll: 34,050 in Gaza, none before the window.
    assert shown["People killed (new incidents)"] == ("17", "+15")
    assert shown["People wounded (new incidents)"] == ("30", "+30")
    assert shown["Negotiation events"] == ("2", "+2")
    # the pace of the window's last 10 minutes: A3 is just older than that, as is the
    # end of the hour before
    assert shown["Articles / min"] == ("0.00", "+0.00")
    assert shown["Death toll, Gaza"] == ("34,050", None)
    # two trends, the map, sources, negotiations, actors, places
    assert len(at.get("vega_lite_chart")) == 7


@pytest.mark.usefixtures("filled")
def test_overview_window_and_run_change_the_figures(app: Run) -> None:
    at = app()
    at.selectbox(key="window").set_value("Last 24 h").run()
    assert metrics(at)["People killed (new incidents)"][0] == "19"  # A4 joins
    at.selectbox(key="run").set_value("replay-1").run()
    shown = metrics(at)
    assert shown["People wounded (new incidents)"][0] == "3"
    assert shown["People killed (new incidents)"][0] == "0"


@pytest.mark.usefixtures("filled")
def test_overview_all_has_no_deltas_and_explains_a_figure(app: Run) -> None:
    at = app()
    at.selectbox(key="window").set_value("All").run()
    assert metrics(at)["People killed (new incidents)"] == ("19", None)
    at.selectbox(key="figure").set_value("People killed (new incidents)").run()
    shown = html(at)
    assert "<mark>12 people were killed</mark>" in shown
    assert "<mark>Two people</mark> were killed in Jenin" in shown


@pytest.mark.usefixtures("filled")
def test_articles_feed_newest_first_with_escaped_evidence(app: Run) -> None:
    at = app("sections/articles.py")
    shown = html(at)
    titles = ["Shelling in Khan Younis", "Ceasefire talks", "Airstrike hits Rafah", "Jenin"]
    positions = [shown.index(t) for t in titles]
    assert positions == sorted(positions)
    assert "Beirut" not in shown  # another run
    assert "&lt;i&gt;Doha&lt;/i&gt;" in shown and "<i>" not in shown
    assert "&lt;script&gt;x&lt;/script&gt;" in shown and "<script>" not in shown
    assert "Shelling <mark>killed 5 people</mark> in Khan Younis." in shown


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize(
    ("key", "value", "present", "absent"),
    [
        ("f_source", "AP", ["Ceasefire talks", "Jenin"], ["Rafah"]),
        ("f_actor", "Qatar", ["Ceasefire talks", "Khan Younis"], ["Jenin"]),
        ("f_location", "Jenin", ["Overnight raid in Jenin"], ["Rafah", "Doha"]),
        ("f_kind", "military:airstrike", ["Airstrike hits Rafah"], ["Khan Younis", "Jenin"]),
    ],
)
def test_articles_filters(app: Run, key: str, value: str, present: list, absent: list) -> None:
    at = app("sections/articles.py")
    at.selectbox(key=key).set_value(value).run()
    shown = html(at)
    assert all(text in shown for text in present)
    assert not any(text in shown for text in absent)


@pytest.mark.usefixtures("filled")
def test_articles_text_search_and_no_match(app: Run) -> None:
    at = app("sections/articles.py")
    at.text_input(key="f_text").input("death toll").run()
    shown = html(at)
    assert "Rafah" in shown and "Khan Younis" in shown and "Jenin" not in shown
    at.text_input(key="f_text").input("no such words").run()
    assert "No article matches these filters" in at.info[0].value


@pytest.mark.usefixtures("filled")
def test_drilldown_shows_evidence_for_a_figure(app: Run) -> None:
    at = app("sections/drilldown.py")
    at.selectbox(key="drill_figure").set_value("Death toll: Gaza").run()
    shown = html(at)
    assert "34,050 killed (cumulative) in Gaza" in shown
    assert "34,000 killed (cumulative) in Gaza" in shown
    at.selectbox(key="drill_figure").set_value("Negotiation events").run()
    assert "Qatar and Egypt <mark>mediated talks</mark>" in html(at)


@pytest.mark.usefixtures("filled")
def test_health_page_without_broker(app: Run) -> None:
    at = app("sections/health.py")
    assert "Kafka broker unreachable" in at.error[0].value
    shown = metrics(at)
    assert shown["Broker"][0] == "unreachable"
    assert shown["Dead letters"][0] == "0"
    assert shown["Last message processed"][0] == "10 min ago"
    assert any("No dead letters" in c.value for c in at.caption)


@pytest.mark.usefixtures("filled")
def test_health_page_lists_the_latest_dead_letters(app: Run, store_url: str) -> None:
    from wirewatch.store import DeadLetter

    store = _rule_store(store_url)
    failed = datetime.now(UTC)
    store.save_dead_letter(DeadLetter("articles", 1, 7, "message is not valid JSON", b"{", failed))
    store.close()
    at = app("sections/health.py")
    assert metrics(at)["Dead letters"][0] == "1"
    shown = " ".join(str(frame.value.to_dict()) for frame in at.dataframe)
    assert "message is not valid JSON" in shown
    assert not any("No dead letters" in c.value for c in at.caption)


@pytest.mark.usefixtures("store_url")
@pytest.mark.parametrize("page", PAGES)
def test_empty_store_says_what_to_do(app: Run, page: str) -> None:
    at = app(page)
    assert any("wirewatch produce synthetic" in i.value for i in at.info), page
    assert not [e for e in at.error if "Metrics store unreachable" in e.value]


@pytest.mark.parametrize("page", PAGES)
def test_unreachable_store_shows_a_banner(
    app: Run, page: str, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIREWATCH_STORE_URL", "sqlite:////dev/null/not-a-dir/metrics.db")
    at = app(page)
    banners = [e.value for e in at.error if "Metrics store unreachable" in e.value]
    assert banners, page
    assert "/dev/null/not-a-dir/metrics.db" in banners[0]


def test_paused_refresh_and_interval(app: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_REFRESH_SECONDS", "3")
    at = app()
    assert at.selectbox(key="refresh").value == 3.0
    at.toggle(key="paused").set_value(True).run()
    assert not at.exception


def chart_values(at: AppTest, column: str) -> list[Any]:
    """Every value of ``column`` in the data sent with the page's charts."""
    found: list[Any] = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            table = pa.ipc.open_stream(dataset.data.data).read_all()
            if column in table.column_names:
                found.extend(table.column(column).to_pylist())
    return found


def _rule_store(store_url: str) -> Any:
    from wirewatch.store import open_store

    return open_store(store_url)


@pytest.mark.usefixtures("filled")
def test_enabled_killed_rules_are_drawn_as_threshold_lines(app: Run, store_url: str) -> None:
    from consumers.alerts.rules import AlertRule
    from wirewatch.store import alerts as alert_store

    store = _rule_store(store_url)
    alert_store.save_rule(store, AlertRule("k", "Mass casualty", "killed", 15.0))
    alert_store.save_rule(store, AlertRule("off", "Disabled", "killed", 99.0, enabled=False))
    alert_store.save_rule(store, AlertRule("t", "Toll", "death_toll", 50_000.0))
    store.close()
    at = app()
    at.selectbox(key="bucket").set_value("1 h").run()  # the rule sums over 1 h
    assert chart_values(at, "label") == ["Mass casualty (killed >= 15)"]


@pytest.mark.usefixtures("filled")
def test_a_firing_rule_is_a_banner_on_every_page(app: Run, store_url: str) -> None:
    from consumers.alerts.rules import AlertRule
    from consumers.alerts.state import FIRING, RuleState
    from wirewatch.store import alerts as alert_store

    store = _rule_store(store_url)
    alert_store.save_rule(store, AlertRule("k", "Mass casualty", "killed", 15.0))
    since = datetime.now(UTC)
    alert_store.save_batch(store, "live", [], [RuleState("k", FIRING, since, 17.0)], [])
    store.close()
    for page in [None, *PAGES[1:], "sections/alerts.py", "sections/replay.py"]:
        at = app(page)
        banners = [e.value for e in at.error]
        assert any("Mass casualty" in text and "firing" in text for text in banners), page


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize(("page", "heading"), [("sections/alerts.py", "Alerts"),
                                               ("sections/replay.py", "Replays")])  # fmt: skip
def test_alerts_and_replay_pages_are_in_the_app(app: Run, page: str, heading: str) -> None:
    at = app(page)
    assert heading in [h.value for h in at.header] + [t.value for t in at.title]
