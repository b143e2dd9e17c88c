"""Which language an article is in, and whether the extractor analyses it.

The extractor's patterns are English, so only :data:`ANALYSED` languages are
analysed; any other article is stored with its language and no metrics, and
counted as "not analysed" (never as an article with zero casualties).

Detection uses ``py3langid`` (langid.py's model, shipped inside the package: no
download at run time), loaded once on first use. A claimed language other than
English is trusted; a claimed (or defaulted) English is checked on the first
:data:`SAMPLE_CHARS` characters and replaced only by a confident other answer. A sample
that is plainly English (:func:`plainly_english`: English function words make up a
good share of its words) skips the model, which costs about 1 ms an article.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from typing import Any

from wirewatch.events import ArticleEvent

ANALYSED = frozenset({"en"})
SAMPLE_CHARS = 1000  # plenty for a language; costs ~1 ms an article
MIN_CHARS = 40  # shorter texts are too short to overrule what the producer said
MIN_CONFIDENCE = 0.9
#: English function words that other Latin-script languages rarely use as words.
ENGLISH_WORDS = frozenset(
    "the and of to was were said that with for from has have is are this which by".split()
)
MIN_WORDS = 40
MIN_ENGLISH_SHARE = 0.12  # English news: 17-25 %; French, Spanish, German prose: under 5 %
_WORD = re.compile(r"[A-Za-z']+")
_lock = threading.Lock()
_identifier: Any = None


def detect(text: str) -> tuple[str, float]:
    """The most likely ISO 639-1 code of ``text`` and its probability."""
    global _identifier  # noqa: PLW0603 (a lazily loaded, read-only model)
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    code, probability = _identifier.classify(text[:SAMPLE_CHARS])
    return str(code), float(probability)


def plainly_english(text: str) -> bool:
    """Whether the sample of ``text`` has :data:`MIN_WORDS` words or more, of which at least
    :data:`MIN_ENGLISH_SHARE` are :data:`ENGLISH_WORDS` (about 20 µs for a sample)."""
    words = _WORD.findall(text[:SAMPLE_CHARS])
    if len(words) < MIN_WORDS:
        return False
    hits = sum(1 for word in words if word.lower() in ENGLISH_WORDS)
    return hits >= MIN_ENGLISH_SHARE * len(words)


def article_language(claimed: str | None, body: str) -> str:
    """The language to treat an article as: see the module docstring."""
    claimed = (claimed or "en").split("-")[0].strip().lower() or "en"
    if claimed not in ANALYSED or len(body.strip()) < MIN_CHARS or plainly_english(body):
        return claimed
    code, probability = detect(body)
    return code if probability >= MIN_CONFIDENCE else claimed


def is_analysed(language: str) -> bool:
    """Whether the extractor analyses articles in ``language``."""
    return language in ANALYSED


def with_language(article: ArticleEvent) -> ArticleEvent:
    """The article with :func:`article_language` as its ``language``."""
    language = article_language(article.language, article.body)
    return article if language == article.language else replace(article, language=language)


_NAMES = dict(
    pair.split(":")
    for pair in (
        "ar:Arabic bn:Bengali de:German el:Greek en:English es:Spanish fa:Persian fr:French "
        "he:Hebrew hi:Hindi it:Italian ja:Japanese ko:Korean ku:Kurdish nl:Dutch pl:Polish "
        "ps:Pashto pt:Portuguese ru:Russian so:Somali sw:Swahili tr:Turkish uk:Ukrainian "
        "ur:Urdu zh:Chinese"
    ).split()
)


def language_name(code: str) -> str:
    """An English name for an ISO 639-1 code (the code itself when unknown)."""
    return _NAMES.get(code, code)
