"""The article event: what producers publish to the ``articles`` topic.

JSON on the wire, keyed by ``article_id``. ``SCHEMA_VERSION`` is checked on both
ends; an event of another version is a :class:`SchemaError` and goes to the
dead-letter topic rather than being guessed at. :class:`ArticleEvent` is both the
event and its wire contract (``Literal`` version and text source, aware times), decoded
and validated by the one codec (:mod:`wirewatch.codec`) in one pass; a record it refuses
is checked again by :meth:`ArticleEvent.from_dict`, whose reason names what is wrong in
plain words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from typing import Any, Final, Literal, get_args
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import msgspec

from wirewatch import codec
from wirewatch.errors import SchemaError

SCHEMA_VERSION: Final = 1
LIVE_RUN = "live"

#: Size limits of the fields of an event, in UTF-8 bytes (the body's is a setting:
#: ``WIREWATCH_MAX_ARTICLE_BYTES``). Checked by :meth:`ArticleEvent.validate`.
FIELD_LIMITS: dict[str, int] = {
    "article_id": 64,
    "title": 2_048,
    "url": 8_192,
    "source": 256,
    "language": 35,  # the longest BCP 47 tag in common use
    "run_id": 64,
}
#: The largest encoded event: under the 1 MB default ``message.max.bytes`` of a Kafka
#: broker, so that no event a producer accepts can be refused by the broker as too large.
MAX_EVENT_BYTES = 1_000_000
_REQUIRED = ("article_id", "source", "body", "ingested_at")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
TextSource = Literal["summary", "full"]  # optional text_source: a feed's summary or the page
TEXT_SOURCES: tuple[str, ...] = get_args(TextSource)


class OversizeError(SchemaError):
    """A field or a whole event over its size limit."""


def now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def parse_time(value: Any, field: str = "timestamp") -> datetime:
    """Parse an ISO 8601 string (or pass a datetime through) into an aware UTC datetime."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and value.strip():
        text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            msg = f"{field} is not an ISO 8601 time: {value!r}"
            raise SchemaError(msg) from None
    else:
        msg = f"{field} must be an ISO 8601 string, got {type(value).__name__}"
        raise SchemaError(msg)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def canonical_url(url: str) -> str:
    """Normalise a URL so that trivially different links to one article compare equal.

    Lower-cases scheme and host, drops ``www.``, fragments, default ports, tracking
    parameters and a trailing slash, and sorts the remaining query parameters.
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().removeprefix("www.")
        port = parts.port
    except ValueError as exc:
        msg = f"url is not a valid URL: {url[:200]!r} ({exc})"
        raise SchemaError(msg) from None
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    path = parts.path.rstrip("/") or ""
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def normalise_text(text: str) -> str:
    """Case-fold, NFKC-normalise and collapse white space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _require_utf8(name: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        msg = f"{name} holds an unpaired surrogate at character {exc.start}: not valid Unicode text"
        raise SchemaError(msg) from None


def _require_size(name: str, text: str, limit: int) -> None:
    if len(text) * 4 <= limit:  # no need to encode: 4 bytes per character at most
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        msg = f"{name} is {size} bytes, over the limit of {limit}"
        raise OversizeError(msg)


def article_id_for(*, url: str | None, title: str, body: str) -> str:
    """A stable id: from the canonical URL when there is one, else from the content."""
    basis = f"url:{canonical_url(url)}" if url else f"text:{normalise_text(title + ' ' + body)}"
    # surrogatepass: an id even for text that validation will then reject with its reason
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class ArticleEvent:
    """One news article, as published to the ``articles`` topic."""

    article_id: str
    source: str
    body: str
    ingested_at: datetime
    title: str = ""
    url: str | None = None
    language: str = "en"
    published_at: datetime | None = None
    run_id: str = LIVE_RUN
    schema_version: Literal[1] = SCHEMA_VERSION
    text_source: TextSource | None = None  # optional; omitted on the wire if None

    @classmethod
    def create(
        cls,
        *,
        source: str,
        body: str,
        title: str = "",
        url: str | None = None,
        language: str = "en",
        published_at: datetime | None = None,
        ingested_at: datetime | None = None,
    ) -> ArticleEvent:
        """Build an event, deriving its id and stamping the ingest time."""
        return cls(
            article_id=article_id_for(url=url, title=title, body=body),
            source=source,
            body=body,
            title=title,
            url=url or None,
            language=language,
            published_at=published_at,
            ingested_at=ingested_at or now(),
        )

    @property
    def event_time(self) -> datetime:
        """When the article happened for charts: published, else ingested."""
        return self.published_at or self.ingested_at

    def with_run(self, run_id: str) -> ArticleEvent:
        """The same article under another run (a replay)."""
        return replace(self, run_id=run_id)

    def validate(self, max_body_bytes: int) -> ArticleEvent:
        """Raise :class:`SchemaError` unless the event can be processed; return it.

        Checks the body (not empty, at most ``max_body_bytes``, no NUL), every other
        field against :data:`FIELD_LIMITS`, valid Unicode, and the encoded size
        against :data:`MAX_EVENT_BYTES`.
        """
        if not self.body.strip():
            msg = "article body is empty"
            raise SchemaError(msg)
        if not self.source or not self.article_id:
            msg = "article source and article_id must not be empty"
            raise SchemaError(msg)
        _require_size("article body", self.body, max_body_bytes)
        if "\x00" in self.body:
            msg = "article body holds NUL bytes: binary content is not an article"
            raise SchemaError(msg)
        for name, limit in FIELD_LIMITS.items():
            _require_size(name, getattr(self, name) or "", limit)
        for name in ("body", "title", "source", "url", "language", "run_id"):
            _require_utf8(name, getattr(self, name) or "")
        size = len(self.encode())
        if size > MAX_EVENT_BYTES:
            msg = f"encoded event is {size} bytes, over the limit of {MAX_EVENT_BYTES}"
            raise OversizeError(msg)
        return self

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with ISO 8601 times ("+00:00"), fields in declaration order."""
        data = {name: getattr(self, name) for name in _FIELDS}
        data["ingested_at"] = self.ingested_at.isoformat()
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        if self.text_source is None:
            del data["text_source"]
        return data

    def checked(self) -> ArticleEvent:
        """This decoded event, with the checks the types cannot make; :class:`SchemaError`
        if it fails one. Empty optional fields take their defaults and times become UTC."""
        if not codec.present(self, "schema_version"):
            msg = f"unknown schema_version None; this build reads {SCHEMA_VERSION}"
            raise SchemaError(msg)
        missing = [name for name in _REQUIRED if not getattr(self, name)]
        if missing:
            msg = f"event lacks required field(s): {', '.join(missing)}"
            raise SchemaError(msg)
        published = self.published_at
        if (
            self.url == ""
            or not self.language
            or not self.run_id
            or self.ingested_at.tzinfo is not UTC
            or (published is not None and published.tzinfo is not UTC)
        ):
            return replace(
                self,
                url=self.url or None,
                language=self.language or "en",
                run_id=self.run_id or LIVE_RUN,
                ingested_at=parse_time(self.ingested_at, "ingested_at"),
                published_at=parse_time(published, "published_at") if published else None,
            )
        return self

    @classmethod
    def from_dict(cls, data: Any) -> ArticleEvent:
        """Parse a decoded event, raising :class:`SchemaError` on anything off-contract."""
        if not isinstance(data, dict):
            msg = f"event must be a JSON object, got {type(data).__name__}"
            raise SchemaError(msg)
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            msg = f"unknown schema_version {version!r}; this build reads {SCHEMA_VERSION}"
            raise SchemaError(msg)
        missing = [name for name in _REQUIRED if data.get(name) in (None, "")]
        if missing:
            msg = f"event lacks required field(s): {', '.join(missing)}"
            raise SchemaError(msg)
        for name in ("article_id", "source", "body", "title", "url", "language", "run_id"):
            if name in data and data[name] is not None and not isinstance(data[name], str):
                msg = f"{name} must be a string, got {type(data[name]).__name__}"
                raise SchemaError(msg)
        published = data.get("published_at")
        text_source = data.get("text_source")
        if text_source is not None and text_source not in TEXT_SOURCES:
            msg = f"text_source must be one of {', '.join(TEXT_SOURCES)}, got {text_source!r}"
            raise SchemaError(msg)
        return cls(
            article_id=data["article_id"],
            source=data["source"],
            body=data["body"],
            title=data.get("title") or "",
            url=data.get("url") or None,
            language=data.get("language") or "en",
            published_at=parse_time(published, "published_at") if published else None,
            ingested_at=parse_time(data["ingested_at"], "ingested_at"),
            run_id=data.get("run_id") or LIVE_RUN,
            text_source=text_source,
        )

    def encode(self) -> bytes:
        """Serialise for the wire."""
        return codec.encode(self.to_dict())

    @classmethod
    def decode(cls, raw: bytes | None) -> ArticleEvent:
        """Deserialise from the wire, raising :class:`SchemaError` on bad bytes."""
        if raw is None:
            msg = "message has no value (a tombstone is not an article)"
            raise SchemaError(msg)
        try:
            event = _DECODER.decode(raw)
        except msgspec.DecodeError:
            return cls.from_dict(codec.loads(raw))  # raises, naming the field in plain words
        return event.checked()


_FIELDS = tuple(f.name for f in fields(ArticleEvent))
_DECODER = msgspec.json.Decoder(ArticleEvent)
