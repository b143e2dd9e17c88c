"""The literal strings a regex's every match holds, to skip a search that cannot match.

A pattern like ``(?:proposed|offered)\\s+(?:a|the)\\s+(?:plan|offer)\\b`` matches only where
the text holds "proposed" or "offered", and "plan" or "offer": :func:`needs` reads such
groups off the parsed pattern (runs of literal characters, alternations whose every branch
needs one, repeats of at least one), so that ``str`` containment checks (:func:`holds`),
many times cheaper than the search, tell most sentences apart first. Look-arounds, classes
and optional parts need nothing; a group is left out when it needs a string shorter than
three characters, which nearly every sentence holds.

The pattern is parsed with the regex engine's own parser (``re._parser``, the one
``re.compile`` runs); should its form change, a pattern needs nothing and is searched as
before.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, Final

_SHORTEST: Final = 3  # a group with a shorter string is met in nearly every sentence
_MOST: Final = 3  # groups kept per pattern, the rarest first
_CHANCE: Final = 0.3  # a rough chance that a string of one more letter is met too

Group = frozenset[str]


def _parse(pattern: str) -> Any:
    """The parsed ``pattern`` (a sequence of ``(op, argument)``), or None."""
    try:
        parser: Any = importlib.import_module("re._parser")
        return parser.parse(pattern)
    except Exception:  # no parser of this form: the pattern needs nothing
        return None


def _rarity(group: Group) -> float:
    """A rough chance that a sentence holds a string of ``group`` (lower is rarer)."""
    return sum(_CHANCE ** len(text) for text in group)


def _minimal(group: set[str]) -> Group:
    """``group`` without the strings that hold another of it ("offers" holds "offer")."""
    return frozenset(t for t in group if not any(o != t and o in t for o in group))


def _kept(groups: list[Group]) -> list[Group]:
    """The groups worth checking: none with a string shorter than ``_SHORTEST``."""
    return [g for g in groups if g and min(map(len, g)) >= _SHORTEST]


def _rarest(groups: list[Group]) -> Group | None:
    kept = _kept(groups)
    return min(kept, key=_rarity) if kept else None


def _sequence(items: Any) -> list[Group]:
    """The groups a sequence of parsed items needs: each run of literal characters, and the
    group each other item needs."""
    groups: list[Group] = []
    run: list[str] = []
    for op, argument in items:
        if op.name == "LITERAL":
            run.append(chr(argument))
            continue
        if run:
            # the parser moves the letters all branches open with before them: "signed|sealed"
            # is "s" and "igned|ealed"; each branch's letters go back after the run
            joined = _joined("".join(run), argument) if op.name == "BRANCH" else None
            groups.append(joined or frozenset({"".join(run)}))
            run = []
        group = _item(op.name, argument)
        if group is not None:
            groups.append(group)
    if run:
        groups.append(frozenset({"".join(run)}))
    return groups


def _joined(run: str, branch: Any) -> Group:
    """``run`` followed by the letters each of the alternation ``branch``'s branches opens with."""
    every = set()
    for items in branch[1]:
        lead = []
        for op, argument in items:
            if op.name != "LITERAL":
                break
            lead.append(chr(argument))
        every.add(run + "".join(lead))
    return _minimal(every)


def _item(name: str, argument: Any) -> Group | None:
    """The rarest group one parsed item needs, or None."""
    if name == "SUBPATTERN":
        _, add_flags, del_flags, items = argument
        return None if add_flags or del_flags else _rarest(_sequence(items))
    if name == "ATOMIC_GROUP":
        return _rarest(_sequence(argument))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        least, _, items = argument
        return _rarest(_sequence(items)) if least >= 1 else None
    if name == "BRANCH":
        every: set[str] = set()
        for branch in argument[1]:
            group = _rarest(_sequence(branch))
            if group is None:
                return None
            every |= group
        return _minimal(every)
    return None


def needs(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Groups of strings, the rarest first: every match of ``pattern`` (compiled without
    flags) holds a string of each group. Empty when nothing is known."""
    parsed = _parse(pattern)
    if parsed is None or re.compile(pattern).flags & ~re.UNICODE:
        return ()
    try:
        groups = {_minimal(set(g)) for g in _kept(_sequence(parsed))}
    except Exception:  # an item of another form: nothing is known
        return ()
    # a group is told by another whose every string holds one of its own ("signed|sealed"
    # tells "igned|ealed")
    told = {g for g in groups for o in groups if o != g and all(any(t in a for t in g) for a in o)}
    ordered = sorted(groups - told, key=lambda g: (_rarity(g), sorted(g)))[:_MOST]
    return tuple(tuple(sorted(g, key=lambda t: (len(t), t))) for g in ordered)


def holds(text: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` holds a string of each of ``groups``."""
    for group in groups:
        for literal in group:
            if literal in text:
                break
        else:
            return False
    return True
