"""Notifiers: a webhook (JSON POST, on httpx), a JSONL file sink; the dashboard reads the store.

The webhook only talks to ``host:port`` pairs on an allow-list
(``Settings.webhook_allow`` from ``WIREWATCH_WEBHOOK_ALLOW``, comma-separated; default
``127.0.0.1,localhost``, whose bare hosts mean ports 80 and 443; see
:mod:`consumers.alerts.allow`, which also checks the addresses a name resolves to),
follows no redirects, and retries connection errors, timeouts, 429 and 5xx with
exponential back-off (tenacity). Each POST carries ``X-Wirewatch-Delivery``, the
same for every retry of one notification, so a receiver can drop the rare
duplicate (a crash between its 2xx and our record).

The evaluator does not call notifiers directly: transitions go to an outbox in
the store first (:meth:`Dispatcher.outbox`), and :meth:`Dispatcher.deliver` sends
what is pending and due, retried with back-off, after a restart too, until
delivered or expired (``OUTBOX_TTL``). A :class:`Gate` (silences and
acknowledgements, :mod:`consumers.alerts.silences`) is asked twice: no outbox row
is made for a muted transition, and a row muted since it was made is marked
``suppressed`` instead of sent. The transition itself is still recorded.

Delivery is synchronous, inside the evaluator's poll loop, so it is bounded:
one webhook send (all attempts and back-off sleeps) gets at most ``budget``
seconds (10 by default; each attempt's timeout is cut to what is left), and one
:meth:`Dispatcher.deliver` call stops notifying once its own budget (120 s) is
spent. Both stay well under the consumer's ``max.poll.interval.ms`` (300 s), so a
dead webhook cannot get the evaluator thrown out of its group. A notifier that
raises counts as a failed delivery; it never stops the evaluator.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_result, wait_exponential

from consumers.alerts.allow import AllowList, NotAllowedError
from consumers.alerts.state import Transition
from wirewatch.errors import ConfigError
from wirewatch.settings import DEFAULT_WEBHOOK_ALLOW
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store

log = logging.getLogger(__name__)

DEFAULT_ALLOW = DEFAULT_WEBHOOK_ALLOW
DEFAULT_KINDS = ("firing", "resolved")
SEND_BUDGET = 10.0  # seconds for one webhook send, retries included
DISPATCH_BUDGET = 120.0  # seconds for notifying one batch of transitions
OUTBOX_TTL = 24 * 3600.0  # seconds a notification is retried before it expires
RETRY_FIRST, RETRY_MAX = 1.0, 300.0  # outbox back-off between attempts, in seconds


class Notifier(Protocol):
    #: Stable name of where it delivers (the outbox keys pending work by it).
    target: str

    def send(self, transition: Transition) -> bool: ...


class Gate(Protocol):
    """Says why a transition's notification is muted now, or None."""

    def muted(self, transition: Transition) -> str | None: ...


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
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            msg = f"webhook URL must be http(s), got {url!r}"
            raise ConfigError(msg)
        try:
            parts.port  # noqa: B018  # raises ValueError on a malformed port
        except ValueError as exc:
            msg = f"webhook URL {url!r} has a bad port: {exc}"
            raise ConfigError(msg) from None
        self.allow = allow if isinstance(allow, AllowList) else AllowList(allow)
        self.allow.check(parts.scheme, (parts.hostname or "").lower(), parts.port)
        self.target = url
        self.url, self.timeout, self.retries, self.backoff = url, timeout, retries, backoff
        self.sleep, self.budget, self.clock = sleep, budget, clock
        self.attempts = 0
        self._client = httpx.Client(follow_redirects=False, transport=transport)

    def send(self, transition: Transition) -> bool:
        """POST with retries, all within ``budget`` seconds; False when not delivered."""
        try:  # again: what a name resolves to may have changed since the start
            parts = urlsplit(self.url)
            self.allow.check(parts.scheme, parts.hostname or "", parts.port)
        except (NotAllowedError, ValueError) as exc:
            log.warning("webhook %s refused: %s", self.url, exc)
            return False
        body = json.dumps(transition.to_dict()).encode()
        headers = {"Content-Type": "application/json",
                   "X-Wirewatch-Delivery": delivery_id(transition)}  # fmt: skip
        deadline = self.clock() + self.budget
        retrying = Retrying(
            retry=retry_if_result(lambda outcome: outcome is None),
            wait=wait_exponential(multiplier=self.backoff, min=0, max=RETRY_MAX),
            stop=lambda state: self._stop(state, deadline),
            sleep=self.sleep,
            retry_error_callback=lambda state: None,
        )
        outcome = retrying(lambda: self._post(body, headers, deadline))
        if outcome is None:
            log.warning("webhook %s: gave up after %d attempt(s)", self.url,
                        retrying.statistics.get("attempt_number", 0))  # fmt: skip
        return bool(outcome)

    def _stop(self, state: RetryCallState, deadline: float) -> bool:
        """Stop after ``retries`` retries, or when the next pause would pass the deadline."""
        pause = state.upcoming_sleep or 0.0
        return state.attempt_number > self.retries or self.clock() + pause >= deadline

    def _post(self, body: bytes, headers: dict[str, str], deadline: float) -> bool | None:
        """True on success, False on a final failure, None when worth retrying."""
        left = min(self.timeout, deadline - self.clock())
        if left <= 0:
            return None
        self.attempts += 1
        try:
            response = self._client.post(self.url, content=body, headers=headers, timeout=left)
        except httpx.InvalidURL as exc:
            log.warning("webhook %s unusable: %s", self.url, exc)
            return False
        except httpx.HTTPError as exc:  # connect, read, write, timeout, protocol errors
            log.warning("webhook %s failed: %s", self.url, exc)
            return None
        if response.is_success:
            return True
        log.warning("webhook %s answered %d", self.url, response.status_code)
        return None if response.status_code == 429 or response.status_code >= 500 else False

    def close(self) -> None:
        self._client.close()


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
        gate: Gate | None = None,
    ) -> None:
        self.notifiers = list(notifiers)
        self.kinds = frozenset(kinds)
        self.budget, self.clock, self.gate = budget, clock, gate

    def dispatch(self, transitions: Iterable[Transition]) -> int:
        """Return how many deliveries succeeded; a notifier that raises counts as failed."""
        wanted = self._wanted(transitions)
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
        return [(t, n.target) for t in self._wanted(transitions) for n in self.notifiers]

    def deliver(self, store: SqlStore, now_ms: int | None = None) -> int:
        """Send the outbox rows that are due, within the budget; return how many succeeded.

        A delivered row marks its transition notified; a failed one is retried later
        (back-off doubling from ``RETRY_FIRST`` to ``RETRY_MAX``); a muted one is
        suppressed; rows older than ``OUTBOX_TTL`` expire, logged. Rows for a target
        no notifier has now wait.
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
            if self._muted(row.transition) is not None:
                silence_store.suppress_delivery(store, row.key, stamp)
            elif self._send(targets[row.target], row.transition):
                alert_store.outbox_delivered(store, row, stamp)
                sent += 1
            else:
                pause = min(RETRY_FIRST * 2**row.attempts, RETRY_MAX)
                alert_store.outbox_failed(store, row, stamp + int(pause * 1000))
        return sent

    def _wanted(self, transitions: Iterable[Transition]) -> list[Transition]:
        chosen = [t for t in transitions if t.notify and t.kind in self.kinds]
        return [t for t in chosen if self._muted(t) is None]

    def _muted(self, transition: Transition) -> str | None:
        why = self.gate.muted(transition) if self.gate is not None else None
        if why is not None:
            log.info("notify: %s %s muted: %s", transition.rule_id, transition.kind, why)
        return why

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


def shown_target(target: str) -> tuple[str, str]:
    """A notifier target as (kind, text safe to show): a webhook URL cut to its host."""
    if target.startswith("file:"):
        return "file", target.removeprefix("file:")
    parts = urlsplit(target)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return "webhook", f"{parts.scheme}://{parts.hostname or '?'}{port}/…"


def make_notifier(target: str, allow: Sequence[str]) -> Notifier:
    """The notifier behind a recorded target (``file:PATH`` or a webhook URL)."""
    if target.startswith("file:"):
        return FileNotifier(Path(target.removeprefix("file:")))
    return WebhookNotifier(target, allow)
