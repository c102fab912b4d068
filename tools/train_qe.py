"""`make train-qe`: fit the QE model on the WMT20 en-fr MQM training split and ship its weights.

    python tools/train_qe.py [--data ../shared/peer] [--out audit/data/qe_model.npz]

Reads `wmt20_qe_task3_enfr_train_mqm.tsv` (never copied: only coefficients and trees are
written). Steps, all folds by document so that no document informs its own scores:
1. the hashed lexical logistic regression, out-of-fold on 4 folds for stage 2's inputs,
   then on everything;
2. the boosted trees on folds 1–3, whose decision threshold (best character F1) is read off
   fold 4, and the segment-penalty forest fitted on fold 4 (its honest token probabilities
   against the annotated MQM penalties);
3. the token trees again on all folds, keeping that threshold and penalty forest.
Deterministic (fixed seeds, no early stopping); a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.qe import marked_spans
from audit.qe.features import Token, token_features
from audit.qe.lexical import BUCKETS, lexical_indices
from audit.qe.model import (
    MODEL_PATH,
    STACKED,
    SUMMARY,
    QEModel,
    forest_from_sklearn,
    lexical_context,
    save,
    segment_summary,
    sigmoid,
)
from audit.qe.scoring import Span, span_scores
from audit.qe.wmt import Segment, read_segments, segment_penalty

PEER = ROOT.parent / "shared" / "peer"
TRAIN = "wmt20_qe_task3_enfr_train_mqm.tsv"
FOLDS = 4
TREES = {"max_iter": 200, "learning_rate": 0.1, "max_leaf_nodes": 31, "early_stopping": False, "random_state": 0}
PENALTY_TREES = {"loss": "poisson", "max_iter": 150, "learning_rate": 0.05, "max_depth": 3,
                 "early_stopping": False, "random_state": 0}
LEXICAL_C = 0.3


@dataclass
class Prepared:
    """One segment's model inputs and gold token labels."""

    segment: Segment
    tokens: list[Token]
    dense: np.ndarray
    indices: list[list[int]]
    labels: np.ndarray


def prepare(segments: list[Segment]) -> list[Prepared]:
    prepared = []
    for s in segments:
        target_tokens, dense = token_features(s.source, s.mt)
        covered = np.zeros(len(s.mt) + 1, bool)
        for e in s.errors:
            covered[e.start : e.end] = True
        labels = np.array([covered[t.start : t.end].any() for t in target_tokens], bool)
        prepared.append(Prepared(s, target_tokens, dense, lexical_indices(s.source, target_tokens), labels))
    return prepared


def document_folds(items: list[Prepared], folds: int) -> np.ndarray:
    """Fold of each segment: sorted documents cut into contiguous blocks. Neighbouring product
    ids are often variants of one product with the same sentences (and the same MT and
    annotations): dealt round-robin, 13.8 % of dev segments had their source in another
    fold; in blocks, 0.2 %."""
    docs = sorted({p.segment.doc for p in items})
    fold_of = {doc: i * folds // len(docs) for i, doc in enumerate(docs)}
    return np.array([fold_of[p.segment.doc] for p in items])


def _sparse(items: list[Prepared]):
    from scipy.sparse import csr_matrix

    rows = [r for p in items for r in p.indices]
    pointers = np.cumsum([0] + [len(r) for r in rows])
    columns = np.fromiter((i for r in rows for i in r), np.int64, pointers[-1])
    return csr_matrix((np.ones(len(columns), np.float32), columns, pointers), shape=(len(rows), BUCKETS))


def fit_lexical(items: list[Prepared]) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    labels = np.concatenate([p.labels for p in items])
    regression = LogisticRegression(C=LEXICAL_C, solver="liblinear").fit(_sparse(items), labels)
    return regression.coef_[0].astype(np.float32), float(regression.intercept_[0])


def _stacked(items: list[Prepared], lexical: list[np.ndarray]) -> np.ndarray:
    return np.vstack([np.hstack([p.dense, lexical_context(q)]) for p, q in zip(items, lexical) if len(p.tokens)])


def _lexical_scores(items: list[Prepared], weights: np.ndarray, bias: float) -> list[np.ndarray]:
    return [sigmoid(np.array([weights[i].sum() for i in p.indices]) + bias) for p in items]


def fit_trees(items: list[Prepared], lexical: list[np.ndarray]):
    from sklearn.ensemble import HistGradientBoostingClassifier

    labels = np.concatenate([p.labels for p in items])
    return forest_from_sklearn(HistGradientBoostingClassifier(**TREES).fit(_stacked(items, lexical), labels))


def predicted_spans(items: list[Prepared], probabilities: list[np.ndarray], threshold: float) -> list[Span]:
    return [
        Span(p.segment.doc, p.segment.seg, s.start, s.end - s.start)
        for p, q in zip(items, probabilities)
        for s in marked_spans(p.tokens, p.dense, q, threshold)
    ]


def gold_spans(segments: list[Segment]) -> list[Span]:
    return [Span(s.doc, s.seg, e.start, e.end - e.start) for s in segments for e in s.errors]


def best_threshold(items: list[Prepared], probabilities: list[np.ndarray]) -> float:
    gold = gold_spans([p.segment for p in items])
    grid = [round(t, 2) for t in np.arange(0.10, 0.61, 0.02)]
    return max(grid, key=lambda t: span_scores(gold, predicted_spans(items, probabilities, t)).f1)


def fit(items: list[Prepared], log=print) -> QEModel:
    """The whole procedure of the module docstring, on `items` (prepared training segments)."""
    fold = document_folds(items, FOLDS)
    out_of_fold: list[np.ndarray] = [np.zeros(0)] * len(items)
    for k in range(FOLDS):
        inside = [p for p, f in zip(items, fold) if f != k]
        weights, bias = fit_lexical(inside)
        for i in np.flatnonzero(fold == k):
            out_of_fold[i] = _lexical_scores([items[i]], weights, bias)[0]
        log(f"lexical fold {k + 1}/{FOLDS} fitted")
    weights, bias = fit_lexical(items)
    fitting, held = np.flatnonzero(fold != FOLDS - 1), np.flatnonzero(fold == FOLDS - 1)
    forest = fit_trees([items[i] for i in fitting], [out_of_fold[i] for i in fitting])
    held_items = [items[i] for i in held]
    held_probs = [_forest_probabilities(forest, items[i], out_of_fold[i]) for i in held]
    threshold = best_threshold(held_items, held_probs)
    penalty_forest = fit_penalty(held_items, held_probs, threshold)
    log(f"trees on folds 1-{FOLDS - 1}: threshold {threshold}; penalty forest on fold {FOLDS}")
    forest = fit_trees(items, out_of_fold)
    meta = {"features": list(STACKED), "summary": list(SUMMARY), "trees": TREES, "penalty_trees": PENALTY_TREES,
            "lexical_c": LEXICAL_C, "buckets": BUCKETS}
    return QEModel(weights.astype(np.float64), bias, forest, threshold, penalty_forest, meta)


def fit_penalty(items: list[Prepared], probabilities: list[np.ndarray], threshold: float):
    from sklearn.ensemble import HistGradientBoostingRegressor

    summaries = np.array([segment_summary(q, threshold) for p, q in zip(items, probabilities) if len(p.tokens)])
    penalties = np.array([segment_penalty(p.segment) for p in items if len(p.tokens)])
    return forest_from_sklearn(HistGradientBoostingRegressor(**PENALTY_TREES).fit(summaries, penalties))


def _forest_probabilities(forest, item: Prepared, lexical: np.ndarray) -> np.ndarray:
    if not len(item.tokens):
        return np.zeros(0)
    return sigmoid(forest.raw(np.hstack([item.dense, lexical_context(lexical)]).astype(np.float64)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PEER)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    path = args.data / TRAIN
    if not path.exists():
        sys.exit(f"train_qe: {path} not found (the WMT20 QE data lives in ../shared/peer)")
    started = time.perf_counter()
    segments = read_segments(path)
    model = fit(prepare(segments))
    docs = len({s.doc for s in segments})
    model.meta["data"] = {"file": TRAIN, "segments": len(segments), "documents": docs}
    model.meta["command"] = "make train-qe  (python tools/train_qe.py)"
    save(args.out, model)
    print(json.dumps(model.meta["data"]), f"fitted in {time.perf_counter() - started:.0f} s → {args.out}")


if __name__ == "__main__":
    main()
