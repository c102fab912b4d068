"""`make eval`: how the document verdict holds on real French nobody here wrote (../shared/peer).

For each data set (see tools/real_data.py) it prints, and writes to reports/eval/real.json
and real.md:
- AUC of mt_likelihood, F1 of "likely machine-translated" and of "not clean" at the shipped
  thresholds, Brier score, and the verdict-label counts per class;
- twice: as shipped (audit/data/verdict_model.json, fitted on these very data, so in-sample)
  and cross-validated (each item scored by a model refitted without its fold; folds by
  document), which is the figure to quote;
- a reliability table of the cross-validated probabilities, all data sets pooled;
- false findings per 1,000 words of human text, by code, and major/critical ones apart;
- with the [sources] extra, the same tables again with the e5 classifier stacked on the
  model (`--verdict-model e5`), on the items tools/fit_verdict_e5.py embeds; the sentence
  vectors come from its cache (~/.cache/mtaudit/e5-peer), else take about an hour to embed.
Skips, saying so, when ../shared/peer is absent.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_verdict
import real_data

from audit import verdict
from audit.evaluation import roc_auc

OUT = real_data.ROOT / "reports" / "eval"
BINS = 10
HUMAN_SETS = ("tico/documents", "diabla", "correct", "human-news")


def label(probability: float, words: int) -> str:
    """The label the shipped thresholds give a probability (too short when the model says so)."""
    if words < getattr(verdict, "MIN_WORDS", 0):
        return getattr(verdict, "TOO_SHORT", "too short")
    if probability >= verdict.LIKELY_MT:
        return verdict.LIKELY_MT_LABEL
    return verdict.SUSPICIOUS_LABEL if probability >= verdict.SUSPICIOUS else verdict.CLEAN


def f1(flags: list[bool], labels: list[int]) -> float | None:
    tp = sum(f and y for f, y in zip(flags, labels))
    predicted, actual = sum(flags), sum(labels)
    if not actual:
        return None
    return 2 * tp / (predicted + actual) if predicted + actual else 0.0


def figures(probabilities: list[float], labels: list[int], names: list[str]) -> dict:
    pos = [p for p, y in zip(probabilities, labels) if y]
    neg = [p for p, y in zip(probabilities, labels) if not y]
    counts = {str(y): dict(sorted(Counter(n for n, yy in zip(names, labels) if yy == y).items())) for y in (0, 1)}
    return {
        "auc": round(roc_auc(pos, neg), 4) if pos and neg else None,
        "f1_likely_mt": _round(f1([n == verdict.LIKELY_MT_LABEL for n in names], labels)),
        "f1_not_clean": _round(f1([n != verdict.CLEAN for n in names], labels)),
        "brier": round(float(np.mean([(p - y) ** 2 for p, y in zip(probabilities, labels)])), 4),
        "labels_human": counts["0"],
        "labels_mt": counts["1"],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def reliability(probabilities: np.ndarray, labels: np.ndarray) -> list[dict]:
    rows = []
    for b in range(BINS):
        inside = (probabilities >= b / BINS) & ((probabilities < (b + 1) / BINS) | (b == BINS - 1))
        if inside.any():
            rows.append({"bin": f"{b / BINS:.1f}-{(b + 1) / BINS:.1f}", "n": int(inside.sum()),
                         "mean_predicted": round(float(probabilities[inside].mean()), 3),
                         "observed_mt": round(float(labels[inside].mean()), 3)})
    return rows


def false_findings(observations: list[fit_verdict.Observation]) -> dict:
    """Findings per 1,000 words on human text: every finding there is a false one."""
    human = [o for o in observations if o.item.label == 0 and o.item.dataset in HUMAN_SETS]
    words = sum(o.audit.document.word_count for o in human)
    codes = Counter(f.code for o in human for f in o.audit.findings)
    serious = sum(f.severity.rank >= 1 for o in human for f in o.audit.findings)
    return {
        "words": words,
        "per_1000_words": {c: round(1000 * n / words, 3) for c, n in sorted(codes.items())},
        "major_or_critical_per_1000_words": round(1000 * serious / words, 3),
    }


def evaluate(observations: list[fit_verdict.Observation], cross_validated: np.ndarray,
             shipped: np.ndarray | None = None) -> dict:
    """Figures per data set; `shipped` gives the shipped model's probabilities when they are not
    the audits' own (the e5 classifier)."""
    if shipped is None:
        shipped = np.array([o.audit.verdict.mt_likelihood for o in observations])
    results: dict = {"datasets": {}}
    for dataset in sorted({o.item.dataset for o in observations}):
        rows = [(o, float(p), float(s)) for o, p, s in zip(observations, cross_validated, shipped)
                if o.item.dataset == dataset]
        labels = [o.item.label for o, _, _ in rows]
        words = [o.audit.document.word_count for o, _, _ in rows]
        shipped_labels = [o.audit.verdict.label if o.audit.verdict.label == verdict.NOT_FRENCH else label(s, n)
                          for (o, _, s), n in zip(rows, words)]
        shipped_figures = figures([s for _, _, s in rows], labels, shipped_labels)
        cv = figures([p for _, p, _ in rows], labels, [label(p, n) for (_, p, _), n in zip(rows, words)])
        results["datasets"][dataset] = {"human": labels.count(0), "mt": labels.count(1), "shipped": shipped_figures,
                                        "cross_validated": cv}
    fitted = np.array([o.item.dataset not in fit_verdict.NOT_FITTED for o in observations])
    y = np.array([o.item.label for o in observations], float)
    results["reliability_cross_validated"] = reliability(cross_validated[fitted], y[fitted])
    return results


def markdown(results: dict) -> str:
    lines = [("| data set | human | MT | AUC shipped | AUC CV | F1 likely-MT CV | F1 not-clean CV | Brier CV |"
             " human labels (CV) | MT labels (CV) |"), "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in results["datasets"].items():
        cv = r["cross_validated"]
        lines.append(f"| {name} | {r['human']} | {r['mt']} | {r['shipped']['auc']} | {cv['auc']} | {cv['f1_likely_mt']}"
                     f" | {cv['f1_not_clean']} | {cv['brier']} | {_labels(cv['labels_human'])} | {_labels(cv['labels_mt'])} |")
    lines += ["", "Reliability (cross-validated, fitted data sets pooled):", "",
              "| bin | n | mean predicted | observed MT |", "|---|---|---|---|"]
    lines += [f"| {r['bin']} | {r['n']} | {r['mean_predicted']} | {r['observed_mt']} |"
              for r in results["reliability_cross_validated"]]
    if "human_false_findings" not in results:
        return "\n".join(lines) + "\n"
    false = results["human_false_findings"]
    lines += ["", f"False findings per 1,000 words of human text ({false['words']} words): "
              + ", ".join(f"{c} {v}" for c, v in false["per_1000_words"].items())
              + f"; major or critical {false['major_or_critical_per_1000_words']}"]
    return "\n".join(lines) + "\n"


def _labels(counts: dict) -> str:
    return ", ".join(f"{n} {name}" for name, n in counts.items())


def with_e5(observations: list[fit_verdict.Observation], cross_validated: np.ndarray) -> dict | None:
    """The same figures with the e5 classifier stacked on the model: None without the
    [sources] extra or its weights file. Vectors come from fit_verdict_e5's cache."""
    import fit_verdict_e5

    from audit.sources import embed
    from audit.verdict_e5 import shipped_classifier
    from audit.verdict_model import shipped_model

    if not (embed.available() and fit_verdict_e5.MODEL.exists()):
        print("e5 figures skipped: the [sources] extra or audit/data/verdict_e5.json is missing")
        return None
    kept = [n for n, o in enumerate(observations) if fit_verdict_e5.read_by_e5(o.item)]
    rows = [observations[n] for n in kept]
    base = fit_verdict_e5.logit(cross_validated)[kept]
    vectors = fit_verdict_e5.document_vectors(rows)
    classifier = json.loads(fit_verdict_e5.MODEL.read_text())
    e5_cv = fit_verdict_e5.out_of_fold(rows, base, vectors, classifier["l2_penalty"])
    model, e5 = shipped_model(), shipped_classifier()
    shipped = np.array([e5.probability(model.logit(o.features), v) for o, v in zip(rows, vectors)])
    return evaluate(rows, e5_cv, shipped)


def main() -> None:
    if not real_data.available():
        print(f"real-text evaluation skipped: no labelled data at {real_data.PEER}")
        return
    observations = fit_verdict.observe(real_data.all_items())
    model = json.loads(fit_verdict.MODEL.read_text()) if fit_verdict.MODEL.exists() else {}
    cross_validated = fit_verdict.out_of_fold(observations, model.get("l2_penalty", fit_verdict.DEFAULT_PENALTY))
    results = evaluate(observations, cross_validated)
    results["human_false_findings"] = false_findings(observations)
    text = markdown(results)
    if e5 := with_e5(observations, cross_validated):
        results["with_e5"] = e5
        text += "\n## With the e5 classifier (`--verdict-model e5`)\n\n" + markdown(e5)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "real.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (OUT / "real.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
