"""Apply the fixes findings carry, as `ruff --fix` does: edit, re-check, repeat.

Fixes whose spans overlap cannot all be applied to the same text; the first of each overlapping
group (in reading order) is, the others wait for the re-check, which finds them again at their
new offsets if they still apply. The loop stops when a pass applies nothing, or after
`MAX_PASSES`. Only safe fixes are taken unless unsafe ones are asked for, and only fixes whose
text the file's encoding can hold (a Windows-1252 file gets U+00A0 where U+202F is wanted).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from audit.config import Settings
from audit.findings import Finding, Fix
from audit.ingest import RawText
from audit.pipeline import audit_text
from audit.results import Audit

MAX_PASSES = 10
_NARROW_NBSP, _NBSP = "\u202f", "\u00a0"


@dataclass(frozen=True)
class Fixed:
    """A text after fixing: how many findings of each code were fixed, and its re-check."""

    text: str
    fixed: Counter
    audit: Audit

    @property
    def hidden(self) -> int:
        """Fixes left because they are unsafe (what `--unsafe-fixes` would add)."""
        return sum(1 for f in self.audit.findings if f.fix is not None and not f.fix.safe)


def fix_text(raw: RawText, settings: Settings, *, unsafe: bool = False) -> Fixed:
    """Fix `raw` until a re-check finds nothing more to fix (source rules propose no fixes,
    so the passes run without the sources stage)."""
    settings = replace(settings, sources=None)
    result, fixed = audit_text(raw, settings), Counter()
    for _ in range(MAX_PASSES):
        edits = [(fix, finding.code) for finding in result.findings
                 if (fix := _usable(finding, unsafe, raw.encoding)) is not None]
        text, applied = apply_fixes(raw.text, edits)
        if not applied:
            break
        fixed.update(applied)
        raw = replace(raw, text=text)
        result = audit_text(raw, settings)
    return Fixed(raw.text, fixed, result)


def apply_fixes(text: str, edits: list[tuple[Fix, str]]) -> tuple[str, list[str]]:
    """`text` with the non-overlapping edits applied (earliest first), and their codes."""
    pieces, applied, position = [], [], 0
    for fix, code in sorted(edits, key=lambda edit: (edit[0].start, edit[0].end)):
        if fix.start < position or (applied and fix.start == position == fix.end):
            continue  # overlaps the previous edit (or inserts where it ended): next pass
        if text[fix.start : fix.end] == fix.replacement:
            continue
        pieces += [text[position : fix.start], fix.replacement]
        applied.append(code)
        position = fix.end
    return "".join(pieces) + text[position:], applied


def _usable(finding: Finding, unsafe: bool, encoding: str) -> Fix | None:
    fix = finding.fix
    if fix is None or not (fix.safe or unsafe):
        return None
    for replacement in (fix.replacement, fix.replacement.replace(_NARROW_NBSP, _NBSP)):
        try:
            replacement.encode(encoding)
        except UnicodeEncodeError:
            continue
        return replace(fix, replacement=replacement)
    return None
