"""Notifiers: a webhook (JSON POST), a JSONL file sink; the dashboard reads the store.

The webhook only talks to ``host:port`` pairs on an allow-list
(``WIREWATCH_WEBHOOK_ALLOW``, comma-separated; default ``127.0.0.1,localhost``, whose
bare hosts mean ports 80 and 443; see :mod:`consumers.alerts.allow`, which also
checks the addresses a name resolves to), follows no redirects, and retries
connection errors, timeouts, 429 and 5xx with exponential back-off. Each POST
carries ``X-Wirewatch-Delivery``, the same for every retry of one notification,
so a receiver can drop the rare duplicate (a crash between its 2xx and our record).

The evaluator does not call notifiers directly: transitions go to an outbox in
the store first (:meth:`Dispatcher.outbox`), and :meth:`Dispatcher.deliver` sends
what is pending and due, retried with back-off, after a restart too, until
delivered or expired (``OUTBOX_TTL``).

Delivery is synchronous, inside the evaluator's poll loop, so it is bounded:
one webhook send (all attempts and back-off sleeps) gets at most ``budget``
seconds (10 by default; each attempt's socket timeout is cut to what is left),
and one :meth:`Dispatcher.dispatch` call stops notifying once its own budget
(120 s) is spent, logging what it skipped. Both stay well under the consumer's
``max.poll.interval.ms`` (300 s), so a dead webhook cannot get the evaluator
thrown out of its group. (The socket timeout bounds each blocking read, so a
server trickling bytes can overrun an attempt by a little.) A notifier that
raises counts as a failed delivery; it never stops the evaluator.
"""

from __future__ import annotations

import http.client
import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from consumers.alerts.allow import ENV_WEBHOOK_ALLOW, AllowList, NotAllowedError
from consumers.alerts.state import Transition
from wirewatch.errors import ConfigError
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store

log = logging.getLogger(__name__)

DEFAULT_ALLOW = ("127.0.0.1", "localhost")
DEFAULT_KINDS = ("firing", "resolved")
SEND_BUDGET = 10.0  # seconds for one webhook send, retries included
DISPATCH_BUDGET = 120.0  # seconds for notifying one batch of transitions
OUTBOX_TTL = 24 * 3600.0  # seconds a notification is retried before it expires
RETRY_FIRST, RETRY_MAX = 1.0, 300.0  # outbox back-off between attempts, in seconds


class Notifier(Protocol):
    #: Stable name of where it delivers (the outbox keys pending work by it).
    target: str

    def send(self, transition: Transition) -> bool: ...


def allowed_hosts(env: Mapping[str, str]) -> tuple[str, ...]:
    """The webhook allow-list entries from the environment, or the loopback default."""
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
        allow: Sequence[str] | AllowList = DEFAULT_ALLOW,
        timeout: float = 5.0,
        retries: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        budget: float = SEND_BUDGET,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https"):
            msg = f"webhook URL must be http(s), got {url!r}"
            raise ConfigError(msg)
        try:
            parts.port  # noqa: B018  # raises ValueError on a malformed port
        except ValueError as exc:
            msg = f"webhook URL {url!r} has a bad port: {exc}"
            raise ConfigError(msg) from None
        self.allow = allow if isinstance(allow, AllowList) else AllowList(allow)
        self.allow.check(parts.scheme, host, parts.port)
        self.target = url
        self.url, self.timeout, self.retries, self.backoff = url, timeout, retries, backoff
        self.sleep, self.budget, self.clock = sleep, budget, clock
        self.attempts = 0
        self._opener = urllib.request.build_opener(_NoRedirect)

    def send(self, transition: Transition) -> bool:
        """POST with retries, all within ``budget`` seconds; False when not delivered."""
        parts = urlsplit(self.url)
        try:  # again: what a name resolves to may have changed since the start
            self.allow.check(parts.scheme, parts.hostname or "", parts.port)
        except (NotAllowedError, ValueError) as exc:
            log.warning("webhook %s refused: %s", self.url, exc)
            return False
        body = json.dumps(transition.to_dict()).encode()
        self._delivery = delivery_id(transition)
        deadline = self.clock() + self.budget
        for attempt in range(self.retries + 1):
            if attempt:
                pause = self.backoff * 2 ** (attempt - 1)
                if self.clock() + pause >= deadline:
                    break
                self.sleep(pause)
            self.attempts += 1
            outcome = self._post(body, min(self.timeout, deadline - self.clock()))
            if outcome is not None:
                return outcome
        log.warning("webhook %s: gave up after %d attempt(s)", self.url, attempt + 1)
        return False

    def _post(self, body: bytes, timeout: float) -> bool | None:
        """True on success, False on a final failure, None when worth retrying."""
        if timeout <= 0:
            return None
        request = urllib.request.Request(  # noqa: S310  # scheme and host checked above
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "X-Wirewatch-Delivery": self._delivery},
        )
        try:
            with self._opener.open(request, timeout=timeout) as response:
                return bool(200 <= response.status < 300)
        except urllib.error.HTTPError as exc:
            retriable = exc.code == 429 or exc.code >= 500
            log.warning("webhook %s answered %d", self.url, exc.code)
            return None if retriable else False
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            log.warning("webhook %s failed: %s", self.url, exc)
            return None
        except (ValueError, http.client.HTTPException) as exc:  # e.g. InvalidURL: bad port
            log.warning("webhook %s unusable: %s", self.url, exc)
            return False


class FileNotifier:
    """Append each transition to a JSONL file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.target = f"file:{path}"

    def send(self, transition: Transition) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as sink:
            sink.write(json.dumps(transition.to_dict(), ensure_ascii=False) + "\n")
        return True


class Dispatcher:
    """Send notifiable transitions of the chosen kinds to every notifier, within a budget."""

    def __init__(
        self,
        notifiers: Iterable[Notifier],
        kinds: Iterable[str] = DEFAULT_KINDS,
        budget: float = DISPATCH_BUDGET,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.notifiers = list(notifiers)
        self.kinds = frozenset(kinds)
        self.budget, self.clock = budget, clock

    def dispatch(self, transitions: Iterable[Transition]) -> int:
        """Return how many deliveries succeeded; a notifier that raises counts as failed."""
        wanted = [t for t in transitions if t.notify and t.kind in self.kinds]
        deadline = self.clock() + self.budget
        sent = 0
        for n, transition in enumerate(wanted):
            if self.clock() >= deadline:
                log.warning("notify: budget of %gs spent, %d transition(s) not notified",
                            self.budget, len(wanted) - n)  # fmt: skip
                break
            sent += sum(self._send(notifier, transition) for notifier in self.notifiers)
        return sent

    def outbox(self, transitions: Iterable[Transition]) -> list[tuple[Transition, str]]:
        """The (transition, target) deliveries owed for ``transitions``: the outbox rows."""
        wanted = [t for t in transitions if t.notify and t.kind in self.kinds]
        return [(t, n.target) for t in wanted for n in self.notifiers]

    def deliver(self, store: SqlStore, now_ms: int | None = None) -> int:
        """Send the outbox rows that are due, within the budget; return how many succeeded.

        A delivered row marks its transition notified; a failed one is retried later
        (back-off doubling from ``RETRY_FIRST`` to ``RETRY_MAX``); rows older than
        ``OUTBOX_TTL`` expire, logged. Rows for a target no notifier has now wait.
        """
        stamp = now_ms if now_ms is not None else int(time.time() * 1000)
        for key in alert_store.expire_outbox(store, stamp - int(OUTBOX_TTL * 1000), stamp):
            log.warning("notify: %s expired undelivered after %gs", key, OUTBOX_TTL)
        targets = {n.target: n for n in self.notifiers}
        deadline = self.clock() + self.budget
        sent = 0
        for row in alert_store.due_outbox(store, stamp, list(targets)):
            if self.clock() >= deadline:
                log.warning("notify: budget of %gs spent, the rest stays in the outbox",
                            self.budget)  # fmt: skip
                break
            if self._send(targets[row.target], row.transition):
                alert_store.outbox_delivered(store, row, stamp)
                sent += 1
            else:
                pause = min(RETRY_FIRST * 2**row.attempts, RETRY_MAX)
                alert_store.outbox_failed(store, row, stamp + int(pause * 1000))
        return sent

    def _send(self, notifier: Notifier, transition: Transition) -> bool:
        try:
            return bool(notifier.send(transition))
        except Exception as exc:  # a broken notifier must not stop the evaluator
            log.warning("notify %s via %s failed: %s", transition.rule_id,
                        type(notifier).__name__, exc)  # fmt: skip
            return False


def delivery_id(transition: Transition) -> str:
    """The same id for every attempt to deliver one transition."""
    return f"{transition.run_id}/{transition.rule_id}/{transition.at.isoformat()}/{transition.kind}"
