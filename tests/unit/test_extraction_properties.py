"""Property tests: the engine never raises and its evidence offsets always hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consumers.extraction import extract
from wirewatch.metrics import Extraction

_WORDS = st.sampled_from(
    ["killed", "wounded", "12", "1,000", "dozens", "at least", "truce", "vote", "Gaza", "IDF",
     "hostages", "released", "the", "of", ".", ",", "\n", "U.S.", "Dr.", "no one", "1.2",
     "million", "toll", "rose to", "since", "ceasefire", "strike", "\u2019", "İ", "\u00a0"]
)  # fmt: skip


def _check(text: str, result: Extraction) -> None:
    items = [*result.casualties, *result.negotiations, *result.signals]
    for item in items:
        ev = item.evidence
        assert text[ev.start : ev.end] == ev.sentence
        assert ev.start <= ev.match_start <= ev.match_end <= ev.end
    assert result.summary.killed >= 0 and result.summary.wounded >= 0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_unicode(text: str) -> None:
    _check(text, extract(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=80).map(" ".join))
def test_news_like_word_salad(text: str) -> None:
    _check(text, extract(text))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["killed ", "1,", "one-", "dozens of ", "no one was killed ", " ", ".",
                        "a soldier was killed and ", "the toll rose to 9, "]))  # fmt: skip
def test_pathological_repetitions(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    _check(text, extract(text))


def test_one_megabyte_article() -> None:
    sentence = "An airstrike killed 12 people in Rafah and the truce collapsed. "
    text = sentence * (1_000_000 // len(sentence))
    result = extract(text)
    _check(text, result)
    assert result.summary.killed == 12
    assert len(result.casualties) == text.count("killed")
