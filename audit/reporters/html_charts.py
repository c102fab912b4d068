"""Geometry of the report's inline SVG charts, computed here so templates only draw.

Two charts: findings per category as horizontal bars stacked by severity, and a histogram of
scores (sentence scores for one document, document scores for a batch).
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.findings import Severity

BAR_WIDTH = 320  # px for the longest bar
SCORE_BINS = ((0, 50), (50, 70), (70, 90), (90, 100), (100, 100))


@dataclass(frozen=True)
class Segment:
    """The part of a category's bar for one severity (x and width in px)."""

    severity: str
    x: float
    width: float
    count: int


@dataclass(frozen=True)
class Bar:
    """One category's bar: its total and its severity segments, worst first."""

    category: str
    total: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Bin:
    """One bar of the score histogram."""

    label: str
    count: int
    height: float  # 0..1 of the tallest bin


def category_bars(counts: dict[tuple[str, str], int]) -> list[Bar]:
    """One bar per category with findings, severities worst first in each. Bars are ordered by
    severity, then count: most critical findings first, ties broken by major, then minor ones,
    so a category of a few critical findings comes before one of many spacing nits."""
    totals: dict[str, int] = {}
    for (category, _), n in counts.items():
        totals[category] = totals.get(category, 0) + n
    scale = BAR_WIDTH / max(totals.values(), default=1)

    def weight(category: str) -> tuple[int, ...]:
        return tuple(-counts.get((category, severity.value), 0) for severity in reversed(Severity))

    bars = []
    for category, total in sorted(totals.items(), key=lambda ct: (weight(ct[0]), ct[0])):
        segments, x = [], 0.0
        for severity in reversed(Severity):
            n = counts.get((category, severity.value), 0)
            if n:
                segments.append(Segment(severity.value, round(x, 1), round(n * scale, 1), n))
                x += n * scale
        bars.append(Bar(category, total, tuple(segments)))
    return bars


def score_histogram(scores: list[float]) -> list[Bin]:
    """Scores in bins [0,50) [50,70) [70,90) [90,100) and exactly 100."""
    counts = [0] * len(SCORE_BINS)
    for score in scores:
        counts[score_bin(score)] += 1
    return histogram(counts)


def score_bin(score: float) -> int:
    """The index in SCORE_BINS of the bin holding `score`; a site index counts as it streams."""
    return next(i for i, (low, high) in enumerate(SCORE_BINS) if (score >= high if low == high else low <= score < high))


def histogram(counts: list[int]) -> list[Bin]:
    tallest = max(counts, default=0) or 1
    labels = [f"{low}–{high}" if low != high else str(high) for low, high in SCORE_BINS]
    return [Bin(label, n, round(n / tallest, 3)) for label, n in zip(labels, counts)]


def merged_counts(views) -> dict[tuple[str, str], int]:
    total: dict[tuple[str, str], int] = {}
    for view in views:
        for key, n in view.counts.items():
            total[key] = total.get(key, 0) + n
    return total
