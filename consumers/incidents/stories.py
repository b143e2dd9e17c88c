"""Incremental story clustering: near-duplicate and same-story articles across sources.

An article joins the story of an earlier article when their leads are near-duplicates
(MinHash of word 3-shingles, LSH banding for candidates, estimated Jaccard at least
``text_threshold``) or their titles share most content words (``title_threshold``) and their
texts overlap a little. Memory is
bounded by a time horizon: articles older than ``horizon_ms`` before the newest one are
evicted from the index, so a story can only grow from articles inside the horizon. A story's
id is the id of its first article; the same input order always gives the same ids.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

import numpy as np

from consumers.incidents.minhash import (
    MinHasher,
    Signature,
    shingles,
    similarities,
    tokens,
    words,
)

DAY_MS = 86_400_000
_ROW_BASE = np.uint64(0x9E3779B97F4A7C15)
_SCORED = 16
"""At most this many candidates per index are scored (those sharing the most bands/words)."""
_TITLE_TEXT_FLOOR = 0.15
_COMMON_WORD = 64
"""A title word held by more live titles than this finds no candidates (like a stop word)."""
_STOP = frozenset(
    """a an and the of in on at to for from by with as is are was were be after amid over
    says say said new more than least up into out its it this that who what""".split()
)


@dataclass(frozen=True, eq=False)
class _Entry:
    article_id: str
    story: str
    at_ms: int
    keys: tuple[int, ...]
    text: Signature
    title: frozenset[str]


def title_words(title: str) -> frozenset[str]:
    """Content words of a title (stop words dropped)."""
    return frozenset(w for w in words(title, 40) if w not in _STOP)


def title_similarity(left: frozenset[str], right: frozenset[str]) -> float:
    """Jaccard similarity of two title word sets (0 when either is empty)."""
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


class StoryIndex:
    """Assigns each article a story id, in arrival order, within a time horizon."""

    def __init__(
        self,
        horizon_ms: int = DAY_MS,
        *,
        bands: int = 16,
        rows: int = 4,
        text_threshold: float = 0.4,
        title_threshold: float = 0.6,
        seed: int = 11,
    ) -> None:
        self.horizon_ms = horizon_ms
        self.bands, self.rows = bands, rows
        self.text_threshold, self.title_threshold = text_threshold, title_threshold
        self._hasher = MinHasher(bands * rows, seed)
        self._salts = np.random.default_rng(seed + 1).integers(0, 2**63, bands, dtype=np.uint64)
        self._buckets: dict[int, _Entry | list[_Entry]] = {}  # most hold one entry
        self._title_index: dict[str, list[_Entry]] = {}
        self._entries: deque[_Entry] = deque()
        self._newest = 0

    def __len__(self) -> int:
        """Articles currently held (inside the horizon)."""
        return len(self._entries)

    def sign(self, title: str, text: str) -> tuple[Signature, frozenset[str]]:
        """The MinHash signature of an article and its title words (what the index keeps)."""
        return self._hasher.signature(shingles(tokens(f"{title} {text}"))), title_words(title)

    def add(self, article_id: str, title: str, text: str, at_ms: int) -> str:
        """Index one article and return its story id."""
        sig, heading = self.sign(title, text)
        return self.add_signed(article_id, sig, heading, at_ms)

    def add_signed(self, article_id: str, sig: Signature, heading: frozenset[str], at_ms: int,
                   story: str | None = None) -> str:  # fmt: skip
        """Index a signed article: match it to a story, or restore it in ``story`` (no matching,
        for rebuilding the index after a restart)."""
        self._newest = max(self._newest, at_ms)
        self._evict()
        keys = self._keys(sig)
        story = story or self._match(sig, keys, heading) or article_id
        entry = _Entry(article_id, story, at_ms, keys, sig, heading)
        buckets = self._buckets
        for key in keys:
            held = buckets.get(key)
            if held is None:
                buckets[key] = entry
            elif isinstance(held, list):
                held.append(entry)
            else:
                buckets[key] = [held, entry]
        titles = self._title_index
        for word in heading:
            titles.setdefault(word, []).append(entry)
        self._entries.append(entry)
        return story

    def _keys(self, sig: Signature) -> tuple[int, ...]:
        """One 64-bit int per band: its rows combined, salted by the band (small, deterministic)."""
        rows = sig.reshape(self.bands, self.rows)
        combined = rows[:, 0].copy()
        for j in range(1, self.rows):
            combined = combined * _ROW_BASE + rows[:, j]  # wraps modulo 2**64
        return tuple((combined ^ self._salts).tolist())

    def _match(self, sig: Signature, keys: tuple[int, ...], heading: frozenset[str]) -> str | None:
        """The story of the best-matching earlier article (earliest on a tie), if any."""
        candidates = self._candidates(keys, heading)
        if not candidates:
            return None
        texts = similarities(sig, [entry.text for entry in candidates])
        best: tuple[float, int, str] | None = None
        for entry, text in zip(candidates, texts, strict=True):
            score = self._score(text, heading, entry)
            if score > 0 and (best is None or (score, -entry.at_ms) > best[:2]):
                best = (score, -entry.at_ms, entry.story)
        return best[2] if best else None

    def _score(self, text: float, heading: frozenset[str], entry: _Entry) -> float:
        """How well an entry whose signature agrees by ``text`` matches (0: not at all)."""
        if text >= self.text_threshold:
            return text
        if text < _TITLE_TEXT_FLOOR:
            return 0.0
        title = title_similarity(heading, entry.title)
        # a shared title alone is not enough: stock headlines ("Deadly strike hits Rafah")
        # recur for other events, so the text must agree a little too
        return title if title >= self.title_threshold else 0.0

    def _candidates(self, keys: tuple[int, ...], heading: frozenset[str]) -> list[_Entry]:
        """The earlier articles sharing most LSH bands or most (not too common) title words."""
        found: list[_Entry] = []
        get = self._buckets.get
        for key in keys:
            held = get(key)
            if held is None:
                continue
            if isinstance(held, list):
                found += held
            else:
                found.append(held)
        titled: list[_Entry] = []
        for word in sorted(heading):  # not set order: that varies with PYTHONHASHSEED
            entries = self._title_index.get(word)
            if entries is not None and len(entries) <= _COMMON_WORD:
                titled += entries
        chosen = dict.fromkeys(_most_common(found))
        chosen.update(dict.fromkeys(_most_common(titled)))
        return list(chosen)

    def _evict(self) -> None:
        cutoff = self._newest - self.horizon_ms
        while self._entries and self._entries[0].at_ms < cutoff:
            entry = self._entries.popleft()
            for key in entry.keys:
                _take(self._buckets, key, entry)
            for word in entry.title:
                _drop(self._title_index, word, entry)


def _most_common(entries: list[_Entry]) -> list[_Entry]:
    """The ``_SCORED`` entries found most often, first found first on a tie."""
    if len(entries) <= 1:
        return entries
    counts = Counter(entries)
    if len(counts) <= _SCORED:  # most_common's order, without its heap
        return sorted(counts, key=counts.__getitem__, reverse=True)
    return [e for e, _ in counts.most_common(_SCORED)]


def _take(buckets: dict[int, _Entry | list[_Entry]], key: int, entry: _Entry) -> None:
    held = buckets[key]
    if not isinstance(held, list):
        del buckets[key]
        return
    held.remove(entry)
    if len(held) == 1:
        buckets[key] = held[0]


def _drop(index: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
    bucket = index[key]
    bucket.remove(entry)
    if not bucket:
        del index[key]
