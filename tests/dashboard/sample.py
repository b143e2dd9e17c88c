"""Hand-made store contents for dashboard and query tests (no extraction engine involved).

``scenario(base)`` writes five articles around ``base``; the figures the tests expect
are worked out by hand from them in the docstring of each article below.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

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
from wirewatch.store import SqlStore

A1 = (
    "An airstrike hit Rafah on Monday. At least 12 people were killed and 30 wounded, medics "
    "said. The Gaza health ministry said the death toll has risen to 34,000."
)
A2 = (
    "Negotiators met in Doha on Tuesday. Qatar and Egypt mediated talks between Israel and "
    "Hamas. Officials said a vote on the deal was postponed."
)
A3 = (
    "Shelling killed 5 people in Khan Younis. Qatar condemned the attack <script>x</script>. "
    "The death toll in Gaza reached 34,050, the ministry said."
)
A4 = "Two people were killed in Jenin overnight."
A5 = "Three people were wounded in Beirut."


def sentences(body: str) -> list[str]:
    """Split on white space after a full stop (good enough for these bodies)."""
    return re.split(r"(?<=\.)\s+", body)


def evidence(body: str, sentence: str, phrase: str) -> Evidence:
    """Evidence for ``phrase`` inside ``sentence`` inside ``body``, offsets computed."""
    start = body.index(sentence)
    match = body.index(phrase, start)
    return Evidence(sentence, start, start + len(sentence), match, match + len(phrase))


def casualty(body: str, kind: str, count: int, scope: str, place: str, sentence: str,
             phrase: str) -> Casualty:  # fmt: skip
    ev = evidence(body, sentence, phrase)
    return Casualty(kind, count, count, count, False, scope, ev, where=place)


def signal(body: str, category: str, name: str, sentence: str) -> Signal:
    return Signal(category, name, evidence(body, sentence, name))


def article(
    body: str,
    at: datetime,
    *,
    title: str,
    source: str,
    run_id: str = "live",
    extraction: Extraction | None = None,
) -> ArticleMetrics:
    """One processed article at event time ``at``."""
    event = ArticleEvent.create(
        source=source, body=body, title=title, published_at=at, ingested_at=at
    ).with_run(run_id)
    return ArticleMetrics(event, extraction or Extraction(), at + timedelta(seconds=1))


def extraction_a1() -> Extraction:
    """killed 12 + wounded 30 (incident, Rafah); toll 34,000 (Gaza); airstrike, Gaza, Rafah."""
    s1, s2, s3 = sentences(A1)
    return Extraction(
        casualties=(
            casualty(A1, "killed", 12, "incident", "Rafah", s2, "12 people were killed"),
            casualty(A1, "wounded", 30, "incident", "Rafah", s2, "30 wounded"),
            casualty(A1, "killed", 34000, "cumulative", "Gaza", s3, "death toll"),
        ),
        signals=(
            Signal("military", "airstrike", evidence(A1, s1, "airstrike")),
            signal(A1, "location", "Gaza", s3),
            signal(A1, "location", "Rafah", s1),
        ),
        summary=Summary(killed=12, wounded=30, death_toll=34000),
    )


def extraction_a2() -> Extraction:
    """Two negotiation events (talks_resumed, vote_postponed); Qatar, Egypt; Doha."""
    s1, s2, s3 = sentences(A2)
    return Extraction(
        negotiations=(
            Negotiation(
                "talks_resumed",
                evidence(A2, s2, "mediated talks"),
                ("Israel", "Hamas"),
                ("Qatar", "Egypt"),
            ),
            Negotiation("vote_postponed", evidence(A2, s3, "postponed"), ("Israel",), ()),
        ),  # fmt: skip
        signals=(
            signal(A2, "actor", "Qatar", s2),
            signal(A2, "actor", "Egypt", s2),
            signal(A2, "location", "Doha", s1),
        ),
        summary=Summary(negotiation=True),
    )


def extraction_a3() -> Extraction:
    """killed 5 (incident, Khan Younis); toll 34,050 (Gaza); shelling, Qatar, Gaza."""
    s1, s2, s3 = sentences(A3)
    return Extraction(
        casualties=(
            casualty(A3, "killed", 5, "incident", "Khan Younis", s1, "killed 5 people"),
            casualty(A3, "killed", 34050, "cumulative", "Gaza", s3, "death toll"),
        ),
        signals=(
            Signal("military", "shelling", evidence(A3, s1, "Shelling")),
            signal(A3, "actor", "Qatar", s2),
            signal(A3, "location", "Gaza", s3),
        ),
        summary=Summary(killed=5, death_toll=34050),
    )


def scenario(base: datetime) -> list[ArticleMetrics]:
    """Five articles: A1 at base-50min, A2 -30, A3 -10 (all in the last hour, live run),
    A4 at -90 (previous hour: 2 killed in Jenin), A5 at -20 in run ``replay-1``."""
    minutes = lambda n: base - timedelta(minutes=n)  # noqa: E731
    killed_jenin = Extraction(
        casualties=(casualty(A4, "killed", 2, "incident", "Jenin", A4, "Two people"),),
        signals=(signal(A4, "location", "Jenin", A4),),
        summary=Summary(killed=2),
    )
    wounded_beirut = Extraction(
        casualties=(casualty(A5, "wounded", 3, "incident", "Beirut", A5, "Three people"),),
        summary=Summary(wounded=3),
    )
    return [
        article(A1, minutes(50), title="Airstrike hits Rafah", source="Reuters",
                extraction=extraction_a1()),
        article(A2, minutes(30), title="Ceasefire talks resume in <i>Doha</i>", source="AP",
                extraction=extraction_a2()),
        article(A3, minutes(10), title="Shelling in Khan Younis", source="Reuters",
                extraction=extraction_a3()),
        article(A4, minutes(90), title="Overnight raid in Jenin", source="AP",
                extraction=killed_jenin),
        article(A5, minutes(20), title="Wounded in Beirut", source="AFP", run_id="replay-1",
                extraction=wounded_beirut),
    ]  # fmt: skip


def fill(store: SqlStore, base: datetime) -> list[ArticleMetrics]:
    """Save :func:`scenario` into ``store``; return what was saved."""
    saved = scenario(base)
    for result in saved:
        assert store.save(result)
    return saved
