"""Machine-readable report. Byte-identical for the same input and options.

Schema history:
- 1.0: first version (documents, sentences with MQM scores, findings, verdict, meta).
- 1.1: `check --sources`: documents gain `sources` (chosen sources, scores, evidence) and
  sentences `sources` (aligned source spans with confidence, chrF/BLEU/TER or similarity,
  COMET); `meta.scores` gains the sacrebleu, embedding and COMET signatures.
- 1.2: bilingual files (XLIFF, TMX, PO, CSV/TSV, JSONL): documents gain `segments` (id,
  target offsets, source, missing) and their findings `segment` (id, offsets in the target,
  and in the source when the finding concerns it); MT7xx categories; new media types.
- 1.3: findings gain `fix` ({start, end, replacement, safe} or null), the edit `check --fix`
  applies (safe ones) or `--unsafe-fixes` adds.
- 1.4: `summary` (documents, errors, skipped as not French, baseline matches); documents
  gain `baseline_matched` with a baseline; media type `text/markdown`.
- 1.5: the verdict comes from a fitted model: `meta.verdict_model` names it (name and SHA-256
  prefix of its coefficients file); verdict label "too short" for texts too short to judge;
  `evidence_per_100_words` is the findings' share of the model's logit per 100 words.
- 1.6: `meta.langdetect_seed` is removed: the document's language is scored exactly from
  langdetect's profiles, with no random sampling to seed.
- 1.7: `check --qe` (learned quality estimation of bilingual files): `meta.qe_model` names the
  model (null when it could not load), documents gain `qe_score` and their segments `qe`
  ({score, penalty, tokens}); rule MT712 gives learned error spans.
  With `--sources`, `meta.stale_index` lists the corpus files changed, removed or added
  since the index was built.
  With `--verdict-model e5`, `meta.verdict_model` names the stacked e5 classifier and gains
  `embedding` and `base` (the rules model it is stacked on).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from audit.findings import Finding
from audit.gate import skipped
from audit.provenance import provenance
from audit.reporters.json_stream import Lazy, pieces
from audit.reporters.source_fields import chosen_sources, sentence_sources
from audit.results import Audit, Run

SCHEMA_VERSION = "1.7"


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
        "sentences": listed(result.sentence_scores.rows(), lambda row: _sentence_dict(row, aligned)),
        "findings": listed(result.findings, Finding.to_dict),
        **({"sources": chosen_sources(result)} if result.sources is not None else {}),
        **({"segments": _segments(result)} if document.segments else {}),
        **({"qe_score": result.qe.score} if result.qe is not None else {}),
        **({"baseline_matched": result.baseline_matched} if result.baseline_matched is not None else {}),
    }


def _segments(result: Audit) -> list[dict]:
    estimates = result.qe.segments if result.qe is not None else [None] * len(result.document.segments)
    return [_segment_dict(s, e) for s, e in zip(result.document.segments, estimates)]


def _segment_dict(segment, estimate) -> dict:
    scored = {"qe": {"score": estimate.score, "penalty": estimate.penalty, "tokens": estimate.tokens}} if estimate else {}
    return {"id": segment.id, "start": segment.start, "end": segment.end, "source": segment.source,
            "missing": segment.missing, **scored}


def _sentence_dict(row: tuple[int, int, int, int, int, float], aligned: dict) -> dict:
    """One sentence, from a `SentenceScores.rows()` tuple."""
    index, start, end, words, penalty, score = row
    sentence = {"index": index, "start": start, "end": end, "words": words, "penalty": penalty, "score": score}
    if index in aligned:
        sentence["sources"] = aligned[index]
    return sentence


def report_dict(run: Run, listed: Callable = lambda items, make: [make(i) for i in items]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        **provenance(run.settings),
        "documents": listed(run.audits, lambda a: document_dict(a, listed)),
        "errors": [{"path": f.path, "message": f.message} for f in run.failures],
        "summary": summary(run),
    }


def summary(run: Run) -> dict:
    counts = {"documents": len(run.audits), "errors": len(run.failures), "skipped": len(skipped(run))}
    if run.settings.baseline:
        counts["baseline_matched"] = sum(a.baseline_matched or 0 for a in run.audits)
    return counts


def render(run: Run) -> str:
    return "".join(render_pieces(run))


def render_pieces(run: Run) -> Iterator[str]:
    """The report a piece at a time, each document, sentence and finding built as it is
    written (`audit.reporters.json_stream`)."""
    return pieces(report_dict(run, Lazy))
