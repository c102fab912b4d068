"""Decide which findings count: select/ignore by code prefix, exemptions (audit.exemptions),
severity overrides, order.

Rules only detect; this is the one place where a user's choices change what is reported.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace

from audit.config import Settings
from audit.document import Document
from audit.exemptions import not_exempted, not_in_baseline
from audit.findings import Category, Finding, Severity
from audit.rules import REGISTRY, Rule

ABSORBING = frozenset({Category.BOILERPLATE, Category.DUPLICATE, Category.MARKUP})


def selected_rules(settings: Settings, *, with_source: bool = False) -> list[Rule]:
    """Rules chosen by the longest matching prefix, as ruff resolves select and ignore."""
    chosen = []
    for code, rule_ in sorted(REGISTRY.items()):
        if rule_.needs_source and not with_source:
            continue
        select = max((len(p) for p in settings.select if code.startswith(p)), default=-1)
        ignore = max((len(p) for p in settings.ignore if code.startswith(p)), default=-1)
        if select > ignore:
            chosen.append(rule_)
    return chosen


def apply_policy(findings: Iterable[Finding], settings: Settings, document: Document) -> list[Finding]:
    """Exemptions (per-file ignores, inline suppressions, accepted terms), severity overrides,
    one finding per (code, span), residue absorbing what it covers, and last the baseline."""
    unique: dict[tuple[int, int, str], Finding] = {}
    for finding in not_exempted(document, list(findings), settings):
        level = settings.severity.get(finding.code)
        if level:
            finding = replace(finding, severity=Severity(level))
        unique.setdefault((finding.start, finding.end, finding.code), finding)
    return not_in_baseline(document, _without_absorbed(sorted(unique.values())), settings)


def _without_absorbed(findings: list[Finding]) -> list[Finding]:
    """Drop findings inside a boilerplate, duplicate or markup span.

    A "Follow us on Google News" line is one error (site furniture to delete), not also an
    untranslated sentence; a repeated paragraph's slips were reported in its first copy.
    """
    covering = [f for f in findings if f.category in ABSORBING]
    starts = [f.start for f in covering]
    reach, furthest = [], -1
    for f in covering:
        furthest = max(furthest, f.end)
        reach.append(furthest)
    kept = []
    for finding in findings:
        i = bisect.bisect_right(starts, finding.start) - 1
        inside = i >= 0 and reach[i] >= finding.end
        if finding.category in ABSORBING or not inside:
            kept.append(finding)
    return kept
