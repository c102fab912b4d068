"""The decoded text with its paragraphs and sentences, all as character offsets.

Paragraphs and sentences are kept as arrays of offsets (`Spans`), 4 bytes a number, and
become `Paragraph` and `Sentence` objects when read: an object per sentence, its text and
its numbers took about 270 bytes, so a text of one-letter paragraphs (3 bytes each) peaked
at 160 bytes per input byte. A document of up to `MATERIALISED` spans keeps its objects
once made, so an ordinary article's rules, which read its sentences many times, make each
sentence once, as before.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

_NEWLINE = re.compile("\n")
_LOWER_BLOCK = 1 << 16
MATERIALISED = 4096


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a title, a boilerplate line) at `start:end` of the document text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of non-blank lines; titles and single lines are paragraphs of their own."""

    index: int
    start: int
    end: int
    text: str


class Spans(Sequence):
    """The paragraphs (`paragraph_of` None) or sentences of `text`, as arrays of offsets:
    item `i` spans `text[starts[i]:ends[i]]`, and a sentence lies in paragraph `paragraph_of[i]`."""

    __slots__ = ("_made", "ends", "paragraph_of", "starts", "text")

    def __init__(self, text: str, starts: array, ends: array, paragraph_of: array | None = None) -> None:
        self.text, self.starts, self.ends, self.paragraph_of = text, starts, ends, paragraph_of
        self._made: tuple | None = None

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):
        if self._made is not None:
            return self._made[index]
        if isinstance(index, slice):
            return tuple(self._make(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("span index out of range")
        return self._make(index)

    def __iter__(self) -> Iterator:
        if self._made is None and len(self) <= MATERIALISED:
            self._made = tuple(self._making())
        return iter(self._made) if self._made is not None else self._making()

    def _make(self, i: int) -> Sentence | Paragraph:
        start, end = self.starts[i], self.ends[i]
        if self.paragraph_of is None:
            return Paragraph(i, start, end, self.text[start:end])
        return Sentence(i, start, end, self.text[start:end], self.paragraph_of[i])

    def _making(self) -> Iterator:
        text = self.text
        if self.paragraph_of is None:
            for i, (start, end) in enumerate(zip(self.starts, self.ends)):
                yield Paragraph(i, start, end, text[start:end])
        else:
            for i, (start, end, paragraph) in enumerate(zip(self.starts, self.ends, self.paragraph_of)):
                yield Sentence(i, start, end, text[start:end], paragraph)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return (self.starts, self.ends, self.paragraph_of, self.text) == (
                other.starts, other.ends, other.paragraph_of, other.text)
        return isinstance(other, tuple) and tuple(self) == other

    def __hash__(self) -> int:
        return hash((len(self), self.text))

    def __repr__(self) -> str:
        return f"Spans({len(self)} {'paragraphs' if self.paragraph_of is None else 'sentences'})"

    def __getstate__(self):
        return self.text, self.starts, self.ends, self.paragraph_of

    def __setstate__(self, state) -> None:
        self.text, self.starts, self.ends, self.paragraph_of = state
        self._made = None


def span_starts(spans: Sequence) -> Sequence[int]:
    """Where each paragraph or sentence starts: the array itself for `Spans`."""
    return spans.starts if isinstance(spans, Spans) else [s.start for s in spans]


def span_ends(spans: Sequence) -> Sequence[int]:
    """Where each paragraph or sentence ends: the array itself for `Spans`."""
    return spans.ends if isinstance(spans, Spans) else [s.end for s in spans]


@dataclass(frozen=True)
class Segment:
    """One unit of a bilingual file: its target at `start:end` of the document text, its source.

    `missing` tells a unit without any target (XLIFF without <target>) from an empty one;
    `source_codes` and `target_codes` are the inline codes of XML formats (<g id="1">,
    <ph id="2">…), which are not part of either text.
    """

    id: str
    start: int
    end: int
    source: str
    missing: bool = False
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """What every stage after ingest reads. Offsets index `text` (a Python str)."""

    path: str
    text: str
    encoding: str
    media_type: str
    paragraphs: Sequence[Paragraph]  # `Spans`, or a tuple for documents built by hand
    sentences: Sequence[Sentence]
    notes: tuple[str, ...] = field(default=())
    segments: tuple[Segment, ...] = field(default=())  # bilingual files only: the targets' units
    non_prose: tuple[tuple[int, int], ...] = field(default=())  # masked markup, see audit.markdown

    @cached_property
    def lowered(self) -> str:
        """The text lower-cased, once per document and a block at a time: `str.lower()` holds
        12 bytes per character while it works (24 MB for a 2 MB text). Blocks end at a space,
        so a Greek final sigma, which depends on its neighbours, is lowered as in one call."""
        text, pieces, start = self.text, [], 0
        while start < len(text):
            end = text.find(" ", start + _LOWER_BLOCK)
            end = len(text) if end < 0 else end
            pieces.append(text[start:end].lower())
            start = end
        return "".join(pieces)

    @cached_property
    def _line_starts(self) -> array:
        """Where each line starts, as machine integers (4 bytes a line, not 36)."""
        code = "i" if len(self.text) < 2**31 else "q"
        return array(code, chain((0,), (match.end() for match in _NEWLINE.finditer(self.text))))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset, as editors count them."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @cached_property
    def _sentence_starts(self) -> Sequence[int]:
        return span_starts(self.sentences)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset`, or the nearest one before it (spans can start in
        the white space between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(i, 0)] if self.sentences else None

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.start for s in self.segments]

    def segment_at(self, offset: int) -> Segment | None:
        """The bilingual unit holding `offset` (or the nearest one before it)."""
        i = bisect.bisect_right(self._segment_starts, offset) - 1
        return self.segments[max(i, 0)] if self.segments else None

    @cached_property
    def sentence_words(self) -> array:
        """How many words each sentence has (white-space separated), read from the offsets."""
        text, sentences = self.text, self.sentences
        if isinstance(sentences, Spans):
            return array("i", [len(text[s:e].split()) for s, e in zip(sentences.starts, sentences.ends)])
        return array("i", [len(s.text.split()) for s in sentences])

    @cached_property
    def word_count(self) -> int:
        return sum(self.sentence_words)
