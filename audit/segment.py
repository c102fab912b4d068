"""Paragraphs and sentences with character offsets.

Sentence boundaries come from sentencex (Wikimedia's rule-based segmenter, fast and lossless),
then two French news habits are repaired: titles and boilerplate lines without final
punctuation end at their line break, and a split after an abbreviation such as « M. » is undone.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

from audit.document import Document, Spans
from audit.ingest import RawText

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u202f\r]*\n\s*")
# A line break inside a paragraph ends a sentence unless the text plainly runs on (hard wrap).
_RUNS_ON = re.compile(r"[a-zà-ÿ,;\-]\s*\n\s*[a-zà-ÿ(«\"“]")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|av|bd|cf|etc|env|p|vol|n°|art|fig|J\.-C|[A-Z]))\.\s*$"
)
_SPACE = " \t\r\n\u00a0\u202f\u2009\ufeff"
# A chunk with none of these characters is one sentence: sentencex ends them at punctuation.
_MAY_END_A_SENTENCE = re.compile(r"[^\w \t\u00a0\u202f\u2009,'’«»\"()-]")


def segment(raw: RawText, language: str = "fr") -> Document:
    """Cut decoded text into paragraphs and sentences (`language`: sentencex's rules to use;
    source reports may be English). Their offsets go straight into arrays (`Spans`)."""
    text = raw.text
    code = "i" if len(text) < 2**31 else "q"  # 4 bytes an offset in any text up to 2 GB
    paragraphs = Spans(text, array(code), array(code))
    sentences = Spans(text, array(code), array(code), array(code))
    may_end = _MAY_END_A_SENTENCE.search
    for index, (start, end) in enumerate(_paragraph_spans(text)):
        paragraphs.starts.append(start)
        paragraphs.ends.append(end)
        # No line break, no punctuation: one sentence, what sentencex would say, without it.
        spans = _sentence_spans(text, start, end, language) if may_end(text, start, end) else ((start, end),)
        for s_start, s_end in spans:
            sentences.starts.append(s_start)
            sentences.ends.append(s_end)
            sentences.paragraph_of.append(index)
    return Document(
        path=raw.path,
        text=text,
        encoding=raw.encoding,
        media_type=raw.media_type,
        paragraphs=paragraphs,
        sentences=sentences,
        notes=raw.notes,
        segments=raw.segments,
        non_prose=raw.non_prose,
    )


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if trimmed := _trim(text, position, match.start()):
            yield trimmed
        position = match.end()
    if trimmed := _trim(text, position, len(text)):
        yield trimmed


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return (start, end) if start < end else None


def _line_chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a paragraph at line breaks that end a line of their own (titles, lists, PREV/NEXT)."""
    position = start
    i = text.find("\n", start, end)
    while i >= 0:
        if not _RUNS_ON.match(text, max(i - 1, start), min(i + 3, end)):
            if trimmed := _trim(text, position, i):
                yield trimmed
            position = i + 1
        i = text.find("\n", i + 1, end)
    if trimmed := _trim(text, position, end):
        yield trimmed


def _sentence_spans(text: str, start: int, end: int, language: str) -> Iterator[tuple[int, int]]:
    """A paragraph's sentences, each yielded once the next shows it is not cut after an
    abbreviation (a paragraph of 450,000 lines is never a list of them)."""
    import sentencex

    last: tuple[int, int] | None = None
    for c_start, c_end in _line_chunks(text, start, end):
        for boundary in sentencex.get_sentence_boundaries(language, text[c_start:c_end]):
            piece = _trim(text, c_start + boundary["start_index"], c_start + boundary["end_index"])
            if not piece:
                continue
            if last and last[1] >= c_start and _ABBREVIATION_END.search(text[last[0] : last[1]]):
                last = (last[0], piece[1])
            else:
                if last:
                    yield last
                last = piece
    if last:
        yield last
