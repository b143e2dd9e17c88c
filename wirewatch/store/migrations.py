"""Store tables, as ordered migrations applied in code.

Each table's DDL lives in its owner's module (:mod:`.articles`, :mod:`.alerts`, ...);
this list only orders it. It is append-only: a database records how many migrations
ran, so a change to a table is a new migration at the end, never an edit above.

Times are epoch milliseconds (BIGINT) so that bucketing is integer arithmetic
that SQLite and PostgreSQL evaluate alike. A statement wrapped in :class:`Dialect`
runs on that backend only (``"sqlite"`` or ``"postgresql"``).
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.store import alerts, articles, dead_letters, feeds, incidents, rollups, silences
from wirewatch.store.values import MAX_COUNT


@dataclass(frozen=True)
class Dialect:
    """A migration statement for one backend only."""

    name: str
    sql: str


def _widen(table: str, *columns: str) -> Dialect:
    """PostgreSQL: make ``columns`` 64-bit (SQLite's INTEGER already is)."""
    changes = ", ".join(f"ALTER COLUMN {c} TYPE BIGINT" for c in columns)
    return Dialect("postgresql", f"ALTER TABLE {table} {changes}")


_COUNT = MAX_COUNT
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
    (*articles.TABLES, *dead_letters.TABLES),
    # alerts (issue 5): rule mirror, per-run rule state, transitions, evaluated observations
    alerts.TABLES,
    # dashboard (issue 4): covering indexes for the aggregates in wirewatch.store.queries
    articles.DASHBOARD_INDEXES,
    # rollups: per-minute/hour/day aggregates kept by SqlStore.save, backfilled here
    (*rollups.TABLES, *rollups.BACKFILL),
    # feeds (issue 12): the desk's feed list and per-feed health
    feeds.TABLES,
    # issue 9: counts clamped to 10^8 (rollups of affected runs rebuilt), 64-bit columns
    BOUNDED_COUNTS,
    # issue 9: alert deliveries owed (webhooks, files, the alerts topic), kept until done
    alerts.OUTBOX_TABLES,
    # incidents (issue 11): incidents, their reports and toll series, kept by the incidenter
    incidents.TABLES,
    # issue 13: alert silences, acknowledgements and the evaluator's notification channels
    silences.TABLES,
)
