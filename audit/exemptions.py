"""What the user exempted from a report: per-file ignores, inline suppressions, the site's
accepted terms, and the baseline of findings already known.

`audit.policy` calls these; they only remove findings, never change one.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import PurePath

from audit.baseline import new_findings, normal_path
from audit.config import Settings
from audit.document import Document
from audit.findings import Finding
from audit.suppressions import unsuppressed


def not_exempted(document: Document, findings: list[Finding], settings: Settings) -> list[Finding]:
    """Findings left once per-file ignores, inline markers and accepted terms have spoken."""
    ignored = ignored_for_path(document.path, settings)
    kept = [f for f in findings if not f.code.startswith(ignored)] if ignored else findings
    kept = without_accepted_terms(document, kept, settings.accept)
    return unsuppressed(document, kept) if settings.inline_suppressions else kept


def not_in_baseline(document: Document, findings: list[Finding], settings: Settings) -> list[Finding]:
    return new_findings(document, findings, settings.baseline) if settings.baseline else findings


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
