"""Machine-readable report. Byte-identical for the same input and options.

Schema history:
- 1.0: first version (documents, sentences with MQM scores, findings, verdict, meta).
- 1.1: `check --sources`: documents gain `sources` (chosen sources, scores, evidence) and
  sentences `sources` (aligned source spans with confidence, chrF/BLEU/TER or similarity,
  COMET); `meta.scores` gains the sacrebleu, embedding and COMET signatures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import audit
from audit.config import Settings
from audit.findings import Finding
from audit.language import LANGDETECT_SEED
from audit.pipeline import Audit
from audit.reporters.json_stream import Lazy, pieces
from audit.reporters.source_fields import chosen_sources, score_signatures, sentence_sources
from audit.run import Run
from audit.scores.mqm import SIGNATURE as MQM_SIGNATURE
from audit.scores.mqm import SentenceScore
from audit.versions import installed_version

SCHEMA_VERSION = "1.1"
_LIBRARIES = ("langdetect", "lingua-language-detector", "sentencex", "selectolax")


def library_versions() -> dict[str, str]:
    return {name: installed_version(name) for name in _LIBRARIES}


def document_dict(result: Audit, listed: Callable = lambda items, make: [make(i) for i in items]) -> dict:
    """One document's record; `listed(items, make)` builds its sentences and findings (a
    `json_stream.Lazy` when the report is streamed)."""
    document = result.document
    aligned = sentence_sources(result)
    verdict = result.verdict
    return {
        "path": document.path,
        "encoding": document.encoding,
        "media_type": document.media_type,
        "notes": list(document.notes),
        "language": {"code": result.language.code, "probability": result.language.probability},
        "words": document.word_count,
        "score": result.score,
        "verdict": {
            "label": verdict.label,
            "mt_likelihood": verdict.mt_likelihood,
            "evidence_per_100_words": verdict.evidence_per_100_words,
            "top_evidence": [{"code": c, "weight": w} for c, w in verdict.top_evidence],
        },
        "sentences": listed(result.sentence_scores, lambda s: _sentence_dict(s, aligned)),
        "findings": listed(result.findings, Finding.to_dict),
        **({"sources": chosen_sources(result)} if result.sources is not None else {}),
    }


def _sentence_dict(s: SentenceScore, aligned: dict) -> dict:
    return {
        "index": s.index,
        "start": s.start,
        "end": s.end,
        "words": s.words,
        "penalty": s.penalty,
        "score": s.score,
        **({"sources": aligned[s.index]} if s.index in aligned else {}),
    }


def meta_dict(settings: Settings) -> dict:
    """What reproduces the numbers: settings and score signatures, seed, library versions."""
    return {
        "settings": settings.signature,
        "scores": {"mqm": MQM_SIGNATURE, **score_signatures(settings)},
        "langdetect_seed": LANGDETECT_SEED,
        "libraries": library_versions(),
    }


def report_dict(run: Run, listed: Callable = lambda items, make: [make(i) for i in items]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mtaudit", "version": audit.__version__},
        "meta": meta_dict(run.settings),
        "documents": listed(run.audits, lambda a: document_dict(a, listed)),
        "errors": [{"path": f.path, "message": f.message} for f in run.failures],
    }


def render(run: Run) -> str:
    return "".join(render_pieces(run))


def render_pieces(run: Run) -> Iterator[str]:
    """The report a piece at a time, each document, sentence and finding built as it is
    written (`audit.reporters.json_stream`)."""
    return pieces(report_dict(run, Lazy))
