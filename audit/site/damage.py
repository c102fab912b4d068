"""Shard lines that are not records: what every reader of a results folder skips, and tells.

Lines are written whole and fsync'd, but disks, copies and hands still damage files: a line
in the middle of a shard may not be JSON, or be JSON that is not a record (no `resume`, no
verdict). One such line used to end every later `audit-site` and `mtaudit report` in a
traceback. Readers now skip it, so the folder stays usable and the page it stood for is
audited again by the next run (its key is not among those done); the pass that reads every
line (the summary, `mtaudit report`) counts them and names the first few, so damage is
never silent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from numbers import Real

SHOWN = 3  # damaged lines named in the warning; the others are counted
# What readers take from a record (the summary, the site index, resume keys), by type.
_RECORD = {"path": str, "resume": dict}
_RESUME = {"settings": str, "content_sha256": (str, type(None))}
_DOCUMENT = {"score": Real, "words": int, "verdict": dict, "findings": list}
_VERDICT = {"label": str, "mt_likelihood": Real}
_FINDING = {"code": str, "severity": str, "category": str, "start": int, "end": int}


def parse_record(line: bytes) -> dict | str:
    """The record on `line`, or why it is not one."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested beyond reason
        return "not JSON"
    if not isinstance(record, dict) or not _has(record, _RECORD) or not _has(record["resume"], _RESUME) \
            or not isinstance(record["resume"].get("page", ""), str):
        return "not a record (no path or resume)"
    if "message" in record:
        return record if isinstance(record["message"], str) else "an error record without a message"
    if not _has(record, _DOCUMENT) or not _has(record["verdict"], _VERDICT):
        return "not a document record (no score, verdict or findings)"
    if not all(isinstance(finding, dict) and _has(finding, _FINDING) for finding in record["findings"]):
        return "a finding without code, severity, category or offsets"
    return record


def _has(value: dict, fields: dict) -> bool:
    return all(name in value and isinstance(value[name], kind) for name, kind in fields.items())


@dataclass
class Damage:
    """The damaged lines one pass over a folder met: how many, and where the first ones are."""

    count: int = 0
    first: list[str] = field(default_factory=list)

    def add(self, shard: str, number: int, reason: str) -> None:
        self.count += 1
        if len(self.first) < SHOWN:
            self.first.append(f"{shard}:{number} ({reason})")

    def warning(self) -> str | None:
        """One line for the user, or None when every line was a record."""
        if not self.count:
            return None
        more = f" and {self.count - SHOWN} more" if self.count > SHOWN else ""
        return (f"warning: {self.count} damaged shard line(s) skipped: {', '.join(self.first)}{more}; "
                "audit-site audits their pages again")
