"""Decide which findings count: select/ignore by code prefix, severity overrides, order.

Rules only detect; this is the one place where a user's choices change what is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from audit.config import Settings
from audit.findings import Finding, Severity
from audit.rules import REGISTRY, Rule


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


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


def apply_policy(findings: Iterable[Finding], settings: Settings) -> list[Finding]:
    """Severity overrides, then one finding per (code, span), in reading order."""
    unique: dict[tuple[int, int, str], Finding] = {}
    for finding in findings:
        level = settings.severity.get(finding.code)
        if level:
            finding = replace(finding, severity=Severity(level))
        unique.setdefault((finding.start, finding.end, finding.code), finding)
    return sorted(unique.values())
