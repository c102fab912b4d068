"""`make eval`: what mtaudit catches and what it gets wrong, on the annotated corpus.

Prints, and writes to reports/eval/ as JSON and Markdown:
- span precision / recall / F1 per category (source-free rules; MT6xx need a source);
- false findings per 1,000 words on clean human French;
- document-level detection: accuracy of the verdict (spun → not clean, clean → clean) and
  ROC AUC of mt_likelihood.
The seed article is included when ../shared/seed/article.txt exists.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.config import Settings
from audit.evaluation import read_annotations, roc_auc, score, spans_of, table
from audit.pipeline import audit_path
from audit.sources import embed

SEED = ROOT.parent / "shared" / "seed" / "article.txt"
DATA = ROOT / "tests" / "data"
OUT = ROOT / "reports" / "eval"
SOURCE_ONLY = "MT6"


def path_of(doc: str) -> Path:
    return SEED if doc == "seed" else ROOT / doc


def clean_paths() -> list[Path]:
    return sorted((DATA / "clean").glob("*.txt")) + sorted((ROOT / "corpora" / "samples").glob("clean-*.txt"))


def spun_paths() -> list[Path]:
    paths = sorted((DATA / "spun").glob("*.txt")) + sorted((ROOT / "corpora" / "samples").glob("spun-*.txt"))
    return paths + ([SEED] if SEED.exists() else [])


def verdict_figures(settings: Settings) -> tuple[float, float, str]:
    """Accuracy (spun → not clean, clean → clean) and ROC AUC of mt_likelihood."""
    clean = [audit_path(str(p), settings).verdict for p in clean_paths()]
    spun = [audit_path(str(p), settings).verdict for p in spun_paths()]
    correct = sum(v.label == "clean" for v in clean) + sum(v.label != "clean" for v in spun)
    auc = roc_auc([v.mt_likelihood for v in spun], [v.mt_likelihood for v in clean])
    return correct / (len(clean) + len(spun)), auc, f"{len(spun)} spun + {len(clean)} clean"


def main() -> None:
    settings = Settings()
    gold = [a for a in read_annotations(DATA / "annotations.jsonl") if not a.code.startswith(SOURCE_ONLY)]
    docs = sorted({a.doc for a in gold if path_of(a.doc).exists()})
    gold = [a for a in gold if a.doc in docs]
    predicted = []
    for doc in docs:
        findings = audit_path(str(path_of(doc)), settings).findings
        predicted += [s for s in spans_of(doc, findings) if not s.code.startswith(SOURCE_ONLY)]
    tallies = score(gold, predicted)

    clean = [audit_path(str(p), settings) for p in clean_paths()]
    clean_words = sum(a.document.word_count for a in clean)
    false_per_1000 = 1000 * sum(len(a.findings) for a in clean) / max(clean_words, 1)
    accuracy, auc, size = verdict_figures(settings)

    print(f"span accuracy, {len(docs)} documents, {len(gold)} annotated spans (seed {'in' if SEED.exists() else 'absent'})")
    print(table(tallies))
    print(f"\nclean French: {false_per_1000:.2f} false findings per 1,000 words ({clean_words} words)")
    print(f"document verdict: accuracy {accuracy:.3f} on {size}, ROC AUC {auc:.3f}")
    e5 = verdict_figures(replace(settings, verdict_model="e5")) if embed.available() else None
    if e5:
        print(f"document verdict with --verdict-model e5: accuracy {e5[0]:.3f}, ROC AUC {e5[1]:.3f}")

    results = {
        "spans": {k: {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4),
                      "tp": t.true_positives, "predicted": t.predicted, "gold": t.expected} for k, t in tallies.items()},
        "clean_false_findings_per_1000_words": round(false_per_1000, 3),
        "document_accuracy": round(accuracy, 4),
        "document_roc_auc": round(auc, 4),
        "seed_included": SEED.exists(),
        "e5_document_accuracy": round(e5[0], 4) if e5 else None,
        "e5_document_roc_auc": round(e5[1], 4) if e5 else None,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "eval.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (OUT / "eval.md").write_text("```\n" + table(tallies) + "\n```\n", encoding="utf-8")


if __name__ == "__main__":
    main()
