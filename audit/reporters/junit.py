"""JUnit XML: one test case per document, failed when the gate fails it.

CI systems (GitLab, Jenkins, Azure) show JUnit results natively. The failure message is the
gate's own reason, so the red test and the exit code always agree; the body lists every
finding. Input errors become `<error>` test cases.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from audit.gate import failing_reasons
from audit.reporters.segment_fields import position
from audit.reporters.visible import visible
from audit.results import Run

# Characters XML 1.0 forbids even when escaped; an article may still contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(run: Run) -> str:
    suite = ET.Element("testsuite", name="mtaudit")
    failures = 0
    for result in run.audits:
        case = _case(suite, result.document.path)
        reasons = failing_reasons(result, run)
        if reasons:
            failures += 1
            failure = ET.SubElement(case, "failure", type="mtaudit", message=_clean("; ".join(reasons)))
            failure.text = _clean(_finding_lines(result))
        elif result.findings:
            ET.SubElement(case, "system-out").text = _clean(_finding_lines(result))
    for failure_ in run.failures:
        ET.SubElement(_case(suite, failure_.path), "error", type="input", message=_clean(failure_.message))
    counts = {"tests": len(run.audits) + len(run.failures), "failures": failures, "errors": len(run.failures)}
    for key, value in counts.items():
        suite.set(key, str(value))
    root = ET.Element("testsuites", name="mtaudit", **{k: str(v) for k, v in counts.items()})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(suite: ET.Element, path: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname="mtaudit", name=_clean(path), file=_clean(path))


def _finding_lines(result) -> str:
    return "\n".join(
        f"{position(result.document, f)} {f.code} {f.severity.value} {f.message} «{f.text}»" for f in result.findings
    )


def _clean(text: str) -> str:
    """Control characters shown as escapes (`visible`), what XML forbids even escaped replaced."""
    return _NOT_XML.sub("\ufffd", visible(text))
