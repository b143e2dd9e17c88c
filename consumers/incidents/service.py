"""The incidents service: a consumer group from ``metrics`` to the incidents tables.

Each metric event (one extracted article) is clustered into a story and its casualty reports
are linked into incidents; what the article changed is stored in one transaction
(:func:`wirewatch.store.incidents.save_linked`), the touched incidents' new state is sent to
the compacted ``incidents`` topic (key ``run_id:incident_id``), and offsets are committed
only after both. An article already stored for its run changes nothing (redelivery); its
incidents' current state is sent again, so an update lost with the broker is not lost. State lives
in memory per run id and is rebuilt from the store when a run is first seen (after a restart):
the run's articles of the last two horizons are re-fed in arrival order, which restores the
same story index and open incidents. Linking is global state, so the group is meant to have
one member; records that cannot be decoded go to the dead-letter topic with the reason.
The loop (poll, flush, delivery check, commit, signals, progress) is
:class:`wirewatch.service.Runner`.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from consumers.incidents.batch import Tracker, Update, make_tracker
from consumers.incidents.linking import Incident
from consumers.incidents.reports import ArticleInfo, Report
from consumers.incidents.stories import DAY_MS
from wirewatch.errors import SchemaError
from wirewatch.events import now
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE, INCIDENTS_GROUP
from wirewatch.metrics import ArticleMetrics
from wirewatch.service import Hosted, Runner
from wirewatch.settings import Settings
from wirewatch.store import DeadLetter, SqlStore
from wirewatch.store import incidents as incident_store
from wirewatch.store.sql import to_ms

log = logging.getLogger(__name__)
GROUP = INCIDENTS_GROUP


@dataclass
class IncidenterStats:
    """Running counts, printed as progress and returned at exit."""

    linked: int = 0
    redelivered: int = 0
    dead_letters: int = 0
    incidents: int = 0
    started: float = field(default_factory=time.monotonic)

    def line(self) -> str:
        return (f"linked={self.linked} redelivered={self.redelivered} "
                f"dead_letters={self.dead_letters} incident_updates={self.incidents}")  # fmt: skip


def report_row(rep: Report, incident_id: str) -> tuple[Any, ...]:
    """A report as a row of :data:`wirewatch.store.incidents.REPORT_COLUMNS`."""
    return (rep.article_id, rep.ordinal, incident_id, rep.kind, rep.figure, rep.low, rep.high,
            int(rep.exact), rep.place, rep.authority, ",".join(sorted(rep.actors)),
            rep.event_day, int(rep.explicit_day), int(rep.revision), rep.source,
            rep.published_ms, rep.sentence, rep.start, rep.end)  # fmt: skip


def report_of(row: dict[str, Any]) -> Report:
    """The inverse of :func:`report_row`."""
    actors = frozenset(a for a in row["actors"].split(",") if a)
    return Report(row["article_id"], row["source"], row["published_ms"], row["ordinal"],
                  row["kind"], row["figure"], row["low"], row["high"], bool(row["exact"]),
                  row["place"], row["authority"], actors, row["event_day"],
                  bool(row["explicit_day"]), row["sentence"], row["sent_start"],
                  row["sent_end"], bool(row["revision"]))  # fmt: skip


def incident_row(inc: Incident) -> tuple[Any, ...]:
    """An incident as a row of :data:`wirewatch.store.incidents.INCIDENT_COLUMNS`."""
    fig = inc.figure
    revisions = sum(1 for r in inc.reports if r.revision)
    return (inc.incident_id, inc.kind, inc.place, fig.figure, fig.low, fig.high, fig.chosen,
            inc.first_ms, inc.last_ms, len(inc.articles), revisions)  # fmt: skip


Rows = list[tuple[Any, ...]]


def update_rows(update: Update) -> tuple[Rows, Rows, Rows]:
    """The report, incident and toll rows of one article's update, for ``save_linked``."""
    owner = {(r.article_id, r.ordinal): inc.incident_id for inc in update.incidents
             for r in inc.reports}  # fmt: skip
    reports = [report_row(r, owner[(r.article_id, r.ordinal)]) for r in update.reports]
    tolls = [(p.article_id, i, p.place, p.authority, p.scope, p.kind, p.value, p.published_ms,
              p.as_of, p.sentence) for i, p in enumerate(update.tolls)]  # fmt: skip
    return reports, [incident_row(inc) for inc in update.incidents], tolls


class Incidenter(Hosted):
    """The incidents service's batch handler (link, store, publish), run by a
    :class:`Runner`; Kafka clients and the store are injected."""

    def __init__(self, settings: Settings, store: SqlStore, consumer: Any, producer: Any,
                 horizon_ms: int = DAY_MS) -> None:  # fmt: skip
        self.settings, self.store = settings, store
        self.consumer = consumer
        self.horizon_ms = horizon_ms
        self.stats = IncidenterStats()
        self._trackers: dict[str, Tracker] = {}
        self._seq: dict[str, int] = {}
        self.runner = Runner("incidenter", self, consumer, producer)

    def tracker(self, run_id: str) -> Tracker:
        """The run's state, rebuilt from the store the first time the run is seen."""
        found = self._trackers.get(run_id)
        if found is None:
            found = self._trackers[run_id] = self._rebuild(run_id)
            self._seq[run_id] = incident_store.next_seq(self.store, run_id)
        return found

    def _rebuild(self, run_id: str) -> Tracker:
        tracker = make_tracker(self.horizon_ms)
        newest = incident_store.newest_ms(self.store, run_id)
        if newest is None:
            return tracker
        for art in incident_store.articles_since(self.store, run_id, newest - 2 * self.horizon_ms):
            sig = np.frombuffer(bytes(art["signature"]), dtype=np.uint64)
            heading = frozenset(art["title_words"].split())
            reports = [report_of(r) for r in art["reports"]]
            tracker.restore(art["article_id"], art["story"], sig, heading, art["published_ms"],
                            reports)  # fmt: skip
        log.info("incidenter: rebuilt run %s: %d open incidents", run_id, len(tracker.linker))
        return tracker

    def handle(self, record: Any) -> None:
        """Link one metric event and store what it changed, or dead-letter it."""
        try:
            result = ArticleMetrics.decode(record.value)
        except SchemaError as exc:
            self.dead_letter(record, str(exc))
            return
        article = result.article
        run_id = article.run_id
        tracker = self.tracker(run_id)
        if incident_store.is_linked(self.store, run_id, article.article_id):
            self.stats.redelivered += 1  # stored already; publish its incidents again
            stored = incident_store.incidents_of_article(self.store, run_id, article.article_id)
            for state in stored:
                self._publish(run_id, state)
            return
        info = ArticleInfo(article.article_id, article.title, article.source,
                           to_ms(article.event_time), article.url)  # fmt: skip
        try:
            update = tracker.add(info, article.body, result.extraction)
        except Exception as exc:  # a linking bug must not stop the stream
            log.exception("linking failed for %s", article.article_id)
            self._trackers.pop(run_id, None)  # partly changed: rebuild from the store
            self.dead_letter(record, f"linking failed: {type(exc).__name__}: {exc}")
            return
        seq = self._seq[run_id]
        row = (article.article_id, seq, update.story, info.published_ms,
               update.signature.tobytes(), " ".join(sorted(update.heading)))  # fmt: skip
        try:
            incident_store.save_linked(self.store, run_id, row, *update_rows(update))
        except Exception:
            self._trackers.pop(run_id, None)  # memory is ahead of the store: rebuild it
            raise
        self._seq[run_id] = seq + 1
        for inc in update.incidents:
            self._publish(run_id, dict(zip(incident_store.INCIDENT_COLUMNS, incident_row(inc),
                                           strict=True)))  # fmt: skip
        self.stats.linked += 1
        self.stats.incidents += len(update.incidents)

    def handle_batch(self, records: list[Any]) -> None:
        """Runner hook: link one partition's records of a poll, in order."""
        for record in records:
            self.handle(record)

    def _publish(self, run_id: str, row: dict[str, Any]) -> None:
        """Send an incident's current state to the compacted incidents topic."""
        key = f"{run_id}:{row['incident_id']}".encode()
        value = json.dumps({"run_id": run_id, **row}, ensure_ascii=False).encode()
        self.runner.send(self.settings.topics.incidents, key, value)

    def dead_letter(self, record: Any, reason: str) -> None:
        """Send a record to the dead-letter topic and the store, with why (the runner
        checks the send before the offset is committed: a lost one comes again)."""
        origin = f"{record.topic}[{record.partition}]@{record.offset}"
        log.warning("%s dead-lettered: %s", origin, reason)
        headers = [(HEADER_REASON, reason.encode()), (HEADER_SOURCE, origin.encode())]
        self.runner.send(self.settings.topics.dead_letters, record.key, record.value, headers)
        self.store.save_dead_letter(DeadLetter(record.topic, record.partition, record.offset,
                                               reason, record.value, now()))  # fmt: skip
        self.stats.dead_letters += 1

    def run(self, max_records: int | None = None, idle_exit: float | None = None
            ) -> IncidenterStats:  # fmt: skip
        """Loop until stopped, ``max_records`` seen, or ``idle_exit`` seconds without records."""
        self.runner.run(max_records, idle_exit)
        return self.stats

    def progress(self) -> str:
        """Runner hook: the progress line."""
        return self.stats.line()
