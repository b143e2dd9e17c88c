"""``wirewatch alerts``: manage alert rules, run the evaluator, backtest, show history."""

from __future__ import annotations

import argparse
import re
from dataclasses import MISSING
from pathlib import Path
from typing import Any

from consumers.alerts import commands
from consumers.alerts.notify import DEFAULT_KINDS
from consumers.alerts.rules import MAX_SECONDS, RULE_FIELDS, RuleField
from consumers.alerts.silences import MATCHABLE
from consumers.alerts.state import KINDS
from wirewatch.cli import time_arg

_DURATION = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_LOOKBACK = 36_500 * 86_400  # about a century: any stored history, no datetime overflow


def duration(text: str) -> int:
    """Seconds from ``90``, ``90s``, ``15m``, ``2h`` or ``7d``; at most 365 days."""
    return _seconds(text, MAX_SECONDS, "365d")


def lookback(text: str) -> int:
    """A duration for looking back over history; at most 36500 days."""
    return _seconds(text, MAX_LOOKBACK, "36500d")


def _seconds(text: str, limit: int, limit_text: str) -> int:
    match = _DURATION.match(text)
    if not match:
        msg = f"not a duration: {text!r} (use e.g. 90, 90s, 15m, 2h, 7d)"
        raise argparse.ArgumentTypeError(msg)
    seconds = int(match.group(1)) * _UNITS[match.group(2)]
    if seconds > limit:
        msg = f"duration {text!r} is longer than the limit of {limit_text}"
        raise argparse.ArgumentTypeError(msg)
    return seconds


def register(sub: Any) -> None:
    """Add ``wirewatch alerts`` and its actions."""
    parser = sub.add_parser(
        "alerts",
        help="alert rules, the evaluator service, backtests and alert history",
        description="Manage alert rules (stored on the compacted alert-rules topic and "
        "mirrored in the store), run the evaluator, backtest a rule over stored history.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    _simple(actions, "list", "list rules with their state", commands.list_rules)
    add = actions.add_parser("add", help="create a rule (every field is a flag)")
    _rule_flags(add, creating=True)
    add.set_defaults(handler=commands.add_rule)
    edit = actions.add_parser("edit", help="change some fields of a rule")
    edit.add_argument("id", help="rule id")
    _rule_flags(edit, creating=False)
    edit.set_defaults(handler=commands.edit_rule)
    for name, verb in (("enable", "enable"), ("disable", "disable"), ("delete", "delete")):
        action = actions.add_parser(name, help=f"{verb} a rule")
        action.add_argument("id", help="rule id")
        action.set_defaults(handler=getattr(commands, f"{name}_rule"))
    _silence(actions)
    channels = actions.add_parser("channels", help="notification channels evaluators run with")
    channels.add_argument("--test", action="store_true",
                          help="send a test notification to each of them now")  # fmt: skip
    channels.set_defaults(handler=commands.show_channels)
    history = actions.add_parser("history", help="state changes, newest first")
    history.add_argument("id", nargs="?", help="only this rule")
    history.add_argument("--run-id", default=None, help="only this run (default: all)")
    history.add_argument("--limit", type=int, default=50, help="rows to show (50)")
    history.set_defaults(handler=commands.show_history)
    _run(actions)
    _backtest(actions)


def _simple(actions: Any, name: str, text: str, handler: Any) -> None:
    action = actions.add_parser(name, help=text)
    action.add_argument("--run-id", default="live", help="whose state to show (live)")
    action.set_defaults(handler=handler)


def _rule_flags(p: argparse.ArgumentParser, *, creating: bool) -> None:
    """One flag per rule field, from :data:`~consumers.alerts.rules.RULE_FIELDS`."""
    if creating:
        p.add_argument("--id", help="rule id (default: derived from --name)")
    for spec in RULE_FIELDS:
        _field_flag(p, spec, required=creating and spec.required)


def _field_flag(p: argparse.ArgumentParser, spec: RuleField, *, required: bool) -> None:
    if spec.widget == "switch":
        p.add_argument(spec.option, action="store_const", const=False, dest=spec.name,
                       help="create or leave the rule disabled")  # fmt: skip
        return
    kinds: dict[str, Any] = {"number": float, "optional": float, "duration": duration}
    metavars = {"number": "NUMBER", "optional": "NUMBER", "duration": "DURATION"}
    p.add_argument(spec.option, dest=spec.name, type=kinds.get(spec.widget, str),
                   choices=spec.choices or None, required=required,
                   metavar=metavars.get(spec.widget), help=spec.help + _default(spec))  # fmt: skip


def _default(spec: RuleField) -> str:
    """`` (1h)``: the default as the flag takes it; nothing for required or optional fields."""
    if spec.default is MISSING or spec.widget == "optional":
        return ""
    if spec.widget == "duration":
        return f", e.g. 10m, 2h ({fmt_seconds(spec.default)})"
    return " (none)" if spec.default is None else f" ({spec.default or 'empty'})"


def fmt_seconds(seconds: int) -> str:
    """Seconds as durations are typed: ``90s``, ``15m``, ``2h``, ``7d``."""
    for unit, size in (("d", 86_400), ("h", 3_600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _silence(actions: Any) -> None:
    silence = actions.add_parser(
        "silence",
        help="mute notifications of a rule, or of the rules matching labels, for a while",
        description="A silence mutes notifications (states are still evaluated and recorded) "
        "of one rule, or of every rule whose labels match all --match NAME=VALUE "
        f"(NAME: {', '.join(MATCHABLE)}). --clear ends the silences of a rule now.",
    )
    silence.add_argument("id", nargs="?", help="rule id (same as --match rule=ID)")
    silence.add_argument("--match", action="append", default=[], metavar="NAME=VALUE",
                         help="label matcher, repeatable, e.g. location=Gaza")  # fmt: skip
    group = silence.add_mutually_exclusive_group(required=True)
    group.add_argument("--until", type=time_arg, help="ISO 8601 end of the silence")
    group.add_argument("--for", type=duration, dest="for_seconds", help="e.g. 2h")
    group.add_argument("--clear", action="store_true", help="end the rule's silences now")
    silence.add_argument("--author", default=None, help="who silences (default: your login)")
    silence.add_argument("--comment", default="", help="why")
    silence.set_defaults(handler=commands.silence_rule)
    listing = actions.add_parser("silences", help="list silences (in force and ended)")
    listing.add_argument("--all", action="store_true", help="include ended silences")
    listing.set_defaults(handler=commands.list_silences)
    expire = actions.add_parser("unsilence", help="end a silence now, by its id")
    expire.add_argument("silence_id", help="id shown by `wirewatch alerts silences`")
    expire.set_defaults(handler=commands.expire_silence)
    ack = actions.add_parser("ack", help="acknowledge a firing alert: stops its re-notification")
    ack.add_argument("id", help="rule id")
    ack.add_argument("--run-id", default="live", help="whose firing (live)")
    ack.add_argument("--author", default=None, help="who acknowledges (default: your login)")
    ack.add_argument("--comment", default="", help="what is being done")
    ack.set_defaults(handler=commands.ack_rule)


def _run(actions: Any) -> None:
    run = actions.add_parser(
        "run",
        help="run the evaluator service (SIGTERM/SIGINT: flush, commit, close)",
        description="Consume the metrics topic as its own consumer group and the rules topic "
        "alongside; publish state changes to the alerts topic and the store; notify.",
    )
    run.add_argument("--run-id", default="live", help="which run to evaluate (live)")
    run.add_argument("--group", help="consumer group (default: wirewatch-alerts for the live "
                     "run, wirewatch-alerts-<run id> otherwise)")  # fmt: skip
    run.add_argument("--webhook", action="append", default=[], metavar="URL",
                     help="POST state changes here (repeatable) [env: WIREWATCH_WEBHOOK_ALLOW "
                     "lists allowed hosts]")  # fmt: skip
    run.add_argument("--jsonl", type=Path, help="append state changes to this JSONL file")
    run.add_argument(
        "--notify-on",
        default=",".join(DEFAULT_KINDS),
        help=f"kinds to notify, of {', '.join(KINDS)} (firing,resolved)",
    )
    run.add_argument("--tick", type=float, default=15.0,
                     help="seconds between system-metric probes (15)")  # fmt: skip
    run.add_argument("--max-records", type=int, help="exit after this many metric events")
    run.add_argument("--idle-exit", type=float, help="exit after this many idle seconds")
    run.set_defaults(handler=commands.run_evaluator)


def _backtest(actions: Any) -> None:
    backtest = actions.add_parser("backtest", help="when a rule would have fired in history")
    target = backtest.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?", help="rule id")
    target.add_argument("--rule-json", help="a rule as JSON, or @FILE")
    backtest.add_argument("--run-id", default="live", help="history of this run (live)")
    backtest.add_argument("--since", type=lookback, default=7 * 86400,
                          help="how far back to look (7d)")  # fmt: skip
    backtest.set_defaults(handler=commands.run_backtest)
