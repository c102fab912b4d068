"""What the top of an HTML report says first: the findings by severity, and the rules behind
the most serious ones, both ordered by severity, then count.

An editor opening a report should meet the critical and major findings before the many minor
nits (quotes, spaces) that usually outnumber them. The check report and the site index both
call this, from a run's findings or from the counts a site index keeps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from audit.findings import Severity

LEADING_RULES = 6  # rules named in the banner; the charts and the lists show the rest


@dataclass(frozen=True)
class RuleTally:
    """How many findings of one rule at one severity (a rule's severity can be overridden)."""

    severity: str
    code: str
    name: str
    count: int


def _rank(severity: str) -> int:
    return Severity(severity).rank


def severity_totals(tallies: Counter) -> list[tuple[str, int]]:
    """(severity, findings) for the severities present, worst first; `tallies` counts
    findings by (severity, code, name)."""
    counts: Counter = Counter()
    for (severity, _, _), n in tallies.items():
        counts[severity] += n
    return sorted(counts.items(), key=lambda sn: -_rank(sn[0]))


def leading_rules(tallies: Counter, limit: int = LEADING_RULES) -> list[RuleTally]:
    """The rules of the `limit` largest groups of findings by severity, then count, then code;
    `tallies` counts findings by (severity, code, name)."""
    ranked = sorted(tallies.items(), key=lambda item: (-_rank(item[0][0]), -item[1], item[0][1]))
    return [RuleTally(severity, code, name, n) for (severity, code, name), n in ranked[:limit]]


def rule_tallies(findings: Iterable) -> Counter:
    """(severity, code, name) → findings, from `Finding`s."""
    return Counter((f.severity.value, f.code, f.name) for f in findings)
