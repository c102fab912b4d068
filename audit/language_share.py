"""A document's language, decided by the share of its text in each language.

Windows are read at evenly spaced points of the text, each inside its paragraph when the
paragraph is long enough to judge alone, and each window votes for its language with its
probability under langdetect's profiles (`audit.language.detect`). The document's language is the one with the largest share, and
that share is its probability. So two English sentences or one junk line appended to a
French article (12 % of its text) leave it French, and rule MT201 reports the English as a
finding: deciding by the longest sentences, as mtaudit once did, let them turn the whole
article "not French" and switched every rule off. The number of windows is bounded, so the
cost does not grow with the document.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict

from audit.document import Document, span_starts
from audit.language import LanguageGuess, detect

WINDOW = 500  # characters: enough for langdetect to be sure, few enough calls to stay cheap
MAX_WINDOWS = 12
_ALONE = 120  # a paragraph this long is judged alone; a shorter one (a title) with its neighbours


def document_language(document: Document) -> LanguageGuess:
    """The language holding the largest share of the text (ties: the smaller code)."""
    shares: dict[str, float] = defaultdict(float)
    voters = 0
    for window in windows(document):
        guess = detect(window)
        if guess.code == "und" and guess.probability == 0.0:
            continue  # no letters, nothing langdetect knows: no evidence either way
        shares[guess.code] += guess.probability
        voters += 1
    if not voters:
        return LanguageGuess("und", 0.0)
    code = min(shares, key=lambda c: (-shares[c], c))
    return LanguageGuess(code, round(shares[code] / voters, 4))


def windows(document: Document) -> list[str]:
    """Up to `MAX_WINDOWS` stretches of text centred on evenly spaced points, in order."""
    text = document.text
    if not text.strip():
        return []
    count = min(MAX_WINDOWS, math.ceil(len(text) / WINDOW))
    starts = span_starts(document.paragraphs)
    found = []
    for i in range(count):
        point = int((i + 0.5) * len(text) / count)
        lo, hi = 0, len(text)
        paragraph = document.paragraphs[bisect.bisect_right(starts, point) - 1] if len(starts) and point >= starts[0] else None
        if paragraph is not None and paragraph.end - paragraph.start >= _ALONE:
            lo, hi = paragraph.start, paragraph.end
        start = max(lo, min(point - WINDOW // 2, hi - WINDOW))
        found.append(text[start : min(hi, start + WINDOW)])
    return found
