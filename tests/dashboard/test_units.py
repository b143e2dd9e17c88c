"""Pure dashboard helpers: escaping evidence, windows and buckets, chart selections."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dashboard import drill, model
from dashboard.evidence import body_html, mark_spans, sentence_html
from dashboard.views import counts_line

T0 = int(datetime(2025, 1, 6, 12, tzinfo=UTC).timestamp() * 1000)


def test_mark_spans_escapes_everything_but_our_marks() -> None:
    text = '<b>5 killed</b> & "more" <script>x</script>'
    out = mark_spans(text, [(3, 11)])
    assert out == (
        "&lt;b&gt;<mark>5 killed</mark>&lt;/b&gt; &amp; &quot;more&quot; "
        "&lt;script&gt;x&lt;/script&gt;"
    )


def test_mark_spans_merges_and_clips() -> None:
    assert (
        mark_spans("abcdef", [(1, 3), (2, 4), (5, 99), (4, 4)])
        == "a<mark>bcd</mark>e<mark>f</mark>"
    )


def test_sentence_html_marks_the_match_or_the_whole_sentence() -> None:
    metric = {"sentence": "He said 5 <i>died</i>.", "sent_start": 10, "match_start": 18,
              "match_end": 19}  # fmt: skip
    assert sentence_html(metric) == "He said <mark>5</mark> &lt;i&gt;died&lt;/i&gt;."
    assert sentence_html({**metric, "match_end": 99}).startswith("<mark>He said")


def test_body_html_finds_sentences_when_offsets_disagree() -> None:
    body = "Intro.\n\nShelling killed 5 <people>."
    metric = {"sentence": "Shelling killed 5 <people>.", "sent_start": 0, "sent_end": 5}
    assert body_html(body, [metric]) == (
        "Intro.<br><br><mark>Shelling killed 5 &lt;people&gt;.</mark>"
    )


def test_windows_and_previous() -> None:
    now = T0
    hour = model.resolve_window("Last 1 h", now, None)
    assert (hour.start_ms, hour.end_ms) == (now - model.HOUR, now)
    assert hour.previous() == model.Window(now - 2 * model.HOUR, now - model.HOUR)
    assert model.resolve_window("Last hour", now, None) == hour  # an older link's name
    whole = model.resolve_window("All", now, (now - 5 * model.DAY, now - 1000))
    assert (whole.start_ms, whole.end_ms, whole.previous()) == (now - 5 * model.DAY, now, None)
    span = model.absolute_range("2025-01-01", "2025-01-02")
    assert model.resolve_window("Absolute range", now, None, span).length_ms == 2 * model.DAY


def test_quick_ranges_on_the_utc_calendar() -> None:
    now = model.to_ms(datetime(2025, 3, 5, 14, 30, tzinfo=UTC))  # a Wednesday
    midnight = model.to_ms(datetime(2025, 3, 5, tzinfo=UTC))
    monday = model.to_ms(datetime(2025, 3, 3, tzinfo=UTC))
    today = model.resolve_window("Today so far", now, None)
    assert (today.start_ms, today.end_ms) == (midnight, now)
    yesterday = model.resolve_window("Yesterday", now, None)
    assert (yesterday.start_ms, yesterday.end_ms) == (midnight - model.DAY, midnight)
    assert yesterday.previous() == model.Window(midnight - 2 * model.DAY, midnight - model.DAY)
    week = model.resolve_window("This week so far", now, None)
    assert (week.start_ms, week.end_ms) == (monday, now)
    before = model.resolve_window("Previous week", now, None)
    assert (before.start_ms, before.end_ms) == (monday - 7 * model.DAY, monday)
    assert model.resolve_window("Last 15 min", now, None).length_ms == 15 * model.MINUTE
    assert model.resolve_window("Last 30 d", now, None).length_ms == 30 * model.DAY
    # a finished range has no partial bucket; one ending now has
    assert model.partial_bucket(yesterday, model.HOUR, now) is None
    assert model.partial_bucket(today, model.HOUR, now) == now - 30 * model.MINUTE
    # the page checks a moment after it resolved the window, maybe past a bucket's end
    later = now + 31 * model.MINUTE
    assert model.partial_bucket(today, model.HOUR, later) == now - 30 * model.MINUTE
    fixed = model.resolve_window("Absolute range", now, None, (now - model.HOUR, now + model.HOUR))
    assert not fixed.live and model.partial_bucket(fixed, model.HOUR, now) == now + model.HOUR // 2
    assert model.partial_bucket(fixed, model.HOUR, now + 2 * model.HOUR) is None


def test_absolute_ranges_read_as_utc() -> None:
    start = model.to_ms(datetime(2025, 1, 31, 14, 30, tzinfo=UTC))
    assert model.parse_moment("2025-01-31 14:30") == start
    assert model.parse_moment(" 2025-01-31T14:30:00Z ") == start
    assert model.parse_moment("2025-01-31 14:30 UTC") == start
    assert model.parse_moment("2025-01-31", end=True) == model.to_ms(
        datetime(2025, 2, 1, tzinfo=UTC)
    )
    assert model.absolute_range("2025-01-31 14:30", "2025-01-31 15:00") == (
        start,
        start + 30 * model.MINUTE,
    )
    with pytest.raises(ValueError, match="not a UTC time like 2025-01-31"):
        model.parse_moment("yesterday")
    with pytest.raises(ValueError, match="ends .* before it starts"):
        model.absolute_range("2025-02-01", "2025-01-01")
    # an unreadable absolute range falls back to the default quick range
    assert model.resolve_window("Absolute range", T0, None, None).length_ms == model.HOUR


def test_human_bucket_sizes() -> None:
    assert [model.fmt_bucket(model.BUCKETS[n] or 0) for n in ("30 min", "12 h", "2 d", "7 d")] == [
        "30 min", "12 h", "2 d", "7 d"
    ]  # fmt: skip
    assert model.choose_bucket("2 d", model.Window(0, 30 * model.DAY)) == (2 * model.DAY, "")
    assert model.choose_bucket("1 day", model.Window(0, 30 * model.DAY)) == (model.DAY, "")


def test_pick_bucket_auto_and_cap() -> None:
    assert model.pick_bucket("Auto", model.Window(0, model.HOUR)) == model.MINUTE
    assert model.pick_bucket("Auto", model.Window(0, model.DAY)) == model.HOUR
    # a named size that would draw too many points grows to a human size, and says so
    assert model.pick_bucket("1 min", model.Window(0, 7 * model.DAY)) == 15 * model.MINUTE
    size, note = model.choose_bucket("1 min", model.Window(0, 7 * model.DAY))
    assert size == 15 * model.MINUTE
    assert "Buckets of 1 min would draw 10,080 points" in note and "15 min" in note
    assert model.choose_bucket("1 h", model.Window(0, 7 * model.DAY)) == (model.HOUR, "")
    assert model.pick_bucket("Auto", model.Window(0, 700 * model.DAY)) == 14 * model.DAY


def test_fill_buckets_zero_fills() -> None:
    window = model.Window(T0, T0 + 3 * model.MINUTE)
    rows = [{"bucket_ms": T0 + model.MINUTE, "series": "killed", "value": 4}]
    filled = model.fill_buckets(rows, window, model.MINUTE, ("killed",))
    assert [r["value"] for r in filled] == [0, 4, 0]


def test_trend_drill_from_a_point_or_a_brush() -> None:
    point = drill.trend_drill({"pick": [{"bucket_ms": T0, "series": "killed"}]}, model.MINUTE)
    assert point is not None
    assert (point.start_ms, point.end_ms) == (T0, T0 + model.MINUTE)
    assert point.match() == {"family": "casualty", "kind": "killed", "scope": "incident"}
    brushed = drill.trend_drill({"brush": {"bucket_ms": [T0 + 5, T0]}}, model.MINUTE)
    assert brushed is not None and brushed.articles
    assert (brushed.start_ms, brushed.end_ms) == (T0, T0 + 6)
    iso = drill.trend_drill({"brush": {"bucket_ms": ["2025-01-06T12:00:00Z", T0 + 1]}}, 1)
    assert iso is not None and iso.start_ms == T0
    assert drill.trend_drill({}, model.MINUTE) is None


def test_point_drill_for_entities_and_negotiations() -> None:
    window = model.Window(T0, T0 + model.HOUR)
    actor = drill.point_drill({"pick": [{"name": "Qatar"}]}, window, "actor")
    assert actor is not None and actor.match() == {"family": "signal", "kind": "actor:Qatar"}
    talk = drill.point_drill({"pick": [{"event_ms": T0, "event": "talks_resumed"}]}, window, "x")
    assert talk is not None and (talk.kind, talk.start_ms, talk.end_ms) == (
        "talks_resumed", T0, T0 + 1,
    )  # fmt: skip
    assert drill.point_drill({}, window, "actor") is None


def test_fmt_age() -> None:
    assert model.fmt_age(None, T0) == "never"
    assert model.fmt_age(T0 - 12_000, T0) == "12 s ago"
    assert model.fmt_age(T0 - 3 * model.HOUR, T0) == "3 h ago"


def test_map_points_have_coordinates_and_the_outline() -> None:
    from dashboard import geo

    rows = [{"place": "Rafah", "kind": "killed", "value": 12, "reports": 1},
            {"place": "Atlantis", "kind": "killed", "value": 1, "reports": 1}]  # fmt: skip
    points, unknown = geo.located(rows)
    assert [(p["place"], p["lat"], p["lon"]) for p in points] == [("Rafah", 31.29, 34.25)]
    assert unknown == ["Atlantis"]
    spec = geo.map_chart(points)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["geoshape", "geoshape", "circle"]
    assert spec["layer"][1]["data"]["url"] == geo.OUTLINE_URL
    outline = Path(geo.__file__).parent / "static" / "world-110m.geojson"
    assert len(json.loads(outline.read_text())["features"]) > 150


def test_every_gazetteer_place_and_country_is_on_the_map() -> None:
    from consumers.extraction.gazetteer import COUNTRIES, PLACES
    from dashboard import geo

    assert set(PLACES) | set(COUNTRIES) <= set(geo.coordinates())


def test_an_article_not_analysed_says_so_instead_of_zero_counts() -> None:
    arabic = {"language": "ar", "killed": 0, "wounded": 0, "negotiation": 0, "metrics": []}
    assert counts_line(arabic) == "not analysed: written in Arabic"
    english = {**arabic, "language": "en", "killed": 3}
    assert counts_line(english) == "3 killed · 0 metrics"
