"""Machine-readable report. Byte-identical for the same input and options.

Schema history:
- 1.0: first version (documents, sentences with MQM scores, findings, verdict, meta).
- 1.1: `check --sources`: documents gain `sources` (chosen sources, scores, evidence) and
  sentences `sources` (aligned source spans with confidence, chrF/BLEU/TER or similarity,
  COMET); `meta.scores` gains the sacrebleu, embedding and COMET signatures.
- 1.2: the verdict comes from a fitted model: `meta.verdict_model` names it (name and SHA-256
  prefix of its coefficients file); verdict label "too short" for texts too short to judge;
  `evidence_per_100_words` is the findings' share of the model's logit per 100 words.
"""

from __future__ import annotations

import json

import audit
from audit.config import Settings
from audit.language import LANGDETECT_SEED
from audit.pipeline import Audit
from audit.reporters.source_fields import chosen_sources, score_signatures, sentence_sources
from audit.run import Run
from audit.scores.mqm import SIGNATURE as MQM_SIGNATURE
from audit.verdict_model import shipped_model
from audit.versions import installed_version

SCHEMA_VERSION = "1.2"
_LIBRARIES = ("langdetect", "lingua-language-detector", "sentencex", "selectolax")


def library_versions() -> dict[str, str]:
    return {name: installed_version(name) for name in _LIBRARIES}


def document_dict(result: Audit) -> dict:
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
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "words": s.words,
                "penalty": s.penalty,
                "score": s.score,
                **({"sources": aligned[s.index]} if s.index in aligned else {}),
            }
            for s in result.sentence_scores
        ],
        "findings": [f.to_dict() for f in result.findings],
        **({"sources": chosen_sources(result)} if result.sources is not None else {}),
    }


def meta_dict(settings: Settings) -> dict:
    """What reproduces the numbers: settings and score signatures, seed, library versions."""
    return {
        "settings": settings.signature,
        "scores": {"mqm": MQM_SIGNATURE, **score_signatures(settings)},
        "langdetect_seed": LANGDETECT_SEED,
        "libraries": library_versions(),
        "verdict_model": {"name": shipped_model().name, "sha256": shipped_model().version},
    }


def report_dict(run: Run) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mtaudit", "version": audit.__version__},
        "meta": meta_dict(run.settings),
        "documents": [document_dict(a) for a in run.audits],
        "errors": [{"path": f.path, "message": f.message} for f in run.failures],
    }


def render(run: Run) -> str:
    return json.dumps(report_dict(run), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
