"""Precision and recall of findings against span annotations.

Annotations are JSONL rows `{doc, start, end, text, category, severity, code}` (see
tests/data/README.md). A finding and an annotation match when their spans overlap and their
categories are equal; each annotation is matched at most once. Used by the accuracy tests
and `make eval`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from audit.findings import Finding


@dataclass(frozen=True)
class Span:
    """An annotated or predicted error: where, and of which category."""

    doc: str
    start: int
    end: int
    category: str
    code: str = ""


@dataclass(frozen=True)
class Tally:
    """Matches for one slice (a category, or everything)."""

    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_annotations(path: Path) -> list[Span]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Span(r["doc"], r["start"], r["end"], r["category"], r.get("code", "")) for r in rows]


def spans_of(doc: str, findings: Iterable[Finding]) -> list[Span]:
    return [Span(doc, f.start, f.end, f.category.value, f.code) for f in findings]


def _overlaps(a: Span, b: Span) -> bool:
    return a.doc == b.doc and a.category == b.category and a.start < b.end and b.start < a.end


def score(expected: list[Span], predicted: list[Span]) -> dict[str, Tally]:
    """Tallies per category and under the key 'all'."""
    matched_expected: set[int] = set()
    hits: list[tuple[Span, bool]] = []
    for guess in predicted:
        match = next(
            (i for i, gold in enumerate(expected) if i not in matched_expected and _overlaps(gold, guess)),
            None,
        )
        if match is not None:
            matched_expected.add(match)
        hits.append((guess, match is not None))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for guess, hit in hits:
        for key in (guess.category, "all"):
            counts[key][0] += hit
            counts[key][1] += 1
    for gold in expected:
        for key in (gold.category, "all"):
            counts[key][2] += 1
    return {key: Tally(*values) for key, values in sorted(counts.items())}


def table(tallies: dict[str, Tally]) -> str:
    lines = [f"{'category':<26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'pred':>5} {'gold':>5}"]
    for key, t in tallies.items():
        lines.append(
            f"{key:<26} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.true_positives:4d} {t.predicted:5d} {t.expected:5d}"
        )
    return "\n".join(lines)


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))
