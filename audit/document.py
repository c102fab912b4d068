"""The decoded text with its paragraphs and sentences, all as character offsets."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

_NEWLINE = re.compile("\n")
_LOWER_BLOCK = 1 << 16


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
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
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
        """Where each line starts, as machine integers (8 bytes a line, not 36)."""
        return array("q", chain((0,), (match.end() for match in _NEWLINE.finditer(self.text))))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset, as editors count them."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

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
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)
