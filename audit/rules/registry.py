"""Rule metadata, the registry, and the runner that turns rule hits into Findings.

A rule only detects: it yields `Hit`s (offsets, message, suggestion). Codes, names,
categories, severities and documentation live on the `Rule`; policy (select, ignore,
severity overrides) is applied later by `audit.policy`.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from audit.document import Document
from audit.findings import Category, Finding, Severity


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: `start:end` in the document text, why, and a fix if one is clear."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    context: str | None = None
    severity: Severity | None = None  # a data entry may rate itself above or below its rule


@dataclass(frozen=True)
class RuleOptions:
    """The few settings rules read; everything else is policy, applied after detection."""

    strict_spacing: bool = False
    extra_boilerplate: tuple[str, ...] = ()
    terminology: tuple[tuple[str, str], ...] = ()  # (term to avoid, term to use)


Check = Callable[[Document, RuleOptions], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A stable code with its name, MQM category, default severity and documentation.

    `mt_weight` is how strongly one hit points at machine translation or spinning, for the
    verdict; `nit` marks systematic typographic slips that are folded in output and scoring.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    check: Check = field(repr=False)
    mt_weight: float = 1.0
    nit: bool = False
    needs_source: bool = False

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.documentation.splitlines()[0] if self.documentation else ""


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    *,
    mt_weight: float = 1.0,
    nit: bool = False,
    needs_source: bool = False,
) -> Callable[[Check], Check]:
    """Register a check function as a rule; its docstring is the rule's documentation."""

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        REGISTRY[code] = Rule(code, name, category, severity, check, mt_weight, nit, needs_source)
        return check

    return register


def to_finding(document: Document, rule_: Rule, hit: Hit) -> Finding:
    line, column = document.line_col(hit.start)
    return Finding(
        start=hit.start,
        end=hit.end,
        code=rule_.code,
        name=rule_.name,
        category=rule_.category,
        severity=hit.severity or rule_.severity,
        message=sys.intern(hit.message),  # repeated text repeats findings: one copy of each string
        text=sys.intern(document.text[hit.start : hit.end]),
        line=line,
        column=column,
        suggestion=hit.suggestion,
        context=hit.context,
    )


def run_rules(document: Document, rules: Iterable[Rule], options: RuleOptions) -> Iterator[Finding]:
    for rule_ in rules:
        for hit in rule_.check(document, options):
            yield to_finding(document, rule_, hit)
