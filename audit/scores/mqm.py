"""MQM-style penalty scores from the findings.

Weights follow the MQM scoring model: minor 1, major 5, critical 10 penalty points. A score is
`100 × (1 − penalty ÷ words)`, floored at 0: 100 is a clean text, 0 one point of penalty (or
more) per word. Nits (systematic spacing slips) count at most `NIT_CAP` times per rule and
document, so they never bury real errors.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from audit.document import Document, Spans
from audit.findings import Finding
from audit.rules import REGISTRY

NIT_CAP = 3
SIGNATURE = "mqm|weights:minor=1,major=5,critical=10|nit_cap:3|per:word"


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """The MQM penalty and score of one sentence."""

    index: int
    start: int
    end: int
    words: int
    penalty: int
    score: float


def counted(findings: list[Finding]) -> list[Finding]:
    """The findings that carry a penalty: all of them, less nits past the cap."""
    seen: Counter[str] = Counter()
    kept = []
    for finding in findings:
        rule_ = REGISTRY.get(finding.code)
        if rule_ is not None and rule_.nit:
            seen[finding.code] += 1
            if seen[finding.code] > NIT_CAP:
                continue
        kept.append(finding)
    return kept


def folded(findings: list[Finding]) -> Counter[str]:
    """How many nits of each code `counted` leaves out: what reports fold as "and N more"."""
    return Counter(f.code for f in findings) - Counter(f.code for f in counted(findings))


def mqm_score(penalty: int, words: int) -> float:
    return round(max(0.0, 100.0 * (1.0 - penalty / max(words, 1))), 2)


class SentenceScores(Sequence):
    """Every sentence's score, as arrays (words and penalty; offsets shared with `Spans`):
    a `SentenceScore` object per sentence took 100 bytes, more than a short line's text."""

    def __init__(self, starts: Sequence[int], ends: Sequence[int], words: array, penalties: array) -> None:
        self.starts, self.ends, self.words, self.penalties = starts, ends, words, penalties

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("sentence index out of range")
        words, penalty = self.words[index], self.penalties[index]
        return SentenceScore(index, self.starts[index], self.ends[index], words, penalty, mqm_score(penalty, words))

    def __iter__(self) -> Iterator[SentenceScore]:
        return (SentenceScore(*row) for row in self.rows())

    def rows(self) -> Iterator[tuple[int, int, int, int, int, float]]:
        """(index, start, end, words, penalty, score) of each sentence, as plain tuples: what
        the JSON report of 500,000 sentences reads, without an object for each."""
        scores: dict[tuple[int, int], float] = {}  # most sentences are clean and a few words long
        for i, (start, end, words, penalty) in enumerate(zip(self.starts, self.ends, self.words, self.penalties)):
            score = scores.get((penalty, words))
            if score is None:
                score = scores[penalty, words] = mqm_score(penalty, words)
            yield i, start, end, words, penalty, score

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (SentenceScores, tuple)) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash((bytes(self.words), bytes(self.penalties)))


def sentence_scores(document: Document, findings: list[Finding]) -> SentenceScores:
    penalties: Counter[int] = Counter()
    for finding in counted(findings):
        sentence = document.sentence_at(finding.start)
        if sentence is not None:
            penalties[sentence.index] += finding.severity.penalty
    sentences, words = document.sentences, document.sentence_words
    penalty = array("i", bytes(words.itemsize * len(words)))
    for index, points in penalties.items():
        penalty[index] = points
    if isinstance(sentences, Spans):
        return SentenceScores(sentences.starts, sentences.ends, words, penalty)
    return SentenceScores([s.start for s in sentences], [s.end for s in sentences], words, penalty)


def document_score(document: Document, findings: list[Finding]) -> float:
    penalty = sum(f.severity.penalty for f in counted(findings))
    return mqm_score(penalty, document.word_count)
