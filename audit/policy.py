"""Decide which findings count: select/ignore by code prefix, what the user exempted
(per-file ignores, inline suppressions, the site's accepted terms), severity overrides, order.
The baseline of findings already known is applied after scoring (`audit.pipeline`).

Rules only detect; this is the one place where a user's choices change what is reported.
Exemptions only remove findings, never change one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import PurePath

from audit.baseline import normal_path
from audit.config import Settings
from audit.document import Document
from audit.findings import Category, Finding, Severity
from audit.rules import REGISTRY, Rule
from audit.suppressions import unsuppressed

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
    one finding per (code, span), and residue absorbing what it covers."""
    unique: dict[tuple[int, int, str], Finding] = {}
    for finding in not_exempted(document, list(findings), settings):
        level = settings.severity.get(finding.code)
        if level:
            finding = replace(finding, severity=Severity(level))
        unique.setdefault((finding.start, finding.end, finding.code), finding)
    return _without_absorbed(sorted(unique.values()))


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


def not_exempted(document: Document, findings: list[Finding], settings: Settings) -> list[Finding]:
    """Findings left once per-file ignores, inline markers and accepted terms have spoken."""
    ignored = ignored_for_path(document.path, settings)
    kept = [f for f in findings if not f.code.startswith(ignored)] if ignored else findings
    kept = in_prose(document, kept)
    kept = without_accepted_terms(document, kept, settings.accept)
    return unsuppressed(document, kept) if settings.inline_suppressions else kept


def in_prose(document: Document, findings: list[Finding]) -> list[Finding]:
    """Drop findings about masked markup (`audit.markdown`): those that start in it, and
    those that touch it and hold no letter or digit, such as the « space before '.' » a
    link's masked target leaves before the full stop that follows it."""
    if not document.non_prose:
        return findings
    spans = document.non_prose
    starts = [start for start, _ in spans]

    def about_markup(finding: Finding) -> bool:
        i = bisect.bisect_right(starts, finding.start) - 1
        if i >= 0 and finding.start < spans[i][1]:
            return True
        j = bisect.bisect_left(starts, finding.end) - 1
        touches = j >= 0 and spans[j][1] > finding.start
        return touches and not any(ch.isalnum() for ch in document.text[finding.start : finding.end])

    return [f for f in findings if not about_markup(f)]


def ignored_for_path(path: str, settings: Settings) -> tuple[str, ...]:
    """Code prefixes ignored for `path` by the `per-file-ignores` globs (`*` crosses `/`).

    A glob is tried on the path (relative to the current directory when inside it, see
    `normal_path`) and on the file name alone."""
    if not settings.per_file_ignores:
        return ()
    posix = normal_path(path)
    names = {posix, PurePath(posix).name}
    return tuple(
        code
        for pattern, codes in settings.per_file_ignores
        if any(fnmatch(name, pattern) for name in names)
        for code in codes
    )


def without_accepted_terms(document: Document, findings: list[Finding], terms: tuple[str, ...]) -> list[Finding]:
    """Drop findings inside an occurrence of an accepted term (whole words, any case): brand
    names and house vocabulary that are English on purpose."""
    if not terms:
        return findings
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)", re.IGNORECASE)
    spans = [m.span() for m in pattern.finditer(document.text)]
    return [f for f in findings if not any(s <= f.start and f.end <= e for s, e in spans)]
