"""SARIF 2.1.0, the format GitHub code scanning and most security dashboards import.

Each rule appears once in `tool.driver.rules` with its documentation; each finding is a result
pointing at its region (1-based lines, columns in Unicode code points, as `columnKind` says),
with the baseline fingerprint as a partial fingerprint so dashboards can follow a finding when
the text around it moves. A finding with a fix carries it in `fixes[]` as a replacement of a
character region (safe or not is said in its description and properties). For HTML inputs the
region indexes the extracted article text, not the file, so it is given as a property, the
location names the file alone, and no fix is offered; for a bilingual file the location also
names the unit (a logical location of kind "element") and the properties carry the segment's
offsets. Inputs that could not be audited are tool
notifications.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import audit
from audit.baseline import fingerprint
from audit.findings import shown_suggestion
from audit.reporters import ANNOTATION_LEVEL
from audit.reporters.json_stream import Lazy, pieces
from audit.results import Run
from audit.rules import REGISTRY

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_HELP_URI = "https://pypi.org/project/mtaudit/"


def render(run: Run) -> str:
    return "".join(render_pieces(run))


def render_pieces(run: Run) -> Iterator[str]:
    """The log a piece at a time, each result built as it is written (`json_stream`)."""
    rules = {code: index for index, code in enumerate(sorted(REGISTRY))}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(rules)},
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(run)],
                "results": Lazy([(r, f) for r in run.audits for f in r.findings], lambda rf: _result(*rf, rules)),
            }
        ],
    }
    return pieces(log)


def _driver(rules: dict[str, int]) -> dict:
    return {
        "name": "mtaudit",
        "version": audit.__version__,
        "informationUri": _HELP_URI,
        "rules": [_rule(REGISTRY[code]) for code in rules],
    }


def _rule(rule_) -> dict:
    return {
        "id": rule_.code,
        "name": rule_.name,
        "shortDescription": {"text": rule_.summary or rule_.name},
        "fullDescription": {"text": rule_.documentation or rule_.name},
        "defaultConfiguration": {"level": ANNOTATION_LEVEL[rule_.severity]},
        "properties": {"category": rule_.category.value, "severity": rule_.severity.value},
    }


def _result(result, finding, rules: dict[str, int]) -> dict:
    document = result.document
    end_line, end_column = document.line_col(finding.end)
    suggested = finding.suggestion is not None
    message = finding.message + (f" Suggestion: « {shown_suggestion(finding.suggestion)} »." if suggested else "")
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
        "snippet": {"text": finding.text},
    }
    location = {"artifactLocation": {"uri": artifact_uri(document.path)}}
    properties = {"category": finding.category.value, "severity": finding.severity.value}
    logical = {}
    if finding.segment is not None:  # offsets index the joined targets; the unit is what to find
        properties["segment"] = finding.segment.to_dict()
        properties["targetTextRegion"] = region
        logical = {"logicalLocations": [{"name": finding.segment.id, "kind": "element"}]}
        message += f" Segment {finding.segment.id}, target text {finding.text!r}."
    elif document.media_type == "text/html":  # offsets index the extracted text, not the file
        properties["articleTextRegion"] = region
        message += f" Text: « {finding.text} »."
    else:
        location["region"] = region
    fixes = [_fix(document.path, finding.fix)] if finding.fix and "region" in location else []
    return {
        "ruleId": finding.code,
        "ruleIndex": rules[finding.code],
        "level": ANNOTATION_LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": location, **logical}],
        "partialFingerprints": {"mtaudit/v1": fingerprint(document, finding)},
        "properties": properties,
        **({"fixes": fixes} if fixes else {}),
    }


def _fix(path: str, fix) -> dict:
    what = f"replace with « {shown_suggestion(fix.replacement)} »" if fix.replacement else "delete"
    return {
        "description": {"text": f"{'Safe' if fix.safe else 'Unsafe'} fix: {what}."},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(path)},
                "replacements": [
                    {
                        "deletedRegion": {"charOffset": fix.start, "charLength": fix.end - fix.start},
                        "insertedContent": {"text": fix.replacement},
                    }
                ],
            }
        ],
        "properties": {"safe": fix.safe},
    }


def _invocation(run: Run) -> dict:
    return {
        "executionSuccessful": not run.failures,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": failure.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(failure.path)}}}],
            }
            for failure in run.failures
        ],
    }


def artifact_uri(path: str) -> str:
    """A relative URI for relative paths (what code scanning expects), file: for absolute ones;
    the file name's bytes percent-encoded, so a name that is not valid UTF-8 is still a URI."""
    if path == "-":
        return "stdin"
    posix = os.fsencode(Path(path).as_posix())  # the bytes of a name that is not valid UTF-8
    return ("file://" if os.path.isabs(path) else "") + quote(posix)
