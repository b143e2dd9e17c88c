"""Incidents, their reports, story membership and toll series: DDL and named queries.

Tables (created by the incidents migration in :mod:`wirewatch.store.migrations`)::

    incident_articles (run_id, article_id)          -> seq, story, published_ms, signature,
                                                       title_words  (one row per linked article)
    incidents         (run_id, incident_id)         -> kind, place, figure, low, high, ...
    incident_reports  (run_id, article_id, ordinal) -> incident_id, figure, evidence, ...
    toll_points       (run_id, article_id, ordinal) -> place, authority, scope, kind, value

Written by the incidents service, one transaction per article: an article already in
``incident_articles`` changes nothing (redelivery), so every incident is kept exactly once and
its row holds the figure of the stated policy (never a sum of reports). ``seq`` is the
article's arrival order within the run: re-feeding the rows of a run in ``seq`` order rebuilds
the service's state after a restart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

Row = tuple[Any, ...]

TABLES = (
    """CREATE TABLE IF NOT EXISTS incident_articles (
        run_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        story TEXT NOT NULL,
        published_ms BIGINT NOT NULL,
        signature BYTEA NOT NULL,
        title_words TEXT NOT NULL,
        PRIMARY KEY (run_id, article_id)
    )""",
    "CREATE INDEX IF NOT EXISTS incident_articles_seq ON incident_articles (run_id, seq)",
    """CREATE TABLE IF NOT EXISTS incidents (
        run_id TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        place TEXT,
        figure BIGINT NOT NULL,
        low BIGINT NOT NULL,
        high BIGINT NOT NULL,
        chosen_article TEXT NOT NULL,
        first_ms BIGINT NOT NULL,
        last_ms BIGINT NOT NULL,
        articles INTEGER NOT NULL,
        revisions INTEGER NOT NULL,
        PRIMARY KEY (run_id, incident_id)
    )""",
    "CREATE INDEX IF NOT EXISTS incidents_time ON incidents (run_id, first_ms, kind)",
    """CREATE TABLE IF NOT EXISTS incident_reports (
        run_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        incident_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        figure BIGINT NOT NULL,
        low BIGINT NOT NULL,
        high BIGINT,
        exact INTEGER NOT NULL,
        place TEXT,
        authority TEXT,
        actors TEXT NOT NULL,
        event_day INTEGER NOT NULL,
        explicit_day INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        source TEXT NOT NULL,
        published_ms BIGINT NOT NULL,
        sentence TEXT NOT NULL,
        sent_start INTEGER NOT NULL,
        sent_end INTEGER NOT NULL,
        PRIMARY KEY (run_id, article_id, ordinal)
    )""",
    "CREATE INDEX IF NOT EXISTS incident_reports_incident "
    "ON incident_reports (run_id, incident_id)",
    """CREATE TABLE IF NOT EXISTS toll_points (
        run_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        place TEXT,
        authority TEXT,
        scope TEXT NOT NULL,
        kind TEXT NOT NULL,
        value BIGINT NOT NULL,
        published_ms BIGINT NOT NULL,
        as_of TEXT,
        sentence TEXT NOT NULL,
        PRIMARY KEY (run_id, article_id, ordinal)
    )""",
    "CREATE INDEX IF NOT EXISTS toll_points_time ON toll_points (run_id, kind, published_ms)",
)

REPORT_COLUMNS = (
    "article_id", "ordinal", "incident_id", "kind", "figure", "low", "high", "exact", "place",
    "authority", "actors", "event_day", "explicit_day", "revision", "source", "published_ms",
    "sentence", "sent_start", "sent_end",
)  # fmt: skip
INCIDENT_COLUMNS = ("incident_id", "kind", "place", "figure", "low", "high", "chosen_article",
                    "first_ms", "last_ms", "articles", "revisions")  # fmt: skip
TOLL_COLUMNS = ("article_id", "ordinal", "place", "authority", "scope", "kind", "value",
                "published_ms", "as_of", "sentence")  # fmt: skip


def _insert(table: str, columns: Sequence[str], conflict: str, update: bool = False) -> str:
    cols = ("run_id", *columns)
    marks = ", ".join("?" for _ in cols)
    keys = conflict.split(", ")
    action = "DO NOTHING"
    if update:
        action = "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in cols if c not in keys)
    return (f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}) "  # noqa: S608  # constants
            f"ON CONFLICT ({conflict}) {action}")  # fmt: skip


ARTICLE_COLUMNS = ("article_id", "seq", "story", "published_ms", "signature", "title_words")
_ARTICLE = _insert("incident_articles", ARTICLE_COLUMNS, "run_id, article_id")
_REPORT = _insert("incident_reports", REPORT_COLUMNS, "run_id, article_id, ordinal")
_INCIDENT = _insert("incidents", INCIDENT_COLUMNS, "run_id, incident_id", update=True)
_TOLL = _insert("toll_points", TOLL_COLUMNS, "run_id, article_id, ordinal")


def save_linked(store: SqlStore, run_id: str, article: Row, reports: Sequence[Row],
                incidents: Sequence[Row], tolls: Sequence[Row]) -> bool:  # fmt: skip
    """Store what one article changed, in one transaction; False if it was stored already.

    ``article`` is ``(article_id, seq, story, published_ms, signature, title_words)``; the
    other rows follow :data:`REPORT_COLUMNS`, :data:`INCIDENT_COLUMNS` and
    :data:`TOLL_COLUMNS` (without ``run_id``). Incident rows replace the stored ones.
    """
    with store.transaction() as cur:
        cur.execute(store._sql(_ARTICLE), (run_id, *article))
        if cur.rowcount == 0:
            return False
        for sql, rows in ((_REPORT, reports), (_INCIDENT, incidents), (_TOLL, tolls)):
            if rows:
                cur.executemany(store._sql(sql), [(run_id, *row) for row in rows])
        return True


def is_linked(store: SqlStore, run_id: str, article_id: str) -> bool:
    """Whether the article was already processed by the incidents service in this run."""
    sql = "SELECT 1 FROM incident_articles WHERE run_id = ? AND article_id = ?"
    return bool(store._fetch(sql, (run_id, article_id)))


def next_seq(store: SqlStore, run_id: str) -> int:
    """The arrival number of the run's next article."""
    rows = store._fetch("SELECT MAX(seq) FROM incident_articles WHERE run_id = ?", (run_id,))
    return 0 if rows[0][0] is None else int(rows[0][0]) + 1


def articles_since(store: SqlStore, run_id: str, since_ms: int) -> list[dict[str, Any]]:
    """Linked articles of a run published from ``since_ms``, in arrival order, each with its
    reports (dicts of :data:`REPORT_COLUMNS`): what rebuilds the service after a restart."""
    cols = ARTICLE_COLUMNS
    rows = store._fetch(f"SELECT {', '.join(cols)} FROM incident_articles "  # noqa: S608
                       "WHERE run_id = ? AND published_ms >= ? ORDER BY seq",
                       (run_id, since_ms))  # fmt: skip
    articles = [dict(zip(cols, row, strict=True)) for row in rows]
    reports = store._fetch(
        f"SELECT {', '.join(f'r.{c}' for c in REPORT_COLUMNS)} FROM incident_reports r "  # noqa: S608
        "JOIN incident_articles a ON a.run_id = r.run_id AND a.article_id = r.article_id "
        "WHERE r.run_id = ? AND a.published_ms >= ? ORDER BY a.seq, r.ordinal",
        (run_id, since_ms),
    )
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in reports:
        by_article.setdefault(row[0], []).append(dict(zip(REPORT_COLUMNS, row, strict=True)))
    for art in articles:
        art["reports"] = by_article.get(art["article_id"], [])
    return articles


def incident_totals(store: SqlStore, run_id: str, start_ms: int, end_ms: int) -> dict[str, int]:
    """People per kind in incidents first reported in ``[start_ms, end_ms)``: each incident
    counted once, at its current (policy) figure, however many outlets reported it."""
    rows = store._fetch(
        "SELECT kind, SUM(figure) FROM incidents WHERE run_id = ? AND first_ms >= ? "
        "AND first_ms < ? GROUP BY kind",
        (run_id, start_ms, end_ms),
    )
    return {kind: int(total) for kind, total in rows}


def incidents_between(store: SqlStore, run_id: str, start_ms: int, end_ms: int,
                      limit: int = 500) -> list[dict[str, Any]]:  # fmt: skip
    """Incidents first reported in ``[start_ms, end_ms)``, newest first."""
    rows = store._fetch(
        f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE run_id = ? "  # noqa: S608
        "AND first_ms >= ? AND first_ms < ? ORDER BY first_ms DESC, incident_id LIMIT ?",
        (run_id, start_ms, end_ms, limit),
    )
    return [dict(zip(INCIDENT_COLUMNS, row, strict=True)) for row in rows]


def incident_evidence(store: SqlStore, run_id: str, incident_id: str) -> list[dict[str, Any]]:
    """Every report of one incident (article, figure, sentence), in publication order."""
    rows = store._fetch(
        f"SELECT {', '.join(REPORT_COLUMNS)} FROM incident_reports "  # noqa: S608
        "WHERE run_id = ? AND incident_id = ? ORDER BY published_ms, article_id, ordinal",
        (run_id, incident_id),
    )
    return [dict(zip(REPORT_COLUMNS, row, strict=True)) for row in rows]


def latest_toll_series(store: SqlStore, run_id: str, end_ms: int,
                       kind: str = "killed") -> list[dict[str, Any]]:  # fmt: skip
    """The latest point before ``end_ms`` of each toll series (place, authority, scope), with
    its date: one value per authority and place, never summed or compared across series."""
    cols = ("place", "authority", "scope", "value", "published_ms", "as_of", "article_id",
            "sentence")  # fmt: skip
    rows = store._fetch(
        f"SELECT {', '.join(cols)} FROM (SELECT {', '.join(cols)}, ROW_NUMBER() OVER ("  # noqa: S608
        "PARTITION BY place, authority, scope ORDER BY published_ms DESC, value DESC) AS nth "
        "FROM toll_points WHERE run_id = ? AND kind = ? AND published_ms < ?) t WHERE nth = 1 "
        "ORDER BY value DESC, published_ms DESC",
        (run_id, kind, end_ms),
    )
    return [dict(zip(cols, row, strict=True)) for row in rows]


def newest_ms(store: SqlStore, run_id: str) -> int | None:
    """Publication time of the newest linked article of a run (None before the first)."""
    rows = store._fetch("SELECT MAX(published_ms) FROM incident_articles WHERE run_id = ?",
                       (run_id,))  # fmt: skip
    return None if rows[0][0] is None else int(rows[0][0])


def incidents_of_article(store: SqlStore, run_id: str, article_id: str) -> list[dict[str, Any]]:
    """The current rows of the incidents an article reported (to republish them)."""
    cols = ", ".join(f"i.{c}" for c in INCIDENT_COLUMNS)
    rows = store._fetch(
        f"SELECT DISTINCT {cols} FROM incidents i JOIN incident_reports r "  # noqa: S608
        "ON r.run_id = i.run_id AND r.incident_id = i.incident_id "
        "WHERE r.run_id = ? AND r.article_id = ? ORDER BY i.incident_id",
        (run_id, article_id),
    )
    return [dict(zip(INCIDENT_COLUMNS, row, strict=True)) for row in rows]


def incidents_of_kind(store: SqlStore, run_id: str, start_ms: int, end_ms: int, kind: str,
                      limit: int = 200) -> list[dict[str, Any]]:  # fmt: skip
    """Incidents of ``kind`` first reported in ``[start_ms, end_ms)``, largest figure first:
    what a headline figure such as "People killed (new incidents)" adds up."""
    rows = store._fetch(
        f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE run_id = ? AND kind = ? "  # noqa: S608
        "AND first_ms >= ? AND first_ms < ? ORDER BY figure DESC, first_ms, incident_id LIMIT ?",
        (run_id, kind, start_ms, end_ms, limit),
    )
    return [dict(zip(INCIDENT_COLUMNS, row, strict=True)) for row in rows]


MEMBER_COLUMNS = (*REPORT_COLUMNS, "title", "url", "body")


def incident_members(store: SqlStore, run_id: str,
                     incident_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
    """Every report of the given incidents with its article's title, link and text (for the
    evidence), by incident, each in publication order."""
    found: dict[str, list[dict[str, Any]]] = {i: [] for i in incident_ids}
    if not incident_ids:
        return found
    cols = ", ".join([*(f"r.{c}" for c in REPORT_COLUMNS), "a.title", "a.url", "a.body"])
    marks = ", ".join("?" for _ in incident_ids)
    rows = store._fetch(
        f"SELECT {cols} FROM incident_reports r LEFT JOIN articles a "  # noqa: S608  # constants
        "ON a.run_id = r.run_id AND a.article_id = r.article_id "
        f"WHERE r.run_id = ? AND r.incident_id IN ({marks}) "
        "ORDER BY r.published_ms, r.article_id, r.ordinal",
        (run_id, *incident_ids),
    )
    for row in rows:
        member = dict(zip(MEMBER_COLUMNS, row, strict=True))
        found[member["incident_id"]].append(member)
    return found
