"""The casualty mentions of an article that count as its new casualties (:func:`counted`)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Final

from consumers.extraction import shares
from consumers.extraction.mentions import Mention
from consumers.extraction.notes import divided


def _without_alternatives(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without other sources' estimates of a kind that has a figure of its own,
    unless the estimate names other people than every such figure ("5 militants were killed.
    The militants claimed to have killed 4 soldiers": both count)."""
    stated: dict[str, set[str | None]] = {}
    for m in mentions:
        if not m.alternative and m.scope == "incident" and not m.subset:
            stated.setdefault(m.kind, set()).add(m.who)
    return [m for m in mentions if not (m.alternative and _same_people(m, stated))]


def _same_people(m: Mention, stated: dict[str, set[str | None]]) -> bool:
    """True when a figure of ``m``'s kind is stated for the people ``m`` names (or either
    names none)."""
    whos = stated.get(m.kind)
    return whos is not None and (m.who is None or None in whos or m.who in whos)


def _sum_of_people(m: Mention) -> bool:
    """True for a sum of named people killed ("killing 36 total militants"), which a note
    after it splits like any other figure of the dead; not a coder's "5 total fatalities"."""
    return m.total and m.kind == "killed" and m.who is not None and m.modality is None


def _split_over(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a note that splits the deaths told before over several events made
    the report's share (those deaths divided evenly), unless the report states its share; a
    party's claim is divided when the report tells no other count."""
    told = [m for m in mentions if (divided(m) or _sum_of_people(m))
            and not (m.divides or m.share or m.elsewhere)]  # fmt: skip
    deaths = sum(m.number.value for m in told if not m.alternative) or sum(
        m.number.value for m in told
    )
    stated = any(m.share for m in mentions)
    out = []
    for m in mentions:
        if not m.divides:
            out.append(m)
        elif deaths and not stated:
            value = shares.evenly(deaths, m.number.value, 0)
            number = m.number._replace(value=value, low=value)
            out.append(m._replace(number=number, share=True, divides=False))
            stated = True
    return out  # fmt: skip


def _vague(m: Mention) -> bool:
    """True for new deaths told by a vague plural ("dozens", "tens", "scores")."""
    high = m.number.high
    return divided(m) and m.number.approximate and high is not None and high >= 4 * m.number.low


def _coded_for_vague(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without deaths told by a vague plural before a coder's count of the deaths
    the report could not number, which counts them ("Dozens of fighters were killed. Unknown
    fatalities coded as 10." is 10)."""
    at = next(i for i, m in enumerate(mentions) if m.unnumbered)
    return [m for i, m in enumerate(mentions) if i > at or not _vague(m)]


def _totals_alone(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each sum ("a total of 14 soldiers were killed") counted as the
    short report's new casualties when it states no incident figure of their kind."""
    told = {m.kind for m in mentions if m.scope == "incident" and not m.subset}
    return [m._replace(scope="incident") if m.total and m.kind not in told else m
            for m in mentions]  # fmt: skip


def _periods_alone(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each period total of the report's own ("over the past 24 hours, 12
    militants were killed in airstrikes in X district") counted as the short report's new
    casualties when it states no incident figure of its kind, as event notes write them."""
    told = {m.kind for m in mentions if m.scope == "incident" and not (m.subset or m.divides)}
    return [m._replace(scope="incident") if m.of_report and m.scope == "period"
            and m.kind not in told else m for m in mentions]  # fmt: skip


def _definite_told(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each figure of people told before ("killing the three assailants")
    made a part when a figure of its kind comes before it: they are among those counted."""
    kinds: set[str] = set()
    out = []
    for m in mentions:
        if m.definite and m.kind in kinds:
            m = m._replace(subset=True)
        out.append(m)
        if m.scope == "incident" and m.modality is None:
            kinds.add(m.kind)
    return out


def _parts_of_captives(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the parts of the dead counted when the report tells an abduction and
    no figure of the dead: "Three of the victims were executed" counts the captives killed."""
    if any(m.kind == "killed" and not m.subset for m in mentions):
        return mentions
    return [m._replace(subset=False) if m.kind == "killed" else m for m in mentions]


def _figure_of_parts(m: Mention) -> bool:
    """True for a figure of new casualties that may be told again as parts: neither a part,
    an estimate, a revision nor a coder's share."""
    return (
        m.scope == "incident"
        and m.modality is None
        and not (m.subset or m.update or m.revised or m.alternative or m.elsewhere)
        and not (m.share or m.divides)
    )


def _told_as_parts(mentions: list[Mention], starts: list[int]) -> list[Mention]:
    """``mentions`` with the figures of later sentences made parts when they add up to the
    report's first figure of their kind ("At least five men were killed. Two were shot at a
    shop. Another was gunned down. Two more were shot dead" is 5)."""
    out = list(mentions)
    for kind in ("killed", "wounded"):
        told = [i for i, m in enumerate(out) if m.kind == kind and _figure_of_parts(m)]
        if len(told) < 3:
            continue
        first, rest = out[told[0]], told[1:]
        sentence = bisect_right(starts, first.number.start)
        if sum(out[i].number.value for i in rest) != first.number.value or any(
            bisect_right(starts, out[i].number.start) == sentence for i in rest
        ):
            continue
        for i in rest:
            out[i] = out[i]._replace(subset=True)
    return out


NARRATIVE_SENTENCES: Final = 10  # an article this long tells one incident and recalls others


def counted(
    mentions: list[Mention], starts: list[int], kinds: tuple[str, ...] = ("killed", "wounded")
) -> list[Mention]:
    """The mentions whose people count as the article's new casualties.

    A short report sums its figures ("two were killed in X and three in Y"). A narrative
    (``NARRATIVE_SENTENCES`` sentences or more) is about the incident of its lead: its new
    deaths (injuries) are those of the first sentence that states any, plus later ones told as more
    ("two more died", "another victim") or as a revision ("rose to seven"); other incident
    figures further down are other shootings or attacks the article recalls. A report's
    share of a figure split over several events replaces its other new deaths (of several,
    the last the report states); another source's estimate of a kind already stated, or a
    figure counted in another record, is not added; figures of later sentences that add up
    to a short report's first figure of their kind are its parts. ``starts`` are the
    sentence starts of the body. A period total of the report's own (no roll-up of a
    country's dead) is a short report's count when it states no incident figure of its kind.
    A figure of people told before ("killing the three assailants") is a part of a figure of
    its kind before it; parts of the dead count when the report tells an abduction and no
    figure of the dead ("Three of the victims were executed").
    """
    short = len(starts) < NARRATIVE_SENTENCES
    if any(m.kind == "hostage" for m in mentions):
        mentions = _parts_of_captives(mentions)
    if any(m.definite for m in mentions):
        mentions = _definite_told(mentions)
    if short and any(m.of_report for m in mentions):
        mentions = _periods_alone(mentions)
    if any(m.unnumbered for m in mentions):
        mentions = _coded_for_vague(mentions)
    if any(m.divides for m in mentions):
        mentions = _split_over(mentions)
    if any(m.share for m in mentions):
        last = max(i for i, m in enumerate(mentions) if m.share)  # the report's final count
        # a period total the share replaces stays the period's total, not a new death
        mentions = [m._replace(subset=False) if m.share else m._replace(scope="period")
                    if m.of_report else m for i, m in enumerate(mentions)
                    if i == last or m.of_report or not (m.share or divided(m))]  # fmt: skip
    if any(m.alternative for m in mentions):
        mentions = _without_alternatives(mentions)
    if any(m.elsewhere for m in mentions):
        mentions = [m for m in mentions if not m.elsewhere]
    if short:
        if len(mentions) > 2:
            mentions = _told_as_parts(mentions, starts)
        return _totals_alone(mentions) if any(m.total for m in mentions) else mentions
    lead: dict[str, int] = {}
    out = []
    for m in mentions:
        if m.kind not in kinds or m.scope != "incident" or m.modality is not None or m.subset:
            out.append(m)
            continue
        i = bisect_right(starts, m.number.start) - 1
        if lead.setdefault(m.kind, i) == i or m.added or m.update:
            out.append(m)
    return out
