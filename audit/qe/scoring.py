"""Score predicted error spans and document scores as the WMT19 QE document task did.

Spans are compared character by character, severity and category ignored, micro-averaged
over the whole test set: precision is the share of predicted characters inside a gold span,
recall the share of gold characters predicted. A span is a `Span(doc, segment, start,
length)` row, offsets in characters of the MT segment; overlapping rows count once.
Document scores are compared with Pearson's r.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    doc: str
    segment: int
    start: int
    length: int


@dataclass(frozen=True)
class SpanScore:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int


def characters(spans: Iterable[Span]) -> set[tuple[str, int, int]]:
    return {(s.doc, s.segment, i) for s in spans for i in range(s.start, s.start + s.length)}


def span_scores(gold: Iterable[Span], predicted: Iterable[Span]) -> SpanScore:
    """Character-level micro precision, recall and F1 (0 when there is nothing to divide)."""
    gold_chars, predicted_chars = characters(gold), characters(predicted)
    hits = len(gold_chars & predicted_chars)
    precision = hits / len(predicted_chars) if predicted_chars else 0.0
    recall = hits / len(gold_chars) if gold_chars else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScore(precision, recall, f1, len(predicted_chars), len(gold_chars))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson's r; NaN when either side is constant or there are fewer than two pairs."""
    n = len(xs)
    if n != len(ys):
        raise ValueError("pearson: sequences of different lengths")
    if n < 2:
        return math.nan
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / math.sqrt(var_x * var_y) if var_x and var_y else math.nan
