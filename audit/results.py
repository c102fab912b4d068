"""The results every later stage reads: one document's `Audit`, and a whole invocation's `Run`.

Reporters, the gate and the site pages import these, not the pipeline that produces them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from audit.config import Settings
from audit.document import Document
from audit.findings import Finding
from audit.language import LanguageGuess
from audit.scores.mqm import SentenceScore
from audit.verdict import Verdict

if TYPE_CHECKING:
    from audit.qe.bilingual import DocumentQE
    from audit.scores.sourced import SourcedSentence
    from audit.sources.context import SourceContext


@dataclass(frozen=True)
class Audit:
    """Everything known about one document after a run."""

    document: Document
    language: LanguageGuess
    findings: tuple[Finding, ...]
    sentence_scores: Sequence[SentenceScore]  # `SentenceScores`: arrays, objects made when read
    score: float
    verdict: Verdict
    sources: SourceContext | None = None
    sourced_sentences: tuple[SourcedSentence, ...] = ()
    # with a baseline: how many findings it hid (score and verdict still count them); else None
    baseline_matched: int | None = None
    qe: DocumentQE | None = None  # bilingual with --qe: the learned score of each unit and the file


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be audited, with the one-line reason."""

    path: str
    message: str


@dataclass(frozen=True)
class Run:
    """The result of a whole invocation: audits, the inputs that failed, and the settings."""

    audits: tuple[Audit, ...]
    failures: tuple[InputFailure, ...]
    settings: Settings
