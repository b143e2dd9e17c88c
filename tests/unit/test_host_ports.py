"""Free loopback ports: below the ephemeral range, bindable, and pairs for broker and controller."""

from __future__ import annotations

import socket

import pytest

from wirewatch import host
from wirewatch.host import free_port, free_port_pair


def test_a_free_port_is_below_the_ephemeral_range_and_bindable() -> None:
    port = free_port()
    assert 20000 <= port < 32768
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_a_port_a_socket_holds_without_listening_is_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as held:  # bound, as an outgoing connection's local end is
        taken = free_port()
        held.bind(("127.0.0.1", taken))
        other = free_port()
        picks = iter([taken, other])
        monkeypatch.setattr(host.random, "choice", lambda _: next(picks))
        assert free_port() == other


def test_a_pair_has_both_ports_bindable() -> None:
    port = free_port_pair()
    with socket.socket() as first, socket.socket() as second:
        first.bind(("127.0.0.1", port))
        second.bind(("127.0.0.1", port + 1))
