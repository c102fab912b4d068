"""`make eval` (QE part): learned error spans and document MQM on the WMT20 en-fr dev data.

    python tools/eval_qe.py [--data ../shared/peer] [--cv]

Scores as the WMT19 QE document task did (`audit.qe.scoring`): character-level span
precision / recall / F1, severity ignored, micro-averaged; Pearson r of predicted against
annotated document MQM. Printed for
- two baselines: every character marked, and today's source-free rules (each MT segment run
  through `audit_text`, findings as spans, their MQM penalties as the document score);
- the shipped model (fitted on the train split only) on the whole dev split, and on each of
  5 dev folds by document (mean ± sd);
- with `--cv`: 5 models, each refitted on train + 4 dev folds, scored on the held-out fold
  (predictions pooled). About five times `make train-qe`.
Skips, saying so, when ../shared/peer is absent. Writes reports/eval/qe.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train_qe import (
    PEER,
    TRAIN,
    Prepared,
    document_folds,
    fit,
    gold_spans,
    predicted_spans,
    prepare,
)

from audit.qe import mqm
from audit.qe.model import QEModel, load
from audit.qe.scoring import Span, pearson, span_scores
from audit.qe.wmt import read_segments

DEV = "wmt20_qe_task3_enfr_dev_mqm.tsv"
OUT = ROOT / "reports" / "eval"
DEV_FOLDS = 5


def model_rows(model: QEModel, items: list[Prepared]) -> tuple[list[Span], dict[str, float]]:
    """Predicted spans and predicted document MQM (total expected penalty over tokens)."""
    probabilities = [model.probabilities(p.dense, p.indices) for p in items]
    penalties, tokens = defaultdict(float), defaultdict(int)
    for p, q in zip(items, probabilities):
        penalties[p.segment.doc] += model.penalty(q)
        tokens[p.segment.doc] += len(p.tokens)
    scores = {d: mqm(penalties[d], tokens[d]) for d in tokens}
    return predicted_spans(items, probabilities, model.threshold), scores


def rules_rows(items: list[Prepared]) -> tuple[list[Span], dict[str, float]]:
    from audit.config import Settings
    from audit.ingest import RawText
    from audit.pipeline import audit_text

    settings, spans = Settings(), []
    penalties, tokens = defaultdict(float), defaultdict(int)
    for p in items:
        s = p.segment
        findings = audit_text(RawText(f"{s.doc}:{s.seg}", s.mt, "utf-8", "text/plain", ()), settings).findings
        spans += [Span(s.doc, s.seg, f.start, f.end - f.start) for f in findings]
        penalties[s.doc] += sum(f.severity.penalty for f in findings)
        tokens[s.doc] += len(p.tokens)
    return spans, {d: mqm(penalties[d], tokens[d]) for d in tokens}


def figures(items: list[Prepared], spans: list[Span], scores: dict[str, float]) -> dict:
    segments = [p.segment for p in items]
    annotated = {s.doc: s.doc_mqm for s in segments}
    result = span_scores(gold_spans(segments), spans)
    docs = sorted(annotated)
    r = pearson([scores.get(d, 100.0) for d in docs], [annotated[d] for d in docs])
    return {"precision": round(result.precision, 4), "recall": round(result.recall, 4), "f1": round(result.f1, 4),
            "pearson": round(r, 4), "documents": len(docs), "segments": len(segments)}


def by_fold(items: list[Prepared], spans: list[Span], scores: dict[str, float]) -> list[dict]:
    fold = document_folds(items, DEV_FOLDS)
    out = []
    for k in range(DEV_FOLDS):
        inside = [p for p, f in zip(items, fold) if f == k]
        docs = {p.segment.doc for p in inside}
        out.append(figures(inside, [s for s in spans if s.doc in docs], scores))
    return out


def cross_validated(train: list[Prepared], dev: list[Prepared]) -> tuple[list[Span], dict[str, float]]:
    fold = document_folds(dev, DEV_FOLDS)
    spans, scores = [], {}
    for k in range(DEV_FOLDS):
        held = [p for p, f in zip(dev, fold) if f == k]
        model = fit(train + [p for p, f in zip(dev, fold) if f != k], log=lambda _: None)
        fold_spans, fold_scores = model_rows(model, held)
        spans += fold_spans
        scores.update(fold_scores)
        print(f"  fold {k + 1}/{DEV_FOLDS}: {figures(held, fold_spans, fold_scores)}", flush=True)
    return spans, scores


def line(name: str, f: dict) -> str:
    return f"{name:<34} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  doc-MQM r {f['pearson']:+.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PEER)
    parser.add_argument("--cv", action="store_true", help="refit on train + 4 dev folds, 5 times")
    args = parser.parse_args()
    if not (args.data / DEV).exists():
        print(f"eval_qe: skipped, {args.data / DEV} not found (the WMT20 QE data lives in ../shared/peer)")
        return
    dev = prepare(read_segments(args.data / DEV))
    every = [Span(p.segment.doc, p.segment.seg, 0, len(p.segment.mt)) for p in dev]
    results = {
        "baseline_every_character": figures(dev, every, {}),
        "baseline_rules": figures(dev, *rules_rows(dev)),
        "model_train_only_dev": figures(dev, *model_rows(load(), dev)),
        "model_train_only_dev_folds": by_fold(dev, *model_rows(load(), dev)),
    }
    print(f"WMT20 QE en-fr dev: {len(dev)} segments, {results['model_train_only_dev']['documents']} documents")
    print(line("every character marked", results["baseline_every_character"]))
    print(line("source-free rules (audit_text)", results["baseline_rules"]))
    print(line("QE model, train only, whole dev", results["model_train_only_dev"]))
    folds = results["model_train_only_dev_folds"]
    for key in ("f1", "pearson"):
        values = [f[key] for f in folds]
        print(f"  {DEV_FOLDS} dev folds by document, {key}: {statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}")
    if args.cv:
        if not (args.data / TRAIN).exists():
            sys.exit(f"eval_qe: {args.data / TRAIN} not found")
        results["model_cv_train_plus_dev_folds"] = figures(dev, *cross_validated(prepare(read_segments(args.data / TRAIN)), dev))
        print(line("QE model, train + 4 dev folds (CV)", results["model_cv_train_plus_dev_folds"]))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "qe.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
