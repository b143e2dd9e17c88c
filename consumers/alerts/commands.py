"""Handlers of the ``wirewatch alerts`` actions (the parser lives in :mod:`.cli`)."""

from __future__ import annotations

import argparse
import getpass
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from consumers.alerts import incident_window, rules, silences, topic
from consumers.alerts.evaluation import backtest
from consumers.alerts.evaluator import Evaluator
from consumers.alerts.notify import (
    Dispatcher,
    FileNotifier,
    Notifier,
    WebhookNotifier,
    make_notifier,
    shown_target,
)
from consumers.alerts.probe import SystemProbe
from consumers.alerts.rules import AlertRule, RuleError
from consumers.alerts.state import Transition
from wirewatch.errors import ConfigError
from wirewatch.events import LIVE_RUN, now
from wirewatch.kafka import ALERTS_GROUP, ensure_topics, make_consumer, make_producer
from wirewatch.service import hosting
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store

GROUP = ALERTS_GROUP
RULE_FIELDS = tuple(spec.name for spec in rules.RULE_FIELDS)


@contextmanager
def _opened() -> Iterator[tuple[Settings, SqlStore]]:
    settings = Settings.from_env()
    store = open_store(settings.store_url)
    try:
        yield settings, store
    finally:
        store.close()


def slug(name: str) -> str:
    """A rule id from a name: ``Deaths in Gaza`` -> ``deaths-in-gaza``."""
    text = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return text[:64] or "rule"


def rule_from_args(args: argparse.Namespace) -> AlertRule:
    """A new rule from ``add`` flags; unset flags keep the rule defaults."""
    given = {f: getattr(args, f) for f in RULE_FIELDS if getattr(args, f, None) is not None}
    return AlertRule(id=args.id or slug(args.name), **given).validate()


def find_rule(settings: Settings, store: SqlStore, rule_id: str) -> AlertRule:
    """A rule from the store mirror, else from the rules topic."""
    rule = alert_store.load_rule(store, rule_id)
    if rule is None:
        ensure_topics(settings, [settings.topics.alert_rules])
        feed = topic.RuleFeed(settings)
        try:
            rule = dict(feed.catch_up()).get(rule_id)
        finally:
            feed.close()
    if rule is None:
        msg = f"no alert rule with id {rule_id!r}"
        raise ConfigError(msg)
    return rule


def _publish(settings: Settings, store: SqlStore, rule: AlertRule, verb: str) -> int:
    ensure_topics(settings, [settings.topics.alert_rules])
    topic.publish(settings, store, rule)
    print(f"{verb} rule {rule.id}: {describe(rule)}")
    return 0


def describe(rule: AlertRule) -> str:
    """One line: what the rule watches and when it fires."""
    what = rule.metric + (f"[{rule.subject}]" if rule.subject else "")
    filters = [f"{k}={v}" for k in ("location", "actor", "source") if (v := getattr(rule, k))]
    text = (f"{rule.aggregation}({what}) over {rule.window_seconds}s {rule.comparator} "
            f"{rule.threshold:g} for {rule.for_seconds}s, recovers at "
            f"{rule.recovery_threshold:g}, cool-down {rule.cooldown_seconds}s")  # fmt: skip
    flags = [] if rule.enabled else ["disabled"]
    if rule.silenced_until and rule.silenced_until > now():
        flags.append(f"silenced until {rule.silenced_until.isoformat()}")
    return " ".join([text, *filters, *(f"({flag})" for flag in flags)])


def add_rule(args: argparse.Namespace) -> int:
    with _opened() as (settings, store):
        rule = rule_from_args(args)
        if alert_store.load_rule(store, rule.id) is not None:
            msg = f"rule {rule.id!r} exists: change it with `wirewatch alerts edit {rule.id}`"
            raise ConfigError(msg)
        return _publish(settings, store, rule, "created")


def edit_rule(args: argparse.Namespace) -> int:
    with _opened() as (settings, store):
        given = {f: getattr(args, f) for f in RULE_FIELDS if getattr(args, f, None) is not None}
        if not given:
            msg = "nothing to change: pass at least one field flag"
            raise ConfigError(msg)
        rule = find_rule(settings, store, args.id).with_changes(**given)
        return _publish(settings, store, rule, "edited")


def enable_rule(args: argparse.Namespace) -> int:
    return _toggle(args.id, enabled=True)


def disable_rule(args: argparse.Namespace) -> int:
    return _toggle(args.id, enabled=False)


def _toggle(rule_id: str, *, enabled: bool) -> int:
    with _opened() as (settings, store):
        rule = find_rule(settings, store, rule_id).with_changes(enabled=enabled)
        return _publish(settings, store, rule, "enabled" if enabled else "disabled")


def delete_rule(args: argparse.Namespace) -> int:
    with _opened() as (settings, store):
        find_rule(settings, store, args.id)
        topic.remove(settings, store, args.id)
        print(f"deleted rule {args.id}")
        return 0


def silence_rule(args: argparse.Namespace) -> int:
    """Silence a rule or the rules matching labels; ``--clear`` ends a rule's silences."""
    with _opened() as (settings, store):
        matchers = silences.parse_matchers(args.match)
        if args.id:
            find_rule(settings, store, args.id)
            matchers["rule"] = args.id
        if args.clear:
            return _clear_silences(settings, store, matchers)
        start = now()
        end = args.until if args.until else start + timedelta(seconds=args.for_seconds)
        silence = silences.new_silence(matchers, start, end, args.author or _login(),
                                       args.comment)  # fmt: skip
        silence_store.add_silence(store, silence)
        print(f"silence {silence.silence_id}: {silence.describe()} until {end.isoformat()} "
              f"by {silence.author}")  # fmt: skip
        return 0


def _clear_silences(settings: Settings, store: SqlStore, matchers: dict[str, str]) -> int:
    now_ms = int(time.time() * 1000)
    ended = [s for s in silence_store.active_silences(store, now_ms) if s.matchers == matchers]
    for silence in ended:
        silence_store.expire_silence(store, silence.silence_id, now_ms)
        print(f"silence {silence.silence_id} ended: {silence.describe()}")
    rule_id = matchers.get("rule")
    rule = find_rule(settings, store, rule_id) if rule_id else None
    if rule is not None and rule.silenced_until is not None:  # the older per-rule mute
        _publish(settings, store, rule.with_changes(silenced_until=None), "unsilenced")
    elif not ended:
        print(f"no silence in force matches exactly {', '.join(map('='.join, matchers.items()))}")
    return 0


def list_silences(args: argparse.Namespace) -> int:
    with _opened() as (_settings, store):
        now_ms = int(time.time() * 1000)
        found = silence_store.silences(store, None if args.all else now_ms)
        if not found:
            print("no silences: add one with `wirewatch alerts silence`")
        for s in found:
            state = "active" if s.active(now_ms) else "ended" if s.ends_ms <= now_ms else "pending"
            print(f"{s.silence_id}  {state:<7} until {_iso(s.ends_ms)}  {s.describe():<32} "
                  f"by {s.author}" + (f": {s.comment}" if s.comment else ""))  # fmt: skip
        return 0


def expire_silence(args: argparse.Namespace) -> int:
    with _opened() as (_settings, store):
        if not silence_store.expire_silence(store, args.silence_id, int(time.time() * 1000)):
            msg = f"no silence {args.silence_id!r} in force (see `wirewatch alerts silences`)"
            raise ConfigError(msg)
        print(f"silence {args.silence_id} ended")
        return 0


def ack_rule(args: argparse.Namespace) -> int:
    with _opened() as (_settings, store):
        ack = silences.acknowledge(store, args.run_id, args.id, args.author or _login(),
                                   args.comment)  # fmt: skip
        print(f"acknowledged {args.id} (firing since {_iso(ack.since_ms)}) by {ack.author}")
        return 0


def show_channels(args: argparse.Namespace) -> int:
    """Print the channels evaluators recorded; with ``--test``, notify each one."""
    with _opened() as (settings, store):
        found = silence_store.channels(store)
        if not found:
            print("no notification channels: `wirewatch alerts run --webhook URL` or --jsonl")
        for channel in found:
            line = f"{channel.kind:<8} {channel.shown:<40} on {','.join(channel.kinds)}"
            if args.test:
                sent, what = send_test(channel.target, settings)
                line += "  test: " + (what if sent else f"FAILED: {what}")
            print(f"{line}  (seen {_iso(channel.seen_ms)})")
        return 0


def send_test(target: str, settings: Settings) -> tuple[bool, str]:
    """Send a test notification to one recorded channel: (delivered, what happened)."""
    at = now()
    test = Transition("wirewatch-test", "Test notification", "firing", at, None, 0.0, "info",
                      notify=True, run_id="test", reason="test notification")  # fmt: skip
    try:
        notifier = make_notifier(target, settings.webhook_allow)
        sent = notifier.send(test)
    except (ConfigError, OSError) as exc:
        return False, str(exc)
    if isinstance(notifier, WebhookNotifier):
        notifier.close()
    return sent, "delivered" if sent else "not delivered (see the log)"


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")


def list_rules(args: argparse.Namespace) -> int:
    with _opened() as (_settings, store):
        states = alert_store.load_states(store, args.run_id)
        found = alert_store.load_rules(store)
        if not found:
            print("no alert rules: add one with `wirewatch alerts add`")
        for rule in found:
            status = states[rule.id].status if rule.id in states else "ok"
            print(f"{rule.id:<24} {status:<8} {rule.severity:<8} {describe(rule)}")
        return 0


def show_history(args: argparse.Namespace) -> int:
    with _opened() as (_settings, store):
        for t in alert_store.history(store, args.id, args.run_id, args.limit):
            value = "-" if t.value is None else f"{t.value:g}"
            print(f"{t.at.isoformat()} {t.run_id:<10} {t.rule_id:<24} {t.kind:<9} "
                  f"value={value} threshold={t.threshold:g} notified={t.notify}")  # fmt: skip
        return 0


def run_backtest(args: argparse.Namespace) -> int:
    with _opened() as (settings, store):
        if args.rule_json:
            rule = AlertRule.from_dict(rule_json(args.rule_json))
        else:
            rule = find_rule(settings, store, args.id)
        start = now() - timedelta(seconds=args.since)
        events = alert_store.history_observations(store, args.run_id, start)
        incidents = incident_window.stored_incidents(store, args.run_id, start)
        transitions = backtest(rule, events, incidents)
        for t in transitions:
            print(json.dumps(t.to_dict()))
        firings = sum(t.kind == "firing" for t in transitions)
        print(f"{rule.id}: {firings} firing(s) over {len(events)} article(s) since {start:%F %T}")
        return 0


def rule_json(text: str) -> dict[str, Any]:
    """The dict behind ``--rule-json``: inline JSON or ``@path``."""
    raw = Path(text[1:]).read_text() if text.startswith("@") else text
    data = json.loads(raw)
    if not isinstance(data, dict):
        msg = "--rule-json must be a JSON object"
        raise RuleError(msg)
    return data


def notifiers(args: argparse.Namespace, settings: Settings) -> list[Notifier]:
    """The notifiers chosen by ``run`` flags."""
    allow = settings.webhook_allow
    made: list[Notifier] = [WebhookNotifier(url, allow) for url in args.webhook]
    if args.jsonl:
        made.append(FileNotifier(args.jsonl))
    return made


def record_channels(store: SqlStore, dispatcher: Dispatcher) -> None:
    """Tell the store (and so the dashboard) which channels this evaluator notifies."""
    seen = int(time.time() * 1000)
    kinds = tuple(sorted(dispatcher.kinds))
    silence_store.save_channels(store, [
        silence_store.Channel(n.target, *shown_target(n.target), kinds, seen)
        for n in dispatcher.notifiers
    ])  # fmt: skip


def consumer_group(args: argparse.Namespace) -> str:
    """``--group``, else ``wirewatch-alerts`` for live and ``wirewatch-alerts-<run id>``.

    Evaluators of different runs must not share a group: they would split the
    metrics partitions between them and each miss the other's records.
    """
    if args.group:
        return str(args.group)
    return GROUP if args.run_id == LIVE_RUN else f"{GROUP}-{args.run_id}"


def run_evaluator(args: argparse.Namespace) -> int:
    """Run the evaluator until SIGINT/SIGTERM; flush, commit and close on the way out."""
    kinds = [k.strip() for k in args.notify_on.split(",") if k.strip()]
    with _opened() as (settings, store):
        dispatcher = Dispatcher(notifiers(args, settings), kinds, gate=silences.Muter(store))
        record_channels(store, dispatcher)
        ensure_topics(settings)
        consumer = make_consumer(settings, settings.topics.metrics, settings.topics.incidents,
                                 group_id=consumer_group(args))  # fmt: skip
        producer = make_producer(settings, client_id="wirewatch-alerts")
        feed = topic.RuleFeed(settings)
        probe = SystemProbe(settings, store)
        service = Evaluator(settings, store, consumer, producer, feed, dispatcher, args.run_id,
                            probe, tick_seconds=args.tick)  # fmt: skip
        with hosting(service, consumer, feed, probe):
            service.start()
            seen = service.run(max_records=args.max_records, idle_exit=args.idle_exit)
        print(f"evaluator stopped: {seen} metric event(s), {len(service.engine.rules)} rule(s)")
        return 0
