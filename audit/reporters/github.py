"""GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.

Printed to standard output in a workflow step, each line becomes an annotation on the pull
request's diff (HTML inputs get file-level annotations: their offsets index the extracted
article text, not the file). Values are escaped as the runner expects (`%`, CR, LF, and in properties also
`:` and `,`), so an article's text can never end or forge a command; other control
characters are shown as escapes (`audit.reporters.visible`), so none reaches the log raw.
"""

from __future__ import annotations

from audit.findings import shown_suggestion
from audit.reporters import ANNOTATION_LEVEL
from audit.reporters.visible import visible
from audit.results import Run


def render(run: Run) -> str:
    lines = []
    for result in run.audits:
        document = result.document
        for finding in result.findings:
            properties = {"file": document.path, **_position(document, finding)}
            properties["title"] = f"{finding.code} {finding.name} ({finding.severity.value})"
            message = finding.message + (f" → {shown_suggestion(finding.suggestion)}" if finding.suggestion is not None else "")
            if finding.segment is not None:
                message += f" (segment {finding.segment.id}: «{finding.text}»)"
            elif document.media_type == "text/html":
                message += f" («{finding.text}», line {finding.line} of the article text)"
            lines.append(_command(ANNOTATION_LEVEL[finding.severity], properties, message))
    for failure in run.failures:
        lines.append(_command("error", {"file": failure.path, "title": "mtaudit: input error"}, failure.message))
    return "".join(line + "\n" for line in lines)


def _position(document, finding) -> dict:
    """Line and column for a text file; none for HTML, whose offsets index the extracted
    article text, not the file (a file-level annotation beats one on the wrong line); so do a
    bilingual file's, which index its joined targets."""
    if document.media_type == "text/html" or document.segments:
        return {}
    end_line, end_column = document.line_col(finding.end)
    return {"line": finding.line, "col": finding.column, "endLine": end_line, "endColumn": end_column}


def _command(level: str, properties: dict, message: str) -> str:
    listed = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {listed}::{_escape_data(message)}"


def _escape_data(value: str) -> str:
    return visible(value).replace("%", "%25").replace("\n", "%0A")  # visible() shows CR as \r


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
