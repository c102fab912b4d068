"""Wire the stages: ingest → segment → language → rules → policy → scores → verdict.

`audit_path` is the whole source-free run for one input; it returns values only, and leaves
presenting and exit codes to the reporters and the gate.
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.config import Settings
from audit.document import Document
from audit.findings import Finding
from audit.ingest import RawText, load
from audit.language import LanguageGuess, document_language
from audit.policy import apply_policy, selected_rules
from audit.rules import RuleOptions, run_rules
from audit.scores.mqm import SentenceScore, document_score, sentence_scores
from audit.segment import segment
from audit.verdict import Verdict, decide, is_french


@dataclass(frozen=True)
class Audit:
    """Everything known about one document after a run."""

    document: Document
    language: LanguageGuess
    findings: tuple[Finding, ...]
    sentence_scores: tuple[SentenceScore, ...]
    score: float
    verdict: Verdict


def audit_path(path: str, settings: Settings) -> Audit:
    return audit_text(load(path, settings.max_bytes), settings)


def audit_text(raw: RawText, settings: Settings) -> Audit:
    document = segment(raw)
    language = document_language(document)
    findings: list[Finding] = []
    if is_french(language):
        options = RuleOptions(settings.strict_spacing, settings.boilerplate)
        findings = apply_policy(run_rules(document, selected_rules(settings), options), settings, document)
    return Audit(
        document=document,
        language=language,
        findings=tuple(findings),
        sentence_scores=tuple(sentence_scores(document, findings)),
        score=document_score(document, findings),
        verdict=decide(language, findings, document.word_count),
    )
