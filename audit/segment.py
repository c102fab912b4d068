"""Paragraphs and sentences with character offsets.

Sentence boundaries come from sentencex (Wikimedia's rule-based segmenter, fast and lossless),
then two French news habits are repaired: titles and boilerplate lines without final
punctuation end at their line break, and a split after an abbreviation such as « M. » is undone.
"""

from __future__ import annotations

import re
import sys

from audit.document import Document, Paragraph, Sentence
from audit.ingest import RawText

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u202f\r]*\n\s*")
# A line break inside a paragraph ends a sentence unless the text plainly runs on (hard wrap).
_RUNS_ON = re.compile(r"[a-zà-ÿ,;\-]\s*\n\s*[a-zà-ÿ(«\"“]")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|av|bd|cf|etc|env|p|vol|n°|art|fig|J\.-C|[A-Z]))\.\s*$"
)
_SPACE = " \t\r\n\u00a0\u202f\u2009\ufeff"


def segment(raw: RawText, language: str = "fr") -> Document:
    """Cut decoded text into paragraphs and sentences (`language`: sentencex's rules to use;
    source reports may be English)."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for start, end in _paragraph_spans(raw.text):
        paragraph = Paragraph(len(paragraphs), start, end, raw.text[start:end])
        paragraphs.append(paragraph)
        for s_start, s_end in _sentence_spans(raw.text, start, end, language):
            # Interned: a text of repeated short lines (« Oui. ») keeps one copy of each.
            sentences.append(
                Sentence(len(sentences), s_start, s_end, sys.intern(raw.text[s_start:s_end]), paragraph.index)
            )
    return Document(
        path=raw.path,
        text=raw.text,
        encoding=raw.encoding,
        media_type=raw.media_type,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        notes=raw.notes,
        segments=raw.segments,
        non_prose=raw.non_prose,
    )


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return (start, end) if start < end else None


def _line_chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph at line breaks that end a line of their own (titles, lists, PREV/NEXT)."""
    chunks, position = [], start
    for i in range(start, end):
        if text[i] == "\n" and not _RUNS_ON.match(text, max(i - 1, start), min(i + 3, end)):
            chunks.append((position, i))
            position = i + 1
    chunks.append((position, end))
    return [trimmed for s, e in chunks if (trimmed := _trim(text, s, e))]


def _sentence_spans(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    import sentencex

    spans: list[tuple[int, int]] = []
    for c_start, c_end in _line_chunks(text, start, end):
        chunk = text[c_start:c_end]
        for boundary in sentencex.get_sentence_boundaries(language, chunk):
            piece = _trim(text, c_start + boundary["start_index"], c_start + boundary["end_index"])
            if not piece:
                continue
            if spans and spans[-1][1] >= c_start and _ABBREVIATION_END.search(text[spans[-1][0] : spans[-1][1]]):
                spans[-1] = (spans[-1][0], piece[1])
            else:
                spans.append(piece)
    return spans
