"""The document verdict: is this French, and does it read as machine-translated or spun?

Each rule has an `mt_weight`: how strongly one hit points at machine translation or spinning
(a calque or an untranslated sentence weighs more than a missing thin space). The evidence is
the weighted count per 100 words; `mt_likelihood = 1 − exp(−evidence / SCALE)` maps it to
[0, 1). Nits past their cap carry no weight, as in the MQM score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from audit.findings import Finding
from audit.language import LanguageGuess
from audit.rules import REGISTRY
from audit.scores.mqm import counted

SCALE = 1.5
LIKELY_MT = 0.6
SUSPICIOUS = 0.3
MIN_FRENCH_PROBABILITY = 0.6

CLEAN = "clean"
SUSPICIOUS_LABEL = "suspicious"
LIKELY_MT_LABEL = "likely machine-translated"
NOT_FRENCH = "not French"


@dataclass(frozen=True)
class Verdict:
    """The label, the likelihood behind it, and the rules that contributed most."""

    label: str
    mt_likelihood: float
    evidence_per_100_words: float
    top_evidence: tuple[tuple[str, float], ...]


def is_french(language: LanguageGuess) -> bool:
    return language.code == "fr" and language.probability >= MIN_FRENCH_PROBABILITY


def decide(language: LanguageGuess, findings: list[Finding], words: int) -> Verdict:
    if not is_french(language):
        return Verdict(NOT_FRENCH, 0.0, 0.0, ())
    weights: dict[str, float] = {}
    for finding in counted(findings):
        rule_ = REGISTRY.get(finding.code)
        weights[finding.code] = weights.get(finding.code, 0.0) + (rule_.mt_weight if rule_ else 1.0)
    evidence = 100.0 * sum(weights.values()) / max(words, 1)
    likelihood = round(1.0 - math.exp(-evidence / SCALE), 4)
    label = LIKELY_MT_LABEL if likelihood >= LIKELY_MT else SUSPICIOUS_LABEL if likelihood >= SUSPICIOUS else CLEAN
    top = tuple(sorted(((c, round(w, 2)) for c, w in weights.items() if w > 0), key=lambda cw: (-cw[1], cw[0]))[:5])
    return Verdict(label, likelihood, round(evidence, 3), top)
