"""Sentence scores against an aligned French source: sacrebleu chrF, BLEU and TER.

sacrebleu's defaults, sentence-level: chrF (char order 6, β 2), BLEU with effective order
(so a short sentence with no 4-gram match is not scored 0) and TER. Each metric's sacrebleu
signature goes into the report's `meta`, so every number can be reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class ReferenceScores:
    """chrF and BLEU (0–100, higher is closer) and TER (edits per reference word × 100)."""

    chrf: float
    bleu: float
    ter: float

    def to_dict(self) -> dict:
        return {"chrf": self.chrf, "bleu": self.bleu, "ter": self.ter}


@lru_cache(maxsize=1)
def _metrics():
    from sacrebleu.metrics import BLEU, CHRF, TER

    return CHRF(), BLEU(effective_order=True), TER()


def reference_scores(hypothesis: str, reference: str) -> ReferenceScores:
    chrf, bleu, ter = _metrics()
    return ReferenceScores(
        chrf=round(chrf.sentence_score(hypothesis, [reference]).score, 2),
        bleu=round(bleu.sentence_score(hypothesis, [reference]).score, 2),
        ter=round(ter.sentence_score(hypothesis, [reference]).score, 2),
    )


def signatures() -> dict[str, str]:
    """sacrebleu's signature of each metric (`nrefs:1|case:mixed|eff:yes|…|version:2.x`)."""
    reference_scores("signature", "signature")  # sacrebleu knows nrefs only once a metric has run
    chrf, bleu, ter = _metrics()
    return {"chrf": str(chrf.get_signature()), "bleu": str(bleu.get_signature()), "ter": str(ter.get_signature())}
