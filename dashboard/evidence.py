"""Safe HTML for evidence: article text is untrusted, so every character is escaped
and only spans we computed are wrapped in our own ``<mark>`` tags.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

Span = tuple[int, int]


def mark_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, with each (merged, clipped) span wrapped in ``<mark>``."""
    merged: list[list[int]] = []
    for start, end in sorted((max(s, 0), min(e, len(text))) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def sentence_html(metric: Mapping[str, Any]) -> str:
    """The evidence sentence with the phrase that triggered the metric marked."""
    sentence = metric["sentence"]
    start = metric["match_start"] - metric["sent_start"]
    end = metric["match_end"] - metric["sent_start"]
    if 0 <= start < end <= len(sentence):
        return mark_spans(sentence, [(start, end)])
    return mark_spans(sentence, [(0, len(sentence))])


def sentence_spans(text: str, metrics: Iterable[Mapping[str, Any]]) -> list[Span]:
    """Where each evidence sentence sits in ``text``: its offsets if they agree, else found."""
    spans = []
    for m in metrics:
        start, end, sentence = m["sent_start"], m["sent_end"], m["sentence"]
        if text[start:end] != sentence:
            start = text.find(sentence)
            end = start + len(sentence)
        if start >= 0 and sentence:
            spans.append((start, end))
    return spans


def body_html(text: str, metrics: Iterable[Mapping[str, Any]]) -> str:
    """The article text, escaped, with every evidence sentence marked, paragraphs kept."""
    marked = mark_spans(text, sentence_spans(text, metrics))
    return marked.replace("\n\n", "<br><br>")
