"""The negotiation sentence model: run-time scores equal scikit-learn's, no sklearn needed."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from consumers.extraction.classifier import (
    DIM,
    Model,
    cued_sentences,
    features,
    grams,
    model,
)
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


def test_grams_hold_words_pairs_and_marked_character_grams() -> None:
    found = grams("Truce holds")
    assert {"truce", "holds", "truce holds"} <= set(found)
    assert {"#<tr", "#<tru", "#<truc", "#ruce>", "#ce>"} <= set(found)
    assert "#truce holds" not in found  # character grams stay within a word


def test_hashed_buckets_are_pinned() -> None:
    # the shipped weights are indexed by these buckets: a change of hash or marking breaks them
    found = features("peace talks on a truce")
    assert {56845, 69159, 48027, 246282} <= found


def test_shipped_model_loads_and_scores() -> None:
    shipped = model()
    assert shipped.weights
    assert math.isfinite(shipped.score("The parties signed a peace agreement."))
    assert shipped.added_threshold >= shipped.threshold


def test_load_reads_both_thresholds(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    body = {"bias": -1.0, "threshold": 0.5, "added_threshold": 4.0, "weights": {"56845": 2.0}}
    path.write_text(json.dumps(body), encoding="utf-8")
    loaded = Model.load(path)
    assert (loaded.threshold, loaded.added_threshold) == (0.5, 4.0)
    assert loaded.score("A truce.") == pytest.approx(1.0)
    assert loaded.is_development("A truce.")
    assert not loaded.is_development("A storm.")


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


def test_training_is_reproducible_and_separates_its_fixture() -> None:
    pytest.importorskip("sklearn")
    train = load_script("train_negotiation")
    first = train.shipped(train.train(SENTENCES, LABELS), keep=200)
    second = train.shipped(train.train(SENTENCES, LABELS), keep=200)
    assert first.weights == second.weights and first.bias == second.bias
    assert len(first.weights) == 200  # only the largest weights are kept
    scores = [first.score(s) for s in SENTENCES]
    developments = [s for s, y in zip(scores, LABELS, strict=True) if y]
    others = [s for s, y in zip(scores, LABELS, strict=True) if not y]
    assert min(developments) > max(others)


def test_cued_sentences_say_where_the_rules_found_an_event() -> None:
    text = (
        "The army and the rebels agreed to a truce on Monday. "
        "Gunmen killed three villagers. "
        "Iran has nuclear talks with the three European powers this week."
    )
    found = cued_sentences(text)
    assert [s for s, _ in found] == [
        "The army and the rebels agreed to a truce on Monday.",
        "Iran has nuclear talks with the three European powers this week.",
    ]
    assert found[0][1] is True  # the rules read a truce


def test_cued_sentences_mark_a_cue_the_rules_leave_unread() -> None:
    # a club's deal and a plan in doubt hold a cue but no event: where the model may speak
    for sentence in (
        "The club agreed a deal for the striker.",
        "Analysts doubt the peace plan will survive the winter.",
    ):
        assert cued_sentences(sentence) == [(sentence, False)]


def test_cued_sentences_skip_a_text_without_a_cue() -> None:
    assert cued_sentences("Floods cut the road to the capital.") == []


def test_veto_keeps_a_flag_only_when_its_event_sentence_scores_high_enough() -> None:
    pytest.importorskip("sklearn")
    train = load_script("train_negotiation")
    flagged = train.Item("Envoys agreed a truce.", 1, "news", flagged=True)
    assert train.vetoed(flagged, 0.5, 0.0)
    assert not train.vetoed(flagged, -0.5, 0.0)
    assert train.vetoed(flagged, None, 0.0)  # no sentence carries a rule event: the flag stays
    unflagged = train.Item("Envoys agreed a truce.", 1, "news")
    assert not train.vetoed(unflagged, 5.0, 0.0)  # a veto never adds a flag


def test_veto_scores_come_from_models_that_never_saw_the_item() -> None:
    pytest.importorskip("sklearn")
    train = load_script("train_negotiation")
    sources = ["acled-a"] * 3 + ["acled-b"] * 3
    items = [
        train.Item(s, y, src, flagged=True, cued=((s, True),))
        for s, y, src in zip(SENTENCES, LABELS, sources, strict=True)
    ]
    unseen = "Envoys resumed the truce talks in the capital."
    items.append(train.Item(unseen, 1, "us", flagged=True, cued=((unseen, True), ("Rain.", False))))
    got = train.veto_scores(items)
    without_a = train.shipped(train.train(SENTENCES[3:], LABELS[3:]))
    assert got[0][0] == pytest.approx(without_a.score(SENTENCES[0]))
    everything = train.shipped(train.train(SENTENCES, LABELS))  # a scored-only set: the full model
    assert got[-1][0] == pytest.approx(everything.score(unseen))
    assert got[-1][1] == pytest.approx(everything.score(unseen))


def test_auc_sorts_only_the_rules_flags() -> None:
    pytest.importorskip("sklearn")
    train = load_script("train_negotiation")
    right = train.Item("a", 1, "news", flagged=True)
    wrong = train.Item("b", 0, "news", flagged=True)
    missed = train.Item("c", 1, "news")  # not flagged: no part of the veto's sorting
    assert train.auc([(right, 2.0), (wrong, -1.0), (missed, -9.0)]) == 1.0
    assert train.auc([(right, -1.0), (wrong, 2.0)]) == 0.0
    assert train.auc([(right, 1.0), (wrong, 1.0), (wrong, None)]) == 0.5
