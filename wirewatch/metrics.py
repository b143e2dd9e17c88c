"""What extraction finds in an article, and the metric event that carries it.

Every metric keeps its :class:`Evidence`: the sentence it came from, with
character offsets into the analysed text. These objects are shared by the
``wirewatch extract`` command, the ``metrics`` topic and the store.

The classes are the typed contract of the ``metrics`` topic, defined once: frozen
dataclasses whose closed value sets (a casualty's ``kind``, ``scope`` and ``modality``, a
negotiation's ``event``, a signal's ``category``) are ``Literal`` types, which mypy checks
where the values are written, :func:`member` checks where extraction's own strings become
fields, and the one codec (:mod:`wirewatch.codec`) checks on decode. The codec also
encodes them directly, without building dicts; fields added after the contract was fixed
(``part``, ``part_of``, a casualty's ``modality``, ``period_killed``) are left out while
``None``, as before (see :func:`wirewatch.codec.leave_out_none`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar, get_args

import msgspec

from wirewatch import codec
from wirewatch.errors import SchemaError
from wirewatch.events import LIVE_RUN, SCHEMA_VERSION, ArticleEvent, parse_time

CasualtyKind = Literal["killed", "wounded", "missing", "hostage", "detained"]
Scope = Literal["incident", "cumulative", "period"]
# how a casualty figure is asserted; only ``None`` (reported as fact) counts as new deaths
Modality = Literal["historical", "hypothetical"]
NegotiationModality = Literal["asserted", "planned", "demanded", "hypothetical", "historical"]
NegotiationEvent = Literal[
    "agreement_reached", "call_for_ceasefire", "ceasefire_started", "ceasefire_violated",
    "hostage_exchange", "hostage_release", "humanitarian_pause", "prisoner_release",
    "proposal_made", "proposal_rejected", "resolution_drafted", "surrender", "talks_held",
    "talks_planned", "truce_extended", "vote_adopted", "vote_postponed", "vote_scheduled",
    "vote_vetoed",
]  # fmt: skip
SignalCategory = Literal["military", "humanitarian", "actor", "location"]
CASUALTY_KINDS: tuple[CasualtyKind, ...] = get_args(CasualtyKind)
SCOPES: tuple[Scope, ...] = get_args(Scope)
MODALITIES: tuple[Modality, ...] = get_args(Modality)
NEGOTIATION_MODALITIES: tuple[NegotiationModality, ...] = get_args(NegotiationModality)
NEGOTIATION_EVENTS: tuple[NegotiationEvent, ...] = get_args(NegotiationEvent)
SIGNAL_CATEGORIES: tuple[SignalCategory, ...] = get_args(SignalCategory)

_V = TypeVar("_V", bound=str)


def member(value: str, allowed: tuple[_V, ...]) -> _V:
    """``value`` as one of the closed set ``allowed``, or ValueError: where extraction's own
    strings (a regex group's name, a table's key) become a typed field."""
    try:
        return allowed[allowed.index(value)]  # the first equal member, found in C
    except ValueError:
        msg = f"{value!r} is not one of {', '.join(allowed)}"
        raise ValueError(msg) from None


PARTS = ("title",)  # evidence from the headline; None is the body


def one_of(values: tuple[str, ...]) -> msgspec.Meta:
    """A codec constraint: the string is one of ``values`` (checked on decode)."""
    alternatives = "|".join(map(re.escape, values))
    return msgspec.Meta(pattern=f"^(?:{alternatives})$", description=", ".join(values))


Part = Annotated[str, one_of(PARTS)]
Offset = Annotated[int, msgspec.Meta(ge=0)]


@dataclass(frozen=True, init=False)
class Evidence:
    """The sentence behind a metric: ``text[start:end] == sentence``.

    ``match_start``/``match_end`` bound the phrase inside the text that triggered it.
    ``part`` is ``"title"`` when the sentence is the headline (offsets index the title);
    ``None`` means the body text, whose offsets are unchanged.
    """

    sentence: str
    start: Offset
    end: Offset
    match_start: Offset
    match_end: Offset
    part: Part | None = None

    def __init__(
        self, sentence: str, start: int, end: int, match_start: int, match_end: int,
        part: str | None = None,
    ) -> None:  # fmt: skip
        # what the generated ``__init__`` and ``__post_init__`` would leave in the instance
        # ``__dict__``, written there directly (a frozen dataclass's generated ``__init__``
        # calls ``object.__setattr__`` once per field: 3x slower, one per metric)
        fields = self.__dict__
        fields["sentence"] = sentence
        fields["start"] = start
        fields["end"] = end
        fields["match_start"] = match_start
        fields["match_end"] = match_end
        if part is not None:
            fields["part"] = part

    def __post_init__(self) -> None:  # run by the codec on decode
        if self.part is None:  # codec.leave_out_none(self, "part"), inlined: one per metric
            self.__dict__.pop("part", None)

    @classmethod
    def from_dict(cls, data: Any) -> Evidence:
        """Typed and checked, like every ``from_dict`` here (:func:`codec.convert`)."""
        return codec.convert(data, cls, "evidence")


@dataclass(frozen=True, init=False)
class Casualty:
    """People killed, wounded, missing, taken hostage or detained, as one mention states.

    ``scope`` is ``incident``, ``cumulative`` (a toll) or ``period`` (a daily or other period
    total, "in the past 24 hours"). ``part_of`` is the index, in the same extraction, of the
    figure this one is a subset of ("31 killed, including three children"). ``modality`` is
    ``historical`` or ``hypothetical`` for deaths that are not reported as new.
    """

    kind: CasualtyKind
    count: int
    low: int
    high: int | None
    approximate: bool
    scope: Scope
    evidence: Evidence
    who: str | None = None
    where: str | None = None
    authority: str | None = None
    as_of: str | None = None
    part_of: Offset | None = None
    modality: Modality | None = None

    def __init__(
        self, kind: CasualtyKind, count: int, low: int, high: int | None, approximate: bool,
        scope: Scope, evidence: Evidence, who: str | None = None, where: str | None = None,
        authority: str | None = None, as_of: str | None = None, part_of: int | None = None,
        modality: Modality | None = None,
    ) -> None:  # fmt: skip
        # written straight into the instance ``__dict__``, as ``Evidence`` is
        fields = self.__dict__
        fields["kind"] = kind
        fields["count"] = count
        fields["low"] = low
        fields["high"] = high
        fields["approximate"] = approximate
        fields["scope"] = scope
        fields["evidence"] = evidence
        fields["who"] = who
        fields["where"] = where
        fields["authority"] = authority
        fields["as_of"] = as_of
        if part_of is not None:
            fields["part_of"] = part_of
        if modality is not None:
            fields["modality"] = modality

    def __post_init__(self) -> None:  # run by the codec on decode
        codec.leave_out_none(self, "part_of", "modality")

    @classmethod
    def from_dict(cls, data: Any) -> Casualty:
        return codec.convert(data, cls, "casualty")


@dataclass(frozen=True, init=False)
class Negotiation:
    """A typed negotiation development, such as ``ceasefire_started`` or ``vote_postponed``.

    ``modality`` is ``asserted`` for a reported development, else ``planned``, ``demanded``,
    ``hypothetical`` or ``historical`` (the last three are not new developments; records
    without the field are asserted).
    """

    event: NegotiationEvent
    evidence: Evidence
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    modality: NegotiationModality = "asserted"

    def __init__(
        self, event: NegotiationEvent, evidence: Evidence, parties: tuple[str, ...] = (),
        mediators: tuple[str, ...] = (), modality: NegotiationModality = "asserted",
    ) -> None:  # fmt: skip
        # written straight into the instance ``__dict__``, as ``Evidence`` is
        fields = self.__dict__
        fields["event"] = event
        fields["evidence"] = evidence
        fields["parties"] = parties
        fields["mediators"] = mediators
        fields["modality"] = modality

    @classmethod
    def from_dict(cls, data: Any) -> Negotiation:
        return codec.convert(data, cls, "negotiation")


@dataclass(frozen=True, init=False)
class Signal:
    """A military or humanitarian signal, or an actor or location mentioned.

    ``category`` is ``military``, ``humanitarian``, ``actor`` or ``location``;
    ``name`` is the normalised signal (``airstrike``) or entity (``Qatar``).
    """

    category: SignalCategory
    name: str
    evidence: Evidence

    def __init__(self, category: SignalCategory, name: str, evidence: Evidence) -> None:
        # written straight into the instance ``__dict__``, as ``Evidence`` is
        fields = self.__dict__
        fields["category"] = category
        fields["name"] = name
        fields["evidence"] = evidence

    @classmethod
    def from_dict(cls, data: Any) -> Signal:
        return codec.convert(data, cls, "signal")


@dataclass(frozen=True, init=False)
class Summary:
    """Per-article headline figures (see the ``wirewatch extract`` contract)."""

    killed: int = 0
    wounded: int = 0
    death_toll: int | None = None
    negotiation: bool = False
    period_killed: int | None = None

    def __init__(
        self, killed: int = 0, wounded: int = 0, death_toll: int | None = None,
        negotiation: bool = False, period_killed: int | None = None,
    ) -> None:  # fmt: skip
        # written straight into the instance ``__dict__``, as ``Evidence`` is (one per article)
        fields = self.__dict__
        fields["killed"] = killed
        fields["wounded"] = wounded
        fields["death_toll"] = death_toll
        fields["negotiation"] = negotiation
        if period_killed is not None:
            fields["period_killed"] = period_killed

    def __post_init__(self) -> None:  # run by the codec on decode
        codec.leave_out_none(self, "period_killed")


@dataclass(frozen=True, init=False)
class Extraction:
    """Everything extracted from one text."""

    casualties: tuple[Casualty, ...] = ()
    negotiations: tuple[Negotiation, ...] = ()
    signals: tuple[Signal, ...] = ()
    summary: Summary = field(default_factory=Summary)

    def __init__(
        self, casualties: tuple[Casualty, ...] = (), negotiations: tuple[Negotiation, ...] = (),
        signals: tuple[Signal, ...] = (), summary: Summary | None = None,
    ) -> None:  # fmt: skip
        # written straight into the instance ``__dict__``, as ``Evidence`` is (one per article);
        # no ``summary``: a new empty one, as the field's default factory makes
        fields = self.__dict__
        fields["casualties"] = casualties
        fields["negotiations"] = negotiations
        fields["signals"] = signals
        fields["summary"] = Summary() if summary is None else summary

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: lists of metric dicts and the summary (what ``asdict`` gives,
        without the later optional fields that are unset)."""
        data: dict[str, Any] = codec.to_builtins(self)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Extraction:
        return codec.convert(data, cls, "extraction")


@dataclass(frozen=True)
class Provenance:
    """Where in Kafka an article event was read: ``topic[partition]@offset``."""

    topic: str
    partition: int
    offset: int

    def __str__(self) -> str:
        return f"{self.topic}[{self.partition}]@{self.offset}"


@dataclass(frozen=True)
class ArticleMetrics:
    """The ``metrics`` topic event: one processed article and what was extracted.

    On the wire: ``schema_version``, ``article`` (the article event's JSON),
    ``extraction``, ``processed_at`` (ISO 8601) and ``provenance`` (or null).
    """

    article: ArticleEvent
    extraction: Extraction
    processed_at: datetime
    provenance: Provenance | None = None
    schema_version: Literal[1] = SCHEMA_VERSION

    @property
    def run_id(self) -> str:
        return self.article.run_id

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the wire form."""
        data: dict[str, Any] = codec.to_builtins(self._wire())
        return data

    def _wire(self) -> dict[str, Any]:
        # the dataclasses go to the codec as they are; only the times are formatted here
        # (``isoformat``, "+00:00", as the wire has always carried them)
        return {
            "schema_version": self.schema_version,
            "article": self.article.to_dict(),
            "extraction": self.extraction,
            "processed_at": self.processed_at.isoformat(),
            "provenance": self.provenance,
        }

    @classmethod
    def from_dict(cls, data: Any) -> ArticleMetrics:
        """Parse a decoded event, raising :class:`SchemaError` on anything off-contract."""
        return cls.decode(codec.encode(data))

    def encode(self) -> bytes:
        """Serialise for the wire (the one codec, :mod:`wirewatch.codec`)."""
        return codec.encode(self._wire())

    @classmethod
    def decode(cls, raw: bytes | None) -> ArticleMetrics:
        """Deserialise and validate from the wire, raising :class:`SchemaError` with the
        reason (the field and what is wrong with it) on anything off-contract."""
        try:
            event = _DECODER.decode(raw or b"")
        except msgspec.DecodeError as exc:
            raise SchemaError(_reason(raw or b"", exc)) from None
        if not codec.present(event, "schema_version"):
            msg = "unknown metric schema_version None"
            raise SchemaError(msg)
        article = event.article.checked()
        processed = event.processed_at
        if article is not event.article or processed.tzinfo is not UTC:
            return cls(article, event.extraction, parse_time(processed, "processed_at"),
                       event.provenance, event.schema_version)  # fmt: skip
        return event


_DECODER = msgspec.json.Decoder(ArticleMetrics)


def _reason(raw: bytes, exc: msgspec.DecodeError) -> str:
    """Why ``raw`` is not a metric event, in the terms of the field at fault."""
    try:
        data = codec.loads(raw, "metric event")
    except SchemaError as bad:
        return f"metric event is not valid JSON: {bad}"
    if not isinstance(data, dict):
        return f"metric event must be a JSON object, got {type(data).__name__}"
    if data.get("schema_version") != SCHEMA_VERSION:
        return f"unknown metric schema_version {data.get('schema_version')!r}"
    try:
        ArticleEvent.from_dict(data.get("article"))
    except SchemaError as bad:
        return f"metric event article: {bad}"
    return f"malformed metric event: {exc}"


__all__ = [
    "CASUALTY_KINDS",
    "LIVE_RUN",
    "MODALITIES",
    "NEGOTIATION_EVENTS",
    "NEGOTIATION_MODALITIES",
    "PARTS",
    "SCOPES",
    "SIGNAL_CATEGORIES",
    "ArticleMetrics",
    "Casualty",
    "Evidence",
    "Extraction",
    "Negotiation",
    "Provenance",
    "Signal",
    "Summary",
]
