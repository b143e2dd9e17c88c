"""Turn raw input (JSON objects, JSONL lines, plain text) into article events.

Pure functions: they raise :class:`SchemaError` with a reason a person can act on,
and the caller decides where the raw bytes go.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from wirewatch.errors import SchemaError
from wirewatch.events import ArticleEvent, parse_time

BODY_FIELDS = ("body", "text", "content")
URL_FIELDS = ("url", "link")
TIME_FIELDS = ("published_at", "published", "date")


def event_from_mapping(data: Any, *, source: str) -> ArticleEvent:
    """Build an event from one input object; its own ``source`` field wins over ``source``."""
    if not isinstance(data, dict):
        msg = f"an article must be a JSON object, got {type(data).__name__}"
        raise SchemaError(msg)
    body = _first_text(data, BODY_FIELDS)
    if not body.strip():
        msg = f"article has no body: expected a non-empty one of {', '.join(BODY_FIELDS)}"
        raise SchemaError(msg)
    return ArticleEvent.create(
        source=_first_text(data, ("source",)) or source,
        body=body.strip(),
        title=_first_text(data, ("title",)).strip(),
        url=_first_text(data, URL_FIELDS).strip() or None,
        language=_first_text(data, ("language",)).strip() or "en",
        published_at=published_time(data),
    )


def event_from_text(text: str, *, source: str, markdown: bool = False) -> ArticleEvent:
    """The first non-empty line is the title, the rest the body."""
    lines = text.strip().splitlines()
    if not lines:
        msg = "the text is empty"
        raise SchemaError(msg)
    title = lines[0].strip()
    if markdown:
        title = title.lstrip("#").strip()
    body = "\n".join(lines[1:]).strip()
    if not body:
        msg = "the text has a title line but no body"
        raise SchemaError(msg)
    return ArticleEvent.create(source=source, body=body, title=title)


def parse_json(text: str) -> Any:
    """Decode JSON, or raise :class:`SchemaError` (malformed, or nested too deeply)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        msg = f"not valid JSON: {exc.msg} at {where}"
        raise SchemaError(msg) from None
    except RecursionError:
        msg = "JSON nested too deeply to be an article"
        raise SchemaError(msg) from None


def objects_from_json(text: str) -> list[Any]:
    """One JSON article or a list of them, as a list."""
    data = parse_json(text)
    return data if isinstance(data, list) else [data]


def event_from_line(raw: bytes, *, source: str) -> ArticleEvent:
    """Build an event from one JSONL line (bytes as read)."""
    return event_from_mapping(parse_json(decode_utf8(raw)), source=source)


def decode_utf8(raw: bytes) -> str:
    """Decode input bytes, or explain why they are not text."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text: {exc.reason} at byte {exc.start}"
        raise SchemaError(msg) from None


def published_time(data: dict[str, Any]) -> datetime | None:
    """The publication time from ISO 8601, RFC 2822 or epoch seconds, if present."""
    value = next((data[name] for name in TIME_FIELDS if data.get(name) not in (None, "")), None)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return epoch_time(value)
    try:
        return parse_time(value, "published_at")
    except SchemaError:
        if not isinstance(value, str):
            raise
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        msg = f"published_at is neither ISO 8601 nor an RFC 2822 date: {value!r}"
        raise SchemaError(msg) from None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def epoch_time(seconds: float, field: str = "published_at") -> datetime:
    """A UTC time from epoch seconds; :class:`SchemaError` when out of range or not a number."""
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, ValueError, OSError):
        msg = f"{field} is not a usable epoch time: {seconds!r}"
        raise SchemaError(msg) from None


def _first_text(data: dict[str, Any], names: tuple[str, ...]) -> str:
    for name in names:
        value = data.get(name)
        if value in (None, ""):
            continue
        if not isinstance(value, str):
            msg = f"field {name!r} must be a string, got {type(value).__name__}"
            raise SchemaError(msg)
        return value
    return ""
