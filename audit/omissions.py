"""The severity of what an article leaves out of its source, decided once the verdict is known.

A rewritten article that drops sentences (MT604), names (MT607) or figures (MT610) of its
wire source, or phrases of a sentence (MT612), is normal journalism: editors cut. The same omissions in a text judged
machine-translated are a translation that lost content. So these findings keep their rule's
severity only when the verdict is "likely machine-translated" and are minor otherwise, which
keeps them out of the default gate (`fail-on = major`). A `severity` set for the code in the
configuration wins over both.

The verdict's features leave these findings out, so deciding after it changes no
likelihood; the MQM score is computed afterwards, with the settled severities.

Example: an article keeping 4 of its source's 9 sentences, verdict "clean": its MT604
findings are minor and `mtaudit check --sources` passes; with `severity = {MT604 = "major"}`
in `mtaudit.toml` they fail it.
"""

from __future__ import annotations

from dataclasses import replace

from audit.config import Settings
from audit.findings import Finding, Severity
from audit.verdict import LIKELY_MT_LABEL, Verdict

# Source-based omissions: normal in rewriting, a loss in translation.
OMISSION_CODES = frozenset({"MT604", "MT607", "MT610", "MT612"})


def settle_omissions(findings: list[Finding], verdict: Verdict, settings: Settings) -> list[Finding]:
    """Omissions made minor unless the document reads as machine-translated or the
    configuration sets their severity."""
    if verdict.label == LIKELY_MT_LABEL:
        return findings
    return [
        replace(f, severity=Severity.MINOR)
        if f.code in OMISSION_CODES and f.code not in settings.severity else f
        for f in findings
    ]
