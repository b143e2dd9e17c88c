"""Headline grammar: how titles, feed items and older event notes tell a killing.

A present-tense verb before a figure ("lynch four", "shoots dead 15", "stoned to death two",
read by the casualty rules through ``BEFORE_HEADLINE``), and one victim at the start of a
sentence (:func:`victims`): a bare singular noun after "kills", "lynches" or "beheads" ("Mob
lynches suspected thief") or before a bare participle ("Woman killed on her farm", "One
person dies in clash", a note's "Six year old boy killed."). The nouns are those of
``lexicon.ONE_VICTIM_NOUNS``, so "kill switch" or "kills time" is no victim.
"""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final

from consumers.extraction.lexicon import ONE_VICTIM_NOUNS
from consumers.extraction.triggers import NOT_DONE, PASSIVE_BE, Span, has_any, victim_span

# headline verbs before a figure ("lynch four", "shoots dead 15", "stoned to death two"),
# searched only where one of ``HEADLINE_GATE`` is
BEFORE_HEADLINE: Final = re.compile(
    r"(?P<killed>\b(?:lynch(?:es)?|beheads?|shoots?\s+dead|(?:hack(?:s|ed)?|stab(?:s|bed)?|"
    r"beat(?:s|en)?|burn(?:s|ed|t)?|bludgeon(?:s|ed)?|ston(?:e|es|ed)|club(?:s|bed)?|"
    r"lynch(?:es|ed)?)\s+to\s+death))(?:\s+at\s+least)?\s+$"
)
HEADLINE_GATE: Final = ("lynch ", "lynches ", "behead", "shoot", "to death ")


# a verb of ``_BARE_OBJECT`` and one of ``_HEAD_SUBJECT``, looked for first; the sentence
# holds one of them when its gate words do (:data:`GATE_WORDS`, found by the scanner)
_BARE_VERBS: Final = ("kill", "lynch", "behead")
_HEADLINE_VERBS: Final = (
    "killed",
    "dead",
    "death",
    "dies ",
    "lynched",
    "murdered",
    "beheaded",
    "gunned",
)
GATE_WORDS: Final = frozenset({*_BARE_VERBS, *_HEADLINE_VERBS})
# each as a set: ``words.isdisjoint`` then reads the sentence's few gate words, not each verb
_BARE_SET: Final = frozenset(_BARE_VERBS)
_HEADLINE_SET: Final = frozenset(_HEADLINE_VERBS)

# headline grammar, a present-tense verb and a bare singular noun: "Mob lynches suspected
# thief", "Grenade attack kills police officer and injures ...", "Raiders kill herder"; and
# the past of a telegraphic note: "militia shot and killed civilian from the sub-clan". A
# word and its white space are never given back ("*+", "++"): what follows each cannot start
# with a character it holds, so giving back could only try the same failures again
_BARE_OBJECT: Final = re.compile(
    r"(?P<killed>kills|kill|killed|lynch(?:es)?|beheads?)\s++"
    r"(?P<np>(?:[a-z][\w'-]*+\s++){0,3}?[a-z][\w'-]*+)(?=\s*+(?:[,.;(]|$)|\s+(?:in|at|on|near|"
    r"outside|inside|with|and|who|while|when|after|as|from|during|for|over|before|of|suspected|"
    r"accused|caught|believed|alleged|allegedly)\b)"
)
# words that open a phrase other rules read ("kills a man", "kills the chief", "kills two")
_NOT_BARE: Final = frozenset({"a", "an", "the", "his", "her", "their", "its", "one", "another",
                              "him", "them", "no", "at", "himself", "herself", "any", "each",
                              # "was killed by gunman", "killed in crossfire": no object
                              "by", "in", "on", "during", "after", "while", "when", "with", "near",
                              "as", "for", "from", "and", "or", "inside", "outside", "over",
                              "before", "last", "this", "that", "yesterday", "today"})  # fmt: skip
# "was killed", "have been killed": a passive, whose victim is its subject
_PASSIVE: Final = (*PASSIVE_BE, " been ", " be ")


def _bare_objects(low: str, lo: int, hi: int) -> list[Span]:
    """ "Mob kills suspected robber": one victim, a bare singular noun after a present-tense
    killing verb; not "nearly lynches", "to kill" or "kill switch"."""
    spans = []
    for obj in _BARE_OBJECT.finditer(low, lo, hi):
        words = obj.group("np").split()
        if obj.start() > 0 and low[obj.start() - 1].isalpha() or words[0] in _NOT_BARE:
            continue
        if obj.group("killed") == "killed" and low.endswith(_PASSIVE, lo, obj.start()):
            continue
        if words[-1] in ONE_VICTIM_NOUNS and not low.endswith(_NOT_BARE_BEFORE, lo, obj.start()):
            spans.append(victim_span(obj, obj.start()))
    return spans


_NOT_BARE_BEFORE: Final = (*NOT_DONE, " nearly ", " almost ", " tried to ")


# a headline's subject with no "was": "Man killed during argument", "Police officer shot
# dead by gunmen", "One person dies in clash"; told at the start of a sentence (the words
# of the subject and the spaces after them are possessive, "++": what follows each starts
# with no word character or no space, so giving one back never matched and only cost time)
_HEAD_SUBJECT: Final = re.compile(
    r"[\"'(]?(?:(?:a|an|one|another)\s+)?(?P<np>(?:[\w'-]++\s++){0,4}?[a-z][\w'-]*+)\s++"
    r"(?:(?:reportedly|allegedly)\s+)?"
    r"(?P<killed>killed|shot\s+dead|(?:shot|stabbed|attacked|ambushed|abducted|kidnapped)\s+"
    r"and\s+killed|lynched|beheaded|murdered|gunned\s+down|"
    r"dies(?=\s+(?:in|during|as|after|when|and)\b)|"
    r"(?:hacked|stabbed|beaten|burnt|burned|stoned|clubbed|bludgeoned|"
    r"(?!(?:sentenc|condemn|frighten|scar|bor|threaten)ed\b)[a-z]{3,}ed)\s+to\s+death)"
    r"(?=\s*(?:[,.;:(-]|$)|\s+(?:by|in|at|on|during|while|when|after|near|outside|inside|as|"
    r"and|following|over|from|with)\b)"
)


def victims_after_breaks(
    low: str, lo: int, hi: int, part: str, words: Set[str] = GATE_WORDS
) -> list[Span]:
    """Victims told in headline grammar after a semicolon or colon of the sentence
    ``low[lo:hi]`` (``part``, whose :data:`GATE_WORDS` are among ``words``): "gun battle
    with police; suspect killed", "13 June: man shot dead at a bar"."""
    spans = []
    for mark in ("; ", ": "):
        pos = part.find(mark)
        while pos != -1:
            start = lo + pos + 2
            spans += victims(low, start, hi, low[start : start + 80], words)
            pos = part.find(mark, pos + 2)
    return spans


def victims(low: str, lo: int, hi: int, head: str, words: Set[str] = GATE_WORDS) -> list[Span]:
    """Victims told in headline grammar in the sentence ``low[lo:hi]`` opening a text or a
    paragraph, whose first 80 characters are ``head``; ``words`` holds the
    :data:`GATE_WORDS` of the sentence (all of them when not known)."""
    spans = []
    if not words.isdisjoint(_BARE_SET) and has_any(head, _BARE_VERBS):
        spans += _bare_objects(low, lo, min(hi, lo + 120))
    if words.isdisjoint(_HEADLINE_SET) or not has_any(head, _HEADLINE_VERBS):
        return spans
    if not ONE_VICTIM_NOUNS.isdisjoint(head[:60].split(None, 8)):
        spans += _headline_subject(low, lo, hi)
    return spans


def _headline_subject(low: str, lo: int, hi: int) -> list[Span]:
    """ "Woman killed on her farm": one victim, a singular noun before a bare participle at
    the start of the sentence."""
    match = _HEAD_SUBJECT.match(low, lo, hi)
    if match is None:
        return []
    words = match.group("np").split()
    if words[-1] not in ONE_VICTIM_NOUNS or _NOT_HEAD_WORDS.intersection(words):
        return []
    return [victim_span(match, lo)]


_NOT_HEAD_WORDS: Final = frozenset(
    "and of the his her their was is were who that not no after before with to".split()
)
