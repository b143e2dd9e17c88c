"""Write the labelled multi-source incidents set: ``tests/data/incidents.jsonl``.

Run: ``python bench/incidents_set.py [--seed N] [--out PATH]``. Invented outlets report
invented strikes (places from the gazetteer): each incident 1-6 times in different wording,
figures and order, with wire rewrites, follow-ups that revise the figure, and traps (the same
place on another day, the same figure in another place on the same day, two strikes in one
article), plus articles with no incident (talks, cumulative tolls). Every article carries
``labels``: the incidents it reports, ``{"incident": "E07/killed", "figure": final figure}``.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2026, 2, 2, tzinfo=UTC)
PLACES = ("Khan Younis", "Rafah", "Jabalia", "Deir al-Balah", "Nuseirat", "Beit Hanoun",
          "Beit Lahia", "Shujaiya", "Bureij", "Maghazi", "Gaza City", "Jenin", "Tulkarem",
          "Nablus")  # fmt: skip
OUTLETS = ("Levant Wire", "Coastal Daily", "Harbour Times", "Desert Post", "Evening Ledger",
           "Northern Herald", "Crescent News", "Meridian Live")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()  # fmt: skip

EXACT = (
    "An Israeli airstrike on a house in {place} killed {n} people on {day}, "
    "the health ministry said.",
    "{N} people were killed when a strike hit a residential building in {place} on {day}, "
    "according to the health ministry.",
    "A strike on a school sheltering displaced families in {place} killed {n} people{wounded}, "
    "medics said.",
    "Medics in {place} said {n} people were killed when a missile struck a family home on {day}.",
    "Civil defence crews in {place} recovered the bodies of {n} people killed in a strike on an "
    "apartment block, the health ministry said.",
)  # fmt: skip
LOOSE = (
    "At least {lo} people were killed in {place} on {day}, witnesses said.",
    "More than {lo} people were killed in an air raid on {place}, local residents said.",
    "Residents of {place} said at least {lo} people died when a strike flattened a building.",
    "Some {lo} people were reported killed in {place} after a strike hit a crowded street.",
)  # fmt: skip
REVISION = (
    "The number of people killed in {day}'s strike on {place} rose to {n}, "
    "the health ministry said.",
    "The death toll from {day}'s strike in {place} has risen to {n}, health officials said.",
)  # fmt: skip
TITLES = (
    "Strike on {place} home kills {n}", "{n} killed in {place} air raid",
    "Deadly strike hits {place}", "{place}: rescuers search rubble after strike",
    "Air raid on {place} leaves many dead", "Live: strikes across Gaza, {place} hit",
)  # fmt: skip
FILLER = (
    "Rescuers dug through the rubble with their hands as generators failed.",
    "Hospitals in the area said they were running out of fuel and blood supplies.",
    "The Israeli military said it was looking into the reports.",
    "Footage shared online showed a collapsed concrete building and a crowd of neighbours.",
    "Aid agencies said roads to the area were blocked by debris.",
    "Relatives gathered outside the morgue waiting for news.",
    "Electricity and phone lines in the district have been down for days.",
    "Witnesses said the strike came without warning shortly before dawn.",
    "The United Nations called for an independent investigation.",
    "Families who had fled the north were sheltering in the building.",
)  # fmt: skip
NOISE = (
    ("Ceasefire talks resume in Cairo", "Mediators from Egypt and Qatar met Hamas officials in "
     "Cairo on {day} as negotiations on a hostage deal resumed. Diplomats said gaps remained."),
    ("Gaza death toll passes {big}", "The death toll in Gaza has risen to {big}, the health "
     "ministry said on {day}. The ministry does not distinguish civilians from fighters."),
    ("Aid convoy reaches the north", "A convoy of 40 aid trucks entered northern Gaza on {day}, "
     "the UN humanitarian office said, the first in two weeks."),
)  # fmt: skip


@dataclass
class Event:
    """One invented incident and its reports."""

    eid: str
    place: str
    at: datetime
    figure: int
    final: int
    wounded: int | None
    articles: list[dict[str, Any]] = field(default_factory=list)


def _fill(template: str, ev: Event, n: int, rng: random.Random) -> str:
    lo = max(2, n - rng.choice((0, 2, 3, 4)))
    word = NUMBER_WORDS[n].capitalize() if n < len(NUMBER_WORDS) else str(n)
    wounded = f" and wounded {ev.wounded}" if ev.wounded else ""
    big = f"{rng.randint(28, 34)},{rng.randint(100, 999)}"
    day = WEEKDAYS[ev.at.weekday()]
    return template.format(place=ev.place, n=n, N=word, lo=lo, day=day, wounded=wounded, big=big)


def _body(lead: str, rng: random.Random) -> str:
    return " ".join([lead, *rng.sample(FILLER, rng.randint(2, 5))])


def _article(aid: str, ev: Event, title: str, text: str, at: datetime, outlet: str,
             labels: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    return {"id": aid, "title": title, "text": text, "published_at": at.isoformat(),
            "source": outlet, "labels": labels}  # fmt: skip


def _labels(ev: Event) -> list[dict[str, Any]]:
    out = [{"incident": f"{ev.eid}/killed", "figure": ev.final}]
    return out + ([{"incident": f"{ev.eid}/wounded", "figure": ev.wounded}] if ev.wounded else [])


def _cover(ev: Event, rng: random.Random) -> list[dict[str, Any]]:
    """1-6 reports of one event by different outlets (rewrites, loose figures, a revision)."""
    count = rng.choice((1, 2, 2, 3, 3, 4, 4, 5, 6))
    if count == 1:
        ev.final = ev.figure  # no follow-up, no revision
    outlets = rng.sample(OUTLETS, count)
    out: list[dict[str, Any]] = []
    for k, outlet in enumerate(outlets):
        at = ev.at + timedelta(minutes=rng.randint(20, 90) + 70 * k)
        revise = ev.final != ev.figure and k == count - 1 and count > 1
        if revise:
            at += timedelta(hours=rng.randint(6, 16))
            lead = _fill(rng.choice(REVISION), ev, ev.final, rng)
            title = f"{ev.place} strike toll rises to {ev.final}"
        elif out and rng.random() < 0.35:  # a wire rewrite of an earlier report
            base = rng.choice(out)
            title, lead = base["title"], base["text"].split(". ")[0] + "."
        else:
            template = EXACT[rng.randrange(len(EXACT))] if k == 0 or rng.random() < 0.5 else \
                rng.choice(LOOSE)  # fmt: skip
            lead = _fill(template, ev, ev.figure, rng)
            title = rng.choice(TITLES).format(place=ev.place, n=ev.figure)
        labels = _labels(ev) if "wounded" in lead or not ev.wounded else _labels(ev)[:1]
        out.append(_article(f"{ev.eid}-{k}", ev, title, _body(lead, rng), at, outlet, labels))
    return out


def _events(rng: random.Random, count: int) -> list[Event]:
    events: list[Event] = []
    for i in range(count):
        at = START + timedelta(days=rng.randrange(10), hours=rng.randint(5, 19))
        figure = rng.randint(3, 40)
        place = rng.choice(PLACES)
        if i % 9 == 4 and events:  # trap: the same place on another day
            prev = events[-1]
            place, at, figure = prev.place, prev.at + timedelta(days=rng.choice((2, 3))), \
                prev.figure + rng.choice((-2, 0, 3))  # fmt: skip
        if i % 9 == 7 and events:  # trap: the same figure in another place the same day
            prev = events[-1]
            place = rng.choice([p for p in PLACES if p != prev.place])
            at, figure = prev.at + timedelta(hours=2), prev.figure
        final = figure + rng.randint(2, 9) if rng.random() < 0.25 else figure
        wounded = rng.randint(10, 60) if rng.random() < 0.3 else None
        events.append(Event(f"E{i:02d}", place, at, figure, final, wounded))
    return events


def _double(a: Event, b: Event, aid: str, rng: random.Random) -> dict[str, Any]:
    """Trap: two strikes in one article."""
    text = (f"A strike in {a.place} killed {a.figure} people on {WEEKDAYS[a.at.weekday()]}. "
            f"Another strike in {b.place} killed {b.figure} people.")  # fmt: skip
    at = max(a.at, b.at) + timedelta(minutes=rng.randint(30, 120))
    return _article(aid, a, f"Strikes hit {a.place} and {b.place}", _body(text, rng), at,
                    rng.choice(OUTLETS), _labels(a)[:1] + _labels(b)[:1])  # fmt: skip


def build(seed: int = 11, count: int = 45) -> list[dict[str, Any]]:
    """The whole labelled set, sorted by publication time."""
    rng = random.Random(seed)
    events = _events(rng, count)
    articles = [a for ev in events for a in _cover(ev, rng)]
    pairs = [
        (a, b)
        for a in events
        for b in events
        if a.eid < b.eid and a.at.date() == b.at.date() and a.place != b.place
    ]
    for j, (a, b) in enumerate(rng.sample(pairs, min(6, len(pairs)))):
        articles.append(_double(a, b, f"D{j}", rng))
    for j in range(20):
        title, text = rng.choice(NOISE)
        ev = Event("N", "Gaza", START + timedelta(days=rng.randrange(10), hours=rng.randint(6, 20)),
                   0, 0, None)  # fmt: skip
        articles.append(_article(f"N{j:02d}", ev, _fill(title, ev, 0, rng), _fill(text, ev, 0, rng),
                                 ev.at, rng.choice(OUTLETS), []))  # fmt: skip
    return sorted(articles, key=lambda a: (a["published_at"], a["id"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "incidents.jsonl")
    args = parser.parse_args()
    rows = build(args.seed)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"wrote {len(rows)} articles to {args.out}")


if __name__ == "__main__":
    main()
