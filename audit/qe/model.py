"""The fitted QE model: a hashed logistic regression stacked under gradient-boosted trees.

Stage 1 scores each target token from its hashed lexical context (`audit.qe.lexical`);
stage 2, a forest of boosted trees fitted by scikit-learn's HistGradientBoostingClassifier,
reads the hand-made features (`audit.qe.features`) and the stage-1 scores of the token and
its neighbours, and gives the probability that an annotator marks the token. Stage 3, a
small Poisson forest, turns a segment's token probabilities (`SUMMARY`) into its expected
MQM penalty: errors are counted once per phrase and weighted, so a sum of token
probabilities follows the annotated penalty only loosely. All stages are plain arrays in
`audit/data/qe_model.npz`, evaluated here with numpy, so scikit-learn is needed to fit
(`make train-qe`), never to run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import numpy as np

from audit.qe.features import FEATURES
from audit.qe.lexical import BUCKETS
from audit.resources import DATA

MODEL_PATH = DATA / "qe_model.npz"
CONTEXT = ("lexical", "lexical@-2", "lexical@-1", "lexical@+1", "lexical@+2", "lexical_mean", "lexical_max")
STACKED = FEATURES + CONTEXT
SUMMARY = ("tokens", "probability_sum", "marked_runs", "marked_tokens", "probability_max", "log_tokens", "likely")


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def lexical_context(probabilities: np.ndarray) -> np.ndarray:
    """Stage-1 scores of each token, its neighbours (NaN past the ends) and its segment."""
    n = len(probabilities)
    padded = np.concatenate([[np.nan] * 2, probabilities, [np.nan] * 2])
    whole = [np.full(n, probabilities.mean() if n else 0.0), np.full(n, probabilities.max() if n else 0.0)]
    shifted = [padded[0:n], padded[1 : n + 1], padded[3 : n + 3], padded[4 : n + 4]]
    return np.stack([probabilities, *shifted, *whole], axis=1)


def segment_summary(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    """One row of SUMMARY for a segment's token probabilities."""
    n = len(probabilities)
    if not n:
        return np.zeros(len(SUMMARY))
    marked = probabilities >= threshold
    runs = int(marked[0]) + int(np.sum(marked[1:] & ~marked[:-1]))
    return np.array([n, probabilities.sum(), runs, marked.sum(), probabilities.max(), np.log1p(n),
                     (probabilities > 0.5).sum()], np.float64)


@dataclass(frozen=True)
class Forest:
    """Boosted trees as flat node arrays; a leaf points to itself, so every row can take the
    same number of steps (the deepest path) and all trees are walked at once."""

    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int
    baseline: float

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Log-odds (or log), one per row of `x`: all rows through all trees at once, one level
        a step, until every walk has reached its leaf."""
        n, trees = len(x), len(self.roots)
        flat = x.ravel()
        row_start = np.repeat(np.arange(n) * x.shape[1], trees)
        node = np.tile(self.roots, n)
        for _ in range(self.depth):
            values = flat[row_start + self.feature[node]]
            go_left = (values <= self.threshold[node]) | (np.isnan(values) & self.missing_left[node])
            following = np.where(go_left, self.left[node], self.right[node])
            if np.array_equal(following, node):
                break
            node = following
        return self.baseline + self.value[node].reshape(n, trees).sum(axis=1)


@dataclass(frozen=True)
class QEModel:
    lexical_weights: np.ndarray
    lexical_bias: float
    forest: Forest
    threshold: float
    penalty_forest: Forest
    meta: dict

    def lexical(self, indices: list[list[int]]) -> np.ndarray:
        return sigmoid(np.array([self.lexical_weights[i].sum() for i in indices]) + self.lexical_bias)

    def probabilities(self, dense: np.ndarray, indices: list[list[int]]) -> np.ndarray:
        if not len(dense):
            return np.zeros(0)
        stacked = np.hstack([dense, lexical_context(self.lexical(indices))])
        return sigmoid(self.forest.raw(stacked.astype(np.float64)))

    def penalty(self, probabilities: np.ndarray) -> float:
        """Expected MQM penalty of a segment (minor 1, major 5, critical 10 per error)."""
        if not len(probabilities):
            return 0.0
        return float(np.exp(self.penalty_forest.raw(segment_summary(probabilities, self.threshold)[None])[0]))


def save(path: Path, model: QEModel) -> None:
    nonzero = np.flatnonzero(model.lexical_weights)
    np.savez_compressed(
        path, lexical_index=nonzero.astype(np.int32), lexical_value=model.lexical_weights[nonzero],
        lexical_bias=model.lexical_bias, decision_threshold=model.threshold,
        meta=np.array(json.dumps(model.meta, sort_keys=True)),
        **_forest_arrays("", model.forest), **_forest_arrays("penalty_", model.penalty_forest),
    )


def _forest_arrays(prefix: str, forest: Forest) -> dict:
    return {prefix + f.name: getattr(forest, f.name) for f in fields(Forest)}


def _forest(prefix: str, z) -> Forest:
    arrays = {f.name: z[prefix + f.name] for f in fields(Forest)}
    arrays["missing_left"] = arrays["missing_left"].astype(bool)
    return Forest(**{**arrays, "depth": int(arrays["depth"]), "baseline": float(arrays["baseline"])})


@lru_cache(maxsize=2)
def load(path: Path | None = None) -> QEModel:
    """The shipped model (or the one at `path`); refuses one fitted on other features than
    this code computes."""
    path = path or MODEL_PATH
    with np.load(path) as z:
        meta = json.loads(str(z["meta"]))
        if tuple(meta["features"]) != STACKED:
            raise ValueError(f"{path.name} was fitted on other features: run `make train-qe`")
        if tuple(meta["summary"]) != SUMMARY:
            raise ValueError(f"{path.name} was fitted on another segment summary: run `make train-qe`")
        weights = np.zeros(BUCKETS, np.float64)
        weights[z["lexical_index"]] = z["lexical_value"]
        return QEModel(weights, float(z["lexical_bias"]), _forest("", z), float(z["decision_threshold"]),
                       _forest("penalty_", z), meta)


def forest_from_sklearn(classifier) -> Forest:
    """Flatten a fitted binary HistGradientBoostingClassifier or a HistGradientBoostingRegressor
    (numeric features only): `raw` is then its log-odds, or its log for a Poisson loss."""
    parts, roots, offset = [], [], 0
    for (predictor,) in classifier._predictors:
        nodes = predictor.nodes
        index = np.arange(len(nodes))
        leaf = nodes["is_leaf"].astype(bool)
        parts.append((
            np.where(leaf, 0, nodes["feature_idx"]), np.where(leaf, np.inf, nodes["num_threshold"]),
            nodes["missing_go_to_left"].astype(bool), np.where(leaf, index, nodes["left"]) + offset,
            np.where(leaf, index, nodes["right"]) + offset, np.where(leaf, nodes["value"], 0.0),
        ))
        roots.append(offset)
        offset += len(nodes)
    columns = [np.concatenate(c) for c in zip(*parts)]
    depth = max(int(p.nodes["depth"].max()) for (p,) in classifier._predictors)
    return Forest(columns[0].astype(np.int32), columns[1], columns[2], columns[3].astype(np.int32),
                  columns[4].astype(np.int32), columns[5], np.array(roots, np.int32), depth,
                  float(np.ravel(classifier._baseline_prediction)[0]))
