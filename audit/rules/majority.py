"""Several reports, one article sentence: a fact most of them agree on outweighs one outlier.

A compiled article is judged against every report chosen for it. When one report says 15
dead and two say 12, the article's « 12 morts » is not a number mismatch: a finding of the
outlier is kept only when the reports that flag it outnumber those whose aligned sentence
states the article's value. With one source nothing changes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from audit.document import Document
from audit.rules.registry import Hit

if TYPE_CHECKING:
    from audit.sources.align import Link
    from audit.sources.context import AlignedSource

Find = Callable[["AlignedSource", "Link"], Iterable[Hit]]
Values = Callable[[str, str], set]


def by_majority(document: Document, links: Iterable[tuple[AlignedSource, Link]], find: Find,
                values: Values) -> Iterator[Hit]:
    """The hits of `find` over every confident link, each reported once (with the best
    source's message) unless more sources support the flagged text than flag it.

    `values(text, lang)` gives the facts a text states (numbers, entity keys): a source
    supports a hit when its aligned sentence states one of the flagged text's facts.
    """
    hits: dict[tuple[int, int], Hit] = {}
    flagged: Counter = Counter()
    aligned_at: dict[int, list] = defaultdict(list)
    for aligned, link in links:
        for index in link.target:
            aligned_at[index].append((aligned, link))
        for hit in find(aligned, link):
            hits.setdefault((hit.start, hit.end), hit)
            flagged[(hit.start, hit.end)] += 1
    for key, hit in hits.items():
        facts = values(document.text[hit.start : hit.end], "fr")
        sentence = document.sentence_at(hit.start)
        support = sum(1 for aligned, link in aligned_at[sentence.index if sentence else 0]
                      if facts & values(aligned.source_text(link), aligned.alignment.source_lang))
        if flagged[key] > support:
            yield hit
