"""The ``alerts``, ``record`` and ``replay`` parsers, registered on a parser of our own."""

from __future__ import annotations

import argparse

import pytest

from consumers.alerts import alerts_cli
from consumers.alerts.commands import rule_from_args, slug
from producers import replay_cli


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="wirewatch")
    sub = root.add_subparsers(dest="command", required=True)
    alerts_cli.register(sub)
    replay_cli.register(sub)
    return root


def test_add_takes_a_flag_for_every_rule_field() -> None:
    args = parser().parse_args([
        "alerts", "add", "--name", "Qatar mediation", "--metric", "mentions", "--subject",
        "Qatar", "--threshold", "3", "--comparator", ">", "--aggregation", "count", "--window",
        "2h", "--for", "10m", "--recovery", "1", "--cooldown", "1d", "--severity", "info",
        "--location", "Doha", "--actor", "Hamas", "--source", "wire", "--no-data", "keep",
        "--note", "watch talks", "--disabled",
    ])  # fmt: skip
    rule = rule_from_args(args)
    assert rule.id == "qatar-mediation"
    assert (rule.window_seconds, rule.for_seconds, rule.cooldown_seconds) == (7200, 600, 86400)
    assert (rule.comparator, rule.recovery, rule.no_data, rule.enabled) == (">", 1.0, "keep", False)
    assert (rule.location, rule.actor, rule.source, rule.note) == ("Doha", "Hamas", "wire",
                                                                   "watch talks")  # fmt: skip


def test_add_defaults_and_help_documents_the_fields(capsys: pytest.CaptureFixture[str]) -> None:
    args = parser().parse_args(["alerts", "add", "--name", "D", "--metric", "killed",
                                "--threshold", "5"])  # fmt: skip
    assert rule_from_args(args).aggregation == "sum"
    with pytest.raises(SystemExit):
        parser().parse_args(["alerts", "add", "--help"])
    text = capsys.readouterr().out
    for flag in ("--window", "--for", "--recovery", "--cooldown", "--no-data", "--subject"):
        assert flag in text


@pytest.mark.parametrize(
    "argv",
    [
        ["alerts", "list"], ["alerts", "edit", "r", "--threshold", "4"], ["alerts", "enable", "r"],
        ["alerts", "disable", "r"], ["alerts", "delete", "r"], ["alerts", "history"],
        ["alerts", "history", "r", "--limit", "5"], ["alerts", "silence", "r", "--for", "2h"],
        ["alerts", "silence", "r", "--until", "2026-03-01T12:00:00Z"], ["alerts", "run"],
        ["alerts", "backtest", "r"], ["alerts", "backtest", "--rule-json", "{}"],
        ["record", "--out", "a.jsonl.gz", "--from", "2026-03-01T00:00Z"],
        ["replay", "a.jsonl.gz", "--speed", "60"], ["replay", "--from", "2026-03-01T00:00Z"],
    ],
)  # fmt: skip
def test_every_action_parses_to_a_handler(argv: list[str]) -> None:
    assert callable(parser().parse_args(argv).handler)


@pytest.mark.parametrize(
    "argv",
    [
        ["alerts", "silence", "r"], ["alerts", "add", "--name", "x", "--metric", "casualties",
        "--threshold", "1"], ["alerts", "add", "--name", "x", "--metric", "killed",
        "--threshold", "1", "--window", "soon"], ["replay", "f", "--speed", "0"],
        ["record", "--out", "f", "--from", "yesterday"],
    ],
)  # fmt: skip
def test_bad_flags_are_rejected(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        parser().parse_args(argv)


def test_replay_help_documents_pause(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parser().parse_args(["replay", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "SIGUSR1 toggles pause" in out and ".control" in out


def test_durations_and_slugs() -> None:
    assert [alerts_cli.duration(t) for t in ("90", "90s", "15m", "2h", "7d")] == [
        90,
        90,
        900,
        7200,
        604800,
    ]
    assert slug("Deaths in Gaza!") == "deaths-in-gaza"


def test_durations_over_a_year_are_refused_by_the_parser() -> None:
    with pytest.raises(SystemExit):
        parser().parse_args(["alerts", "silence", "r", "--for", "99999999999d"])
    with pytest.raises(SystemExit):
        parser().parse_args(["alerts", "add", "--name", "D", "--metric", "killed",
                             "--threshold", "5", "--window", "1000000d"])  # fmt: skip
    assert parser().parse_args(["alerts", "backtest", "r", "--since", "36500d"]).since > 0
    with pytest.raises(SystemExit):
        parser().parse_args(["alerts", "backtest", "r", "--since", "99999999999d"])


@pytest.mark.parametrize(
    ("flags", "group"),
    [
        ([], "wirewatch-alerts"),
        (["--run-id", "live"], "wirewatch-alerts"),
        (["--run-id", "briefing"], "wirewatch-alerts-briefing"),
        (["--run-id", "briefing", "--group", "mine"], "mine"),
    ],
)
def test_a_run_id_evaluator_gets_its_own_consumer_group(flags: list[str], group: str) -> None:
    from consumers.alerts.commands import consumer_group

    assert consumer_group(parser().parse_args(["alerts", "run", *flags])) == group
