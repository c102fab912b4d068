"""The source part of a report (`check --sources`), shared by the JSON and text reporters:
the chosen sources with their evidence, each sentence's aligned source spans and scores, and
the signatures of the models and metrics behind those numbers."""

from __future__ import annotations

from audit.results import Audit


def chosen_sources(result: Audit) -> list[dict]:
    if result.sources is None:
        return []
    return [
        {
            "id": s.report.id, "path": s.report.path, "lang": s.report.lang, "title": s.report.title,
            "url": s.report.url, "date": s.report.date, "score": s.candidate.score,
            "bm25": s.candidate.bm25, "similarity": s.candidate.similarity,
            "shared_entities": list(s.candidate.shared_entities),
            "shared_numbers": list(s.candidate.shared_numbers),
            "alignment_method": s.alignment.method,
        }
        for s in result.sources.sources
    ]


def sentence_sources(result: Audit) -> dict[int, list[dict]]:
    """Sentence index → its aligned source spans (only for a run with sources)."""
    return {s.index: [span.to_dict() for span in s.spans] for s in result.sourced_sentences}


def source_summary_lines(result: Audit) -> list[str]:
    """Text report: one line per chosen source, with its score and evidence."""
    lines = []
    for source in chosen_sources(result):
        evidence = ", ".join(source["shared_entities"][:8]) or "-"
        lines.append(
            f"  source {source['id']} ({source['lang']}, score {source['score']:.2f}, "
            f"similarity {source['similarity']:.2f}; shared: {evidence}; numbers: "
            f"{', '.join(source['shared_numbers'][:8]) or '-'})"
        )
    if result.sources is not None and not result.sources.sources:
        lines.append("  no source found in the corpus")
    return lines


def sentence_source_lines(result: Audit, index: int) -> list[str]:
    """Text report: the aligned source span of a sentence, with its scores."""
    lines = []
    for span in sentence_sources(result).get(index, []):
        scores = span["scores"]
        measured = (
            f"chrF {scores['chrf']:.1f} BLEU {scores['bleu']:.1f} TER {scores['ter']:.1f}" if scores
            else f"similarity {span['similarity']:.3f}"
        ) + (f" COMET {span['comet']:.3f}" if span["comet"] is not None else "")
        lines.append(f"  ↳ {span['source']} [{span['link']}, conf {span['confidence']:.2f}, {measured}]: {span['text']}")
    return lines
