"""Language detection, and articles in languages not analysed: stored, flagged, counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from consumers.extractor import Extractor
from tests.support.factories import WHEN, article, fake_extract
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from tests.support.sql import query
from wirewatch.language import article_language, detect, is_analysed, language_name
from wirewatch.metrics import ArticleMetrics
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store.languages import unanalysed_by_language

# written for these tests: a casualty report in Arabic, French and English
ARABIC = (
    "قُتل اثنا عشر شخصاً وأصيب عشرون آخرون في قصف استهدف سوقاً شعبياً في المدينة صباح "
    "الاثنين، بحسب ما أعلنه مسؤولون في وزارة الصحة."
)
FRENCH = (
    "Au moins douze personnes ont été tuées et vingt blessées lundi matin lors d'un "
    "bombardement qui a frappé le marché de la ville, selon les autorités sanitaires."
)
ENGLISH = (
    "At least twelve people were killed and twenty wounded on Monday morning when "
    "shelling hit the town market, health officials said."
)


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'm.db'}")


@pytest.mark.parametrize(("text", "code"), [(ARABIC, "ar"), (FRENCH, "fr"), (ENGLISH, "en")])
def test_detects_the_language(text: str, code: str) -> None:
    found, probability = detect(text)
    assert found == code and probability > 0.9


def test_a_defaulted_english_is_checked_other_claims_are_trusted() -> None:
    assert article_language("en", ARABIC) == "ar"
    assert article_language(None, FRENCH) == "fr"
    assert article_language("en-GB", ENGLISH) == "en"
    assert article_language("de", ENGLISH) == "de"  # the producer said so
    assert article_language("en", "Talks resumed.") == "en"  # too short to overrule


def test_names_and_analysed() -> None:
    assert language_name("ar") == "Arabic" and language_name("xx") == "xx"
    assert is_analysed("en") and not is_analysed("ar")


def test_articles_in_other_languages_are_stored_unanalysed_and_counted(db: SqlStore) -> None:
    calls: list[str] = []

    def extract(text: str, **kw: object) -> object:
        calls.append(text)
        return fake_extract(text, **kw)

    events = [article(0, body=ARABIC + " killed"), article(1, body=FRENCH + " killed"),
              article(2, body=ENGLISH + " killed"), article(3, body=ARABIC)]  # fmt: skip
    records = [FakeRecord("articles", 0, n, b"k", e.encode()) for n, e in enumerate(events)]
    consumer = FakeConsumer(batches=[records])
    svc = Extractor(Settings.from_env({}), db, consumer, FakeProducer(), extract,
                    clock=lambda: WHEN)  # fmt: skip
    assert svc.poll_once() == 4
    assert calls == [ENGLISH + " killed"]  # only the English article was analysed
    stored = dict(query(db, "SELECT article_id, language FROM articles"))
    assert [stored[e.article_id] for e in events] == ["ar", "fr", "en", "ar"]
    assert unanalysed_by_language(db, "live") == [("ar", 2), ("fr", 1)]
    published = [ArticleMetrics.decode(m["value"]) for m in svc.producer.to("metrics")]
    assert [p.article.language for p in published] == ["ar", "fr", "en", "ar"]
    assert [p.extraction.summary.killed for p in published] == [0, 0, 2, 0]
