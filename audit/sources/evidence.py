"""Which retrieved reports an article is judged against: those that explain it, best first.

A news article is usually compiled from several reports, and retrieval's best score can go
to a same-topic report that is not among them. So the candidates are aligned with the
article, allowing reordering (`audit.sources.match`), and chosen greedily by *coverage*: first
the report whose sentences explain the most article sentences, then each report that
explains the most sentences not yet explained, while it adds at least `MIN_GAIN` of them.
The first is the primary source; omissions are measured against it only when it is
confidently aligned (`confidently_aligned`).
"""

from __future__ import annotations

from audit.sources.align import Alignment

MIN_CONFIDENCE = 0.5  # as the source rules: links below it are not evidence
MIN_GAIN = 1  # article sentences a further report must explain that those before it do not
# Share of the primary's sentences that must be matched before its skipped ones are called
# omissions: a report the article only touches explains little, and omits nothing.
PRIMARY_COVERAGE = 0.6


def explained(alignment: Alignment) -> set[int]:
    """The article sentences an alignment links confidently to a source sentence."""
    return {i for link in alignment.links if link.target and link.source and link.confidence >= MIN_CONFIDENCE
            for i in link.target}


def by_coverage(aligned: list, limit: int) -> list:
    """At most `limit` of `aligned` (AlignedSource, in retrieval order), chosen greedily by the
    article sentences each explains that the ones before it do not."""
    remaining, chosen, covered = list(aligned), [], set()
    while remaining and len(chosen) < limit:
        gains = [len(explained(a.alignment) - covered) for a in remaining]
        best = max(range(len(remaining)), key=lambda k: (gains[k], -k))  # ties: retrieval order
        if gains[best] < MIN_GAIN and chosen:
            break
        covered |= explained(remaining[best].alignment)
        chosen.append(remaining.pop(best))
    return chosen


def confidently_aligned(alignment: Alignment) -> bool:
    """Whether enough of a source's sentences are matched for its skipped ones to be omissions."""
    sources = {j for link in alignment.links for j in link.source}
    matched = {j for link in alignment.links if link.target and link.confidence >= MIN_CONFIDENCE for j in link.source}
    return bool(sources) and len(matched) >= PRIMARY_COVERAGE * len(sources)
