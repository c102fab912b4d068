"""MQM-style penalty scores from the findings.

Weights follow the MQM scoring model: minor 1, major 5, critical 10 penalty points. A score is
`100 × (1 − penalty ÷ words)`, floored at 0: 100 is a clean text, 0 one point of penalty (or
more) per word. Nits (systematic spacing slips) count at most `NIT_CAP` times per rule and
document, so they never bury real errors.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from audit.document import Document
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


def sentence_scores(document: Document, findings: list[Finding]) -> list[SentenceScore]:
    penalties: Counter[int] = Counter()
    for finding in counted(findings):
        sentence = document.sentence_at(finding.start)
        if sentence is not None:
            penalties[sentence.index] += finding.severity.penalty
    scores, shared = [], {}  # one float object per distinct score: most sentences score 100
    for sentence in document.sentences:
        words = len(sentence.text.split())
        penalty = penalties[sentence.index]
        score = mqm_score(penalty, words)
        scores.append(
            SentenceScore(sentence.index, sentence.start, sentence.end, words, penalty, shared.setdefault(score, score))
        )
    return scores


def document_score(document: Document, findings: list[Finding]) -> float:
    penalty = sum(f.severity.penalty for f in counted(findings))
    return mqm_score(penalty, document.word_count)
