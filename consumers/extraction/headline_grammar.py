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


# every verb ``_BARE_OBJECT`` opens with, a whole word before white space
_BARE_FORMS: Final = frozenset({"kills", "kill", "killed", "lynch", "lynches", "behead", "beheads"})


def _is_letter(text: str, pos: int) -> bool:
    """``text[pos].isalpha()``, an ASCII character told by its code (no method call)."""
    code = ord(text[pos])
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90
    return text[pos].isalpha()


# the codes of "_", "'" and "-", word characters of ``_BARE_OBJECT``'s object
_WORD_MARKS: Final = frozenset({95, 39, 45})


def _word_end(low: str, pos: int, hi: int) -> int:
    """Where the run of ``[\\w'-]`` characters at ``pos`` ends, ``hi`` at the latest."""
    while pos < hi:
        code = ord(low[pos])
        if code >= 128:
            if not low[pos].isalnum():
                break
        elif not (97 <= code <= 122 or 48 <= code <= 57 or 65 <= code <= 90 or code in _WORD_MARKS):
            break
        pos += 1
    return pos


def _bare_at(low: str, lo: int, hi: int, pos: int, stem_end: int) -> bool:
    """False when no ``_BARE_OBJECT`` match starting at ``pos`` (a stem of
    :data:`_BARE_VERBS`, ending at ``stem_end``) could be kept: a letter before it, no whole
    verb then white space, a first object word of :data:`_NOT_BARE` ("killed in", "kills
    a"), or a passive ("was killed")."""
    if pos > 0 and _is_letter(low, pos - 1):
        return False
    end = stem_end
    while end < hi and _is_letter(low, end):
        end += 1
    if end == hi or not low[end].isspace():
        return False
    verb = low[pos:end]
    if verb not in _BARE_FORMS:
        return False
    at = end + 1
    while at < hi and low[at].isspace():
        at += 1
    if at == hi or not 97 <= ord(low[at]) <= 122 or low[at : _word_end(low, at, hi)] in _NOT_BARE:
        return False
    return verb != "killed" or not low.endswith(_PASSIVE, lo, pos)


def _may_keep_bare(low: str, lo: int, hi: int) -> bool:
    """False when no match of ``_BARE_OBJECT`` in ``low[lo:hi]`` could be kept (each stem of
    :data:`_BARE_VERBS` found with ``str.find`` and its next word read): most sentences
    ("a man was killed in ...") then need no regex."""
    for stem in _BARE_VERBS:
        pos = low.find(stem, lo, hi)
        while pos != -1:
            if _bare_at(low, lo, hi, pos, pos + len(stem)):
                return True
            pos = low.find(stem, pos + 1, hi)
    return False


def _bare_objects(low: str, lo: int, hi: int) -> list[Span]:
    """ "Mob kills suspected robber": one victim, a bare singular noun after a present-tense
    killing verb; not "nearly lynches", "to kill" or "kill switch"."""
    spans: list[Span] = []
    if not _may_keep_bare(low, lo, hi):
        return spans
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
    if not _may_keep_subject(low, lo, hi):
        return []
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
# the words a ``_HEAD_SUBJECT`` noun phrase may span (an article, then up to five), and
# the word after it, its verb
_SUBJECT_WORDS: Final = 7
# the verbs of ``_HEAD_SUBJECT`` (and the adverbs before them) that do not end in "ed"
_SUBJECT_NOT_ED: Final = frozenset({"shot", "dies", "burnt", "reportedly", "allegedly"})
# the codes of a quote or a bracket, which ``_HEAD_SUBJECT`` may open with
_QUOTE_CODES: Final = frozenset({34, 39, 40})


def _may_open_verb(word: str) -> bool:
    """False when ``word`` cannot open what follows a ``_HEAD_SUBJECT`` noun phrase: the
    letters it starts with end in "ed" or are one of :data:`_SUBJECT_NOT_ED`."""
    end = 0
    while end < len(word) and 97 <= ord(word[end]) <= 122:
        end += 1
    if end >= 2 and ord(word[end - 2]) == 101 and ord(word[end - 1]) == 100:  # "ed"
        return True
    return word[:end] in _SUBJECT_NOT_ED


def _may_keep_subject(low: str, lo: int, hi: int) -> bool:
    """False when no ``_HEAD_SUBJECT`` match at ``lo`` could be kept, its noun phrase (the
    sentence's first words, whole) ending in a word of ``ONE_VICTIM_NOUNS`` right before its
    verb, with none of :data:`_NOT_HEAD_WORDS`: read word by word, no such noun comes before
    the first of those ("a young man was killed": "was"). A quote or a bracket first is left
    to the regex."""
    if lo < hi and ord(low[lo]) in _QUOTE_CODES:
        return True
    words = low[lo:hi].split(None, _SUBJECT_WORDS)
    for i in range(min(len(words), _SUBJECT_WORDS) - 1):
        word = words[i]
        if word in _NOT_HEAD_WORDS:
            return False
        if word in ONE_VICTIM_NOUNS and _may_open_verb(words[i + 1]):
            return True
    return False
