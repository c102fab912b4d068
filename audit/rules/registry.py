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
from typing import TYPE_CHECKING

from audit.document import Document
from audit.findings import Category, Finding, Fix, SegmentLocation, Severity

if TYPE_CHECKING:
    from audit.qe import SegmentEstimate
    from audit.sources.context import AlignedSource


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: `start:end` in the document text, why, and a fix if one is clear."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    context: str | None = None
    severity: Severity | None = None  # a data entry may rate itself above or below its rule
    category: Category | None = None  # a learned span says its own (MT712)
    source_span: tuple[int, int] | None = None  # bilingual: offsets into the segment's source
    fix: Fix | None = None  # an edit other than "the suggestion in place of start:end"


@dataclass(frozen=True)
class RuleContext:
    """What rules read besides the document: the few settings that change detection, and the
    aligned sources when the sources stage ran. Everything else is policy, applied after."""

    strict_spacing: bool = False
    extra_boilerplate: tuple[str, ...] = ()
    terminology: tuple[tuple[str, str], ...] = ()  # (term to avoid, term to use)
    glossary: tuple[tuple[str, tuple[str, ...]], ...] = ()  # bilingual: source term → target terms
    sources: tuple[AlignedSource, ...] = ()  # best first; empty without --sources
    qe: tuple[SegmentEstimate, ...] = ()  # bilingual with --qe: one learned estimate per unit

    @property
    def primary(self) -> AlignedSource | None:
        """The source omissions are measured against."""
        return self.sources[0] if self.sources else None


Check = Callable[[Document, RuleContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A stable code with its name, MQM category, default severity and documentation.

    How much a rule's hits count in the verdict is learnt by family (`audit.verdict_model`), not
    set here. `nit` marks systematic typographic slips that are folded in output and scoring;
    `bilingual` marks the segment checks, which compare each target with its source and find
    nothing in a monolingual document. `fix` says whether a hit's suggestion is the exact text
    for its span, and how safe putting it there is: "safe", "unsafe", "per entry" (data rules:
    an entry may give a fix), or None when suggestions are advice. A hit may carry its own `Fix`
    (a wider deletion, an entry's).
    """

    code: str
    name: str
    category: Category
    severity: Severity
    check: Check = field(repr=False)
    nit: bool = False
    needs_source: bool = False
    bilingual: bool = False
    fix: str | None = None

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.documentation.splitlines()[0] if self.documentation else ""


REGISTRY: dict[str, Rule] = {}
FIX_KINDS = (None, "safe", "unsafe", "per entry")


def rule(
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    *,
    nit: bool = False,
    needs_source: bool = False,
    bilingual: bool = False,
    fix: str | None = None,
) -> Callable[[Check], Check]:
    """Register a check function as a rule; its docstring is the rule's documentation."""

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        if fix not in FIX_KINDS:
            raise ValueError(f"{code}: fix must be one of {FIX_KINDS}")
        REGISTRY[code] = Rule(code, name, category, severity, check, nit, needs_source, bilingual, fix)
        return check

    return register


def to_finding(document: Document, rule_: Rule, hit: Hit) -> Finding:
    line, column = document.line_col(hit.start)
    return Finding(
        start=hit.start,
        end=hit.end,
        code=rule_.code,
        name=rule_.name,
        category=hit.category or rule_.category,
        severity=hit.severity or rule_.severity,
        message=sys.intern(hit.message),  # repeated text repeats findings: one copy of each string
        text=sys.intern(document.text[hit.start : hit.end]),
        line=line,
        column=column,
        suggestion=hit.suggestion,
        context=hit.context,
        segment=segment_location(document, hit.start, hit.end, hit.source_span),
        fix=_fix(rule_, hit),
    )


def segment_location(
    document: Document, start: int, end: int, source_span: tuple[int, int] | None = None
) -> SegmentLocation | None:
    """The bilingual unit a span lies in, with the span made relative to its target."""
    unit = document.segment_at(start)
    if unit is None:
        return None
    local_start = min(max(start - unit.start, 0), unit.end - unit.start)
    local_end = min(max(end - unit.start, local_start), unit.end - unit.start)
    return SegmentLocation(unit.id, local_start, local_end, *(source_span or (None, None)))


def _fix(rule_: Rule, hit: Hit) -> Fix | None:
    if hit.fix is not None or rule_.fix not in ("safe", "unsafe") or hit.suggestion is None:
        return hit.fix
    return Fix(hit.start, hit.end, hit.suggestion, rule_.fix == "safe")


def run_rules(document: Document, rules: Iterable[Rule], context: RuleContext) -> Iterator[Finding]:
    for rule_ in rules:
        for hit in rule_.check(document, context):
            yield to_finding(document, rule_, hit)
