"""Monotonic sentence alignment of an article with one source, by dynamic programming.

In the spirit of Gale–Church, Vecalign and Bertalign: each step of the path is a 1-1, 2-1
(two article sentences for one source sentence), 1-2, 1-0 (an article sentence with no
source: an addition) or 0-1 (a source sentence left out: an omission). A match scores its
calibrated similarity (`audit.sources.similarity`) less a threshold, a length prior (log
ratio of character lengths) and a position prior (distance from the diagonal); a skip
scores 0. The best path maximises the sum. Spun articles reorder little but add and drop a
lot, so skips are cheap and merges slightly dearer than 1-1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from audit.document import Document
from audit.sources.similarity import Similarities, similarities

THRESHOLD = 0.45  # calibrated similarity a match must beat to be better than two skips
MERGE_COST = 0.08
POSITION_WEIGHT = 0.25
LENGTH_WEIGHT = 0.12
# French runs longer than the English it translates; French rewrites keep the length.
LENGTH_RATIO = {("fr", "en"): 1.15}


@dataclass(frozen=True)
class Link:
    """Article sentences `target` aligned with source sentences `source` (one side may be
    empty). `similarity` is the method's raw score; `confidence` (0–1) how sure the link is:
    for a match its calibrated similarity, for a skip how far the best match stays below."""

    target: tuple[int, ...]
    source: tuple[int, ...]
    similarity: float
    confidence: float


@dataclass(frozen=True)
class Alignment:
    """The path through an article and one source, in reading order, and how it was scored."""

    links: tuple[Link, ...]
    method: str
    target_lang: str
    source_lang: str

    def for_target(self, index: int) -> Link | None:
        return next((link for link in self.links if index in link.target), None)


def align(target: Document, source: Document, target_lang: str = "fr", source_lang: str = "fr") -> Alignment:
    targets = [s.text for s in target.sentences]
    sources = [s.text for s in source.sentences]
    if not targets or not sources:
        return unaligned(len(targets), len(sources), target_lang, source_lang)
    sims = similarities(targets, sources, target_lang, source_lang)
    ratio = LENGTH_RATIO.get((target_lang, source_lang), 1.0)
    scorer = _Scorer(sims, [len(t) for t in targets], [len(s) * ratio for s in sources])
    return Alignment(tuple(_best_path(scorer)), sims.method, target_lang, source_lang)


def unaligned(targets: int, sources: int, target_lang: str, source_lang: str) -> Alignment:
    """When one side has no sentence: every sentence of the other is skipped, surely."""
    links = [Link((i,), (), 0.0, 1.0) for i in range(targets)]
    links += [Link((), (j,), 0.0, 1.0) for j in range(sources)]
    return Alignment(tuple(links), "none", target_lang, source_lang)


class _Scorer:
    """Calibrated similarity and the priors for any block of the path."""

    def __init__(self, sims: Similarities, target_lengths: list[int], source_lengths: list[float]):
        self.sims = sims
        self.t_len, self.s_len = target_lengths, source_lengths
        self.n, self.m = len(target_lengths), len(source_lengths)
        self.calibrated = (sims.one - sims.background) / sims.scale

    def raw(self, i: int, j: int, dt: int, ds: int) -> float:
        if dt == 2:
            return float(self.sims.two_targets[i, j])
        if ds == 2:
            return float(self.sims.two_sources[i, j])
        return float(self.sims.one[i, j])

    def calibrated_block(self, i: int, j: int, dt: int, ds: int) -> float:
        return (self.raw(i, j, dt, ds) - self.sims.background) / self.sims.scale

    def match(self, i: int, j: int, dt: int, ds: int) -> float:
        """Score of aligning targets i..i+dt−1 with sources j..j+ds−1."""
        target_chars = sum(self.t_len[i : i + dt])
        source_chars = sum(self.s_len[j : j + ds])
        length = abs(math.log((target_chars + 20) / (source_chars + 20)))
        position = abs((i + dt / 2) / self.n - (j + ds / 2) / self.m)
        merge = MERGE_COST if dt + ds > 2 else 0.0
        return (
            self.calibrated_block(i, j, dt, ds) - THRESHOLD - merge
            - LENGTH_WEIGHT * length - POSITION_WEIGHT * position
        )


_MOVES = ((1, 1), (2, 1), (1, 2), (1, 0), (0, 1))


def _best_path(scorer: _Scorer) -> list[Link]:
    n, m = scorer.n, scorer.m
    score = np.full((n + 1, m + 1), -np.inf)
    back = np.zeros((n + 1, m + 1, 2), dtype=np.int8)
    score[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, move = -np.inf, (0, 0)
            for dt, ds in _MOVES:
                if dt > i or ds > j:
                    continue
                gain = scorer.match(i - dt, j - ds, dt, ds) if dt and ds else 0.0
                candidate = score[i - dt, j - ds] + gain
                if candidate > best:
                    best, move = candidate, (dt, ds)
            score[i, j], back[i, j] = best, move
    return _links(scorer, back)


def _links(scorer: _Scorer, back: np.ndarray) -> list[Link]:
    links, i, j = [], scorer.n, scorer.m
    while i > 0 or j > 0:
        dt, ds = int(back[i, j, 0]), int(back[i, j, 1])
        i, j = i - dt, j - ds
        links.append(_link(scorer, i, j, dt, ds))
    return links[::-1]


def _link(scorer: _Scorer, i: int, j: int, dt: int, ds: int) -> Link:
    targets, sources = tuple(range(i, i + dt)), tuple(range(j, j + ds))
    if dt and ds:
        raw = scorer.raw(i, j, dt, ds)
        confidence = _clip(scorer.calibrated_block(i, j, dt, ds))
    elif dt:
        raw = float(scorer.sims.one[i].max())
        confidence = _clip(1.0 - float(scorer.calibrated[i].max()))
    else:
        raw = float(scorer.sims.one[:, j].max())
        confidence = _clip(1.0 - float(scorer.calibrated[:, j].max()))
    return Link(targets, sources, round(raw, 4), round(confidence, 3))


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))
