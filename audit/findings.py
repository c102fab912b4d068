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

    @property
    def dimension(self) -> str:
        return self.value.split("/")[0]


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

    def to_dict(self) -> dict:
        return {
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
        }
