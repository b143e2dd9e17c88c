"""Store tables, as ordered migrations applied in code.

Times are epoch milliseconds (BIGINT) so that bucketing is integer arithmetic
that SQLite and PostgreSQL evaluate alike. A statement wrapped in :class:`Dialect`
runs on that backend only (``"sqlite"`` or ``"postgresql"``).
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.store import feeds, incidents, rollups, silences


@dataclass(frozen=True)
class Dialect:
    """A migration statement for one backend only."""

    name: str
    sql: str


def _widen(table: str, *columns: str) -> Dialect:
    """PostgreSQL: make ``columns`` 64-bit (SQLite's INTEGER already is)."""
    changes = ", ".join(f"ALTER COLUMN {c} TYPE BIGINT" for c in columns)
    return Dialect("postgresql", f"ALTER TABLE {table} {changes}")


_COUNT = 100_000_000  # wirewatch.store.sql.MAX_COUNT (that module imports this one)
_OVER = f"killed > {_COUNT} OR wounded > {_COUNT} OR death_toll > {_COUNT}"
_METRIC_OVER = f"value > {_COUNT} OR low > {_COUNT} OR high > {_COUNT}"
_RUNS = "x.run_id IN (SELECT run_id FROM clamped_runs)"

BOUNDED_COUNTS: tuple[str | Dialect, ...] = (
    # runs holding a figure past the bound: their rollups are rebuilt once it is clamped
    f"CREATE TABLE clamped_runs AS SELECT DISTINCT run_id FROM articles WHERE {_OVER} "  # noqa: S608  # constants
    f"UNION SELECT DISTINCT run_id FROM metrics WHERE {_METRIC_OVER}",
    *(
        f"DELETE FROM {t} WHERE run_id IN (SELECT run_id FROM clamped_runs)"  # noqa: S608
        for t in rollups.NAMES
    ),  # fmt: skip
    *(
        f"UPDATE articles SET {c} = {_COUNT} WHERE {c} > {_COUNT}"  # noqa: S608
        for c in ("killed", "wounded", "death_toll")
    ),  # fmt: skip
    *(
        f"UPDATE metrics SET {c} = {_COUNT} WHERE {c} > {_COUNT}"  # noqa: S608
        for c in ("value", "low", "high")
    ),  # fmt: skip
    *rollups.upserts(_RUNS),
    "DROP TABLE clamped_runs",
    _widen("articles", "killed", "wounded", "death_toll"),
    _widen("metrics", "value", "low", "high"),
)
"""Counts bounded and 64-bit on both backends (issue 9)."""

MIGRATIONS: tuple[tuple[str | Dialect, ...], ...] = (
    (
        """CREATE TABLE IF NOT EXISTS articles (
            run_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            language TEXT NOT NULL,
            event_ms BIGINT NOT NULL,
            ingested_ms BIGINT NOT NULL,
            processed_ms BIGINT NOT NULL,
            killed INTEGER NOT NULL,
            wounded INTEGER NOT NULL,
            death_toll INTEGER,
            negotiation INTEGER NOT NULL,
            provenance TEXT,
            PRIMARY KEY (run_id, article_id)
        )""",
        "CREATE INDEX IF NOT EXISTS articles_time ON articles (run_id, event_ms)",
        """CREATE TABLE IF NOT EXISTS metrics (
            run_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            family TEXT NOT NULL,
            kind TEXT NOT NULL,
            value INTEGER NOT NULL,
            low INTEGER,
            high INTEGER,
            approximate INTEGER NOT NULL,
            scope TEXT,
            who TEXT,
            place TEXT,
            authority TEXT,
            as_of TEXT,
            detail TEXT,
            event_ms BIGINT NOT NULL,
            sentence TEXT NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL,
            match_start INTEGER NOT NULL,
            match_end INTEGER NOT NULL,
            PRIMARY KEY (run_id, article_id, seq)
        )""",
        "CREATE INDEX IF NOT EXISTS metrics_time ON metrics (run_id, family, kind, event_ms)",
        """CREATE TABLE IF NOT EXISTS dead_letters (
            topic TEXT NOT NULL,
            part INTEGER NOT NULL,
            msg_offset BIGINT NOT NULL,
            reason TEXT NOT NULL,
            payload BYTEA,
            failed_ms BIGINT NOT NULL,
            PRIMARY KEY (topic, part, msg_offset)
        )""",
        "CREATE INDEX IF NOT EXISTS dead_letters_time ON dead_letters (failed_ms)",
    ),
    # alerts (issue 5): rule mirror, per-run rule state, transitions, evaluated observations
    (
        """CREATE TABLE IF NOT EXISTS alert_rules (
            rule_id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated_ms BIGINT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS alert_state (
            run_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_ms BIGINT NOT NULL,
            PRIMARY KEY (run_id, rule_id)
        )""",
        """CREATE TABLE IF NOT EXISTS alert_events (
            run_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            at_ms BIGINT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            value DOUBLE PRECISION,
            notified INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (run_id, rule_id, at_ms, kind)
        )""",
        "CREATE INDEX IF NOT EXISTS alert_events_time ON alert_events (run_id, at_ms)",
        """CREATE TABLE IF NOT EXISTS alert_observations (
            run_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            event_ms BIGINT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (run_id, article_id)
        )""",
        "CREATE INDEX IF NOT EXISTS alert_obs_time ON alert_observations (run_id, event_ms)",
    ),
    # dashboard (issue 4): covering indexes for the aggregates in wirewatch.store.queries
    (
        "CREATE INDEX IF NOT EXISTS metrics_family_time "
        "ON metrics (run_id, family, event_ms, kind, article_id)",
        "CREATE INDEX IF NOT EXISTS metrics_casualty_time "
        "ON metrics (run_id, family, scope, kind, event_ms, value, place)",
        "CREATE INDEX IF NOT EXISTS articles_time_source ON articles (run_id, event_ms, source)",
        "CREATE INDEX IF NOT EXISTS articles_processed ON articles (processed_ms)",
    ),
    # rollups: per-minute/hour/day aggregates kept by SqlStore.save, backfilled here
    (*rollups.TABLES, *rollups.BACKFILL),
    # feeds (issue 12): the desk's feed list and per-feed health
    feeds.TABLES,
    # issue 9: counts clamped to 10^8 (rollups of affected runs rebuilt), 64-bit columns
    BOUNDED_COUNTS,
    # issue 9: alert deliveries owed (webhooks, files, the alerts topic), kept until done
    (
        """CREATE TABLE IF NOT EXISTS alert_outbox (
            run_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            at_ms BIGINT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            seq INTEGER NOT NULL,
            body TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            attempts INTEGER NOT NULL,
            next_ms BIGINT NOT NULL,
            state TEXT NOT NULL,
            done_ms BIGINT,
            PRIMARY KEY (run_id, rule_id, at_ms, kind, target)
        )""",
        "CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (state, next_ms)",
    ),
    # incidents (issue 11): incidents, their reports and toll series, kept by the incidenter
    incidents.TABLES,
    # issue 13: alert silences, acknowledgements and the evaluator's notification channels
    silences.TABLES,
)
