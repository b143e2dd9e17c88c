"""The webhook allow-list: which ``host:port`` a webhook may post to, by name and by address.

Entries (``WIREWATCH_WEBHOOK_ALLOW``, comma-separated) are ``host``, ``host:port``,
``host:*`` (any port) or ``[v6]:port``. A bare host means its default web ports,
80 and 443. A URL is allowed when

1. its host, normalised, equals an entry's host: lower case, no trailing dot, an IP
   literal in canonical form (``[::ffff:127.0.0.1]`` is ``127.0.0.1``); spellings the
   resolver would also accept (``127.1``, ``0x7f.1``, ``2130706433``) match no entry;
2. its port (or the scheme's default) is allowed by that entry; and
3. every address the host resolves to is allowed: a global (public) address, an
   address written in the list as an IP literal, or a loopback address of
   ``localhost``. So an allowed name that resolves to a private, link-local or
   loopback address not in the list is refused.

The check runs when the notifier is built and again before every send.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from wirewatch.errors import ConfigError
from wirewatch.settings import ENV_WEBHOOK_ALLOW

DEFAULT_PORTS = frozenset({80, 443})
SCHEME_PORTS = {"http": 80, "https": 443}

Resolver = Callable[[str, int], Sequence[str]]
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class NotAllowedError(ConfigError):
    """A webhook URL the allow-list does not permit."""


@dataclass(frozen=True)
class Entry:
    """One allow-list entry; ``ports`` None means any port."""

    host: str
    ports: frozenset[int] | None

    def admits(self, port: int) -> bool:
        return self.ports is None or port in self.ports


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        msg = f"webhook host {host!r} does not resolve: {exc}"
        raise NotAllowedError(msg) from None
    return sorted({str(info[4][0]) for info in infos})


def normal_host(host: str) -> str:
    """Lower case, no trailing dot, brackets dropped, IP literals canonical (v4-mapped: v4)."""
    name = host.strip().lower().rstrip(".").removeprefix("[").removesuffix("]")
    literal = _literal(name)
    return str(literal) if literal is not None else name


def parse_entry(raw: str) -> Entry:
    """``host``, ``host:port``, ``host:*``, ``[v6]`` or ``[v6]:port``."""
    text = raw.strip()
    host, port = text, ""
    if text.startswith("["):
        host, _, rest = text.partition("]")
        port = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, port = text.split(":")
    if not normal_host(host):
        msg = f"{ENV_WEBHOOK_ALLOW}: entry {raw!r} names no host"
        raise ConfigError(msg)
    if port == "*":
        return Entry(normal_host(host), None)
    if not port:
        return Entry(normal_host(host), DEFAULT_PORTS)
    if not port.isdigit() or not 0 < int(port) < 65536:
        msg = f"{ENV_WEBHOOK_ALLOW}: entry {raw!r} has a bad port"
        raise ConfigError(msg)
    return Entry(normal_host(host), frozenset({int(port)}))


class AllowList:
    """Parsed entries and the check of one (scheme, host, port)."""

    def __init__(self, entries: Iterable[str], resolver: Resolver = resolve) -> None:
        self.entries = [parse_entry(e) for e in entries if e.strip()]
        self.resolver = resolver
        self.literals = {a for e in self.entries if (a := _literal(e.host)) is not None}

    def check(self, scheme: str, host: str, port: int | None) -> None:
        """Raise :class:`NotAllowedError` unless a POST to ``host:port`` is allowed."""
        name = normal_host(host)
        port = port if port is not None else SCHEME_PORTS.get(scheme, 0)
        if not any(e.host == name and e.admits(port) for e in self.entries):
            msg = f"webhook {name}:{port} is not allowed; add it to {ENV_WEBHOOK_ALLOW}"
            raise NotAllowedError(msg)
        for address in self.resolver(name, port):
            if not self._address_allowed(name, address):
                msg = f"webhook host {name!r} resolves to {address}, which is not allowed"
                raise NotAllowedError(msg)

    def _address_allowed(self, name: str, address: str) -> bool:
        ip = _literal(address.split("%", 1)[0])
        if ip is None:
            return False
        if ip in self.literals:
            return True
        if ip.is_loopback:
            return name == "localhost"
        return ip.is_global


def _literal(text: str) -> IpAddress | None:
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip
