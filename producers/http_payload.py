"""Articles from an HTTP request body: one JSON object, a JSON array of them, or JSONL.

Pure: bytes in, validated :class:`ArticleEvent` objects out, or a :class:`PayloadError`
carrying the HTTP status to answer (``400`` malformed, ``413`` over a size limit).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from producers.fulltext import FullTextFn, mapping_event
from producers.parsing import decode_utf8, objects_from_json, parse_json
from wirewatch.errors import SchemaError
from wirewatch.events import ArticleEvent, OversizeError


class PayloadError(SchemaError):
    """A request body that cannot become articles, with the HTTP status to answer."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = status


def parse_payload(
    raw: bytes, *, source: str, max_article_bytes: int, full_text: FullTextFn | None = None
) -> list[ArticleEvent]:
    """Events from a JSON object, a JSON array or JSONL; raise :class:`PayloadError`.

    With ``full_text``, an article with a URL but no body gets its linked page's text.
    """
    try:
        text = decode_utf8(raw).strip()
    except SchemaError as exc:
        raise PayloadError(str(exc)) from None
    if not text:
        msg = "request body is empty: send a JSON article, a JSON array or JSONL"
        raise PayloadError(msg)
    items = _objects(text)
    return [_event(item, n, source, max_article_bytes, full_text)
            for n, item in enumerate(items, start=1)]  # fmt: skip


def _objects(text: str) -> list[Any]:
    try:
        return objects_from_json(text)
    except SchemaError as exc:
        if len(text.splitlines()) == 1 or text.startswith("["):
            raise PayloadError(str(exc)) from None
    return _jsonl_objects(text)


def _jsonl_objects(text: str) -> list[Any]:
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(parse_json(line))
        except SchemaError as exc:
            msg = f"line {number}: {exc}"
            raise PayloadError(msg) from None
    return items


def _event(
    item: Any, number: int, source: str, max_bytes: int, full_text: FullTextFn | None
) -> ArticleEvent:
    try:
        event = mapping_event(item, source=source, full_text=full_text)
        return event.validate(max_bytes)  # what the publisher checks: all or nothing
    except OversizeError as exc:
        msg = f"article {number}: {exc}"
        raise PayloadError(msg, HTTPStatus.REQUEST_ENTITY_TOO_LARGE) from None
    except SchemaError as exc:
        msg = f"article {number}: {exc}"
        raise PayloadError(msg) from None
