"""GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.

Printed to standard output in a workflow step, each line becomes an annotation on the pull
request's diff. Values are escaped as the runner expects (`%`, CR, LF, and in properties also
`:` and `,`), so an article's text can never end or forge a command.
"""

from __future__ import annotations

from audit.reporters import ANNOTATION_LEVEL
from audit.run import Run


def render(run: Run) -> str:
    lines = []
    for result in run.audits:
        document = result.document
        for finding in result.findings:
            end_line, end_column = document.line_col(finding.end)
            properties = {
                "file": document.path,
                "line": finding.line,
                "col": finding.column,
                "endLine": end_line,
                "endColumn": end_column,
                "title": f"{finding.code} {finding.name} ({finding.severity.value})",
            }
            message = finding.message + (f" → {finding.suggestion}" if finding.suggestion else "")
            lines.append(_command(ANNOTATION_LEVEL[finding.severity], properties, message))
    for failure in run.failures:
        lines.append(_command("error", {"file": failure.path, "title": "mtaudit: input error"}, failure.message))
    return "".join(line + "\n" for line in lines)


def _command(level: str, properties: dict, message: str) -> str:
    listed = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {listed}::{_escape_data(message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
