"""`make eval`: sentence alignment against a real French–English parallel text.

The text is an excerpt of the Debian Administrator's Handbook (corpora/parallel/, see its
README for the licence and how the gold links were made): 245 French sentences and their
English translation, in two sections. Each section's French sentences are aligned with its
English ones as mtaudit aligns an article with a source, and the links are scored strictly:
a predicted link counts only if exactly the same sentences are on both sides (1-0 and 0-1
links included). Paragraph level: each translation unit (a paragraph) as one segment.

Prints precision / recall / F1 for the embedding model and for the anchor fallback, and
writes reports/eval/align.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.document import Document, Sentence
from audit.sources import embed
from audit.sources.align import align

PARALLEL = ROOT / "corpora" / "parallel" / "debian-handbook-fr-en.jsonl"
OUT = ROOT / "reports" / "eval"

Links = set[tuple[tuple[int, ...], tuple[int, ...]]]


def sections(path: Path = PARALLEL, paragraphs: bool = False) -> dict[str, tuple[list[str], list[str], Links]]:
    """Section → (French segments, English segments, gold links in section-wide indices)."""
    out: dict[str, tuple[list[str], list[str], Links]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        french, english, gold = out.setdefault(record["section"], ([], [], set()))
        if paragraphs:
            gold.add(((len(french),), (len(english),)))
            french.append(" ".join(record["fr"]))
            english.append(" ".join(record["en"]))
            continue
        for fr, en in record["links"]:
            gold.add((tuple(len(french) + i for i in fr), tuple(len(english) + j for j in en)))
        french += record["fr"]
        english += record["en"]
    return out


def document(segments: list[str]) -> Document:
    """A document whose sentences are exactly `segments` (no re-segmentation)."""
    parts, position = [], 0
    for index, text in enumerate(segments):
        parts.append(Sentence(index, position, position + len(text), text, index))
        position += len(text) + 2
    return Document("<parallel>", "\n\n".join(segments), "utf-8", "text/plain", (), tuple(parts))


def scores(paragraphs: bool = False) -> dict[str, float | str]:
    """Strict precision, recall and F1 of the links over every section, and the method used."""
    correct = predicted_count = gold_count = 0
    method = "none"
    for french, english, gold in sections(paragraphs=paragraphs).values():
        result = align(document(french), document(english), "fr", "en")
        predicted = {(link.target, link.source) for link in result.links}
        correct += len(predicted & gold)
        predicted_count, gold_count, method = predicted_count + len(predicted), gold_count + len(gold), result.method
    precision, recall = correct / predicted_count, correct / gold_count
    f1 = 2 * precision * recall / (precision + recall) if correct else 0.0
    return {"method": method, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "gold_links": gold_count}


def main() -> None:
    results = {}
    for level, paragraphs in (("sentences", False), ("paragraphs", True)):
        results[level] = scores(paragraphs)
        if embed.available():
            with mock.patch.object(embed, "available", lambda: False):
                results[f"{level} (fallback)"] = scores(paragraphs)
    print("alignment, Debian Administrator's Handbook excerpt (fr → en), strict links")
    for name, r in results.items():
        print(f"  {name:24} {r['method']:8} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
              f"  ({r['gold_links']} gold links)")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "align.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
