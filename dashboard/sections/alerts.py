"""The alerts page: firing banner, rules with their state, editor with backtest, history.

The editor publishes to the ``alert-rules`` topic through a short-lived producer
and writes the store mirror; the running evaluator picks the change up. While a
rule is edited the backtest chart shows when it would have fired over stored
history, before anything is saved.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from kafka.errors import KafkaError

from consumers.alerts import incident_window, topic
from consumers.alerts.alerts_cli import duration, fmt_seconds
from consumers.alerts.commands import describe, slug
from consumers.alerts.evaluation import Point, backtest_series
from consumers.alerts.rules import RULE_FIELDS, AlertRule, RuleField
from consumers.alerts.state import Transition
from dashboard import alerts_silences, auth, charts, data, views
from wirewatch.errors import WirewatchError
from wirewatch.events import LIVE_RUN
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, articles
from wirewatch.store import alerts as alert_store

NEW = "(new rule)"
PUBLISH_TIMEOUT = 5.0  # seconds a Save, Enable or Delete waits for the broker
_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-.!|~:$&=")
LOOKBACK = {"1 day": 1, "7 days": 7, "30 days": 30, "All": 36_500}
LEGEND_COLORS = {"threshold": "#8e44ad", "recovery": "#7f8c8d", "pending": "#f39c12",
                 "firing": "#c0392b", "resolved": "#27ae60", "cleared": "#95a5a6"}  # fmt: skip
FLASH_KEY = "alerts.flash"  # the outcome of the last action, shown after its rerun
CONFIRM_KEY = "alerts.confirm_delete"  # the rule id whose deletion awaits confirmation


def firing_banner(store: SqlStore, run_id: str = LIVE_RUN) -> int:
    """One error banner per firing rule; return how many."""
    firing = alert_store.firing(store, run_id)
    for rule, state in firing:
        value = "no data" if state.value is None else f"{state.value:g}"
        since = f"{state.since:%Y-%m-%d %H:%M} UTC" if state.since else "?"
        text = (f"**{escape_markdown(rule.name)}** ({rule.severity}) firing since {since}: "
                f"value {value}, threshold {rule.comparator} {rule.threshold:g}")  # fmt: skip
        muted = alerts_silences.mute_note(store, rule, state.since, run_id)
        if muted:  # seen to: a calmer banner that says by whom
            st.warning(f"{text} — {escape_markdown(muted)}", icon=":material/notifications_off:")
        else:
            st.error(text, icon=":material/notifications_active:")
    return len(firing)


def render(store: SqlStore, settings: Settings, refresh: float | None = None) -> None:
    """The whole page (the firing banner is the app's, on every page)."""
    st.header("Alerts")
    rules_table(store, refresh)
    edit_section(store, settings)
    alerts_silences.section(store, settings, alert_store.load_rules(store))
    st.subheader("History")
    events = alert_store.history(store, limit=200)
    st.dataframe(pd.DataFrame([t.to_dict() for t in events]), hide_index=True)


def rules_table(store: SqlStore, refresh: float | None) -> None:
    """The rules with their live state and value, refreshed every ``refresh`` seconds."""
    st.fragment(_table, run_every=refresh)(store)


def _table(store: SqlStore) -> None:
    from dashboard import views  # the app's context: only when run inside the app

    if views.CONTEXT_KEY in st.session_state:
        views.alert_banner(views.context())
    st.subheader("Rules")
    rules = alert_store.load_rules(store)
    st.dataframe(rules_frame(store, rules), hide_index=True)


@st.fragment
def edit_section(store: SqlStore, settings: Settings) -> None:
    """The editor, as a fragment: its widgets rerun it alone, not the whole page."""
    rules = {rule.id: rule for rule in alert_store.load_rules(store)}
    st.subheader("Edit")
    editor(store, settings, rules)


def rules_frame(store: SqlStore, rules: list[AlertRule]) -> pd.DataFrame:
    states = alert_store.load_states(store, LIVE_RUN)
    rows = []
    for r in rules:
        state = states.get(r.id)
        value = None if state is None or state.value is None else f"{state.value:g}"
        since = state.since if state is not None and state.status == "firing" else None
        muted = alerts_silences.mute_note(store, r, since, LIVE_RUN)
        rows.append({"id": r.id, "name": r.name, "state": state.status if state else "ok",
                     "value": value, "muted": muted, "severity": r.severity,
                     "enabled": r.enabled, "rule": describe(r)})  # fmt: skip
    columns = ["id", "name", "state", "value", "muted", "severity", "enabled", "rule"]
    return pd.DataFrame(rows, columns=columns)


def editor(store: SqlStore, settings: Settings, rules: dict[str, AlertRule]) -> None:
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.success(flash)
    choice = st.selectbox("Rule", [NEW, *rules], key="alerts.pick")
    base = rules.get(choice)
    try:
        rule = rule_form(base, prefix=f"alerts.{choice}", known=known_values(store))
    except (WirewatchError, ValueError, TypeError, argparse.ArgumentTypeError) as exc:
        st.warning(f"Not a valid rule yet: {exc}")
        return
    backtest_view(store, rule)
    if not auth.gate("save, enable or delete rules"):
        return
    clash = rules.get(rule.id) if base is None else None
    if clash is not None:
        st.warning(f"A rule with id `{rule.id}` already exists ({escape_markdown(clash.name)}): "
                   "saving replaces it.", icon=":material/warning:")  # fmt: skip
    replace_ok = clash is None or st.checkbox(f"Replace rule {rule.id}", key="alerts.overwrite")
    save, toggle, delete = st.columns(3)
    if save.button("Save rule", type="primary", key="alerts.save", disabled=not replace_ok):
        _apply(settings, store, rule, "replaced" if clash else "saved")
    if base is not None and toggle.button("Disable" if base.enabled else "Enable",
                                          key="alerts.toggle"):  # fmt: skip
        _apply(settings, store, replace(base, enabled=not base.enabled),
               "disabled" if base.enabled else "enabled")  # fmt: skip
    if base is not None and delete.button("Delete", key="alerts.delete"):
        st.session_state[CONFIRM_KEY] = base.id
    if base is not None and st.session_state.get(CONFIRM_KEY) == base.id:
        confirm_delete(settings, store, base)


def confirm_delete(settings: Settings, store: SqlStore, rule: AlertRule) -> None:
    """Ask before deleting ``rule``; delete only on a second, explicit click."""
    st.warning(f"Delete rule `{rule.id}` ({escape_markdown(rule.name)})? Its history stays.",
               icon=":material/delete:")  # fmt: skip
    yes, no = st.columns(2)
    if yes.button("Yes, delete it", type="primary", key="alerts.delete_yes"):
        st.session_state.pop(CONFIRM_KEY, None)
        _apply(settings, store, None, "deleted", rule_id=rule.id)
    if no.button("Cancel", key="alerts.delete_no"):
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()


def known_values(store: SqlStore) -> dict[str, list[str]]:
    """Locations, actors and sources seen in the store, for the rule filters' pick-lists."""
    from wirewatch.store import queries

    options = queries.filter_options(store, LIVE_RUN)
    return {"location": options["locations"], "actor": options["actors"],
            "source": options["sources"]}  # fmt: skip


def _apply(settings: Settings, store: SqlStore, rule: AlertRule | None, verb: str,
           rule_id: str = "") -> None:  # fmt: skip
    try:
        if rule is None:
            topic.remove(settings, store, rule_id, timeout=PUBLISH_TIMEOUT)
        else:
            topic.publish(settings, store, rule, timeout=PUBLISH_TIMEOUT)
    except (WirewatchError, KafkaError) as exc:
        st.error(f"Could not publish the rule: is the broker at {settings.bootstrap_servers} "
                 f"running? ({type(exc).__name__}: {exc})")  # fmt: skip
        return
    # rerun so every label (Enable/Disable, the rule list) reflects the change at once
    st.session_state[FLASH_KEY] = f"Rule {rule.id if rule else rule_id} {verb}."
    if rule is None:
        st.session_state.pop("alerts.pick", None)
    st.rerun()


def escape_markdown(text: str) -> str:
    """``text`` shown literally by ``st.markdown``-style elements: specials escaped, one line."""
    flat = " ".join(str(text).split())
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIAL else char for char in flat)


fmt_duration = fmt_seconds  # seconds as the CLI writes them: ``90s``, ``15m``, ``2h``


def duration_input(col: Any, label: str, seconds: int, key: str) -> int:
    """A duration typed like the CLI takes it (``10m``, ``1h``); raises on a bad one."""
    text = col.text_input(f"{label} (e.g. 90s, 10m, 1h)", fmt_duration(seconds), key=key)
    return duration(text)


def pick_known(col: Any, label: str, value: str | None, known: list[str], key: str) -> str | None:
    """A pick-list of known values that also takes a new one; warns on an unknown one."""
    options = sorted({*known, *([value] if value else [])})
    chosen = col.selectbox(label, options, options.index(value) if value else None, key=key,
                           accept_new_options=True, placeholder="any")  # fmt: skip
    if chosen and chosen not in known:
        col.warning(f"{label} {chosen!r} is not in the store yet: a typo?",
                    icon=":material/spellcheck:")  # fmt: skip
    return str(chosen) if chosen else None


#: Which of the form's three columns a field goes in; fields not named here go below them.
FORM_COLUMNS = {"name": 0, "metric": 0, "subject": 0, "aggregation": 1, "comparator": 1,
                "threshold": 1, "recovery": 1, "window_seconds": 2, "for_seconds": 2,
                "cooldown_seconds": 2, "severity": 2, "no_data": 2}  # fmt: skip


def rule_form(
    base: AlertRule | None, prefix: str, known: dict[str, list[str]] | None = None
) -> AlertRule:
    """A widget per rule field (from ``RULE_FIELDS``); the validated rule they describe."""
    known = known or {}
    b = base or AlertRule(id="new-rule", name="", metric="killed", threshold=10)
    columns = st.columns(3)
    filters = iter(st.columns(3))
    values: dict[str, Any] = {}
    typed = ""
    for spec in RULE_FIELDS:
        where: Any
        if spec.widget == "known":
            where = next(filters)
        else:
            where = columns[FORM_COLUMNS[spec.name]] if spec.name in FORM_COLUMNS else st
        values[spec.name] = field_widget(where, spec, getattr(b, spec.name), known,
                                         f"{prefix}.{spec.flag or spec.name}")  # fmt: skip
        if spec.name == "name" and base is None:
            typed = columns[0].text_input("Id (empty: from the name)", key=f"{prefix}.id")
    rule_id = b.id if base else typed.strip() or slug(values["name"] or "rule")
    return AlertRule.from_dict({**b.to_dict(), **values, "id": rule_id})


def field_widget(where: Any, spec: RuleField, value: Any, known: dict[str, list[str]],
                 key: str) -> Any:  # fmt: skip
    """The widget for one rule field, showing ``value``; what it holds now."""
    label = spec.label
    if spec.widget == "choice":
        return where.selectbox(label, spec.choices, spec.choices.index(value), key=key,
                               help=spec.help)  # fmt: skip
    if spec.widget in ("number", "optional"):
        return where.number_input(label, value=None if value is None else float(value),
                                  key=key, help=spec.help)  # fmt: skip
    if spec.widget == "duration":
        return duration_input(where, label, int(value), key)
    if spec.widget == "known":
        return pick_known(where, label, value, known.get(spec.name, []), key)
    if spec.widget == "switch":
        return where.checkbox(label, bool(value), key=spec_key(key, spec), help=spec.help)
    return where.text_input(label, value or "", key=key, help=spec.help) or (
        "" if spec.default == "" or spec.required else None
    )


def spec_key(key: str, spec: RuleField) -> str:
    """A switch keeps the key of its rule field (``...enabled``), not of its CLI flag."""
    return key.rsplit(".", 1)[0] + "." + spec.name


def backtest_view(store: SqlStore, rule: AlertRule) -> None:
    """When the rule, as edited, would have fired over stored history."""
    if rule.is_system:
        st.info("System metrics are measured live; there is no stored history to backtest.")
        return
    left, right = st.columns(2)
    runs = articles.run_ids(store)
    run_id = left.selectbox("Backtest over run", runs or [LIVE_RUN], key="alerts.bt_run")
    days = LOOKBACK[right.selectbox("Look back", list(LOOKBACK), 1, key="alerts.bt_days")]
    latest = articles.latest_event_ms(store, run_id)
    if latest is None:
        st.info("No stored history for this run yet.")
        return
    start = alert_store.from_ms(latest) - timedelta(days=days)
    events = alert_store.history_observations(store, run_id, start)
    incidents = incident_window.stored_incidents(store, run_id, start)
    points, transitions = backtest_series(rule, events, incidents)
    firings = sum(t.kind == "firing" for t in transitions)
    st.markdown(f"**Backtest:** would have fired **{firings}** time(s) over {len(events)} "
                f"article(s) of run `{run_id}`.")  # fmt: skip
    if points:
        st.altair_chart(backtest_chart(points, transitions, rule), width="stretch")


def firing_intervals(transitions: list[Transition], end: datetime) -> list[dict[str, Any]]:
    """Start and end of every firing; one still firing at the end runs to ``end``."""
    spans, start = [], None
    for t in transitions:
        if t.kind == "firing":
            start = t.at
        elif t.kind == "resolved" and start is not None:
            spans.append({"start": start, "end": t.at})
            start = None
    if start is not None:
        spans.append({"start": start, "end": end})
    return spans


def backtest_chart(
    points: list[Point], transitions: list[Transition], rule: AlertRule
) -> alt.LayerChart:
    """Window value over time, threshold lines, shaded firings, pending ticks."""
    what = f"{rule.aggregation} of {rule.metric} over {fmt_duration(rule.window_seconds)}"
    span = points[-1].at - points[0].at
    fmt = charts.time_format(with_year=span > timedelta(days=300) or
                             points[0].at.year != points[-1].at.year)  # fmt: skip
    x = charts.time_x("at", fmt, title="event time (UTC)")
    legend = alt.Scale(domain=[what, *LEGEND_COLORS],
                       range=[charts.ACCENT, *LEGEND_COLORS.values()])  # fmt: skip
    values = pd.DataFrame([{"at": p.at, "value": p.value, "line": what} for p in points])
    line = alt.Chart(values).mark_line(point=True).encode(
        x=x, y=alt.Y("value:Q", title=what),
        color=alt.Color("line:N", title=None, scale=legend,
                        legend=alt.Legend(orient="top")))  # fmt: skip
    levels = pd.DataFrame([{"level": rule.threshold, "line": "threshold"},
                           {"level": rule.recovery_threshold, "line": "recovery"}])  # fmt: skip
    rules = (
        alt.Chart(levels)
        .mark_rule(strokeDash=[6, 3])
        .encode(y="level:Q", color=alt.Color("line:N", scale=legend))
    )
    spans = pd.DataFrame(firing_intervals(transitions, points[-1].at), columns=["start", "end"])
    shade = alt.Chart(spans).mark_rect(opacity=0.25, color="red").encode(x="start:T", x2="end:T")
    marks = pd.DataFrame([{"at": t.at, "kind": t.kind} for t in transitions],
                         columns=["at", "kind"])  # fmt: skip
    ticks = alt.Chart(marks).mark_rule().encode(x="at:T", color=alt.Color("kind:N", scale=legend),
                                                tooltip=["kind:N", "at:T"])  # fmt: skip
    return alt.LayerChart(layer=[shade, line, rules, ticks], height=260)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import its parts
    ctx = views.context()
    store, error = data.guarded("store", data.get_store, ctx.url)
    views.store_banner(ctx.url, error)
    if store is not None:
        render(store, ctx.settings, ctx.refresh)
