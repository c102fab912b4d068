"""One line per finding, `path:line:col: CODE message`, as ruff and flake8 print them.

Editors and `grep` read this format; lines and columns are 1-based and, for HTML inputs, count
in the extracted article text (as every other report does). In a bilingual file they count in
the unit's target, named as ruff names a notebook's cell: `file.xlf:segment u7:1:12: MT703 …`.
"""

from __future__ import annotations

from audit.reporters.segment_fields import position
from audit.results import Run


def render(run: Run) -> str:
    lines = []
    for result in run.audits:
        path = result.document.path
        for finding in result.findings:
            lines.append(f"{path}:{position(result.document, finding)}: {finding.code} {_one_line(finding.message)}")
    for failure in run.failures:
        lines.append(f"{failure.path}:0:0: E000 {_one_line(failure.message)}")
    return "".join(line + "\n" for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
