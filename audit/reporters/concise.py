"""One line per finding, `path:line:col: CODE message`, as ruff and flake8 print them.

Editors and `grep` read this format; lines and columns are 1-based and, for HTML inputs, count
in the extracted article text (as every other report does). Names and messages are escaped
to one line (`audit.reporters.visible`): a newline in a file name cannot forge a line.
"""

from __future__ import annotations

from audit.reporters.visible import one_line
from audit.run import Run


def render(run: Run) -> str:
    lines = []
    for result in run.audits:
        path = one_line(result.document.path)
        for finding in result.findings:
            lines.append(f"{path}:{finding.line}:{finding.column}: {finding.code} {_one_line(finding.message)}")
    for failure in run.failures:
        lines.append(f"{one_line(failure.path)}:0:0: E000 {_one_line(failure.message)}")
    return "".join(line + "\n" for line in lines)


def _one_line(text: str) -> str:
    return one_line(" ".join(text.split()))
