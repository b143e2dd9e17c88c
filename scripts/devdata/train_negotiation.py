"""Train the negotiation sentence model on the dev halves and write its weights.

    python scripts/devdata/train_negotiation.py [--data .devdata] [--out PATH] [--cv] [--veto]

Needs scikit-learn (the ``dev`` extra) and the corpora of ``make devdata-negotiation``. The
model is a logistic regression over the hashed features of
:func:`consumers.extraction.classifier.features`, trained on the dev halves of the five news
sets (headline and summary as one snippet) and on the ACLED dev notes that hold a negotiation
cue, each class weighted to half the total. Only the ``KEEP`` largest weights are written, with
the data's provenance. ``--cv`` runs the grouped cross-validation that chose ``C`` and both
thresholds (and shows what the ACLED notes bring): one fold per source (each news set, each
ACLED export), a sentence scored only where it holds a negotiation cue, per-fold F1 printed.
It starts with (and ``--veto`` runs only) the CV of the model as a veto on the rules' flag
(:func:`cross_validate_veto`), which also scores the dev halves of the news sets the model is
not trained on (``SCORED_ONLY``). No split is drawn at random and the solver is deterministic,
so a run reproduces the shipped file. No untuned half is read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # this checkout's package, not an installed one

from consumers.extraction import extract  # noqa: E402
from consumers.extraction.classifier import (  # noqa: E402
    DIM,
    MODEL_PATH,
    Model,
    cued_sentences,
    features,
)

NEWS = ("news", "huffpost", "fresh", "worldpost", "mined")
# news sets the model is not trained on: in the veto's CV the model trained on every training
# fold scores them, out of sample as they are
SCORED_ONLY = ("reuters", "voa", "gaza", "worldheadlines", "gazaoutlets", "sudan", "india",
               "iran", "us")  # fmt: skip
VETO_THRESHOLDS = (-10.0, -8.0, -6.0, -4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0)
C = 1.0
KEEP = 12_000  # weights written, largest first: keeps the file under 300 KB
THRESHOLD = 1.5  # the model alone: the best pooled news F1 in CV
# a development the rules did not find: the best pooled news F1 in CV among thresholds that
# cost the ACLED notes no more than 0.02 F1
ADDED_THRESHOLD = 7.0


@dataclass
class Item:
    """A dev snippet: its text, label, source (the fold), and what the rules and the model
    read of it (the rules' flag; cued sentences, each with whether the rules found an event)."""

    text: str
    label: int
    source: str
    flagged: bool = False
    cued: tuple[tuple[str, bool], ...] = ()


def matrix(texts: list[str]) -> csr_matrix:
    """The binary feature matrix of ``texts``."""
    rows, cols = [], []
    for i, text in enumerate(texts):
        for f in sorted(features(text)):
            rows.append(i)
            cols.append(f)
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(texts), DIM))


def train(texts: list[str], labels: list[int], c: float = C) -> LogisticRegression:
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    clf.fit(matrix(texts), labels)
    return clf


def shipped(clf: LogisticRegression, keep: int = KEEP) -> Model:
    """The run-time model of ``clf``: its ``keep`` largest weights (by size) and its bias."""
    coef = clf.coef_[0]
    order = np.argsort(-np.abs(coef), kind="stable")[:keep]
    weights = {int(i): round(float(coef[i]), 6) for i in order if coef[i] != 0}
    return Model(weights, round(float(clf.intercept_[0]), 6), THRESHOLD, ADDED_THRESHOLD)


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def load(data: Path, read: bool = False, stems: tuple[str, ...] = NEWS) -> list[Item]:
    """The dev snippets of the news sets ``stems`` and the cued ACLED dev notes; with ``read``,
    what the rules make of each (slow: the extractor runs on every item)."""
    items = []
    for stem in stems:
        for row in _lines(data / f"negotiation_{stem}_dev.jsonl"):
            title, text = str(row["title"]), str(row["text"])
            item = Item(f"{title}\n{text}".strip(), int(row["label"] == 1), stem)
            if read:
                item.flagged = extract(text, title=title).summary.negotiation
                lead = text.lower()[:400]
                item.cued = tuple(cued_sentences(title, lead) + cued_sentences(text, title.lower()))
            items.append(item)
    for row in _lines(data / "negotiation_dev.jsonl"):
        note = str(row["text"])
        cued = tuple(cued_sentences(note))
        if cued:
            item = Item(note, int(row["label"]), str(row["source"]), cued=cued)
            item.flagged = read and extract(note).summary.negotiation
            items.append(item)
    return items


def f1(got: list[bool], items: list[Item]) -> tuple[float, int, int]:
    """F1, true and false positives of the flags ``got`` on ``items``."""
    tp = sum(g and i.label == 1 for g, i in zip(got, items, strict=True))
    fp = sum(g and i.label == 0 for g, i in zip(got, items, strict=True))
    positives = sum(i.label for i in items)
    return (2 * tp / (tp + fp + positives) if tp + fp + positives else 0.0), tp, fp


def methods(m: Model, alone: float, added: float) -> dict[str, Callable[[Item], bool]]:
    """The flags compared in CV: the rules, the model alone, and the rules with the model's
    developments in cued sentences where the rules found no event."""
    return {
        "rules": lambda i: i.flagged,
        "model": lambda i: any(m.score(s) > alone for s, _ in i.cued),
        "rules + model": lambda i: (
            i.flagged or any(not found and m.score(s) > added for s, found in i.cued)
        ),
    }


def cross_validate(items: list[Item], c: float, keep: int, with_acled: bool = True) -> None:
    """Out-of-fold scores: for each item, its cued sentences' scores under the model trained
    without its source (and, unless ``with_acled``, without any ACLED note); prints per method
    and threshold the pooled F1 of the news sets and of the ACLED notes, and per-fold F1."""
    X = matrix([i.text for i in items])
    y = np.array([i.label for i in items])
    sources = np.array([i.source for i in items])
    held: dict[str, Model] = {}
    for source in dict.fromkeys(sources):
        train_rows = (sources != source) & (with_acled | np.isin(sources, NEWS))
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        held[source] = shipped(clf.fit(X[train_rows], y[train_rows]), keep)
    news = [i for i in items if i.source in NEWS]
    acled = [i for i in items if i.source not in NEWS]
    grid = [("rules", 0.0, 0.0)] + [("model", t, 0.0) for t in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)]
    grid += [("rules + model", 0.0, t) for t in (2.0, 3.0, 4.0, 5.0, 6.0, 7.0)]
    for name, alone, added in grid:
        row = []
        for part in (news, acled):
            got = [methods(held[i.source], alone, added)[name](i) for i in part]
            row.append(f1(got, part))
        folds = " ".join(f"{s} {f1(*_fold(s, news, held, name, alone, added))[0]:.2f}"
                         for s in NEWS)  # fmt: skip
        label = f"{name} (C {c}, keep {keep}, t {max(alone, added)}, ACLED {with_acled})"
        news_f1, acled_f1 = (f"F1 {f:.3f} (TP {tp}, FP {fp})" for f, tp, fp in row)
        print(f"{label}: news {news_f1}; ACLED {acled_f1}; per fold {folds}")


def _fold(
    source: str, news: list[Item], held: dict[str, Model], name: str, alone: float, added: float
) -> tuple[list[bool], list[Item]]:
    part = [i for i in news if i.source == source]
    return [methods(held[source], alone, added)[name](i) for i in part], part


def veto_scores(
    items: list[Item], c: float = C, keep: int = KEEP
) -> list[tuple[float | None, float]]:
    """Each item's out-of-fold veto scores, by the model trained without the item's source
    (without any item of a set in ``SCORED_ONLY``, which the full model scores): the highest
    score of its cued sentences in which the rules find an event (None when no sentence holds
    one), and the score of the whole item (the text the model is trained on)."""
    trained = [i for i in items if i.source not in SCORED_ONLY]
    X = matrix([i.text for i in trained])
    y = np.array([i.label for i in trained])
    sources = np.array([i.source for i in trained])
    held: dict[str, Model] = {}
    for source in [*dict.fromkeys(sources), *SCORED_ONLY]:
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        held[source] = shipped(clf.fit(X[sources != source], y[sources != source]), keep)
    out: list[tuple[float | None, float]] = []
    for item in items:
        found = [held[item.source].score(s) for s, event in item.cued if event]
        out.append((max(found) if found else None, held[item.source].score(item.text)))
    return out


def vetoed(item: Item, score: float | None, t: float) -> bool:
    """The rules' flag, kept unless the sentences carrying the rules' events all score below
    ``t`` (a flag with no such sentence is kept)."""
    return item.flagged and (score is None or score >= t)


def auc(pairs: list[tuple[Item, float | None]]) -> float:
    """How often a flagged true development outscores a flagged false alarm (ties count half):
    how well the scores could sort the rules' flags. Flags without a score are left out."""
    flagged = [(i.label, v) for i, v in pairs if i.flagged and v is not None]
    right = [v for label, v in flagged if label == 1]
    wrong = [v for label, v in flagged if label == 0]
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong)) if right and wrong else 0.5


def cross_validate_veto(items: list[Item], c: float = C) -> None:
    """The model as a veto on the rules' flag, out of fold: per threshold the pooled F1 of the
    news sets that have an untuned half (all but ``mined``) and of the cued ACLED notes, the
    per-set F1, how well the scores sort the rules' flags (:func:`auc`) and the model's cost
    per flagged snippet."""
    both = veto_scores(items, c)
    for whole in (False, True):
        scores = [w if whole else v for v, w in both]
        _veto_rows(list(zip(items, scores, strict=True)), "whole item" if whole else "sentences")
    _veto_cost(items)


def _veto_rows(pairs: list[tuple[Item, float | None]], scored: str) -> None:
    """Per threshold, the pooled and per-set F1 of the veto on ``scored``."""
    stems = [s for s in (*NEWS, *SCORED_ONLY) if s != "mined"]
    news = [(i, v) for i, v in pairs if i.source in stems]
    acled = [(i, v) for i, v in pairs if i.source not in (*NEWS, *SCORED_ONLY)]
    for t in (None, *VETO_THRESHOLDS):
        if t is None and scored == "whole item":
            continue
        row = []
        for part in (news, acled):
            got = [i.flagged if t is None else vetoed(i, v, t) for i, v in part]
            row.append(f1(got, [i for i, _ in part]))
        folds = []
        for stem in stems:
            part = [(i, v) for i, v in news if i.source == stem]
            got = [i.flagged if t is None else vetoed(i, v, t) for i, v in part]
            fold_f1, _, fp = f1(got, [i for i, _ in part])
            folds.append(f"{stem} {fold_f1:.2f}/{fp}")
        p = 1 / (1 + np.exp(-t)) if t is not None else 0.0
        name = "rules" if t is None else f"rules, model veto on {scored} (t {t}, p {p:.2f})"
        news_f1, acled_f1 = (f"F1 {f:.3f} (TP {tp}, FP {fp})" for f, tp, fp in row)
        print(f"{name}: news {news_f1}; ACLED {acled_f1}; per set F1/FP {' '.join(folds)}")
    print(f"veto on {scored}: AUC among the rules' flags, news {auc(news):.3f}, "
          f"ACLED {auc(acled):.3f}")  # fmt: skip


def _veto_cost(items: list[Item]) -> None:
    m = Model.load()
    flagged = [i for i in items if i.flagged]
    start = time.process_time()
    for item in flagged:
        for sentence, event in item.cued:
            if event:
                m.score(sentence)
    cost = (time.process_time() - start) * 1000 / max(len(flagged), 1)
    print(f"veto cost: {cost:.3f} ms per flagged snippet ({len(flagged)} flagged)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(".devdata"))
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cv", action="store_true", help="grouped cross-validation only")
    parser.add_argument("--veto", action="store_true", help="the veto's cross-validation only")
    args = parser.parse_args(argv)
    if args.cv or args.veto:
        cross_validate_veto(load(args.data, read=True, stems=(*NEWS, *SCORED_ONLY)))
    if args.veto:
        return 0
    items = load(args.data, read=args.cv)
    if args.cv:
        for c in (0.3, 1.0, 3.0):
            cross_validate(items, c, KEEP)
        cross_validate(items, C, KEEP, with_acled=False)
        return 0
    texts, labels = [i.text for i in items], [i.label for i in items]
    m = shipped(train(texts, labels))
    manifests = ["sources_negotiation.json"] + [f"sources_negotiation_{s}.json" for s in NEWS]
    sources = [s for name in manifests for s in _lines_json(HERE / name)["sources"]]
    out = {
        "about": "logistic regression over CRC-32 hashed word 1-2-grams and character 3-5-grams "
        "(classifier.features); threshold: the model alone; added_threshold: a development "
        "in a cued sentence where the rules found no event (grouped CV, train_negotiation.py)",
        "trained_on": f"news dev halves {', '.join(NEWS)} and the cued ACLED dev notes: "
        f"{len(texts)} items, {sum(labels)} positive; C {C}, {KEEP} largest weights kept",
        "sources": sources,
        "bias": m.bias,
        "threshold": THRESHOLD,
        "added_threshold": ADDED_THRESHOLD,
        "weights": {str(k): v for k, v in sorted(m.weights.items())},
    }
    args.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(m.weights)} weights from {len(texts)} items ({sum(labels)} positive)")
    return 0


def _lines_json(path: Path) -> dict[str, list[dict[str, object]]]:
    data: dict[str, list[dict[str, object]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":
    sys.exit(main())
