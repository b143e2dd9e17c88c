"""Hand-made articles and extractions, independent of the extraction engine."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wirewatch.events import ArticleEvent
from wirewatch.metrics import (
    ArticleMetrics,
    Casualty,
    Evidence,
    Extraction,
    Negotiation,
    Signal,
    Summary,
)

WHEN = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def article(n: int = 0, **kw: Any) -> ArticleEvent:
    """A small article with a stable URL-derived id."""
    fields: dict[str, Any] = {
        "source": "test",
        "title": f"Report {n}",
        "body": f"Report {n}. Three people were killed in a strike. Talks resumed in Cairo.",
        "url": f"https://example.org/report/{n}",
        "published_at": WHEN,
        "ingested_at": WHEN,
    }
    fields.update(kw)
    return ArticleEvent.create(**fields)


def evidence(text: str, phrase: str) -> Evidence:
    """Evidence for ``phrase`` inside the one-sentence ``text``."""
    at = text.index(phrase)
    return Evidence(text, 0, len(text), at, at + len(phrase))


def extraction(killed: int = 3) -> Extraction:
    """One casualty, one negotiation and one signal, with evidence."""
    sentence = f"{killed} people were killed in a strike."
    talks = "Talks resumed in Cairo."
    return Extraction(
        casualties=(
            Casualty(
                "killed",
                killed,
                killed,
                killed,
                False,
                "incident",
                evidence(sentence, "killed"),
                who="people",
            ),
        ),  # fmt: skip
        negotiations=(
            Negotiation("talks_held", evidence(talks, "Talks resumed"), mediators=("Egypt",)),
        ),
        signals=(Signal("military", "airstrike", evidence(sentence, "strike")),),
        summary=Summary(killed=killed, wounded=0, death_toll=None, negotiation=True),
    )


def fake_extract(text: str, **_: Any) -> Extraction:
    """A deterministic stand-in engine: counts 'killed' mentions."""
    return extraction(killed=text.count("killed"))


def metrics(n: int = 0, **kw: Any) -> ArticleMetrics:
    """A processed article."""
    return ArticleMetrics(article(n, **kw), extraction(), WHEN)
