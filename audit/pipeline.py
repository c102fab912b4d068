"""Wire the stages: ingest → segment → language → rules → sources → policy → scores → verdict.

`audit_path` is the whole run for one input; it returns values only, and leaves presenting and
exit codes to the reporters and the gate. With `settings.sources` (a corpus folder), the
sources stage retrieves the article's sources, aligns them, runs the source rules (MT6xx)
and scores each sentence against its aligned source; it loads its models lazily, so a
source-free run never pays for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from audit.scores.sourced import SourcedSentence
    from audit.sources.aligned import SourceContext


@dataclass(frozen=True)
class Audit:
    """Everything known about one document after a run."""

    document: Document
    language: LanguageGuess
    findings: tuple[Finding, ...]
    sentence_scores: tuple[SentenceScore, ...]
    score: float
    verdict: Verdict
    sources: SourceContext | None = None
    sourced_sentences: tuple[SourcedSentence, ...] = ()


def audit_path(path: str, settings: Settings) -> Audit:
    return audit_text(load(path, settings.max_bytes), settings)


def audit_text(raw: RawText, settings: Settings) -> Audit:
    document = segment(raw)
    language = document_language(document)
    findings: list[Finding] = []
    sources, sourced = None, ()
    if is_french(language):
        options = RuleOptions(
            settings.strict_spacing, settings.boilerplate, tuple(sorted(settings.terminology.items()))
        )
        detected = list(run_rules(document, selected_rules(settings), options))
        if settings.sources:
            sources, source_findings, sourced = _with_sources(document, settings)
            detected += source_findings
        findings = apply_policy(detected, settings, document)
    return Audit(
        document=document,
        language=language,
        findings=tuple(findings),
        sentence_scores=tuple(sentence_scores(document, findings)),
        score=document_score(document, findings),
        verdict=decide(language, document, findings),
        sources=sources,
        sourced_sentences=sourced,
    )


def _with_sources(document: Document, settings: Settings):
    """The sources stage: retrieve and align, then the MT6xx rules and per-sentence scores."""
    from audit.scores.sourced import sourced_sentences
    from audit.sources.aligned import find_sources
    from audit.sources.checks import run_source_rules
    from audit.sources.index import default_index_path

    index = settings.index or default_index_path(settings.sources)
    context = find_sources(document, index, settings.max_sources)
    rules = [r for r in selected_rules(settings, with_source=True) if r.needs_source]
    findings = list(run_source_rules(document, rules, context))
    return context, findings, sourced_sentences(document, context, settings.comet_model)
