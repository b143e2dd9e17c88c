"""The time picker through AppTest: quick ranges, absolute ranges in UTC, and their links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import model
from tests.dashboard.test_share import opened

Run = Callable[..., AppTest]
KILLED = "People killed (new incidents)"


def killed(at: AppTest) -> str:
    return {m.label: m.value for m in at.metric}[KILLED]


def minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def test_the_picker_offers_quick_and_absolute_ranges(filled: datetime, app: Run) -> None:
    at = app()
    picker = at.selectbox(key="window")
    assert picker.label == "Time range" and picker.value == "Last 1 h"
    assert {"Last 15 min", "Last 24 h", "Last 7 d", "Today so far", "Yesterday",
            "Absolute range"} <= set(picker.options)  # fmt: skip
    assert not at.text_input  # the absolute range's inputs only show for it
    assert "2 d" in at.selectbox(key="bucket").options


def test_an_absolute_range_sets_the_window_and_the_link(filled: datetime, app: Run) -> None:
    at = app()
    at.selectbox(key="window").set_value("Absolute range").run()
    assert [t.label for t in at.text_input] == ["From (UTC)", "To (UTC)"]
    # A4 (90 min before, 2 killed) and A1 (50 min before, 12 killed); not A3 (10 min before)
    start, end = minute(filled - timedelta(minutes=100)), minute(filled - timedelta(minutes=40))
    at.text_input(key="abs_from").set_value(start).run()
    at.text_input(key="abs_to").set_value(end).run()
    assert not at.exception
    assert killed(at) == "14"
    assert any(c.value.startswith(f"{start}:00 UTC → {end}:00 UTC") for c in at.caption)
    assert not any("still filling" in c.value for c in at.caption)  # a finished range
    params = at.query_params
    assert (params["window"], params["from"], params["to"]) == ("Absolute range", start, end)


def test_an_unreadable_absolute_range_says_so(filled: datetime, app: Run) -> None:
    at = app()
    at.selectbox(key="window").set_value("Absolute range").run()
    at.text_input(key="abs_from").set_value("last tuesday").run()
    errors = [e.value for e in at.sidebar.error]
    assert any("'last tuesday' is not a UTC time like 2025-01-31" in e for e in errors)
    assert killed(at) == "17"  # the default last hour meanwhile: A1 and A3
    at.text_input(key="abs_from").set_value(minute(filled)).run()
    at.text_input(key="abs_to").set_value(minute(filled - timedelta(hours=1))).run()
    assert any("before it starts" in e.value for e in at.sidebar.error)


def test_a_shared_absolute_range_opens_as_sent(filled: datetime) -> None:
    start, end = minute(filled - timedelta(minutes=100)), minute(filled - timedelta(minutes=40))
    at = opened({"window": "Absolute range", "from": start, "to": end})
    assert at.text_input(key="abs_from").value == start
    assert killed(at) == "14"


def test_an_older_custom_link_opens_as_an_absolute_range(filled: datetime) -> None:
    day = filled.date().isoformat()
    at = opened({"window": "Custom", "from": day, "to": day, "bucket": "1 day"})
    assert at.selectbox(key="window").value == "Absolute range"
    assert at.selectbox(key="bucket").value == "1 d"
    caption = " ".join(c.value for c in at.caption)
    assert f"{day} 00:00:00 UTC →" in caption  # the whole day, as the old link meant


@pytest.mark.usefixtures("filled")
def test_a_range_ending_now_marks_its_last_bucket(app: Run) -> None:
    at = app()
    at.selectbox(key="window").set_value("Last 15 min").run()
    assert not at.exception
    assert any("still filling" in c.value for c in at.caption)
    assert at.selectbox(key="bucket").value == "Auto"
    assert model.choose_bucket("Auto", model.resolve_window("Last 15 min", 0, None))[0] == (
        model.MINUTE
    )
