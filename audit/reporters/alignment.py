"""`mtaudit align` output: an article and one source, sentence by sentence (text or JSON).

The text form shows names and sentences escaped to one line (`audit.reporters.visible`)."""

from __future__ import annotations

import json

from audit.document import Document
from audit.reporters.visible import one_line
from audit.sources.context import AlignedSource

_KIND = {(True, True): "match", (True, False): "addition", (False, True): "omission"}


def alignment_dict(document: Document, aligned: AlignedSource) -> dict:
    alignment = aligned.alignment
    return {
        "article": document.path,
        "source": {"id": aligned.report.id, "lang": aligned.report.lang, "title": aligned.report.title},
        "method": alignment.method,
        "links": [
            {
                "kind": _KIND[(bool(link.target), bool(link.source))],
                "article_sentences": list(link.target),
                "source_sentences": list(link.source),
                "article_text": " ".join(document.sentences[i].text for i in link.target),
                "source_text": aligned.source_text(link),
                "similarity": link.similarity,
                "confidence": link.confidence,
            }
            for link in alignment.links
        ],
    }


def render(result: tuple[Document, AlignedSource], output_format: str = "text") -> str:
    document, aligned = result
    data = alignment_dict(document, aligned)
    if output_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    lines = [f"{one_line(data['article'])} ↔ {one_line(data['source']['id'])} ({data['source']['lang']}, method {data['method']})"]
    for link in data["links"]:
        ids = f"{_ids(link['article_sentences'])}–{_ids(link['source_sentences'])}"
        lines.append(f"{ids:<9} {link['kind']:<8} conf {link['confidence']:.2f}  sim {link['similarity']:.3f}")
        if link["article_text"]:
            lines.append(f"    article: {one_line(link['article_text'])}")
        if link["source_text"]:
            lines.append(f"    source:  {one_line(link['source_text'])}")
    return "\n".join(lines) + "\n"


def _ids(indices: list[int]) -> str:
    return ",".join(str(i) for i in indices) or "·"
