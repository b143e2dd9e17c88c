"""Pure dashboard helpers: escaping evidence, windows and buckets, chart selections."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

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
    hour = model.resolve_window("Last hour", now, None)
    assert (hour.start_ms, hour.end_ms) == (now - model.HOUR, now)
    assert hour.previous() == model.Window(now - 2 * model.HOUR, now - model.HOUR)
    whole = model.resolve_window("All", now, (now - 5 * model.DAY, now - 1000))
    assert (whole.start_ms, whole.end_ms, whole.previous()) == (now - 5 * model.DAY, now, None)
    custom = model.resolve_window("Custom", now, None, (date(2025, 1, 1), date(2025, 1, 2)))
    assert custom.length_ms == 2 * model.DAY


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
