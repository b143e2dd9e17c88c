"""The fast paths of the metric records give what they replace. The hand-written
constructors (``Evidence``, ``Casualty``, ``Signal``, ``Negotiation``) build what the generated
frozen-dataclass ``__init__`` (with ``__post_init__``) builds: the same instance ``__dict__``
in the same order, so the same repr, hash, equality, pickle and wire JSON; ``member`` finds
the member that a loop over the closed set finds."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, astuple, dataclass, replace
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction import pipeline
from wirewatch import codec
from wirewatch.metrics import (
    CASUALTY_KINDS,
    MODALITIES,
    NEGOTIATION_EVENTS,
    NEGOTIATION_MODALITIES,
    PARTS,
    SCOPES,
    SIGNAL_CATEGORIES,
    Casualty,
    Evidence,
    Extraction,
    Negotiation,
    Signal,
    Summary,
    member,
)


def _generated(cls: type[Any]) -> type[Any]:
    """A subclass of ``cls`` with the ``__init__`` that ``@dataclass(frozen=True)``
    generates, named like ``cls`` so that reprs compare."""
    name = cls.__name__
    return dataclass(frozen=True)(type(name, (cls,), {"__qualname__": name}))


_SLOW_EVIDENCE = _generated(Evidence)
_SLOW_CASUALTY = _generated(Casualty)
_SLOW_SIGNAL = _generated(Signal)
_SLOW_NEGOTIATION = _generated(Negotiation)
_SLOW_SUMMARY = _generated(Summary)
_SLOW_EXTRACTION = _generated(Extraction)

_offsets = st.integers(min_value=0, max_value=10_000)
_names = st.none() | st.text(max_size=12)
_evidence_args = st.tuples(
    st.text(max_size=30), _offsets, _offsets, _offsets, _offsets, st.none() | st.sampled_from(PARTS)
)
_casualty_args = st.tuples(
    st.sampled_from(CASUALTY_KINDS), _offsets, _offsets, st.none() | _offsets, st.booleans(),
    st.sampled_from(SCOPES), _names, _names, _names, _names, st.none() | _offsets,
    st.none() | st.sampled_from(MODALITIES),
)  # fmt: skip


def _same(fast: Any, slow: Any) -> None:
    assert type(fast) is not type(slow)  # the two constructors really are different ones
    assert list(fast.__dict__.items()) == list(slow.__dict__.items())
    assert repr(fast) == repr(slow)
    assert hash(fast) == hash(slow)
    assert astuple(fast) == astuple(slow)
    assert codec.encode(fast) == codec.encode(slow)


@given(_evidence_args)
@example(("Three people were killed.", 0, 25, 0, 5, None))
@example(("Truce agreed", 0, 12, 0, 5, "title"))
def test_evidence_is_built_as_the_generated_init_builds_it(args: tuple[Any, ...]) -> None:
    _same(Evidence(*args), _SLOW_EVIDENCE(*args))


_CASUALTY_EXAMPLES = [
    (("killed", 3, 3, None, False, "incident", None, "Gaza", None, None, None, None),
     ("Three people were killed in Gaza.", 0, 33, 0, 24, None)),
    (("wounded", 9, 9, 12, True, "cumulative", "children", None, "the ministry", "Monday", 0,
      "historical"), ("A ward chairman was wounded.", 4, 32, 6, 30, "title")),
    (("killed", 2, 2, None, False, "period", None, None, None, None, None, "hypothetical"),
     ("Two could die.", 0, 14, 0, 13, None)),
]  # fmt: skip


@given(_casualty_args, _evidence_args)
@example(*_CASUALTY_EXAMPLES[0])
@example(*_CASUALTY_EXAMPLES[1])
@example(*_CASUALTY_EXAMPLES[2])
def test_casualty_is_built_as_the_generated_init_builds_it(
    args: tuple[Any, ...], evidence: tuple[Any, ...]
) -> None:
    fast = Casualty(*args[:6], Evidence(*evidence), *args[6:])
    _same(fast, _SLOW_CASUALTY(*args[:6], Evidence(*evidence), *args[6:]))
    assert Casualty.from_dict(codec.to_builtins(fast)) == fast
    assert pickle.loads(pickle.dumps(fast)) == fast  # noqa: S301  # our own bytes


@given(st.sampled_from(SIGNAL_CATEGORIES), st.text(max_size=12), _evidence_args)
@example("actor", "Qatar", ("Qatar mediated.", 0, 15, 0, 5, None))
def test_signal_is_built_as_the_generated_init_builds_it(
    category: Any, name: str, evidence: tuple[Any, ...]
) -> None:
    fast = Signal(category, name, Evidence(*evidence))
    _same(fast, _SLOW_SIGNAL(category, name, Evidence(*evidence)))
    assert Signal.from_dict(codec.to_builtins(fast)) == fast


_names_tuple = st.lists(st.text(max_size=8), max_size=3).map(tuple)


@given(st.sampled_from(NEGOTIATION_EVENTS), _evidence_args, _names_tuple, _names_tuple,
       st.sampled_from(NEGOTIATION_MODALITIES))  # fmt: skip
@example("talks_held", ("Talks were held in Doha.", 0, 24, 0, 16, None), ("Israel",), ("Qatar",),
         "asserted")  # fmt: skip
def test_negotiation_is_built_as_the_generated_init_builds_it(
    event: Any, evidence: tuple[Any, ...], parties: Any, mediators: Any, modality: Any
) -> None:
    args = (event, Evidence(*evidence), parties, mediators, modality)
    fast = Negotiation(*args)
    _same(fast, _SLOW_NEGOTIATION(*args))
    assert Negotiation.from_dict(codec.to_builtins(fast)) == fast


_maybe_count = st.none() | _offsets
_summary_args = st.tuples(_offsets, _offsets, _maybe_count, st.booleans(), _maybe_count)


@given(_summary_args)
@example((12, 30, 34000, True, None))
@example((0, 0, None, False, 7))
def test_summary_is_built_as_the_generated_init_builds_it(args: tuple[Any, ...]) -> None:
    fast = Summary(*args)
    _same(fast, _SLOW_SUMMARY(*args))
    assert codec.convert(codec.to_builtins(fast), Summary, "summary") == fast
    assert pickle.loads(pickle.dumps(fast)) == fast  # noqa: S301  # our own bytes


@given(_summary_args, st.booleans(), _evidence_args)
@example((3, 0, None, False, None), True, ("Three died in a raid.", 0, 21, 0, 11, None))
def test_extraction_is_built_as_the_generated_init_builds_it(
    summary: tuple[Any, ...], with_summary: bool, evidence: tuple[Any, ...]
) -> None:
    signals = (Signal("military", "airstrike", Evidence(*evidence)),)
    if with_summary:
        fast = Extraction((), (), signals, Summary(*summary))
        slow = _SLOW_EXTRACTION((), (), signals, Summary(*summary))
    else:
        fast, slow = Extraction(signals=signals), _SLOW_EXTRACTION(signals=signals)
    _same(fast, slow)
    assert Extraction.from_dict(codec.to_builtins(fast)) == fast


def test_an_extraction_without_a_summary_gets_a_new_empty_one() -> None:
    first, second = Extraction(), Extraction()
    assert first.summary == Summary() == _SLOW_EXTRACTION().summary
    assert first.summary is not second.summary  # as the field's default factory makes
    assert "period_killed" not in Summary(killed=2).__dict__


def test_keywords_and_defaults_are_those_of_the_fields() -> None:
    evidence = Evidence(sentence="Two died.", start=0, end=9, match_start=0, match_end=8)
    casualty = Casualty(kind="killed", count=2, low=2, high=None, approximate=False,
                        scope="incident", evidence=evidence, where="Juba")  # fmt: skip
    assert (evidence.part, casualty.who, casualty.part_of, casualty.modality) == (None,) * 4
    assert "part" not in codec.to_builtins(evidence)
    assert replace(casualty, part_of=0).part_of == 0
    assert "part_of" not in replace(casualty, part_of=None).__dict__
    talks = Negotiation(event="talks_held", evidence=evidence)
    assert (talks.parties, talks.mediators, talks.modality) == ((), (), "asserted")
    assert Signal(category="actor", name="UN", evidence=evidence).name == "UN"


def test_records_stay_frozen() -> None:
    evidence = Evidence("Two died.", 0, 9, 0, 8)
    casualty = Casualty("killed", 2, 2, None, False, "incident", evidence)
    with pytest.raises(FrozenInstanceError):
        evidence.start = 1  # type: ignore[misc]  # the point of the test
    with pytest.raises(FrozenInstanceError):
        casualty.modality = "historical"  # type: ignore[misc]  # the point of the test


_CLOSED_SETS = [CASUALTY_KINDS, SCOPES, MODALITIES, NEGOTIATION_EVENTS, NEGOTIATION_MODALITIES,
                SIGNAL_CATEGORIES, PARTS]  # fmt: skip


def _member_by_loop(value: str, allowed: tuple[str, ...]) -> str | None:
    for candidate in allowed:
        if candidate == value:
            return candidate
    return None


@given(st.sampled_from(_CLOSED_SETS), st.one_of(st.sampled_from(NEGOTIATION_EVENTS), st.text()))
@example(SCOPES, "period")
@example(CASUALTY_KINDS, "Killed")
def test_member_finds_what_a_loop_over_the_set_finds(allowed: tuple[str, ...], value: str) -> None:
    want = _member_by_loop(value, allowed)
    if want is None:
        with pytest.raises(ValueError, match="is not one of"):
            member(value, allowed)
    else:
        assert member(value, allowed) is want


@given(st.sampled_from(_CLOSED_SETS), st.one_of(st.sampled_from(NEGOTIATION_EVENTS), st.text()))
@example(CASUALTY_KINDS, "Killed")
def test_the_pipeline_member_lookup_is_member(allowed: tuple[str, ...], value: str) -> None:
    members = pipeline._members(allowed)
    want = _member_by_loop(value, allowed)
    if want is None:
        with pytest.raises(ValueError, match="is not one of"):
            pipeline._member(value, members, allowed)
    else:
        assert pipeline._member(value, members, allowed) is want
