"""``wirewatch alerts silence|silences|unsilence|ack|channels`` against a real store."""

from __future__ import annotations

import time
from dataclasses import fields
from pathlib import Path

import pytest

from consumers.alerts.rules import RULE_FIELDS, AlertRule, RuleError
from consumers.alerts.silences import SilenceError
from consumers.alerts.state import RuleState
from tests.unit.test_alerts_cli import parser
from tests.unit.test_alerts_outbox import T0
from wirewatch.errors import ConfigError
from wirewatch.settings import ENV_BOOTSTRAP, ENV_STORE_URL
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SqlStore:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv(ENV_STORE_URL, url)
    monkeypatch.setenv(ENV_BOOTSTRAP, "127.0.0.1:9")  # nothing here needs the broker
    store = open_store(url)
    alert_store.save_rule(store, AlertRule("deaths", "Deaths", "killed", 5.0, location="Gaza"))
    return store


def wirewatch(*argv: str) -> int:
    args = parser().parse_args(["alerts", *argv])
    return int(args.handler(args))


def test_silence_a_rule_list_it_and_end_it(
    db: SqlStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wirewatch("silence", "deaths", "--for", "2h", "--author", "ana", "--comment", "x") == 0
    [made] = silence_store.silences(db)
    assert (made.matchers, made.author, made.comment) == ({"rule": "deaths"}, "ana", "x")
    assert made.ends_ms - made.starts_ms == 2 * 3_600_000
    capsys.readouterr()
    assert wirewatch("silences") == 0
    assert made.silence_id in capsys.readouterr().out
    assert wirewatch("unsilence", made.silence_id) == 0
    assert wirewatch("silences") == 0
    assert "no silences" in capsys.readouterr().out
    with pytest.raises(ConfigError, match="no silence"):
        wirewatch("unsilence", made.silence_id)


def test_silence_by_matchers_and_clear(db: SqlStore) -> None:
    assert wirewatch("silence", "--match", "location=Gaza", "--for", "1h") == 0
    [made] = silence_store.silences(db)
    assert made.matchers == {"location": "Gaza"} and made.author  # the login by default
    assert wirewatch("silence", "--match", "location=Gaza", "--clear") == 0
    [ended] = silence_store.silences(db)
    assert ended.ends_ms < made.ends_ms and ended.ends_ms <= int(time.time() * 1000)
    with pytest.raises(SilenceError, match="NAME=VALUE"):
        wirewatch("silence", "--match", "place=Gaza", "--for", "1h")


def test_ack_needs_a_firing_rule(db: SqlStore, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SilenceError, match="not firing"):
        wirewatch("ack", "deaths")
    alert_store.save_batch(db, "live", [], [RuleState("deaths", "firing", T0, 9.0)], [])
    assert wirewatch("ack", "deaths", "--author", "ana") == 0
    assert "acknowledged deaths" in capsys.readouterr().out
    assert silence_store.acks(db, "live")[("deaths", int(T0.timestamp() * 1000))].author == "ana"


def test_channels_are_listed_redacted_and_tested(
    db: SqlStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sink = tmp_path / "alerts.jsonl"
    silence_store.save_channels(db, [
        silence_store.Channel(f"file:{sink}", "file", str(sink), ("firing",), 1),
        silence_store.Channel("https://hooks.example.org/T/secret", "webhook",
                              "https://hooks.example.org/…", ("firing",), 1),
    ])  # fmt: skip
    assert wirewatch("channels", "--test") == 0
    out = capsys.readouterr().out
    assert "secret" not in out and "hooks.example.org/…" in out
    assert "test: delivered" in out and "test: FAILED" in out  # off the allow-list
    assert '"rule_id": "wirewatch-test"' in sink.read_text()


def test_rule_fields_are_defined_once_for_flags_and_form() -> None:
    editable = {f.name for f in fields(AlertRule)} - {"id", "silenced_until"}
    assert {spec.name for spec in RULE_FIELDS} == editable
    help_text = parser()._subparsers._group_actions[0].choices["alerts"]  # type: ignore[union-attr]
    add = help_text._subparsers._group_actions[0].choices["add"]
    flags = {opt for action in add._actions for opt in action.option_strings}
    assert {spec.option for spec in RULE_FIELDS} <= flags


def test_a_misspelt_metric_is_a_clear_error() -> None:
    with pytest.raises(
        RuleError, match=r"metric must be one of killed, .*\(Invalid enum value 'kiled'\)"
    ):
        AlertRule.from_dict({"id": "x", "name": "x", "metric": "kiled", "threshold": 1})
    with pytest.raises(SystemExit):
        parser().parse_args(
            ["alerts", "add", "--name", "x", "--metric", "kiled", "--threshold", "1"]
        )
