"""The metric event's typed contract: old events still read, bytes unchanged, bad ones named.

``tests/data/metric_events_v1.jsonl`` holds events written by the dict-building encoder
this contract replaced (synthetic and hand-written articles; one line per event), chosen so
that every optional field appears set and unset.
"""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from consumers.extraction import extract
from consumers.extraction.lexicon import SIGNAL_TERMS
from consumers.extraction.modality import MODALITIES as EXTRACTED_MODALITIES
from consumers.extraction.negotiation_patterns import PATTERNS
from consumers.extraction.triggers import TRIGGERS as CASUALTY_TRIGGERS
from consumers.incidents.service import Incidenter
from producers.synthetic import generate
from tests.support.factories import WHEN, article, extraction
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from wirewatch.errors import SchemaError
from wirewatch.kafka import HEADER_REASON
from wirewatch.metrics import (
    CASUALTY_KINDS,
    NEGOTIATION_EVENTS,
    NEGOTIATION_MODALITIES,
    SIGNAL_CATEGORIES,
    ArticleMetrics,
    Provenance,
    member,
)
from wirewatch.settings import Settings
from wirewatch.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data"
OLD = DATA / "metric_events_v1.jsonl"
LATER = ("part", "part_of", "modality", "period_killed")  # written only when set


def old_events() -> list[bytes]:
    return OLD.read_bytes().splitlines()


def extracted(count: int = 60) -> list[ArticleMetrics]:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    found = []
    for n, event in enumerate(generate(seed=3, count=count, start=start)):
        where = Provenance("articles", n % 3, n) if n % 2 else None
        ext = extract(event.body, title=event.title)
        found.append(ArticleMetrics(event, ext, event.ingested_at + timedelta(seconds=1), where))
    return found


def reference(event: ArticleMetrics) -> dict[str, Any]:
    """The wire form by the rules, built without the codec: ``asdict`` with ISO times and the
    later optional fields left out while unset."""

    def drop(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if not (k in LATER and v is None)}
        if isinstance(value, (list, tuple)):
            return [drop(v) for v in value]
        return value

    a = event.article
    art = {**asdict(a), "ingested_at": a.ingested_at.isoformat(),
           "published_at": a.published_at.isoformat() if a.published_at else None}  # fmt: skip
    if a.text_source is None:
        del art["text_source"]
    return {
        "schema_version": 1,
        "article": art,
        "extraction": drop(asdict(event.extraction)),
        "processed_at": event.processed_at.isoformat(),
        "provenance": asdict(event.provenance) if event.provenance else None,
    }


@pytest.mark.parametrize("raw", old_events(), ids=lambda raw: json.loads(raw)["article"]["source"])
def test_old_events_decode_and_encode_to_the_same_bytes(raw: bytes) -> None:
    event = ArticleMetrics.decode(raw)
    assert event.encode() == raw
    assert event.processed_at.tzinfo is UTC
    assert ArticleMetrics.decode(event.encode()) == event


def test_old_events_cover_every_optional_field_set_and_unset() -> None:
    text = b"\n".join(old_events())
    for name in LATER:
        assert f'"{name}":'.encode() in text, name
    assert b'"published_at":null' in text
    assert b'"provenance":null' in text
    assert b'"text_source":"full"' in text


def test_round_trip_is_exact_and_matches_the_rules() -> None:
    events = extracted()
    assert sum(len(e.extraction.casualties) for e in events) > 20  # the test sees metrics
    for event in events:
        raw = event.encode()
        back = ArticleMetrics.decode(raw)
        assert back == event
        assert back.encode() == raw
        assert json.loads(raw) == reference(event)
        assert event.to_dict() == json.loads(raw)


def test_hand_made_events_round_trip_with_their_later_fields() -> None:
    ext = extraction()
    casualty = replace(ext.casualties[0], part_of=0, modality="historical")
    made = replace(ext, casualties=(casualty,))
    event = ArticleMetrics(
        replace(article(1), text_source="summary"), made, WHEN, Provenance("a", 0, 9)
    )
    wire = json.loads(event.encode())
    assert wire["extraction"]["casualties"][0]["part_of"] == 0
    assert wire["extraction"]["casualties"][0]["modality"] == "historical"
    assert wire == reference(event)
    assert ArticleMetrics.decode(event.encode()) == event


def test_unset_later_fields_read_as_none_and_the_objects_behave() -> None:
    event = ArticleMetrics.decode(old_events()[-1])
    casualty = event.extraction.casualties[0]
    assert casualty.part_of is None
    assert casualty.evidence.part is None
    assert "part_of" not in casualty.__dict__  # left off the wire
    assert replace(casualty, part_of=1).part_of == 1
    assert replace(casualty, part_of=1) != casualty
    assert hash(replace(casualty)) == hash(casualty)
    assert pickle.loads(pickle.dumps(event)) == event  # noqa: S301  # its own bytes
    assert copy.deepcopy(event) == event


def _broken(path: tuple[Any, ...], value: Any) -> bytes:
    data = json.loads(old_events()[-1])
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return json.dumps(data).encode()


CASUALTY = ("extraction", "casualties", 0)


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ((*CASUALTY, "kind"), "kiled", r"casualties\[0\]\.kind"),
        ((*CASUALTY, "scope"), "daily", r"casualties\[0\]\.scope"),
        ((*CASUALTY, "modality"), "rumoured", r"casualties\[0\]\.modality"),
        ((*CASUALTY, "count"), "4", r"Expected `int`, got `str` - at `\$\.extraction\.casualties"),
        ((*CASUALTY, "evidence", "start"), -1, r"evidence\.start"),
        ((*CASUALTY, "evidence", "part"), "lede", r"evidence\.part"),
        (("extraction", "signals", 0, "category"), "weather", r"signals\[0\]\.category"),
        (("extraction", "negotiations"), [{"event": "peace"}], r"negotiations\[0\]"),
        (("extraction", "summary", "killed"), None, r"summary\.killed"),
        (("extraction",), KeyError, "missing required field `extraction`"),
        (("processed_at",), "yesterday", r"\$\.processed_at"),
        (("provenance",), {"topic": "a"}, r"provenance"),
        (("schema_version",), KeyError, "unknown metric schema_version None"),
        (("schema_version",), 2, "unknown metric schema_version 2"),
        (("article", "schema_version"), KeyError, "unknown schema_version None"),
        (("article", "body"), "", "lacks required field.*body"),
        (("article", "body"), 7, "body must be a string"),
        (("article", "text_source"), "rss", "text_source must be one of"),
    ],
)
def test_off_contract_events_are_refused_with_the_field_named(
    path: tuple[Any, ...], value: Any, reason: str
) -> None:
    with pytest.raises(SchemaError, match=reason):
        ArticleMetrics.decode(_broken(path, value))


def test_a_negotiation_event_outside_the_contract_is_named() -> None:
    data = next(d for d in map(json.loads, old_events()) if d["extraction"]["negotiations"])
    data["extraction"]["negotiations"][0]["event"] = "talks_hled"
    with pytest.raises(SchemaError, match=r"negotiations\[0\]\.event"):
        ArticleMetrics.decode(json.dumps(data).encode())


def test_the_contract_admits_every_value_extraction_writes() -> None:
    assert {name.split("/")[0] for name in PATTERNS} <= set(NEGOTIATION_EVENTS)
    assert set(EXTRACTED_MODALITIES) == set(NEGOTIATION_MODALITIES)
    assert {category for category, _ in SIGNAL_TERMS} <= set(SIGNAL_CATEGORIES)
    assert set(CASUALTY_TRIGGERS) <= set(CASUALTY_KINDS)


def test_every_test_corpus_text_makes_an_event_within_the_contract() -> None:
    seen: set[str] = set()
    count = 0
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if "text" not in case:
                continue
            ext = extract(case["text"], title=case.get("title", ""))
            count += 1
            event = ArticleMetrics(article(count, body=case["text"]), ext, WHEN)
            assert ArticleMetrics.decode(event.encode()) == event, case.get("id")
            seen.update(c.kind for c in ext.casualties)
            seen.update(n.modality for n in ext.negotiations)
    assert count > 700
    assert {"killed", "wounded", "asserted", "planned"} <= seen  # the corpora reach them


def test_off_contract_metric_events_become_dead_letters_with_the_reason(tmp_path: Path) -> None:
    settings = Settings.from_env({})
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    bad = _broken((*CASUALTY, "kind"), "kiled")
    good = FakeRecord("metrics", 0, 0, b"k", old_events()[-1])
    consumer = FakeConsumer([[good, FakeRecord("metrics", 0, 1, b"k", bad)]])
    producer = FakeProducer()
    service = Incidenter(settings, store, consumer, producer)
    assert service.poll_once() == 2
    [letter] = producer.to(settings.topics.dead_letters)
    assert letter["value"] == bad
    reason = dict(letter["headers"])[HEADER_REASON].decode()
    assert "casualties[0].kind" in reason
    assert (service.stats.linked, service.stats.dead_letters) == (1, 1)
    store.close()


def test_extraction_strings_become_typed_fields_only_within_the_contract() -> None:
    assert member("wounded", CASUALTY_KINDS) == "wounded"
    with pytest.raises(ValueError, match="'kiled' is not one of killed, wounded"):
        member("kiled", CASUALTY_KINDS)
