"""Store tables, as ordered migrations applied in code.

Times are epoch milliseconds (BIGINT) so that bucketing is integer arithmetic
that SQLite and PostgreSQL evaluate alike.
"""

from __future__ import annotations

from wirewatch.store import incidents, rollups

MIGRATIONS: tuple[tuple[str, ...], ...] = (
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
    # incidents (issue 11): incidents, their reports and toll series, kept by the incidenter
    incidents.TABLES,
)
