"""Cumulative tolls and period totals as time series per (place, authority, scope).

A toll ("the death toll has risen to 18,000, the health ministry said") is not an incident: it
is a point on the series of that authority for that place. Period totals ("in the past 24
hours") are their own series (any scope other than "incident" and "cumulative"). Points of
different series are never added or compared as a delta. A point's place is the one extraction
gave the toll (its sentence's, else the article's when the article is about one place); a
place merely named elsewhere in the article is not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from consumers.incidents.reports import ArticleInfo
from wirewatch.metrics import Extraction


@dataclass(frozen=True)
class TollPoint:
    """One reported value of a series."""

    place: str | None
    authority: str | None
    scope: str
    kind: str
    value: int
    article_id: str
    published_ms: int
    as_of: str | None
    sentence: str

    @property
    def series(self) -> tuple[str | None, str | None, str, str]:
        """The series key: (place, authority, scope, kind)."""
        return self.place, self.authority, self.scope, self.kind


def toll_points(
    article: ArticleInfo, extraction: Extraction, linked: frozenset[int] = frozenset()
) -> list[TollPoint]:
    """The toll and period-total points of one article (scope other than "incident"), but
    for the casualties that revised an incident (their evidence starts in ``linked``)."""
    seen: set[tuple[str | None, str | None, str, str]] = set()
    out = []
    for c in extraction.casualties:
        if c.scope == "incident" or c.part_of is not None or c.evidence.start in linked:
            continue
        point = TollPoint(c.where, c.authority, c.scope, c.kind, c.count,
                          article.article_id, article.published_ms, c.as_of,
                          c.evidence.sentence)  # fmt: skip
        if point.series not in seen:  # one point per series and article: the first figure
            seen.add(point.series)
            out.append(point)
    return out


def latest(points: list[TollPoint]) -> dict[tuple[str | None, str | None, str, str], TollPoint]:
    """The latest point of each series (later publication wins, then the higher value)."""
    out: dict[tuple[str | None, str | None, str, str], TollPoint] = {}
    for p in points:
        held = out.get(p.series)
        if held is None or (p.published_ms, p.value) > (held.published_ms, held.value):
            out[p.series] = p
    return out
