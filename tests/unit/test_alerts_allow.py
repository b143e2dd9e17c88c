"""The webhook allow-list: host:port entries, normalised names, resolved addresses."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from consumers.alerts.allow import AllowList, Entry, NotAllowedError, normal_host, parse_entry
from consumers.alerts.notify import WebhookNotifier
from wirewatch.errors import ConfigError

DNS = {
    "hooks.example.org": ["93.184.216.34"],
    "rebound.example.org": ["127.0.0.1"],
    "internal.example.org": ["10.0.0.7"],
    "localhost": ["127.0.0.1", "::1"],
    "127.0.0.1": ["127.0.0.1"],
    "10.0.0.7": ["10.0.0.7"],
    "::1": ["::1"],
}


def fake_dns(host: str, port: int) -> Sequence[str]:
    return DNS.get(host, ["127.0.0.1"])  # what the system resolver does with 127.1, 0x7f.1 ...


def allow(*entries: str) -> AllowList:
    return AllowList(entries, resolver=fake_dns)


@pytest.mark.parametrize(
    ("raw", "entry"),
    [
        ("hooks.example.org", Entry("hooks.example.org", frozenset({80, 443}))),
        ("Hooks.Example.org.:8443", Entry("hooks.example.org", frozenset({8443}))),
        ("127.0.0.1:*", Entry("127.0.0.1", None)),
        ("[::1]:9000", Entry("::1", frozenset({9000}))),
        ("::1", Entry("::1", frozenset({80, 443}))),
        ("[::ffff:127.0.0.1]", Entry("127.0.0.1", frozenset({80, 443}))),
    ],
)
def test_entries_parse(raw: str, entry: Entry) -> None:
    assert parse_entry(raw) == entry


@pytest.mark.parametrize("raw", ["host:0", "host:70000", "host:http", ":80", "[]:80"])
def test_bad_entries_are_config_errors(raw: str) -> None:
    with pytest.raises(ConfigError):
        parse_entry(raw)


def test_names_are_normalised() -> None:
    assert normal_host("LocalHost.") == "localhost"
    assert normal_host("[::ffff:127.0.0.1]") == "127.0.0.1"
    assert normal_host("[::1]") == "::1"


def test_a_bare_host_means_its_default_ports_only() -> None:
    hooks = allow("hooks.example.org")
    hooks.check("https", "hooks.example.org", None)
    hooks.check("http", "hooks.example.org", 80)
    with pytest.raises(NotAllowedError, match="hooks.example.org:8080 is not allowed"):
        hooks.check("http", "hooks.example.org", 8080)


def test_an_explicit_port_is_the_only_one() -> None:
    local = allow("127.0.0.1:9000")
    local.check("http", "127.0.0.1", 9000)
    for port in (9001, 80, None):
        with pytest.raises(NotAllowedError):
            local.check("http", "127.0.0.1", port)


@pytest.mark.parametrize(
    "host", ["127.1", "0x7f.1", "2130706433", "0177.0.0.1", "127.000.000.001", "localhost", "::1"]
)
def test_loopback_disguises_are_refused_when_loopback_is_not_allowed(host: str) -> None:
    with pytest.raises(NotAllowedError):
        allow("hooks.example.org:*").check("http", host, 80)


def test_loopback_spellings_match_only_their_canonical_entry() -> None:
    local = allow("127.0.0.1:*", "localhost:*")
    local.check("http", "[::ffff:127.0.0.1]", 8080)
    local.check("http", "localhost.", 8080)
    with pytest.raises(NotAllowedError):
        local.check("http", "127.1", 8080)
    with pytest.raises(NotAllowedError):
        local.check("http", "0x7f.1", 8080)


def test_an_allowed_name_that_resolves_to_a_private_or_loopback_address_is_refused() -> None:
    with pytest.raises(NotAllowedError, match="resolves to 127.0.0.1"):
        allow("rebound.example.org").check("https", "rebound.example.org", None)
    with pytest.raises(NotAllowedError, match="resolves to 10.0.0.7"):
        allow("internal.example.org").check("https", "internal.example.org", None)
    allow("internal.example.org", "10.0.0.7").check("https", "internal.example.org", None)


def test_the_notifier_checks_at_construction_and_again_at_send() -> None:
    with pytest.raises(NotAllowedError):
        WebhookNotifier("http://127.1:9000/hook", allow=allow("127.0.0.1:9000"))
    hook = WebhookNotifier("https://hooks.example.org/h", allow=allow("hooks.example.org"))
    DNS["hooks.example.org"] = ["127.0.0.1"]  # the name now points at loopback
    try:
        from tests.unit.test_alerts_notify import FIRING

        assert hook.send(FIRING) is False
        assert hook.attempts == 0  # refused before any connection
    finally:
        DNS["hooks.example.org"] = ["93.184.216.34"]


def test_the_system_resolver_is_used_by_default() -> None:
    AllowList(["localhost:*"]).check("http", "localhost", 8080)
    with pytest.raises(NotAllowedError, match="does not resolve"):
        AllowList(["no-such-host.invalid:*"]).check("http", "no-such-host.invalid", 80)
