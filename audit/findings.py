"""The one result type every rule produces and every reporter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """MQM severities, ordered; `penalty` is the MQM weight of one error."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)

    @property
    def penalty(self) -> int:
        return {"minor": 1, "major": 5, "critical": 10}[self.value]


_SEVERITY_ORDER = [Severity.MINOR, Severity.MAJOR, Severity.CRITICAL]


class Category(str, Enum):
    """MQM-style error categories (`dimension/type`)."""

    MISTRANSLATION = "accuracy/mistranslation"
    UNTRANSLATED = "accuracy/untranslated"
    OMISSION = "accuracy/omission"
    ADDITION = "accuracy/addition"
    GRAMMAR = "fluency/grammar"
    PUNCTUATION = "fluency/punctuation"
    CAPITALISATION = "fluency/capitalisation"
    CALQUE = "fluency/calque"
    QUOTES = "locale/quotes"
    SPACING = "locale/spacing"
    TRANSLITERATION = "locale/transliteration"
    MARKUP = "residue/markup"
    BOILERPLATE = "residue/boilerplate"
    DUPLICATE = "residue/duplicate"
    TERMINOLOGY = "terminology/wrong-term"
    # bilingual segment checks (MT7xx)
    INCONSISTENCY = "terminology/inconsistent"
    NUMBERS = "accuracy/numbers"
    TAGS = "design/markup"
    LENGTH = "design/length"
    WHITESPACE = "design/whitespace"
    REPETITION = "fluency/repetition"

    @property
    def dimension(self) -> str:
        return self.value.split("/")[0]


@dataclass(frozen=True)
class SegmentLocation:
    """Where a finding lies in a bilingual file: the unit's id, `start:end` inside its target,
    and `source_start:source_end` inside its source when the finding concerns the source."""

    id: str
    start: int
    end: int
    source_start: int | None = None
    source_end: int | None = None

    def to_dict(self) -> dict:
        source = None if self.source_start is None else {"start": self.source_start, "end": self.source_end}
        return {"id": self.id, "start": self.start, "end": self.end, "source": source}


@dataclass(frozen=True)
class Fix:
    """An edit that resolves a finding: put `replacement` at `start:end` of the decoded text.

    Its span may be wider than the finding's (a deletion takes a space or its line with it).
    `safe` fixes keep the meaning (quotes, spaces, a capital, a known spelling) and are applied
    by `check --fix`; the others (deletions, calques, grammar) need `--unsafe-fixes`.
    """

    start: int
    end: int
    replacement: str
    safe: bool

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement, "safe": self.safe}


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One error at `start:end` (character offsets into the decoded text, end exclusive).

    Field order makes the natural sort order the reading order.
    """

    start: int
    end: int
    code: str
    name: str = field(compare=False)
    category: Category = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    text: str = field(compare=False)
    line: int = field(compare=False)
    column: int = field(compare=False)
    suggestion: str | None = field(default=None, compare=False)
    context: str | None = field(default=None, compare=False)
    segment: SegmentLocation | None = field(default=None, compare=False)
    fix: Fix | None = field(default=None, compare=False)  # None: the suggestion is advice

    def to_dict(self) -> dict:
        located = {"segment": self.segment.to_dict()} if self.segment is not None else {}
        return {
            **located,
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "context": self.context,
            "fix": self.fix.to_dict() if self.fix else None,
        }


def shown_suggestion(suggestion: str | None) -> str:
    """A suggestion as people read it: invisible no-break spaces drawn as ⍽, deletion named."""
    if suggestion is None:
        return ""
    return suggestion.replace("\u00a0", "⍽").replace("\u202f", "⍽") or "(delete)"
