"""A linear sentence model: "is this sentence a negotiation development?".

Features are the word unigrams and bigrams of the lower-cased sentence and the character
3-5-grams of each word (marked ``<word>``, so a gram knows where a word starts and ends), each
hashed with CRC-32 into ``2**18`` buckets and counted once; the score is the bias plus the
weights of the buckets present (a logistic regression trained by
``scripts/devdata/train_negotiation.py``). Scoring needs only the standard library and the
shipped ``negotiation_model.json``.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Final

from consumers.extraction import negotiations, scanner
from consumers.extraction.sentences import SentenceIndex

# by package, not ``__file__``: a compiled module's ``__file__`` need not sit beside the data
MODEL_PATH: Final = Path(str(files("consumers.extraction") / "negotiation_model.json"))
DIM: Final = 1 << 18
CHAR_SIZES: Final = (3, 4, 5)
_WORD: Final = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def grams(sentence: str) -> list[str]:
    """The word 1-2-grams of the lower-cased sentence and the character 3-5-grams of its
    words (``#`` marks a character gram, so it never shares a bucket name with a word)."""
    words = _WORD.findall(sentence.lower())
    out = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    for word in words:
        marked = f"<{word}>"
        for size in CHAR_SIZES:
            out += [f"#{marked[k : k + size]}" for k in range(len(marked) - size + 1)]
    return out


def features(sentence: str) -> set[int]:
    """The hashed buckets of the sentence's grams (:func:`grams`)."""
    return {zlib.crc32(g.encode()) % DIM for g in grams(sentence)}


class Model:
    """Sparse weights over hashed buckets, a bias, the decision threshold of the model alone
    and the higher one at which it may add a development the rules did not find."""

    def __init__(
        self,
        weights: dict[int, float],
        bias: float,
        threshold: float = 0.0,
        added_threshold: float = 0.0,
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.added_threshold = added_threshold

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {int(k): float(v) for k, v in data["weights"].items()}
        threshold = float(data.get("threshold", 0.0))
        added = float(data.get("added_threshold", threshold))
        return cls(weights, float(data["bias"]), threshold, added)

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


def cued_sentences(text: str, wider: str = "") -> list[tuple[str, bool]]:
    """Each sentence of ``text`` holding a negotiation cue (the scanner's gate), with whether the
    rules find an event in it (of any modality; ``wider`` as for
    :func:`negotiations.find_events`)."""
    index = SentenceIndex(text)
    lowered = scanner.lower_same_length(text)
    cued = scanner.scan(text, lowered, index.starts, index.spans).negotiation
    out = []
    for i in sorted(cued):
        lo, hi = index.spans[i]
        out.append((text[lo:hi], bool(negotiations.find_events(lowered, lo, hi, wider))))
    return out
