"""Where a finding lies in a bilingual file, as the reporters print it.

A bilingual document's offsets index its targets joined one paragraph per unit, which is
no file a user can open; what a translator looks for is the unit. So the reporters name
the segment id, with the line and column inside that unit's target (ruff names a
notebook's cell the same way: `file.ipynb:cell 3:2:5:`).
"""

from __future__ import annotations

from audit.document import Document
from audit.findings import Finding


def in_segment(document: Document, finding: Finding) -> tuple[int, int]:
    """1-based line and column of the finding's start inside its unit's target."""
    location = finding.segment
    target = document.text[finding.start - location.start : finding.start]
    return target.count("\n") + 1, location.start - (target.rfind("\n") + 1) + 1


def position(document: Document, finding: Finding) -> str:
    """`segment ID:line:col` for a unit, `line:col` for a plain document."""
    if finding.segment is None:
        return f"{finding.line}:{finding.column}"
    line, column = in_segment(document, finding)
    return f"segment {finding.segment.id}:{line}:{column}"
