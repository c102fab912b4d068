"""Inline suppressions: markers in the text that silence chosen codes where an editor decided.

Syntax (the same in plain text, Markdown and HTML comments):

- `mtaudit: ignore[MT101,MT203]` (or `mtaudit: ignore MT101,MT203`) on a line of its own
  silences those codes in the paragraph that follows; at the end of a line of text, on that
  line only. Without codes it silences every code.
- `mtaudit: ignore-file[MT104]` anywhere silences the codes in the whole document.
- The marker line itself is never prose: nothing on it is reported.

In HTML, write the marker as a comment between blocks, `<!-- mtaudit: ignore MT101 -->`;
extraction keeps it as a line of its own (see `audit.ingest`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.config import split_codes
from audit.document import Document
from audit.findings import Finding

MARKER = re.compile(
    r"mtaudit:[ \t]*(?P<kind>ignore-file|ignore)"
    r"(?:\[(?P<bracketed>[^\]\n]*)\]|[ \t]+(?P<listed>MT\d+(?:[ \t]*,[ \t]*MT\d+)*))?",
    re.IGNORECASE,
)
# What may surround a marker on a line of its own: comment punctuation, nothing else.
_COMMENT_ONLY = re.compile(r"^[\s#/*<>!\-]*$")


@dataclass(frozen=True)
class Suppression:
    """Codes (prefixes; empty for all) silenced in `start:end` of the document text."""

    start: int
    end: int
    codes: tuple[str, ...]

    def covers(self, finding: Finding) -> bool:
        inside = self.start <= finding.start < self.end
        return inside and (not self.codes or any(finding.code.startswith(c) for c in self.codes))


def suppressions(document: Document) -> list[Suppression]:
    """Every region a marker silences, plus each marker line itself (all codes)."""
    found = []
    text = document.text
    for match in MARKER.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = _line_end(text, match.end())
        codes = split_codes(match.group("bracketed") or match.group("listed") or "")
        found.append(Suppression(line_start, line_end, ()))
        if match.group("kind").lower() == "ignore-file":
            found.append(Suppression(0, len(text), codes))
        elif _COMMENT_ONLY.match(text[line_start : match.start()] + text[match.end() : line_end]):
            found.append(Suppression(line_end, _next_paragraph_end(document, line_end), codes))
        else:
            found.append(Suppression(line_start, line_end, codes))
    return found


def unsuppressed(document: Document, findings: list[Finding]) -> list[Finding]:
    if "mtaudit:" not in document.lowered:
        return findings
    regions = suppressions(document)
    return [f for f in findings if not any(region.covers(f) for region in regions)]


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _next_paragraph_end(document: Document, offset: int) -> int:
    """End of the paragraph holding the first text after `offset` (the marker's own, if it
    goes on, else the next one)."""
    return next((p.end for p in document.paragraphs if p.end > offset), len(document.text))
