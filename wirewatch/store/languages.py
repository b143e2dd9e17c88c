"""Articles the extractor did not analyse, by language (see :mod:`wirewatch.language`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirewatch.language import ANALYSED

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

_MARKS = ", ".join("?" for _ in ANALYSED)
_UNANALYSED = f"""SELECT language, COUNT(*) FROM articles
    WHERE run_id = ? AND language NOT IN ({_MARKS})
    GROUP BY language ORDER BY COUNT(*) DESC, language"""  # noqa: S608 (placeholders only)


def unanalysed_by_language(store: SqlStore, run_id: str) -> list[tuple[str, int]]:
    """``(language, articles)`` for the run's articles in languages not analysed, most first."""
    rows = store._fetch(_UNANALYSED, (run_id, *sorted(ANALYSED)))
    return [(str(language), int(count)) for language, count in rows]
