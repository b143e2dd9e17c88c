"""Word shingles and a seeded MinHash signature (numpy; no per-process hash randomisation)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

_WORD = re.compile(r"[a-z0-9]+")
_SHIFT = np.uint64(32)
_MASK = np.uint64((1 << 32) - 1)
_BASE = np.uint64(1_000_003)
MAX_WORDS = 250
"""Only the lead is shingled: rewrites share it and long live blogs stay cheap."""

Signature = npt.NDArray[np.uint64]


def words(text: str, limit: int = MAX_WORDS) -> list[str]:
    """Lower-cased alphanumeric words of ``text``, at most ``limit`` of them."""
    return _WORD.findall(text[: limit * 16].lower())[:limit]


_ALNUM = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))
"""Every byte but ``a-z0-9`` becomes a space."""


def tokens(text: str, limit: int = MAX_WORDS) -> list[bytes]:
    """:func:`words` as ASCII bytes, what shingles hash: the same words, found without a regex
    (lower-case, non-ASCII to ``?``, every other byte but ``a-z0-9`` to a space, split)."""
    lowered = text[: limit * 16].lower().encode("ascii", "replace")
    return lowered.translate(_ALNUM).split()[:limit]


def shingles(tokens: Sequence[str | bytes], size: int = 3) -> npt.NDArray[np.uint64]:
    """32-bit hashes of the ``size``-word shingles (of the tokens themselves when fewer), with
    repeats.

    Each word is hashed once (CRC-32); a shingle's hash combines its words' hashes
    polynomially, so no shingle string is built.
    """
    known = _WORD_HASHES.get
    found = [known(t) for t in tokens]
    if None in found:
        found = [_word_hash(t) for t in tokens]
    hashed = np.array(found, dtype=np.uint64)
    if len(tokens) < size:
        return hashed
    n = len(tokens) - size + 1
    combined = hashed[:n].copy()
    for k in range(1, size):
        combined = (combined * _BASE + hashed[k : k + n]) & _MASK
    return combined  # repeats are harmless: a minimum ignores them


_WORD_HASHES: dict[str | bytes, int] = {}
_WORD_CACHE = 200_000


def _word_hash(word: str | bytes) -> int:
    """CRC-32 of a word (its UTF-8 bytes), cached (emptied when full, so memory stays bounded)."""
    found = _WORD_HASHES.get(word)
    if found is None:
        if len(_WORD_HASHES) >= _WORD_CACHE:
            _WORD_HASHES.clear()
        raw = word if isinstance(word, bytes) else word.encode()
        found = _WORD_HASHES[word] = zlib.crc32(raw)
    return found


class MinHasher:
    """``num_perm`` multiply-shift hash functions ``((a*x + b) mod 2**64) >> 32`` (``a`` odd),
    drawn from a fixed seed: no modulo, so a signature costs one multiply-add per shingle."""

    def __init__(self, num_perm: int = 64, seed: int = 11) -> None:
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self._a = rng.integers(0, 1 << 63, size=(num_perm, 1), dtype=np.uint64) * np.uint64(
            2
        ) + np.uint64(1)
        self._b = rng.integers(0, 1 << 63, size=(num_perm, 1), dtype=np.uint64)

    def signature(self, values: npt.NDArray[np.uint64]) -> Signature:
        """The MinHash signature of a set of shingle hashes (all-max for an empty set)."""
        if not len(values):
            return np.full(self.num_perm, _MASK, dtype=np.uint64)
        hashed = self._a * values  # wraps mod 2**64; in place from here: no more temporaries
        hashed += self._b
        hashed >>= _SHIFT
        least: Signature = hashed.min(axis=1)
        return least


def similarity(left: Signature, right: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(left == right)) / len(left)


def similarities(sig: Signature, others: list[Signature]) -> list[float]:
    """:func:`similarity` of ``sig`` to each of ``others``, in one vectorised step."""
    if len(others) == 1:
        return [similarity(sig, others[0])]
    agree = np.count_nonzero(np.vstack(others) == sig, axis=1)
    return (agree / len(sig)).tolist()  # type: ignore[no-any-return]
