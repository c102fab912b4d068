"""Per-sentence scores against the aligned sources.

For each article sentence and each source it is aligned with: the source span, the link's
confidence and similarity, sacrebleu chrF/BLEU/TER when the source is French, and a COMET
score when a local COMET model is given (batched over the whole document).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from audit.document import Document
from audit.scores.reference import ReferenceScores, reference_scores
from audit.sources.context import SourceContext


@dataclass(frozen=True)
class SourceSpan:
    """Where one article sentence comes from in one source, and how close it stays."""

    source_id: str
    start: int
    end: int
    text: str
    link: str  # "1-1", "2-1", "1-2": article sentences – source sentences
    confidence: float
    similarity: float
    method: str
    reference: ReferenceScores | None = None
    comet: float | None = None

    def to_dict(self) -> dict:
        return {
            "source": self.source_id, "start": self.start, "end": self.end, "text": self.text,
            "link": self.link, "confidence": self.confidence, "similarity": self.similarity,
            "method": self.method, "scores": self.reference.to_dict() if self.reference else None,
            "comet": self.comet,
        }


@dataclass(frozen=True)
class SourcedSentence:
    index: int
    spans: tuple[SourceSpan, ...]


def sourced_sentences(document: Document, context: SourceContext, comet_model: str | None = None) -> tuple[SourcedSentence, ...]:
    spans: dict[int, list[SourceSpan]] = {s.index: [] for s in document.sentences}
    for aligned in context.sources:
        french = aligned.alignment.source_lang == "fr"
        for link in aligned.alignment.links:
            if not (link.target and link.source):
                continue
            start, end = aligned.source_span(link)
            text = aligned.source_text(link)
            for index in link.target:
                hypothesis = document.sentences[index].text
                spans[index].append(SourceSpan(
                    aligned.report.id, start, end, text, f"{len(link.target)}-{len(link.source)}",
                    link.confidence, link.similarity, aligned.alignment.method,
                    reference_scores(hypothesis, text) if french else None,
                ))
    if comet_model:
        spans = _with_comet(document, spans, comet_model)
    return tuple(SourcedSentence(i, tuple(found)) for i, found in spans.items())


def _with_comet(document: Document, spans: dict[int, list[SourceSpan]], model: str) -> dict[int, list[SourceSpan]]:
    from audit.scores.comet import CometPair, comet_scores

    keys = [(i, k) for i, found in spans.items() for k in range(len(found))]
    pairs = [CometPair(spans[i][k].text, document.sentences[i].text) for i, k in keys]
    for (i, k), score in zip(keys, comet_scores(pairs, model)):
        spans[i][k] = replace(spans[i][k], comet=score)
    return spans
