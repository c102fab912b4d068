"""Alignment that allows reordering, for an article compiled from reports it rearranges.

The monotonic path of `audit.sources.align` suits one translation of one text; a rewrite
moves its source's sentences about, and a path that may not cross its own links leaves the
moved ones unaligned (additions and omissions that are not). Here each article sentence is
linked to the source sentence it is most similar to, on the calibrated scale of
`audit.sources.similarity`, when that beats `THRESHOLD`; several article sentences may share
one source sentence (a sentence cut in two) and any order is allowed. A source sentence no
article sentence links to is an omission. Confidence is as in `align`: for a match its
calibrated similarity, for a skip how far the best match stays below 1.
"""

from __future__ import annotations

import numpy as np

from audit.document import Document
from audit.sources.align import Alignment, Link, unaligned
from audit.sources.similarity import similarities

# Stricter than the monotonic path's 0.45: no position prior tells a right link from a wrong one.
THRESHOLD = 0.6


def match(target: Document, source: Document, target_lang: str = "fr", source_lang: str = "fr") -> Alignment:
    targets = [s.text for s in target.sentences]
    sources = [s.text for s in source.sentences]
    if not targets or not sources:
        return unaligned(len(targets), len(sources), target_lang, source_lang)
    sims = similarities(targets, sources, target_lang, source_lang)
    calibrated = np.clip((sims.one - sims.background) / sims.scale, 0.0, 1.0)
    best = calibrated.argmax(axis=1)
    links: list[Link] = []
    for i, j in enumerate(best):
        if calibrated[i, j] >= THRESHOLD:
            links.append(Link((i,), (int(j),), round(float(sims.one[i, j]), 4), round(float(calibrated[i, j]), 3)))
        else:
            links.append(Link((i,), (), round(float(sims.one[i].max()), 4), round(1.0 - float(calibrated[i, j]), 3)))
    matched = {link.source[0] for link in links if link.source}
    for j in range(len(sources)):
        if j not in matched:
            links.insert(_after(links, j), Link((), (j,), round(float(sims.one[:, j].max()), 4),
                                                round(1.0 - float(calibrated[:, j].max()), 3)))
    return Alignment(tuple(links), sims.method, target_lang, source_lang)


def _after(links: list[Link], j: int) -> int:
    """Where a skipped source sentence goes: after the article sentence linked to the nearest
    source sentence before it (at the start when there is none)."""
    position = 0
    for index, link in enumerate(links):
        if link.target and link.source and link.source[0] < j:
            position = max(position, index + 1)
    return position
