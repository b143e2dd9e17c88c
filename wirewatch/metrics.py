"""What extraction finds in an article, and the metric event that carries it.

Every metric keeps its :class:`Evidence`: the sentence it came from, with
character offsets into the analysed text. These objects are shared by the
``wirewatch extract`` command, the ``metrics`` topic and the store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from wirewatch import codec
from wirewatch.errors import SchemaError
from wirewatch.events import LIVE_RUN, SCHEMA_VERSION, ArticleEvent, parse_time

CASUALTY_KINDS = ("killed", "wounded", "missing", "hostage", "detained")
SCOPES = ("incident", "cumulative", "period")
# how a casualty figure is asserted; only ``None`` (reported as fact) counts as new deaths
MODALITIES = ("historical", "hypothetical")


@dataclass(frozen=True)
class Evidence:
    """The sentence behind a metric: ``text[start:end] == sentence``.

    ``match_start``/``match_end`` bound the phrase inside the text that triggered it.
    ``part`` is ``"title"`` when the sentence is the headline (offsets index the title);
    ``None`` means the body text, whose offsets are unchanged.
    """

    sentence: str
    start: int
    end: int
    match_start: int
    match_end: int
    part: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(**data)


@dataclass(frozen=True)
class Casualty:
    """People killed, wounded, missing, taken hostage or detained, as one mention states.

    ``scope`` is ``incident``, ``cumulative`` (a toll) or ``period`` (a daily or other period
    total, "in the past 24 hours"). ``part_of`` is the index, in the same extraction, of the
    figure this one is a subset of ("31 killed, including three children"). ``modality`` is
    ``historical`` or ``hypothetical`` for deaths that are not reported as new.
    """

    kind: str
    count: int
    low: int
    high: int | None
    approximate: bool
    scope: str
    evidence: Evidence
    who: str | None = None
    where: str | None = None
    authority: str | None = None
    as_of: str | None = None
    part_of: int | None = None
    modality: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Casualty:
        return cls(**{**data, "evidence": Evidence.from_dict(data["evidence"])})


@dataclass(frozen=True)
class Negotiation:
    """A typed negotiation development, such as ``ceasefire_started`` or ``vote_postponed``.

    ``modality`` is ``asserted`` for a reported development, else ``planned``, ``demanded``,
    ``hypothetical`` or ``historical`` (the last three are not new developments; records
    without the field are asserted).
    """

    event: str
    evidence: Evidence
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    modality: str = "asserted"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Negotiation:
        return cls(
            event=data["event"],
            evidence=Evidence.from_dict(data["evidence"]),
            parties=tuple(data.get("parties", ())),
            mediators=tuple(data.get("mediators", ())),
            modality=data.get("modality", "asserted"),
        )


@dataclass(frozen=True)
class Signal:
    """A military or humanitarian signal, or an actor or location mentioned.

    ``category`` is ``military``, ``humanitarian``, ``actor`` or ``location``;
    ``name`` is the normalised signal (``airstrike``) or entity (``Qatar``).
    """

    category: str
    name: str
    evidence: Evidence

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signal:
        return cls(**{**data, "evidence": Evidence.from_dict(data["evidence"])})


@dataclass(frozen=True)
class Summary:
    """Per-article headline figures (see the ``wirewatch extract`` contract)."""

    killed: int = 0
    wounded: int = 0
    death_toll: int | None = None
    negotiation: bool = False
    period_killed: int | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one text."""

    casualties: tuple[Casualty, ...] = ()
    negotiations: tuple[Negotiation, ...] = ()
    signals: tuple[Signal, ...] = ()
    summary: Summary = field(default_factory=Summary)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: lists of metric dicts and the summary (what ``asdict`` gives)."""
        return {
            "casualties": [_with_evidence(c) for c in self.casualties],
            "negotiations": [_with_evidence(n) for n in self.negotiations],
            "signals": [_with_evidence(s) for s in self.signals],
            "summary": _without_unset(vars(self.summary), _OPTIONAL),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            casualties=tuple(Casualty.from_dict(c) for c in data.get("casualties", ())),
            negotiations=tuple(Negotiation.from_dict(n) for n in data.get("negotiations", ())),
            signals=tuple(Signal.from_dict(s) for s in data.get("signals", ())),
            summary=Summary(**data.get("summary", {})),
        )


# fields added after the contract was fixed: written only when set, so output is unchanged
_OPTIONAL = frozenset({"part", "part_of", "modality", "period_killed"})


def _without_unset(fields: dict[str, Any], optional: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None or k not in optional}


def _with_evidence(metric: Casualty | Negotiation | Signal) -> dict[str, Any]:
    # a shallow copy per level: ``asdict`` deep-copies and dominated the extractor's profile
    return {
        **_without_unset(vars(metric), _OPTIONAL),
        "evidence": _without_unset(vars(metric.evidence), _OPTIONAL),
    }


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
    """The ``metrics`` topic event: one processed article and what was extracted."""

    article: ArticleEvent
    extraction: Extraction
    processed_at: datetime
    provenance: Provenance | None = None
    schema_version: int = SCHEMA_VERSION

    @property
    def run_id(self) -> str:
        return self.article.run_id

    def to_dict(self) -> dict[str, Any]:
        article = self.article.to_dict()
        return {
            "schema_version": self.schema_version,
            "article": article,
            "extraction": self.extraction.to_dict(),
            "processed_at": self.processed_at.isoformat(),
            "provenance": asdict(self.provenance) if self.provenance else None,
        }

    @classmethod
    def from_dict(cls, data: Any) -> ArticleMetrics:
        """Parse a decoded event, raising :class:`SchemaError` on anything off-contract."""
        if not isinstance(data, dict):
            msg = f"metric event must be a JSON object, got {type(data).__name__}"
            raise SchemaError(msg)
        if data.get("schema_version") != SCHEMA_VERSION:
            msg = f"unknown metric schema_version {data.get('schema_version')!r}"
            raise SchemaError(msg)
        try:
            prov = data.get("provenance")
            return cls(
                article=ArticleEvent.from_dict(data["article"]),
                extraction=Extraction.from_dict(data["extraction"]),
                processed_at=parse_time(data["processed_at"], "processed_at"),
                provenance=Provenance(**prov) if prov else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            msg = f"malformed metric event: {type(exc).__name__}: {exc}"
            raise SchemaError(msg) from None

    def encode(self) -> bytes:
        """Serialise for the wire (the one codec, :mod:`wirewatch.codec`)."""
        return codec.encode(self.to_dict())

    @classmethod
    def decode(cls, raw: bytes | None) -> ArticleMetrics:
        """Deserialise from the wire, raising :class:`SchemaError` on bad bytes."""
        try:
            data = codec.loads(raw or b"", "metric event")
        except SchemaError as exc:
            msg = f"metric event is not valid JSON: {exc}"
            raise SchemaError(msg) from None
        return cls.from_dict(data)


__all__ = [
    "CASUALTY_KINDS",
    "LIVE_RUN",
    "MODALITIES",
    "SCOPES",
    "ArticleMetrics",
    "Casualty",
    "Evidence",
    "Extraction",
    "Negotiation",
    "Provenance",
    "Signal",
    "Summary",
]
