"""The figure policy: which reported figure an incident shows.

Default policy: the latest figure from the most authoritative report, never the sum of
reports. Reports rank by (1) authority tier: a figure attributed to a named authority ("the
health ministry said") outranks one from a trusted outlet, which outranks any other; (2)
precision: an exact figure outranks an open or vague one ("at least 15", "dozens"); (3) time:
the later report wins, so a revision replaces the figure instead of adding to it. The interval
of every reported figure is kept as ``low``/``high``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


class Reported(Protocol):
    """What the policy reads of one report."""

    @property
    def article_id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def published_ms(self) -> int: ...
    @property
    def figure(self) -> int: ...
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int | None: ...
    @property
    def exact(self) -> bool: ...
    @property
    def authority(self) -> str | None: ...


@dataclass(frozen=True)
class Figure:
    """An incident's headline figure and the interval of all reported figures."""

    figure: int
    low: int
    high: int
    chosen: str
    """The article whose report gives ``figure``."""


@dataclass(frozen=True)
class FigurePolicy:
    """Latest figure from the most authoritative report; ``trusted`` outlets rank above others."""

    trusted: frozenset[str] = frozenset()

    def rank(self, report: Reported) -> tuple[int, int, int, str]:
        """Sort key: the highest-ranked report gives the figure."""
        tier = 2 if report.authority else 1 if report.source in self.trusted else 0
        return tier, int(report.exact), report.published_ms, report.article_id

    def choose(self, reports: Sequence[Reported]) -> Figure:
        """The figure of an incident with these (at least one) reports."""
        best = max(reports, key=self.rank)
        return Figure(best.figure, min(r.low for r in reports), _high(reports), best.article_id)


def _high(reports: Iterable[Reported]) -> int:
    return max(r.high if r.high is not None else r.figure for r in reports)
