"""Word shingles and a seeded MinHash signature (numpy; no per-process hash randomisation)."""

from __future__ import annotations

import re
import zlib

import numpy as np
import numpy.typing as npt

_WORD = re.compile(r"[a-z0-9]+")
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64((1 << 32) - 1)
MAX_WORDS = 250
"""Only the lead is shingled: rewrites share it and long live blogs stay cheap."""

Signature = npt.NDArray[np.uint64]


def words(text: str, limit: int = MAX_WORDS) -> list[str]:
    """Lower-cased alphanumeric words of ``text``, at most ``limit`` of them."""
    return _WORD.findall(text.lower())[:limit]


def shingles(tokens: list[str], size: int = 3) -> set[int]:
    """CRC-32 hashes of the ``size``-word shingles (the tokens themselves when fewer)."""
    if len(tokens) < size:
        return {zlib.crc32(t.encode()) for t in tokens}
    return {zlib.crc32(" ".join(tokens[i : i + size]).encode())
            for i in range(len(tokens) - size + 1)}  # fmt: skip


class MinHasher:
    """``num_perm`` universal hash functions ``(a*x + b) mod p`` drawn from a fixed seed."""

    def __init__(self, num_perm: int = 64, seed: int = 11) -> None:
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self._a = rng.integers(1, 1 << 31, size=(num_perm, 1), dtype=np.uint64)
        self._b = rng.integers(0, 1 << 31, size=(num_perm, 1), dtype=np.uint64)

    def signature(self, hashes: set[int]) -> Signature:
        """The MinHash signature of a shingle set (all-max for an empty set)."""
        if not hashes:
            return np.full(self.num_perm, _MASK, dtype=np.uint64)
        values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
        # a, b < 2**31 and x < 2**32: the product stays below 2**63, no overflow
        hashed: Signature = (((self._a * values + self._b) % _PRIME) & _MASK).min(axis=1)
        return hashed


def similarity(left: Signature, right: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(left == right)) / len(left)
