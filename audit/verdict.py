"""The document verdict: is this French, and does it read as machine-translated or spun?

`mt_likelihood` is the probability given by a logistic model fitted on labelled real French
(`audit.verdict_model`, coefficients in audit/data/verdict_model.json, fitted by
tools/fit_verdict.py; figures in docs/verdict.md). It weighs the findings by rule family,
typography as a weak family of its own, together with the wording (hashed word n-grams) and
the spread of sentence lengths (`audit.verdict_features`). Every finding is kept; only its
weight in the verdict is learnt. Thresholds: even odds for "suspicious", four to one for
"likely machine-translated".

A text under `MIN_WORDS` words is labelled "too short": a sentence or two carries too little
evidence either way (one missing space before "?" in a seven-word sentence once read 0.96),
so its `mt_likelihood` is reported but no verdict is drawn from it, and the gate does not
fail it on `max_mt_likelihood`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from audit.document import Document
from audit.findings import Finding
from audit.language import LanguageGuess
from audit.messages import N_
from audit.verdict_features import family_of, features
from audit.verdict_model import logistic, shipped_model

LIKELY_MT = 0.8
SUSPICIOUS = 0.5
MIN_WORDS = 50
MIN_FRENCH_PROBABILITY = 0.6
TOP_EVIDENCE = 5

# Labels stay English in every machine format; the text report shows them translated.
CLEAN = N_("clean")
SUSPICIOUS_LABEL = N_("suspicious")
LIKELY_MT_LABEL = N_("likely machine-translated")
NOT_FRENCH = N_("not French")
TOO_SHORT = N_("too short")


@dataclass(frozen=True)
class Verdict:
    """The label, the probability behind it, and the rules that raised it most.

    `evidence_per_100_words` is the model's logit contribution from the findings (rule
    families), per 100 words; `top_evidence` splits it among the rule codes that raised it.
    """

    label: str
    mt_likelihood: float
    evidence_per_100_words: float
    top_evidence: tuple[tuple[str, float], ...]


def is_french(language: LanguageGuess) -> bool:
    return language.code == "fr" and language.probability >= MIN_FRENCH_PROBABILITY


def label_for(likelihood: float, words: int) -> str:
    if words < MIN_WORDS:
        return TOO_SHORT
    return LIKELY_MT_LABEL if likelihood >= LIKELY_MT else SUSPICIOUS_LABEL if likelihood >= SUSPICIOUS else CLEAN


def decide(language: LanguageGuess, document: Document, findings: list[Finding], model_name: str = "rules") -> Verdict:
    """`model_name` "e5" stacks the e5 classifier (`audit.verdict_e5`) on the fitted model."""
    if not is_french(language):
        return Verdict(NOT_FRENCH, 0.0, 0.0, ())
    model = shipped_model()
    values = features(document, findings)
    logit = model.logit(values)
    if model_name == "e5":
        logit = _with_e5(logit, document)
    likelihood = round(logistic(logit), 4)
    top = _rule_evidence(model.contributions(values, "rules:"), findings)
    evidence = 100.0 * sum(w for _, w in top) / max(document.word_count, 1)
    return Verdict(label_for(likelihood, document.word_count), likelihood, round(max(evidence, 0.0), 3), top[:TOP_EVIDENCE])


def _with_e5(logit: float, document: Document) -> float:
    from audit.verdict_e5 import document_vector, shipped_classifier

    vector = document_vector(document)
    return logit if vector is None else shipped_classifier().logit(logit, vector)


def _rule_evidence(contributions: dict[str, float], findings: list[Finding]) -> tuple[tuple[str, float], ...]:
    """Each rule family's positive share of the logit, split among its codes by hit count."""
    hits = Counter((family_of(f), f.code) for f in findings)
    family_hits = Counter(family_of(f) for f in findings)
    shares: Counter[str] = Counter()
    for (family, code), n in hits.items():
        shares[code] += contributions.get(f"rules:{family}", 0.0) * n / family_hits[family]
    return tuple(sorted(((c, round(w, 2)) for c, w in shares.items() if w > 0), key=lambda cw: (-cw[1], cw[0])))
