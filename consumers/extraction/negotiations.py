"""Typed negotiation developments: talks, proposals, truces, releases, swaps and UN votes.

Each event type has a few patterns; a sentence yields at most one event of each type.
Patterns only bridge short gaps (a few words, or up to 80 characters without a sentence
break), so matching stays linear. Agreements, cease-fires taking effect, adoptions and
vetoes preceded by a negation or a hope ("failed to reach", "efforts to secure") are
dropped, and a more specific event hides a weaker one in the same sentence
(a postponed vote is not also a scheduled one).
"""

from __future__ import annotations

import re

from consumers.extraction.lexicon import NEGOTIATION_GATES
from consumers.extraction.negotiation_patterns import PATTERNS

# Patterns run on lower-cased text without IGNORECASE and without a leading ``\b``, which
# lets the regex engine skip ahead on the first literal; the word boundary is checked after.
_COMPILED = {
    event: tuple(re.compile(p.removeprefix(r"\b")) for p in patterns)
    for event, patterns in PATTERNS.items()
}
_FUTURE = ("will ", "to ", "would ")
_GATE_SETS = {event: tuple(frozenset(g) for g in groups)
              for event, groups in NEGOTIATION_GATES.items()}  # fmt: skip
# events that need an actual development, not a hope, a denial or a threat
_FACTUAL = frozenset({"agreement_reached", "ceasefire_started", "vote_adopted", "vote_vetoed",
                      "truce_extended", "talks_held"})  # fmt: skip
_IRREALIS = re.compile(
    r"\b(?:no|not|never|failed\s+to|fail\s+to|without|yet\s+to|unable\s+to|hopes?\s+(?:of|to|for)|"
    r"aim\w*\s+to|seek\w*\s+to|efforts?\s+to|push\w*\s+(?:for|to)|could|would|may|might|"
    r"threat\w*\s+to|if|whether|unless|want\w*\s+to|bid\s+to|call\w*\s+for|urg\w*|"
    r"demand\w*)\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
# event -> weaker events it hides in the same sentence
_HIDES = {
    "vote_postponed": ("vote_scheduled",),
    "proposal_rejected": ("proposal_made",),
    "ceasefire_violated": ("ceasefire_started",),
    "talks_planned": ("talks_held",),
    "vote_vetoed": ("vote_adopted",),
    "truce_extended": ("ceasefire_started",),
}


def _search(pattern: re.Pattern[str], lowered: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``lowered[lo:hi]`` that starts a word."""
    pos = lo
    while (match := pattern.search(lowered, pos, hi)) is not None:
        start = match.start()
        if start == lo or not lowered[start - 1].isalnum():
            return match
        pos = start + 1
    return None


def find_events(lowered: str, lo: int, hi: int, stems: set[str]) -> list[tuple[str, int, int]]:
    """``(event, match_start, match_end)`` for each event type in the sentence ``[lo:hi]``.

    ``lowered`` is the whole text in lower case (same offsets as the original); ``stems``
    are the gate stems (``lexicon.NEGOTIATION_GATES``) the sentence holds.
    """
    found: dict[str, tuple[int, int]] = {}
    for event, patterns in _COMPILED.items():
        if any(stems.isdisjoint(group) for group in _GATE_SETS[event]):
            continue
        for pattern in patterns:
            match = _search(pattern, lowered, lo, hi)
            if match is None:
                continue
            before = lowered[max(lo, match.start() - 40) : match.start()]
            if event == "talks_held" and before.endswith(_FUTURE):
                continue
            if event in _FACTUAL and _IRREALIS.search(before):
                continue
            found[event] = match.span()
            break
    for strong, weak in _HIDES.items():
        if strong in found:
            for event in weak:
                found.pop(event, None)
    return [(event, s, e) for event, (s, e) in found.items()]
