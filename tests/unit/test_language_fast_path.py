"""The plainly-English fast path of language detection: skips the model, never a language."""

from __future__ import annotations

import pytest

from wirewatch import language
from wirewatch.language import article_language, plainly_english

# written for these tests: the same report in four languages, long enough to count
ENGLISH = (
    "At least twelve people were killed and twenty wounded on Monday morning when shelling "
    "hit the town market, health officials said. The ministry said that the toll was likely "
    "to rise as rescuers searched the rubble, and that hospitals in the area were short of "
    "fuel and medicine. Witnesses said the market was crowded with families at the time."
)
FRENCH = (
    "Au moins douze personnes ont été tuées et vingt blessées lundi matin lors d'un "
    "bombardement qui a frappé le marché de la ville, selon les autorités sanitaires. Le "
    "ministère a indiqué que le bilan risquait de s'alourdir alors que les secouristes "
    "fouillaient les décombres et que les hôpitaux manquaient de carburant et de médicaments."
)
GERMAN = (
    "Mindestens zwölf Menschen wurden am Montagmorgen getötet und zwanzig verletzt, als "
    "Granaten den Markt der Stadt trafen, sagten Gesundheitsbeamte. Das Ministerium teilte "
    "mit, was die Retter in den Trümmern fanden, lasse eine steigende Zahl befürchten, und die "
    "Krankenhäuser der Gegend hätten zu wenig Treibstoff und Medikamente."
)
SPANISH = (
    "Al menos doce personas murieron y veinte resultaron heridas el lunes por la mañana cuando "
    "los bombardeos alcanzaron el mercado de la ciudad, dijeron funcionarios de salud. El "
    "ministerio dijo que el balance probablemente aumentaría mientras los rescatistas buscaban "
    "entre los escombros y que los hospitales de la zona carecían de combustible y medicinas."
)


def test_english_news_is_plainly_english_and_skips_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_model(text: str) -> tuple[str, float]:
        msg = "the model was asked"
        raise AssertionError(msg)

    monkeypatch.setattr(language, "detect", no_model)
    assert plainly_english(ENGLISH)
    assert article_language("en", ENGLISH) == "en"


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es")])
def test_other_languages_are_not_plainly_english_and_go_to_the_model(text: str, code: str) -> None:
    assert not plainly_english(text)
    assert article_language("en", text) == code


def test_a_short_english_text_is_left_to_the_model() -> None:
    assert not plainly_english("The talks were said to have resumed on Monday.")
