"""A linear sentence model: "is this sentence a negotiation development?".

Features are the word unigrams and bigrams of the lower-cased sentence, each hashed with
CRC-32 into ``2**18`` buckets and counted once; the score is the bias plus the weights of the
buckets present (a logistic regression trained by ``scripts/devdata/train_negotiation.py``).
Scoring needs only the standard library and the shipped ``negotiation_model.json``.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import cache
from importlib.resources import files
from pathlib import Path

# by package, not ``__file__``: a compiled module's ``__file__`` need not sit beside the data
MODEL_PATH = Path(str(files("consumers.extraction") / "negotiation_model.json"))
DIM = 1 << 18
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def features(sentence: str) -> set[int]:
    """The hashed buckets of the sentence's word unigrams and bigrams."""
    words = _WORD.findall(sentence.lower())
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return {zlib.crc32(g.encode()) % DIM for g in grams}


class Model:
    """Sparse weights over hashed buckets, a bias and a decision threshold."""

    def __init__(self, weights: dict[int, float], bias: float, threshold: float = 0.0) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {int(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["bias"]), float(data.get("threshold", 0.0)))

    def score(self, sentence: str) -> float:
        """The decision value (log-odds) of the sentence."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in features(sentence))

    def is_development(self, sentence: str) -> bool:
        return self.score(sentence) > self.threshold


@cache
def model() -> Model:
    """The shipped model, loaded once."""
    return Model.load()
