"""A per-pair decision on ContraTICO, measured and not shipped: can pair features tell a
perturbed translation from the human one? (`python tools/eval_pair_decision.py`)

Features of each (English source, French) pair: for each side, its content words the
word-translation model knows, the share and number of them no word of the other side
translates, and the longest such phrase (`audit.sources.words.unrendered`); the length ratio;
and the e5 similarity of the two sentences when the `[sources]` extra is installed. A logistic
regression is fitted on four folds by document (ContraTICO's own pairs, so its figures are an
optimistic bound for a model fitted elsewhere) and its threshold set on those folds for a
given share of flagged human references; the fifth fold is scored. Prints the flagged share
per type at 1, 2 and 5 % of references. Skips, saying so, without ../shared/peer.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.sources import embed
from audit.sources.words import FUNCTION_WORDS, known, unrendered, words
from tools.eval_sources import CONTRATICO, CRITICAL, FOLDS, fold_of, rows


def side(text: str, other: str, lang: str) -> list[float]:
    content = [w for w in words(text) if len(w) > 2 and w.lower() not in FUNCTION_WORDS[lang] and known(w, lang)]
    phrases = unrendered(text, other, lang, 1)
    missing = sum(p.size for p in phrases)
    return [len(content), missing, missing / max(len(content), 1), max((p.size for p in phrases), default=0)]


def features(english: str, french: str) -> list[float]:
    return side(english, french, "en") + side(french, english, "fr") + [math.log((len(french) + 20) / (len(english) + 20))]


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    if not CONTRATICO.exists():
        print(f"eval_pair_decision: {CONTRATICO} absent, skipped", file=sys.stderr)
        return
    data = [r for r in rows(CONTRATICO) if r["changed"] == "1"]
    pairs, seen = [], set()
    for r in data:
        if r["id"] not in seen:
            seen.add(r["id"])
            pairs.append(("reference", r["src_en"], r["ref_fr"], fold_of(r["id"].split(":")[0])))
        if r["perturbation"] in CRITICAL:
            pairs.append((r["perturbation"], r["src_en"], r["pert_fr"], fold_of(r["id"].split(":")[0])))
    X = np.array([features(en, fr) for _, en, fr, _ in pairs])
    if embed.available():
        texts = sorted({t for _, en, fr, _ in pairs for t in (en, fr)})
        vectors = dict(zip(texts, embed.embed(texts)))
        X = np.hstack([X, [[float(vectors[en] @ vectors[fr])] for _, en, fr, _ in pairs]])
    kind, fold = np.array([p[0] for p in pairs]), np.array([p[3] for p in pairs])
    y = kind != "reference"
    for rate in (0.01, 0.02, 0.05):
        flagged = np.zeros(len(y), bool)
        for k in range(FOLDS):
            train, test = fold != k, fold == k
            model = LogisticRegression(max_iter=3000).fit(X[train], y[train])
            scores = model.decision_function(X[train])
            threshold = np.quantile(scores[kind[train] == "reference"], 1 - rate)
            flagged[test] = model.decision_function(X[test]) > threshold
        shares = ", ".join(f"{k} {flagged[kind == k].mean():.1%}" for k in ("reference", *CRITICAL))
        print(f"threshold at {rate:.0%} of training references: {shares}")


if __name__ == "__main__":
    main()
