"""A seeded generator of synthetic conflict-news articles, for demos, tests and benchmarks.

:func:`generate` is pure: the same seed, count and start give the same articles,
ids included (each has a ``https://synthetic.wirewatch.invalid/<seed>/<n>`` URL).
Cumulative figures (death toll, wounded, hostages held) move consistently through a
run; about one article in six is noise with no conflict metrics at all.

An incident is covered by several sources, as on a real wire: after the first report (from
``source``), up to four invented outlets (``source/Outlet``) report the same strike within
hours, in other words and with their own figures ("at least 17", "19", "more than 15"), a
wire copy may repeat the first report almost word for word, and a later report may revise
the figure ("the number killed in Tuesday's strike rose to 24"). Each incident is thus
counted once by ``wirewatch incidenter`` but several times by a per-article sum.
"""

from __future__ import annotations

import heapq
import itertools
import random
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from producers import phrases as p
from wirewatch.events import ArticleEvent, now

BASE_URL = "https://synthetic.wirewatch.invalid"
DEFAULT_SOURCE = "synthetic"
DEFAULT_START = datetime(2024, 1, 8, 6, 0, tzinfo=UTC)
KIND_WEIGHTS = {
    "incident": 20,
    "toll": 12,
    "hostages": 6,
    "talks": 12,
    "ceasefire": 8,
    "release": 5,
    "council": 7,
    "signals": 14,
    "noise": 16,
}


@dataclass
class _Tally:
    """Cumulative figures that evolve across one run."""

    killed: int
    wounded: int
    missing: int
    hostages: int

    @classmethod
    def opening(cls, rng: random.Random) -> _Tally:
        killed = rng.randint(15_000, 21_000)
        return cls(killed, killed * 2 + rng.randint(0, 9_000), rng.randint(5_000, 8_000), 130)


def generate(
    seed: int,
    count: int | None,
    start: datetime = DEFAULT_START,
    *,
    live: bool = False,
    source: str = DEFAULT_SOURCE,
) -> Iterator[ArticleEvent]:
    """Yield ``count`` articles (``None``: forever), published from ``start`` onward.

    ``live`` stamps the current time instead; the text and ids stay the same.
    """
    if start.tzinfo is None:
        msg = "start must be timezone-aware"
        raise ValueError(msg)
    rng = random.Random(seed)  # noqa: S311  # reproducible text, not security
    tally = _Tally.opening(rng)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    pending: list[_Cover] = []  # other outlets' reports still to come, by time
    upcoming = start + timedelta(seconds=rng.randint(90, 3_000))
    for n in itertools.count() if count is None else range(count):
        if pending and pending[0].due <= upcoming:
            cover = heapq.heappop(pending)
            moment, outlet, title, body = cover.due, f"{source}/{cover.outlet}", cover.title, \
                cover.body  # fmt: skip
        else:
            moment, outlet = upcoming, source
            kind = rng.choices(kinds, weights)[0]
            slots = _slots(rng, tally, moment)
            title, body = _compose_noise(rng, slots) if kind == "noise" else \
                _compose(rng, kind, slots)  # fmt: skip
            if kind == "release":
                tally.hostages = max(0, tally.hostages - int(slots["swap_hostages"]))
            if kind == "incident":
                for cover in _coverage(rng, slots, moment, title, body):
                    heapq.heappush(pending, cover)
            upcoming = moment + timedelta(seconds=rng.randint(90, 3_000))
        ingested = moment + timedelta(seconds=rng.randint(5, 240))
        yield ArticleEvent.create(
            source=outlet,
            body=body,
            title=title,
            url=f"{BASE_URL}/{seed}/{n}",
            published_at=now() if live else moment,
            ingested_at=now() if live else ingested,
        )


@dataclass(order=True)
class _Cover:
    """A later report of an incident by another outlet."""

    due: datetime
    order: int
    outlet: str = field(compare=False)
    title: str = field(compare=False)
    body: str = field(compare=False)


def _coverage(
    rng: random.Random, slots: dict[str, str], moment: datetime, title: str, body: str
) -> list[_Cover]:
    """0-4 reports of one incident by other outlets, maybe a wire copy and a revision."""
    killed = int(slots["killed_n"])
    outlets = rng.sample(p.OUTLETS, rng.choice((0, 1, 1, 2, 2, 3, 4)))
    covers, due = [], moment
    for k, outlet in enumerate(outlets):
        due += timedelta(minutes=rng.randint(10, 150))
        if k == 0 and rng.random() < 0.3:  # a wire copy: the first report, lightly edited
            lead = body.partition("\n\n")[0]
            context = rng.sample(p.CONTEXT, len(p.CONTEXT))
            extra = [context.pop() for _ in range(3)]
            while context and _words([lead, *extra]) < 150:
                extra.append(context.pop())
            covers.append(
                _Cover(due, k, outlet, title, f"{lead}\n\n{_paragraphs(rng, extra, slots)}")
            )
            continue
        figure = rng.choice((f"{killed}", f"at least {max(1, killed - rng.randint(0, 3))}",
                             f"more than {max(1, killed - rng.randint(1, 4))}"))  # fmt: skip
        local = slots | {"cover_figure": figure, "cover_figure_cap": _cap(figure)}
        headline, lead = rng.choice(p.COVERAGE)
        covers.append(_Cover(due, k, outlet, headline.format_map(local),
                             _compose_cover(rng, lead, local)))  # fmt: skip
    if outlets and slots["area"] in p.REVISABLE_AREAS and rng.random() < 0.35:
        local = slots | {"revised": f"{killed + rng.randint(2, 9)}"}
        headline, lead = rng.choice(p.REVISIONS)
        later = due + timedelta(hours=rng.randint(2, 10))
        text = _compose_cover(rng, lead, local)
        covers.append(_Cover(later, len(outlets), rng.choice(outlets), headline.format_map(local),
                             text))  # fmt: skip
    return covers


def _compose_cover(rng: random.Random, lead: str, slots: dict[str, str]) -> str:
    _, _, details = p.STORIES["incident"]
    chosen = [lead, *rng.sample(details[:7], rng.randint(1, 3))]
    context = rng.sample(p.CONTEXT, len(p.CONTEXT))
    while context and _words(chosen) < rng.randint(120, 400):
        chosen.append(context.pop())
    return _paragraphs(rng, chosen, slots)


def pace(
    events: Iterable[ArticleEvent], rate: float, stop: threading.Event
) -> Iterator[ArticleEvent]:
    """Pass ``events`` through at ``rate`` per second (0: as fast as possible) until ``stop``."""
    interval = 1.0 / rate if rate > 0 else 0.0
    due = time.monotonic()
    for event in events:
        if interval:
            due += interval
            stop.wait(max(0.0, due - time.monotonic()))
        if stop.is_set():
            return
        yield event


def _slots(rng: random.Random, tally: _Tally, moment: datetime) -> dict[str, str]:
    killed = _incident_size(rng)
    tally.killed += killed + rng.randint(0, 15)
    tally.wounded += killed * 2 + rng.randint(0, 30)
    tally.missing += rng.randint(0, 5)
    mediator, mediator2 = rng.sample(p.MEDIATORS, 2)
    swap = rng.randint(3, 14)
    votes = rng.randint(12, 14)
    club, club2 = rng.sample(p.CLUBS, 2)
    text = {
        "town": rng.choice(p.TOWNS),
        "region": rng.choice(p.REGIONS),
        "area": rng.choice(p.AREAS),
        "weekday": p.WEEKDAYS[moment.weekday()],
        "spokesperson": rng.choice(p.SPOKESPEOPLE) + ",",
        "toll_region": rng.choice(p.TOLL_REGIONS),
        "venue": rng.choice(p.VENUES),
        "mediator": mediator,
        "mediator2": mediator2,
        "mediator_cap": _cap(mediator),
        "veto_cap": _cap(rng.choice(p.VETO_MEMBERS)),
        "outage": rng.choice(p.OUTAGES),
        "club": club,
        "club2": club2,
    }
    figures = {
        "killed_phrase": _count_phrase(rng, killed),
        "killed_short": rng.choice((f"{killed}", f"at least {killed}")),
        "killed_n": f"{killed}",
        "children": _children(rng, killed),
        "wounded": _number(killed * rng.randint(1, 4) + rng.randint(1, 9)),
        "missing_local": _number(rng.randint(2, 30)),
        "toll": f"{tally.killed:,}",
        "toll_round": f"{tally.killed // 1000 * 1000:,}",
        "toll_wounded": f"{tally.wounded:,}",
        "missing": f"{tally.missing:,}",
        "daily": f"{rng.randint(40, 240)}",
        "hostages": f"{tally.hostages}",
        "swap_hostages": f"{swap}",
        "swap_hostages_cap": _cap(_number(swap)),
        "prisoners": f"{swap * 3}",
        "truce_days": f"{rng.choice((3, 4, 5, 7, 10, 42))}",
        "votes_for": f"{votes}",
        "abstentions": _number(15 - votes),
        "trucks": f"{rng.randint(40, 260)}",
        "displaced": f"{rng.randint(30, 900) * 100:,}",
        "score": f"{rng.randint(1, 4)}-{rng.randint(0, 3)}",
        "rate": f"{rng.randint(20, 60) / 10:.1f}",
        "inflation": f"{rng.randint(12, 70) / 10:.1f}",
        "temp": f"{rng.randint(36, 45)}",
        "rain": f"{rng.randint(20, 90)}",
    }
    figures["killed_phrase_cap"] = _cap(figures["killed_phrase"])
    figures["killed_short_cap"] = _cap(figures["killed_short"])
    return text | figures


def _compose(rng: random.Random, kind: str, slots: dict[str, str]) -> tuple[str, str]:
    headlines, leads, details = p.STORIES[kind]
    target = rng.randint(150, 600)
    i = rng.randrange(len(leads))
    chosen = [leads[i]]
    chosen += rng.sample(details, rng.randint(2, len(details)))
    context = rng.sample(p.CONTEXT, len(p.CONTEXT))
    while context and _words(chosen) < target:
        chosen.append(context.pop())
    return headlines[i % len(headlines)].format_map(slots), _paragraphs(rng, chosen, slots)


def _compose_noise(rng: random.Random, slots: dict[str, str]) -> tuple[str, str]:
    headlines, sentences = p.NOISE[rng.choice(sorted(p.NOISE))]
    i = rng.randrange(len(headlines))
    rest = sentences[len(headlines) :]
    chosen = [sentences[i], *rng.sample(rest, rng.randint(len(rest) - 3, len(rest)))]
    return headlines[i].format_map(slots), _paragraphs(rng, chosen, slots)


def _paragraphs(rng: random.Random, sentences: list[str], slots: dict[str, str]) -> str:
    filled = [sentence.format_map(slots) for sentence in sentences]
    paragraphs, i = [], 0
    while i < len(filled):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(filled[i : i + size]))
        i += size
    return "\n\n".join(paragraphs)


def _incident_size(rng: random.Random) -> int:
    band = rng.random()
    if band < 0.55:
        return rng.randint(2, 12)
    if band < 0.9:
        return rng.randint(13, 60)
    return rng.randint(61, 220)


def _count_phrase(rng: random.Random, n: int) -> str:
    forms = [f"at least {_number(n)} people", f"{_number(n)} people"]
    if n > 12:
        forms += [f"more than {n - n % 5} people", f"nearly {n + 5 - n % 5} people"]
    return rng.choice(forms)


def _children(rng: random.Random, killed: int) -> str:
    count = rng.randint(1, max(1, killed // 3))
    return "a child" if count == 1 else f"{_number(count)} children"


def _number(n: int) -> str:
    return p.NUMBER_WORDS[n] if 0 <= n < len(p.NUMBER_WORDS) else f"{n:,}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(sentences: list[str]) -> int:
    return sum(len(sentence.split()) for sentence in sentences)
