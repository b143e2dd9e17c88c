"""The negotiation sentence model: run-time scores equal scikit-learn's, no sklearn needed."""

from __future__ import annotations

import math

import pytest

from consumers.extraction.classifier import DIM, Model, features, model
from tests.support.devdata import load_script

SENTENCES = [
    "The two sides signed a ceasefire agreement in the capital.",
    "Rebels and the army exchanged prisoners on Sunday.",
    "Gunmen attacked a police post, killing three officers.",
    "Students staged a protest in front of the press club.",
    "The warring parties agreed to a truce mediated by elders.",
    "A bomb exploded near the market, wounding two people.",
]
LABELS = [1, 1, 0, 0, 1, 0]


def test_features_are_hashed_into_the_space() -> None:
    found = features("Rebels exchanged prisoners")
    assert found and all(0 <= f < DIM for f in found)
    assert features("REBELS exchanged prisoners") == found


def test_shipped_model_loads_and_scores() -> None:
    shipped = model()
    assert shipped.weights
    assert math.isfinite(shipped.score("The parties signed a peace agreement."))


def test_runtime_scores_equal_sklearn() -> None:
    pytest.importorskip("sklearn")
    train = load_script("train_negotiation")
    clf = train.train(SENTENCES, LABELS)
    coef = clf.coef_[0]
    runtime = Model({int(i): float(coef[i]) for i in coef.nonzero()[0]}, float(clf.intercept_[0]))
    expected = clf.decision_function(train.matrix(SENTENCES))
    for sentence, want in zip(SENTENCES, expected, strict=True):
        assert runtime.score(sentence) == pytest.approx(want, abs=1e-9)
    assert [runtime.is_development(s) for s in SENTENCES] == [bool(y) for y in LABELS]
