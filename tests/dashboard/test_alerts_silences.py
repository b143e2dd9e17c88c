"""Silences, acknowledgements and channels on the Alerts page (AppTest, real store, no broker)."""

from __future__ import annotations

from pathlib import Path

from consumers.alerts.rules import AlertRule
from consumers.alerts.state import RuleState
from tests.dashboard.test_alerts_page import T0, app, banner, local_store, offline
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store

__all__ = ["local_store", "offline"]  # fixtures used here
RULE = AlertRule(id="deaths", name="Deaths in Gaza", metric="killed", threshold=10,
                 location="Gaza")  # fmt: skip


def fire(store: SqlStore) -> None:
    alert_store.save_rule(store, RULE)
    alert_store.save_batch(store, "live", [], [RuleState("deaths", "firing", T0, 12.0)], [])


def test_silencing_a_rule_from_the_page_mutes_it_and_the_banner_says_so(
    local_store: SqlStore, offline: Settings
) -> None:
    fire(local_store)
    at = app(local_store, offline).run()
    assert at.button(key="FormSubmitter:alerts.silence_form-Silence").disabled  # no author yet
    at.text_input(key="alerts.author").input("ana").run()
    at.selectbox(key="alerts.sil_rule").set_value("deaths")
    at.text_input(key="alerts.sil_for").input("2h")
    at.text_input(key="alerts.sil_comment").input("known strike, being verified")
    at.button(key="FormSubmitter:alerts.silence_form-Silence").click().run()
    assert not at.exception, [e.message for e in at.exception]
    [made] = silence_store.silences(local_store)
    assert (made.matchers, made.author, made.comment) == (
        {"rule": "deaths"}, "ana", "known strike, being verified")  # fmt: skip
    assert made.ends_ms - made.starts_ms == 2 * 3_600_000
    assert [s.value for s in at.success] == ["Silenced rule=deaths."]
    shown = banner(local_store).run()
    assert not shown.error and "silenced by ana" in shown.warning[0].value
    table = at.dataframe[0].value  # the rules table says it too
    assert list(table["state"]) == ["firing"] and "silenced by ana" in table["muted"][0]


def test_a_silence_by_label_and_ending_it(local_store: SqlStore, offline: Settings) -> None:
    fire(local_store)
    at = app(local_store, offline).run()
    at.text_input(key="alerts.author").input("ana").run()
    at.selectbox(key="alerts.sil_label").set_value("location")
    at.text_input(key="alerts.sil_value").input("gaza")
    at.button(key="FormSubmitter:alerts.silence_form-Silence").click().run()
    [made] = silence_store.silences(local_store)
    assert made.matchers == {"location": "gaza"}
    at.button(key=f"alerts.unsilence.{made.silence_id}").click().run()
    assert silence_store.silences(local_store)[0].ends_ms < made.ends_ms
    assert banner(local_store).run().error  # loud again


def test_a_bad_duration_is_said_and_nothing_is_silenced(
    local_store: SqlStore, offline: Settings
) -> None:
    fire(local_store)
    at = app(local_store, offline).run()
    at.text_input(key="alerts.author").input("ana").run()
    at.selectbox(key="alerts.sil_rule").set_value("deaths")
    at.text_input(key="alerts.sil_for").input("a while")
    at.button(key="FormSubmitter:alerts.silence_form-Silence").click().run()
    assert any("not a duration" in e.value for e in at.error)
    assert silence_store.silences(local_store) == []


def test_acknowledging_a_firing_alert_from_the_page(
    local_store: SqlStore, offline: Settings
) -> None:
    fire(local_store)
    at = app(local_store, offline).run()
    assert at.button(key="alerts.ack.deaths").disabled
    at.text_input(key="alerts.author").input("ana").run()
    at.button(key="alerts.ack.deaths").click().run()
    ack = silence_store.acks(local_store, "live")[("deaths", int(T0.timestamp() * 1000))]
    assert ack.author == "ana"
    assert not [b for b in at.button if b.key == "alerts.ack.deaths"]  # shown as acknowledged
    assert "acknowledged by ana" in banner(local_store).run().warning[0].value


def test_channels_are_shown_by_host_and_a_test_can_be_sent(
    local_store: SqlStore, offline: Settings, tmp_path: Path
) -> None:
    sink = tmp_path / "alerts.jsonl"
    silence_store.save_channels(local_store, [
        silence_store.Channel("http://127.0.0.1:9/hooks/s3cret", "webhook",
                              "http://127.0.0.1:9/…", ("firing", "resolved"), 1),
        silence_store.Channel(f"file:{sink}", "file", str(sink), ("firing",), 2),
    ])  # fmt: skip
    at = app(local_store, offline).run()
    text = " ".join(m.value for m in at.markdown)
    assert "http://127.0.0.1:9/…" in text and "s3cret" not in text and str(sink) in text
    at.button(key="alerts.test.0").click().run()  # the file: most recently seen, first
    assert "wirewatch-test" in sink.read_text()
    assert any("delivered" in s.value for s in at.success)
    at.button(key="alerts.test.1").click().run()  # the webhook, not on the allow-list
    assert any("not allowed" in e.value for e in at.error)


def test_without_channels_the_page_says_how_to_add_them(
    local_store: SqlStore, offline: Settings
) -> None:
    at = app(local_store, offline).run()
    assert any("wirewatch alerts run --webhook" in c.value for c in at.caption)
