"""`check --statistics`: how many findings of each code, most frequent first, as
`ruff --statistics` prints them: count, code, `[*]` when some of them have a safe fix
(`--fix` takes those on; HTML is never fixed), and the rule's name. Nothing from an input is printed, only codes."""

from __future__ import annotations

from collections import Counter

from audit.results import Run
from audit.rules import REGISTRY


def render(run: Run) -> str:
    findings = [finding for result in run.audits for finding in result.findings]
    counts = Counter(finding.code for finding in findings)
    fixable = {finding.code for result in run.audits if result.document.media_type != "text/html"
               for finding in result.findings if finding.fix is not None and finding.fix.safe}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for _, count in ranked), default=1)
    return "".join(
        f"{count:>{width}}  {code}  {'[*] ' if code in fixable else '    '}{REGISTRY[code].name}\n"
        for code, count in ranked
    )
