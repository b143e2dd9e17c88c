"""The Alerts page's silences, acknowledgements and notification channels.

Silences and acknowledgements are written to the store, where the evaluator's
notification step reads them (:mod:`consumers.alerts.silences`); nothing is
published. Channels are the notifiers a running ``wirewatch alerts run`` recorded,
webhook URLs cut to their host; "Send test" posts a test notification from here.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

import pandas as pd
import streamlit as st

from consumers.alerts import silences
from consumers.alerts.alerts_cli import duration
from consumers.alerts.commands import send_test
from consumers.alerts.rules import AlertRule
from dashboard import auth
from wirewatch.errors import WirewatchError
from wirewatch.events import LIVE_RUN
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store

AUTHOR_KEY = "alerts.author"
FLASH_KEY = "alerts.silence_flash"  # the outcome of the last change, shown after its rerun
ANY = "(any)"


def now_ms() -> int:
    return int(time.time() * 1000)


def when(ms: int) -> str:
    return f"{datetime.fromtimestamp(ms / 1000, UTC):%Y-%m-%d %H:%M} UTC"


def mute_note(store: SqlStore, rule: AlertRule, since: datetime | None, run_id: str) -> str:
    """``silenced by …`` or ``acknowledged by …`` for a firing rule's banner ("" if neither)."""
    stamp = now_ms()
    silence = silences.silence_for(silence_store.active_silences(store, stamp), rule.labels, stamp)
    if silence is not None:
        return f"silenced by {silence.author} until {when(silence.ends_ms)}"
    if since is not None:
        ack = silence_store.acks(store, run_id).get((rule.id, int(since.timestamp() * 1000)))
        if ack is not None:
            return f"acknowledged by {ack.author} at {when(ack.at_ms)}"
    return ""


@st.fragment
def section(store: SqlStore, settings: Settings, rules: list[AlertRule]) -> None:
    """Firing alerts to acknowledge, silences to add and end, and the channels."""
    st.subheader("Silences and acknowledgements")
    if flash := st.session_state.pop(FLASH_KEY, None):
        st.success(flash)
    allowed = auth.allowed()
    author = st.text_input("Your name (signs silences and acknowledgements)", key=AUTHOR_KEY)
    firing_list(store, author if allowed else "")
    silence_form(store, rules, author if allowed else "")
    silences_table(store, allowed)
    channels_section(store, settings, allowed)
    if not allowed:
        auth.gate("silence or acknowledge alerts")


def firing_list(store: SqlStore, author: str) -> None:
    """Each firing rule with its acknowledgement, or a button to acknowledge it."""
    acks = silence_store.acks(store, LIVE_RUN)
    for rule, state in alert_store.firing(store, LIVE_RUN):
        ack = silences.ack_of(acks, state)
        text, button = st.columns([4, 1])
        if ack is not None:
            text.markdown(f"`{rule.id}` firing: acknowledged by {md(ack.author)} at "
                          f"{when(ack.at_ms)}")  # fmt: skip
            continue
        text.markdown(f"`{rule.id}` firing, not acknowledged")
        if button.button("Acknowledge", key=f"alerts.ack.{rule.id}", disabled=not author):
            ack_it = partial(silences.acknowledge, store, LIVE_RUN, rule.id, author)
            _act(ack_it, f"Acknowledged {rule.id}.")


def silence_form(store: SqlStore, rules: list[AlertRule], author: str) -> None:
    """Silence one rule, or the rules matching a label, for a duration."""
    with st.form("alerts.silence_form", clear_on_submit=False, border=True):
        st.markdown("**New silence**: mutes notifications; states are still evaluated.")
        left, mid, right = st.columns(3)
        rule_id = left.selectbox(
            "Alert to silence", [ANY, *(r.id for r in rules)], key="alerts.sil_rule"
        )
        label = mid.selectbox("Or every alert whose", silences.MATCHABLE[1:],
                              key="alerts.sil_label")  # fmt: skip
        value = mid.text_input("equals (empty: ignore)", key="alerts.sil_value")
        length = right.text_input("For (e.g. 30m, 2h, 1d)", "1h", key="alerts.sil_for")
        comment = right.text_input("Comment", key="alerts.sil_comment")
        submitted = st.form_submit_button("Silence", disabled=not author)
    if not submitted:
        return
    matchers = {} if rule_id == ANY else {"rule": rule_id}
    matchers |= {label: value.strip()} if value.strip() else {}

    def add() -> None:
        start = datetime.now(UTC)
        end = start + timedelta(seconds=duration(length))
        made = silences.new_silence(matchers, start, end, author, comment)
        silence_store.add_silence(store, made)

    _act(add, f"Silenced {', '.join(f'{k}={v}' for k, v in matchers.items()) or '?'}.")


def silences_table(store: SqlStore, allowed: bool) -> None:
    """Silences in force (with a button to end each), and the ones that ended."""
    stamp = now_ms()
    rows = silence_store.silences(store)
    active = [s for s in rows if s.ends_ms > stamp]
    for s in active:
        text, button = st.columns([4, 1])
        said = f": {md(s.comment)}" if s.comment else ""
        text.markdown(f"`{s.silence_id}` **{md(s.describe())}** until {when(s.ends_ms)}, "
                      f"by {md(s.author)}{said}")  # fmt: skip
        if button.button("End", key=f"alerts.unsilence.{s.silence_id}", disabled=not allowed):
            end_it = partial(silence_store.expire_silence, store, s.silence_id, now_ms())
            _act(end_it, f"Silence {s.silence_id} ended.")
    if not active:
        st.caption("No silence in force.")
    ended = [s for s in rows if s.ends_ms <= stamp][:20]
    if ended:
        with st.expander(f"Ended silences ({len(ended)})"):
            st.dataframe(pd.DataFrame([{"id": s.silence_id, "matchers": s.describe(),
                                        "ended": when(s.ends_ms), "author": s.author,
                                        "comment": s.comment} for s in ended]),
                         hide_index=True)  # fmt: skip


def channels_section(store: SqlStore, settings: Settings, allowed: bool) -> None:
    """The notifiers evaluators run with (webhooks shown by host only), with a test button."""
    st.subheader("Notification channels")
    found = silence_store.channels(store)
    if not found:
        st.caption("No evaluator has recorded a channel: start one with "
                   "`wirewatch alerts run --webhook URL` or `--jsonl FILE`.")  # fmt: skip
        return
    for n, channel in enumerate(found):
        text, button = st.columns([4, 1])
        text.markdown(f"**{channel.kind}** `{channel.shown}` on {', '.join(channel.kinds)} "
                      f"(evaluator seen {when(channel.seen_ms)})")  # fmt: skip
        if button.button("Send test", key=f"alerts.test.{n}", disabled=not allowed):
            ok, what = send_test(channel.target, settings)
            (st.success if ok else st.error)(f"Test notification to {channel.shown}: {what}.")


def md(text: str) -> str:
    """User text shown literally in markdown."""
    from dashboard.sections.alerts import escape_markdown  # that module imports this one

    return escape_markdown(text)


def _act(action: Callable[[], object], done: str) -> None:
    """Run a change; on success rerun the app (banner included) and say what was done."""
    try:
        action()
    except (WirewatchError, ValueError, argparse.ArgumentTypeError) as exc:
        st.error(str(exc))
        return
    st.session_state[FLASH_KEY] = done
    st.rerun()
