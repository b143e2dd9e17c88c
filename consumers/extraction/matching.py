"""Search helpers that keep searches fast on long texts.

Python's regex engine skips ahead in C to the first character of a match only when the
pattern starts with a literal or a character class; a leading ``\\b``, look-behind or
group disables that and makes it try every position. Patterns here are written without
a leading ``\\b`` and the word boundary is checked afterwards. Many plain keys are searched
at once by :class:`KeySearch`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, TypeVar

import ahocorasick_rs

_Haystack = TypeVar("_Haystack", str, bytes)
# a bound search method of an automaton: ``(haystack, overlapping) -> (key index, start, end)``
_Find = Callable[[_Haystack, bool], list[tuple[int, int, int]]]


class KeySearch:
    """Keys in Rust Aho-Corasick automata, which return the matches of a text in one call
    (several times faster than iterating the C trie): one for ``str`` text, one for the same
    keys as bytes for ASCII text, and for any text when the keys are Latin-1 (whose byte
    offsets are its character offsets: the automaton then skips mapping byte offsets back to
    characters). Every overlapping match, or with ``longest`` the leftmost-longest ones,
    which a prefilter finds many times faster where the keys are few."""

    def __init__(self, keys: list[str], *, longest: bool = False) -> None:
        kind = (
            ahocorasick_rs.MatchKind.LeftmostLongest
            if longest
            else ahocorasick_rs.MatchKind.Standard
        )
        dfa = ahocorasick_rs.Implementation.DFA
        self._text = ahocorasick_rs.AhoCorasick(keys, matchkind=kind, implementation=dfa)
        # keys as Latin-1 where every key is Latin-1 and holds no "?": any text read as
        # Latin-1, each wider character as one "?", then keeps its character offsets too
        self._latin = all(_latin_key(key) for key in keys)
        encoded = [key.encode("latin-1") if self._latin else key.encode() for key in keys]
        self._bytes = ahocorasick_rs.BytesAhoCorasick(encoded, matchkind=kind, implementation=dfa)
        self._overlapping = not longest
        # the search methods bound once: a call then skips the method lookup on the automaton
        self._find_text: _Find[str] = self._text.find_matches_as_indexes
        self._find_bytes: _Find[bytes] = self._bytes.find_matches_as_indexes

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(key index, start, end)`` of the matches in ``text``, in the order they end."""
        if text.isascii():
            encoded = text.encode("ascii")
            # ``overlapping`` by position: keyword arguments cost the Rust call more
            return self._find_bytes(encoded, self._overlapping)
        if self._latin:  # no key holds "?" or a wider character: the same matches
            return self._find_bytes(text.encode("latin-1", "replace"), self._overlapping)
        return self._find_text(text, self._overlapping)


def _latin_key(key: str) -> bool:
    """True when ``key`` holds no "?" and only Latin-1 characters (one byte each)."""
    return "?" not in key and all(ord(char) < 256 for char in key)


def starts_word(text: str, pos: int) -> bool:
    """True when ``text[pos]`` starts a word, as ``\\b`` before a word character means."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def word_search(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text[lo:hi]`` that starts a word (as
    :func:`starts_word`, inlined: this runs for every gate of every sentence)."""
    pos = lo
    while (match := pattern.search(text, pos, hi)) is not None:
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            return match
        pos = start + 1
    return None


def contains_any(text: str, words: tuple[str, ...], lo: int, hi: int) -> bool:
    """True when one of ``words`` (non-empty) occurs in ``text[lo:hi]``: ``in`` per word on
    one slice, faster than one regex alternation (which tests every character against the
    first letters) and than ``str.find(word, lo, hi)`` per word (which parses its bounds
    each time)."""
    part = text[lo:hi]
    for word in words:
        if word in part:
            return True
    return False


_Trie = dict[str, "_Trie"]


def trie_alternation(words: list[str]) -> str:
    """A regex matching what ``"|".join(map(re.escape, words_longest_first))`` matches, as
    a trie ("child|children" -> "child(?:ren|)"), so that the engine reads each character
    once rather than trying every word in turn.

    At each node the longer continuations come before the end of a word, so the match is
    the longest word that fits, as with the longest-first list."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items())
                if char]  # fmt: skip
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body}|)" if "" in node else body  # "(?:body)?", as a branch (``branched``)


def branched(pattern: str) -> str:
    """``pattern`` with each optional non-capturing group written as a branch with an empty
    alternative: "(?:X)?" as "(?:X|)", "(?:X)??" as "(?:|X)" (not "(?:X)?+"). The same
    matches, tried in the same order; the regex engine enters a branch at once, where an
    optional group of more than one character sets up (and allocates) a repeat."""
    out: list[str] = []  # the pieces of the group being read
    groups: list[tuple[list[str], bool]] = []  # the pieces around each open group; plain?
    i, size = 0, len(pattern)
    while i < size:
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif char == "[":
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
        elif char == "(":
            plain = pattern.startswith("(?:", i)
            groups.append((out, plain))
            out = [pattern[i : i + 3] if plain else char]
            i += len(out[0])
        elif char == ")":
            body, (out, plain) = "".join(out), groups.pop()
            i += 1
            if plain and pattern.startswith("?", i) and not pattern.startswith("?+", i):
                lazy = pattern.startswith("??", i)
                out.append(f"(?:|{body[3:]})" if lazy else f"{body}|)")
                i += 2 if lazy else 1
            else:
                out.append(body + char)
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """Where the character class opened at ``pattern[start]`` ("[") ends, past its "]"."""
    i = start + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1  # a "]" first is a member
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


# the longest prefix or suffix the affix helpers below read (a test checks every caller's)
AFFIX_REACH: Final = 40


def starts_with(text: str, prefix: str, pos: int) -> bool:
    """``text.startswith(prefix, pos)`` for ``pos >= 0``, as a slice compared: the method
    with a position is called through Python's argument parsing, several times the cost."""
    return text[pos : pos + len(prefix)] == prefix


def starts_with_any(text: str, prefixes: tuple[str, ...], pos: int) -> bool:
    """``text.startswith(prefixes, pos)`` for ``pos >= 0`` and prefixes of at most
    :data:`AFFIX_REACH` characters, on a slice (as :func:`starts_with`)."""
    return text[pos : pos + AFFIX_REACH].startswith(prefixes)


def ends_with(text: str, suffix: str, lo: int, end: int) -> bool:
    """``text.endswith(suffix, lo, end)`` for ``lo, end >= 0``, as a slice compared (as
    :func:`starts_with`)."""
    end = min(end, len(text))
    return end - len(suffix) >= lo and text[end - len(suffix) : end] == suffix


def ends_with_any(text: str, suffixes: tuple[str, ...], lo: int, end: int) -> bool:
    """``text.endswith(suffixes, lo, end)`` for ``lo, end >= 0`` and suffixes of at most
    :data:`AFFIX_REACH` characters, on a slice (as :func:`starts_with`)."""
    end = min(end, len(text))
    return text[max(lo, end - AFFIX_REACH) : end].endswith(suffixes)


def by_tail(ends: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``ends`` (each of two characters or more) by their last two characters: a text ends
    with one of ``ends`` exactly when it ends with one of those filed under its own last two
    characters, a few words to compare instead of every one."""
    grouped: dict[str, tuple[str, ...]] = {}
    for end in ends:
        grouped[end[-2:]] = (*grouped.get(end[-2:], ()), end)
    return grouped


def ends_with_tail(text: str, ends: dict[str, tuple[str, ...]]) -> bool:
    """``text.endswith(words)`` for the words filed in ``ends`` by :func:`by_tail`."""
    candidates = ends.get(text[-2:])
    return candidates is not None and text.endswith(candidates)
