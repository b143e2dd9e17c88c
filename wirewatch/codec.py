"""The one JSON codec of the wire events (``msgspec``): typed decoding, fast encoding.

``msgspec`` parses and validates into a typed ``Struct`` or dataclass in one C pass, several
times faster than ``json.loads`` plus hand-written checks, and encodes dataclasses without
building dicts (``python bench/bench_codec.py``). :func:`decode_typed` and :func:`convert`
turn its errors into :class:`~wirewatch.errors.SchemaError`, the reason a dead letter
carries. The event dataclasses (:mod:`wirewatch.events`, :mod:`wirewatch.metrics`) rely on
how it treats a dataclass: written from the instance ``__dict__``, and a field the JSON
lacks left out of it (:func:`leave_out_none`, :func:`present`); the metric event tests pin
this down byte for byte.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from wirewatch.errors import SchemaError

T = TypeVar("T")
_ENCODER = msgspec.json.Encoder()
_ANY = msgspec.json.Decoder()


def encode(value: Any) -> bytes:
    """JSON bytes of a JSON-ready value (UTF-8, compact)."""
    return _ENCODER.encode(value)


def loads(raw: bytes, what: str = "message") -> Any:
    """Parse JSON of any shape, or :class:`SchemaError` saying why it is not JSON."""
    try:
        return _ANY.decode(raw)
    except msgspec.DecodeError as exc:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            msg = f"{what} is not UTF-8 text: {bad.reason} at byte {bad.start}"
            raise SchemaError(msg) from None
        msg = f"{what} is not valid JSON: {exc}"
        raise SchemaError(msg) from None


def decode_typed(raw: bytes, decoder: msgspec.json.Decoder[T], what: str = "message") -> T:
    """Decode and validate ``raw`` as ``decoder``'s type; :class:`SchemaError` if off-contract
    (the message names the field, e.g. "Expected `str`, got `int` - at `$.body`")."""
    try:
        return decoder.decode(raw)
    except msgspec.ValidationError as exc:
        msg = f"{what} is off-contract: {exc}"
        raise SchemaError(msg) from None
    except msgspec.DecodeError:
        loads(raw, what)  # raises with the reason
        raise


def convert(data: Any, kind: type[T], what: str = "value") -> T:
    """``data`` (decoded JSON: dicts, lists) as ``kind``, checked like a decode."""
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as exc:
        msg = f"{what} is off-contract: {exc}"
        raise SchemaError(msg) from None


def to_builtins(value: Any) -> Any:
    """``value`` as the dicts and lists that :func:`encode` would write, read back."""
    return _ANY.decode(_ENCODER.encode(value))


def leave_out_none(obj: Any, *names: str) -> None:
    """Leave the named fields of a dataclass off the wire while they are ``None``.

    For fields added to a contract after it was fixed, so that older output stays the same.
    The codec writes a dataclass from its instance ``__dict__`` (and decodes a missing field
    by leaving it out of it); a field missing there reads as its class default, ``None``, so
    the object reads, compares, hashes and copies as before. Call from ``__post_init__``.
    """
    fields = obj.__dict__
    for name in names:
        if name in fields and fields[name] is None:
            del fields[name]


def present(obj: Any, name: str) -> bool:
    """Whether the decoded dataclass ``obj`` had the field ``name`` in its JSON (a field with
    a default that the JSON lacked is left out of the instance ``__dict__``)."""
    return name in obj.__dict__
