"""One line per finding, `path:line:col: CODE message`, as ruff and flake8 print them.

Editors and `grep` read this format; lines and columns are 1-based and, for HTML inputs, count
in the extracted article text (as every other report does). In a bilingual file they count in
the unit's target, named as ruff names a notebook's cell: `file.xlf:segment u7:1:12: MT703 …`.
Names and messages are escaped to one line (`audit.reporters.visible`): a newline in a file
name cannot forge a line.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.reporters.segment_fields import position
from audit.reporters.visible import one_line
from audit.results import Run


def render(run: Run) -> str:
    return "".join(render_pieces(run))


def render_pieces(run: Run) -> Iterator[str]:
    """One line at a time: a text with 200,000 findings is never one string in memory."""
    for result in run.audits:
        path = one_line(result.document.path)
        for finding in result.findings:
            yield f"{path}:{position(result.document, finding)}: {finding.code} {_one_line(finding.message)}\n"
    for failure in run.failures:
        yield f"{one_line(failure.path)}:0:0: E000 {_one_line(failure.message)}\n"


def _one_line(text: str) -> str:
    return one_line(" ".join(text.split()))
