"""Regression tests for the nine bugs of issue 13, one or more per bug (AppTest and pure)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from consumers.alerts.rules import AlertRule
from consumers.alerts.state import FIRING, RuleState
from dashboard import charts, drill, model
from tests.dashboard.sample import article, casualty
from wirewatch.metrics import Extraction, Summary
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store

Run = Callable[..., AppTest]
EMPTY = {"pick": {}, "brush": {}}
PICKED = {"pick": [{"bucket_ms": 60_000, "series": "articles"}], "brush": {}}


def opened(url: str) -> SqlStore:
    return open_store(url)


def labels(at: AppTest) -> list[str]:
    return [m.label for m in at.metric]


# 1. an empty selection of one chart hid the other chart's
def test_an_empty_selection_does_not_hide_the_other_charts() -> None:
    assert drill.is_selected(EMPTY) is False
    assert drill.first_selected(EMPTY, PICKED) == PICKED
    picked = drill.trend_drill(drill.first_selected(EMPTY, PICKED), 60_000)
    assert picked is not None and picked.articles and picked.start_ms == 60_000


# 2. the figure picker was ignored once a chart point had been clicked
def test_the_newest_of_chart_and_figure_wins() -> None:
    point = drill.Drill("point", 0, 1, articles=True)
    figure = drill.Drill("figure", 0, 2, articles=True)
    memory: dict[str, Any] = {}
    assert drill.newest([point], None, memory) == point
    assert drill.newest([point], figure, memory) == point  # the click is newer
    memory["source"] = drill.FIGURE  # the figure picker's on_change
    assert drill.newest([point], figure, memory) == figure  # the same old click loses
    other = drill.Drill("other point", 5, 6, articles=True)
    assert drill.newest([other, point], figure, memory) == other  # a new click wins again
    # a click on a second chart wins over the first chart's older selection
    assert drill.newest([other, point], None, memory) == other
    assert drill.newest([point, other], None, {"seen": [other], "source": "chart"}) == point


@pytest.mark.usefixtures("filled")
def test_clear_selection_forgets_the_explained_figure(app: Run) -> None:
    at = app()
    at.selectbox(key="figure").set_value("People killed (new incidents)").run()
    assert any(m.value.startswith("**Behind:") for m in at.markdown)
    [clear] = [b for b in at.button if b.label == "Clear selection"]
    clear.click().run()
    assert at.selectbox(key="figure").value == "—"
    assert not any(m.value.startswith("**Behind:") for m in at.markdown)


def _firing(url: str) -> None:
    store = opened(url)
    alert_store.save_rule(store, AlertRule("k", "Mass casualty", "killed", 15.0))
    state = RuleState("k", FIRING, datetime.now(UTC), 17.0)
    alert_store.save_batch(store, "live", [], [state], [])
    store.close()


# 3. the Alerts page showed the banner twice; the rules table had no live value
@pytest.mark.usefixtures("filled")
def test_the_alerts_page_shows_the_banner_once_and_the_rule_value(app: Run, store_url: str) -> None:
    _firing(store_url)
    at = app("sections/alerts.py")
    banners = [e.value for e in at.error if "Mass casualty" in e.value]
    assert len(banners) == 1
    table = at.dataframe[0].value
    assert list(table["state"]) == ["firing"] and list(table["value"]) == ["17"]


@pytest.mark.usefixtures("filled")
def test_the_banner_follows_the_store_on_the_next_refresh(app: Run, store_url: str) -> None:
    at = app()
    assert not [e for e in at.error if "Mass casualty" in e.value]
    _firing(store_url)
    at.run()
    assert [e for e in at.error if "Mass casualty" in e.value]


@pytest.fixture
def no_broker(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Rule publishes write only the store mirror (the broker side has its own tests)."""
    from consumers.alerts import topic

    sent: list[str] = []
    monkeypatch.setattr(topic, "_send", lambda _s, rule_id, _v, _t: sent.append(rule_id))
    return sent


# 4. a new rule slugging to an existing id overwrote it silently; delete did not ask
@pytest.mark.usefixtures("filled")
def test_saving_over_an_existing_rule_warns_and_asks(
    app: Run, store_url: str, no_broker: list[str]
) -> None:
    store = opened(store_url)
    alert_store.save_rule(store, AlertRule("deaths", "Deaths", "killed", 99.0))
    store.close()
    at = app("sections/alerts.py")
    at.text_input(key="alerts.(new rule).name").input("Deaths").run()
    assert any("already exists" in w.value for w in at.warning)
    assert at.button(key="alerts.save").disabled
    at.checkbox(key="alerts.overwrite").check().run()
    at.button(key="alerts.save").click().run()
    assert no_broker == ["deaths"]
    assert [s.value for s in at.success] == ["Rule deaths replaced."]


@pytest.mark.usefixtures("filled")
def test_delete_asks_first_and_disable_relabels_at_once(
    app: Run, store_url: str, no_broker: list[str]
) -> None:
    store = opened(store_url)
    alert_store.save_rule(store, AlertRule("deaths", "Deaths", "killed", 99.0))
    at = app("sections/alerts.py")
    at.selectbox(key="alerts.pick").set_value("deaths").run()
    at.button(key="alerts.toggle").click().run()
    assert at.button(key="alerts.toggle").label == "Enable"
    saved = alert_store.load_rule(store, "deaths")
    assert saved is not None and not saved.enabled
    at.button(key="alerts.delete").click().run()
    assert alert_store.load_rule(store, "deaths") is not None  # not yet
    assert any("Delete rule" in w.value for w in at.warning)
    at.button(key="alerts.delete_yes").click().run()
    assert alert_store.load_rule(store, "deaths") is None
    assert [s.value for s in at.success] == ["Rule deaths deleted."]
    store.close()


# 5. time labels: 12-hour backtest axis, no year under "All", 1970 in a toll's drill
def test_time_labels_are_24_hour_utc_with_the_year_when_needed() -> None:
    long = model.Window(0, 400 * model.DAY)
    new_year = model.Window(
        model.to_ms(datetime(2025, 12, 31, 20, tzinfo=UTC)),
        model.to_ms(datetime(2026, 1, 1, 4, tzinfo=UTC)),
    )
    assert model.spans_years(long) and model.spans_years(new_year)
    assert not model.spans_years(model.Window(0, model.DAY))
    assert "%Y" in charts.time_format(with_year=True) and "%H" in charts.DAY_LABEL
    assert "1970" not in model.fmt_span(0, model.now_ms())


def test_the_backtest_axis_reads_24_hour_utc() -> None:
    from consumers.alerts.evaluation import Point
    from dashboard.sections.alerts import backtest_chart

    at = datetime(2026, 3, 1, 15, tzinfo=UTC)
    points = [Point(at, 1.0), Point(at + timedelta(hours=1), 12.0)]
    rule = AlertRule("r", "r", "killed", 10.0, window_seconds=600)
    spec = str(backtest_chart(points, [], rule).to_dict())
    assert "%H:%M" in spec and "%I" not in spec and "event time (UTC)" in spec
    assert "sum of killed over 10m" in spec  # the threshold sits on the rule's own value


@pytest.mark.usefixtures("filled")
def test_a_tolls_drilldown_does_not_start_in_1970(app: Run) -> None:
    at = app("sections/drilldown.py")
    at.selectbox(key="drill_figure").set_value("Death toll: Gaza").run()
    captions = " ".join(c.value for c in at.caption)
    assert "1970" not in captions and "everything reported up to" in captions


@pytest.mark.usefixtures("filled")
def test_the_overview_under_all_shows_the_year_on_its_axis(app: Run) -> None:
    at = app()
    at.selectbox(key="window").set_value("All").run()
    specs = " ".join(c.proto.spec for c in at.get("vega_lite_chart"))
    assert "%d %b %H:%M" in specs  # the sample spans 90 minutes: no year needed
    custom = model.resolve_window("All", model.now_ms(), (0, model.now_ms()))
    assert model.spans_years(custom)


# 6. a chosen bucket size was replaced silently; the rate averaged the whole window
@pytest.mark.usefixtures("filled")
def test_a_grown_bucket_size_is_said(app: Run) -> None:
    at = app()
    at.selectbox(key="window").set_value("Last 7 d").run()
    at.selectbox(key="bucket").set_value("1 min").run()
    notes = [i.value for i in at.info]
    assert any("Buckets of 1 min would draw 10,080 points" in n for n in notes)
    assert any("buckets of 15 min" in c.value for c in at.caption)


@pytest.mark.usefixtures("filled")
def test_the_article_rate_is_the_current_pace(app: Run, store_url: str) -> None:
    store = opened(store_url)
    now = datetime.now(UTC)
    for i in range(5):
        store.save(article(f"Fresh {i}.", now - timedelta(minutes=2), title=f"f{i}", source="AP"))
    store.close()
    at = app()
    at.selectbox(key="window").set_value("All").run()
    rate = {m.label: m.value for m in at.metric}["Articles / min"]
    assert rate == "0.50"  # 5 articles in the last 10 minutes, not 9 over the whole run


# 7. "Showing 50 of 200" when 235 rows matched
@pytest.mark.usefixtures("store_url")
def test_the_drilldown_counts_every_matching_row(app: Run, store_url: str) -> None:
    store = opened(store_url)
    now = datetime.now(UTC)
    for i in range(235):
        body = f"One person was killed in Gaza, report {i}."
        found = Extraction(
            casualties=(casualty(body, "killed", 1, "incident", "Gaza", body, "One person"),),
            summary=Summary(killed=1),
        )
        at_time = now - timedelta(seconds=10 + i)
        store.save(article(body, at_time, title=f"r{i}", source="AP", extraction=found))
    store.close()
    at = app()
    at.selectbox(key="figure").set_value("People killed (new incidents)").run()
    assert "Showing 50 of 235." in [c.value for c in at.caption]


# 8. a 1 h sum drawn on 1-min buckets; toll cards swapping places
def test_only_thresholds_of_the_buckets_own_span_are_drawn() -> None:
    rules = [("hourly", 10.0, "sum", 3600), ("minute", 3.0, "sum", 60), ("peak", 9.0, "max", 60)]
    drawn, notes = model.split_thresholds(rules, model.MINUTE)
    assert drawn == [("minute", 3.0)]
    assert notes[0] == "hourly: sum over 1 h, not drawn on buckets of 1 min"
    assert len(notes) == 2


@pytest.mark.usefixtures("filled")
def test_toll_cards_keep_their_places(app: Run, store_url: str) -> None:
    store = opened(store_url)
    body = "The toll in Zawiya reached 50,000."
    toll = casualty(body, "killed", 50_000, "cumulative", "Zawiya", body, "50,000")
    found = Extraction(casualties=(toll,), summary=Summary(death_toll=50_000))
    store.save(article(body, datetime.now(UTC) - timedelta(minutes=5), title="Z", source="AP",
                       extraction=found))  # fmt: skip
    store.close()
    tolls = [label for label in labels(app()) if label.startswith("Death toll")]
    assert tolls == ["Death toll, Gaza", "Death toll, Zawiya"]  # by place, not by size


# 9. `wirewatch alerts list` said nothing; the help named the wrong topic
def test_alerts_cli_says_when_there_are_no_rules(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from consumers.alerts import commands
    from consumers.alerts.alerts_cli import register

    commands.list_rules(argparse.Namespace(run_id="live"))
    assert "no alert rules" in capsys.readouterr().out
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    alerts = parser._subparsers._group_actions[0].choices["alerts"]  # type: ignore[union-attr]
    assert "alert-rules" in alerts.description and "alert_rules" not in alerts.description
    rule = replace(AlertRule("r", "r", "killed", 10.0), recovery=4.0, cooldown_seconds=300)
    line = commands.describe(rule)
    assert "recovers at 4" in line and "cool-down 300s" in line
