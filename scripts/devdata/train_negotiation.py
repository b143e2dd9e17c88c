"""Train the negotiation sentence model on the dev split and write its weights.

    python scripts/devdata/train_negotiation.py [--data .devdata] [--out PATH]

Needs scikit-learn (the ``dev`` extra) and the corpus of ``build_negotiation.py``. The model is
a logistic regression over the hashed features of :func:`consumers.extraction.classifier.features`;
only non-zero weights are written, with the data's provenance. The test split is not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from consumers.extraction.classifier import DIM, MODEL_PATH, features

HERE = Path(__file__).resolve().parent


def matrix(texts: list[str]) -> csr_matrix:
    """The binary feature matrix of ``texts``."""
    rows, cols = [], []
    for i, text in enumerate(texts):
        for f in sorted(features(text)):
            rows.append(i)
            cols.append(f)
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(texts), DIM))


def load(path: Path) -> tuple[list[str], list[int]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [i["text"] for i in items], [int(i["label"]) for i in items]


def train(texts: list[str], labels: list[int]) -> LogisticRegression:
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
    clf.fit(matrix(texts), labels)
    return clf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(".devdata"))
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    texts, labels = load(args.data / "negotiation_dev.jsonl")
    clf = train(texts, labels)
    coef = clf.coef_[0]
    weights = {str(i): round(float(coef[i]), 6) for i in np.flatnonzero(np.abs(coef) > 0.01)}
    manifest = json.loads((HERE / "sources_negotiation.json").read_text(encoding="utf-8"))
    out = {
        "about": "logistic regression over CRC-32 hashed word 1-2-grams (classifier.features)",
        "trained_on": f"negotiation_dev.jsonl: {len(texts)} items, {sum(labels)} positive",
        "sources": manifest["sources"],
        "bias": round(float(clf.intercept_[0]), 6),
        "threshold": 0.0,
        "weights": weights,
    }
    args.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(weights)} weights from {len(texts)} items ({sum(labels)} positive)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
