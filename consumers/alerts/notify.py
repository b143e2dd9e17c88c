"""Notifiers: a webhook (JSON POST), a JSONL file sink; the dashboard reads the store.

The webhook only talks to hosts on an allow-list (``WIREWATCH_WEBHOOK_ALLOW``,
comma-separated; default ``127.0.0.1,localhost``), follows no redirects, and
retries connection errors, timeouts, 429 and 5xx with exponential back-off.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from consumers.alerts.state import Transition
from wirewatch.errors import ConfigError

log = logging.getLogger(__name__)

ENV_WEBHOOK_ALLOW = "WIREWATCH_WEBHOOK_ALLOW"
DEFAULT_ALLOW = ("127.0.0.1", "localhost")
DEFAULT_KINDS = ("firing", "resolved")


class Notifier(Protocol):
    def send(self, transition: Transition) -> bool: ...


def allowed_hosts(env: Mapping[str, str]) -> tuple[str, ...]:
    """The webhook allow-list from the environment, or the loopback default."""
    raw = env.get(ENV_WEBHOOK_ALLOW, "")
    hosts = tuple(h.strip().lower() for h in raw.split(",") if h.strip())
    return hosts or DEFAULT_ALLOW


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect could lead off the allow-list


class WebhookNotifier:
    """POST each transition as JSON to ``url``; True once a 2xx answer arrives."""

    def __init__(
        self,
        url: str,
        allow: Sequence[str] = DEFAULT_ALLOW,
        timeout: float = 5.0,
        retries: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https"):
            msg = f"webhook URL must be http(s), got {url!r}"
            raise ConfigError(msg)
        if host not in {h.lower() for h in allow}:
            msg = f"webhook host {host!r} is not allowed; set {ENV_WEBHOOK_ALLOW} to permit it"
            raise ConfigError(msg)
        self.url, self.timeout, self.retries, self.backoff = url, timeout, retries, backoff
        self.sleep = sleep
        self.attempts = 0
        self._opener = urllib.request.build_opener(_NoRedirect)

    def send(self, transition: Transition) -> bool:
        body = json.dumps(transition.to_dict()).encode()
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self.attempts += 1
            outcome = self._post(body)
            if outcome is not None:
                return outcome
        log.warning("webhook %s: gave up after %d attempts", self.url, self.retries + 1)
        return False

    def _post(self, body: bytes) -> bool | None:
        """True on success, False on a final failure, None when worth retrying."""
        request = urllib.request.Request(  # noqa: S310  # scheme and host checked above
            self.url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return bool(200 <= response.status < 300)
        except urllib.error.HTTPError as exc:
            retriable = exc.code == 429 or exc.code >= 500
            log.warning("webhook %s answered %d", self.url, exc.code)
            return None if retriable else False
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            log.warning("webhook %s failed: %s", self.url, exc)
            return None


class FileNotifier:
    """Append each transition to a JSONL file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, transition: Transition) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as sink:
            sink.write(json.dumps(transition.to_dict(), ensure_ascii=False) + "\n")
        return True


class Dispatcher:
    """Send notifiable transitions of the chosen kinds to every notifier."""

    def __init__(self, notifiers: Iterable[Notifier], kinds: Iterable[str] = DEFAULT_KINDS):
        self.notifiers = list(notifiers)
        self.kinds = frozenset(kinds)

    def dispatch(self, transitions: Iterable[Transition]) -> int:
        """Return how many deliveries succeeded."""
        sent = 0
        for transition in transitions:
            if transition.notify and transition.kind in self.kinds:
                sent += sum(notifier.send(transition) for notifier in self.notifiers)
        return sent
