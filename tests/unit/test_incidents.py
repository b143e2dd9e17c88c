"""Story clustering, incident linking, the figure policy and the ``incidents`` batch command."""

from __future__ import annotations

import io
import json
from typing import Any

from consumers.extraction import extract
from consumers.incidents.policy import FigurePolicy
from consumers.incidents.reports import ArticleInfo
from consumers.incidents.stories import StoryIndex
from consumers.incidents.tolls import toll_points
from consumers.incidents_cli import process

HOUR = 3_600_000
TUESDAY = 1_772_532_000_000  # 2026-03-03T10:00Z
LEAD = ("An Israeli airstrike on a house in Khan Younis killed 19 people on Tuesday, the health "
        "ministry said. Rescuers searched the rubble for survivors through the night.")  # fmt: skip


def _line(aid: str, title: str, text: str, when: str, source: str = "Wire") -> str:
    return json.dumps({"id": aid, "title": title, "text": text, "published_at": when,
                       "source": source})  # fmt: skip


def _run(lines: list[str]) -> tuple[int, list[dict[str, Any]]]:
    out = io.StringIO()
    status = process(lines, out)
    return status, [json.loads(x) for x in out.getvalue().splitlines()]


def _incidents(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if "incident" in r]


def test_near_duplicates_share_a_story_and_others_do_not() -> None:
    index = StoryIndex()
    first = index.add("a", "Strike on Khan Younis home kills 19", LEAD, 0)
    rewrite = index.add("b", "Khan Younis strike kills 19", LEAD + " Funerals were held.", HOUR)
    other = index.add("c", "Talks resume in Cairo", "Mediators met in Cairo on Monday.", HOUR)
    assert (first, rewrite, other) == ("a", "a", "c")


def test_story_index_forgets_articles_beyond_the_horizon() -> None:
    index = StoryIndex(horizon_ms=24 * HOUR)
    for i in range(50):
        index.add(f"a{i}", f"title {i}", f"body number {i} of the feed", i * HOUR)
    assert len(index) == 25
    assert index.add("late", "Strike on Khan Younis home kills 19", LEAD, 60 * HOUR) == "late"


def test_outlets_reporting_one_strike_make_one_incident() -> None:
    status, rows = _run([
        _line("a1", "Strike on Khan Younis home kills 19", LEAD, "2026-03-03T10:00:00Z"),
        _line("a2", "More than 15 killed", "More than 15 people were killed when a strike hit a "
              "building in Khan Younis, witnesses said.", "2026-03-03T11:00:00Z", "Daily"),
        _line("a3", "Khan Younis", LEAD, "2026-03-03T12:00:00Z", "Syndicate"),
    ])  # fmt: skip
    (incident,) = _incidents(rows)
    assert status == 0
    assert incident["articles"] == ["a1", "a2", "a3"]
    assert (incident["figure"], incident["low"], incident["high"]) == (19, 15, 19)
    assert incident["place"] == "Khan Younis"


def test_same_figure_elsewhere_and_same_place_another_day_stay_apart() -> None:
    _, rows = _run([
        _line("a1", "Khan Younis strike", LEAD, "2026-03-03T10:00:00Z"),
        _line("b1", "Rafah strike", "A strike in Rafah killed 19 people on Tuesday.",
              "2026-03-03T11:00:00Z"),
        _line("c1", "Khan Younis again", "A strike in Khan Younis killed 19 people on Friday.",
              "2026-03-06T11:00:00Z"),
    ])  # fmt: skip
    assert sorted(r["incident"] for r in _incidents(rows)) == [
        "a1/killed/0", "b1/killed/0", "c1/killed/0"
    ]  # fmt: skip


def test_a_revision_replaces_the_figure_and_two_strikes_in_one_article_are_two() -> None:
    _, rows = _run([
        _line("a1", "Khan Younis strike", LEAD, "2026-03-03T10:00:00Z"),
        _line("a2", "Toll rises", "The number of people killed in Tuesday's strike on a house in "
              "Khan Younis rose to 24, the health ministry said.", "2026-03-04T09:00:00Z"),
        _line("c1", "Two strikes", "A strike in Jabalia killed 5 people. Another strike in "
              "Nuseirat killed 12 people.", "2026-03-03T14:00:00Z"),
    ])  # fmt: skip
    figures = {r["place"]: (r["figure"], r["articles"]) for r in _incidents(rows)}
    assert figures == {"Khan Younis": (24, ["a1", "a2"]), "Jabalia": (5, ["c1"]),
                       "Nuseirat": (12, ["c1"])}  # fmt: skip


def test_bad_lines_are_reported_and_fail_the_run() -> None:
    status, rows = _run(["not json", "", json.dumps({"id": "x", "text": "t"}),
                         _line("a1", "t", LEAD, "2026-03-03T10:00:00Z"),
                         _line("a1", "t", LEAD, "2026-03-03T10:00:00Z")])  # fmt: skip
    errors = [r for r in rows if "error" in r]
    assert status == 1
    assert [e["line"] for e in errors] == [1, 2, 3, 5]
    assert "published_at" in errors[2]["error"] and "duplicate" in errors[3]["error"]
    assert len(_incidents(rows)) == 1


def test_same_input_gives_the_same_output() -> None:
    lines = [_line(f"a{i}", f"Strike {i}", LEAD, f"2026-03-0{1 + i}T10:00:00Z") for i in range(4)]
    assert _run(lines) == _run(lines)


def test_policy_prefers_an_authority_then_exactness_then_the_latest() -> None:
    from consumers.incidents.reports import Report

    def rep(aid: str, fig: int, ms: int, authority: str | None, exact: bool = True) -> Report:
        return Report(aid, "src", ms, 0, "killed", fig, fig, fig if exact else None, exact,
                      None, authority, frozenset(), 0, False, "", 0, 0)  # fmt: skip

    policy = FigurePolicy()
    reports = [rep("a", 19, 1, "Health Ministry"), rep("b", 40, 2, None),
               rep("c", 15, 3, "Health Ministry", exact=False)]  # fmt: skip
    chosen = policy.choose(reports)
    assert (chosen.figure, chosen.low, chosen.high, chosen.chosen) == (19, 15, 40, "a")
    assert policy.choose([*reports, rep("d", 24, 4, "Health Ministry")]).figure == 24


def test_a_tracker_restored_from_stored_rows_links_like_the_original() -> None:
    from consumers.extraction import extract
    from consumers.incidents.batch import make_tracker
    from consumers.incidents.reports import ArticleInfo
    from consumers.incidents.service import report_of, report_row
    from wirewatch.store.incidents import REPORT_COLUMNS

    texts = [LEAD, "More than 15 people were killed in an air raid on Khan Younis.",
             "A strike in Rafah killed 7 people on Tuesday."]  # fmt: skip
    original, restored = make_tracker(), make_tracker()
    for n, text in enumerate(texts):
        info = ArticleInfo(f"a{n}", f"title {n}", "wire", TUESDAY + n * HOUR)
        update = original.add(info, text, extract(text))
        rows = [dict(zip(REPORT_COLUMNS, report_row(r, "x"), strict=True)) for r in update.reports]
        restored.restore(info.article_id, update.story, update.signature, update.heading,
                         info.published_ms, [report_of(row) for row in rows])  # fmt: skip
    late = ArticleInfo("late", "Khan Younis", "wire", TUESDAY + 4 * HOUR)
    text = "Medics in Khan Younis said 19 people were killed when a missile struck a home."
    one, other = original.add(late, text, extract(text)), restored.add(late, text, extract(text))
    assert [i.incident_id for i in one.incidents] == [i.incident_id for i in other.incidents]
    assert one.incidents[0].incident_id == "a0/killed/0"
    assert one.incidents[0].articles == other.incidents[0].articles == ["a0", "a1", "late"]


def test_an_article_restating_its_figure_adds_no_second_report() -> None:
    from consumers.incidents.service import update_rows

    text = (f"{LEAD} Officials said the strike in Khan Younis killed 19 people, most of them "
            "from one family.")  # fmt: skip
    _, rows = _run([_line("a1", "Khan Younis strike", text, "2026-03-03T10:00:00Z")])
    (incident,) = _incidents(rows)
    assert [e["figure"] for e in incident["evidence"]] == [19]

    from consumers.extraction import extract
    from consumers.incidents.batch import make_tracker
    from consumers.incidents.reports import ArticleInfo

    update = make_tracker().add(ArticleInfo("a1", "t", "wire", TUESDAY), text, extract(text))
    reports, incidents, _ = update_rows(update)  # every linked report has its incident
    assert (len(reports), len(incidents)) == (1, 1)


def test_a_toll_takes_no_place_merely_named_elsewhere_in_the_article() -> None:
    text = ("At least 19,463 people have been killed since the fighting began, the health "
            "ministry said. Officials in Doha expected more meetings. Schools in Rafah are "
            "closed. Fighting flared along the border with Lebanon.")  # fmt: skip
    info = ArticleInfo("a1", "", "wire", 0, None)
    [point] = toll_points(info, extract(text))
    assert (point.value, point.authority, point.place) == (19463, "Health Ministry", None)
    about_gaza = "The toll in Gaza has risen to 19,463, the health ministry said."
    [point] = toll_points(info, extract(about_gaza))
    assert point.place == "Gaza"
