"""`check --fix` and `check --diff`: the only time mtaudit writes to its inputs, and only when asked.

A file is read as bytes, decoded as the audit decodes it, fixed, and written back in its own
encoding (UTF-8 with its byte order mark if it had one, Windows-1252), so every byte outside the
fixed spans is unchanged: CRLF line ends included, since decoding keeps them. HTML is not fixed:
its findings' offsets index the extracted article text, and the extraction (lexbor through
selectolax) keeps no positions in the file to map them back to. Standard input is not written
anywhere: its fixed text is printed instead.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from audit.config import Settings
from audit.errors import InputError, UserError
from audit.fixes import fix_text
from audit.ingest import load
from audit.messages import _, ngettext
from audit.results import Audit

HTML_REFUSED = ("not fixed: HTML findings index the extracted article text, which keeps no exact "
                "map back to the file's characters; fix it by hand")


@dataclass
class FixSummary:
    """What a `--fix` or `--diff` run did: what to print, and for standard input its re-check,
    which the gate reads in place of a second audit (the input cannot be read twice)."""

    fixed: Counter = field(default_factory=Counter)
    files: int = 0
    hidden: int = 0
    output: str = ""  # the diff, or standard input's fixed text
    notes: list[str] = field(default_factory=list)
    stdin_audit: Audit | None = None

    def line(self, diff: bool) -> str:
        count = sum(self.fixed.values())
        text = (ngettext("would fix {count} finding", "would fix {count} findings", count) if diff
                else ngettext("fixed {count} finding", "fixed {count} findings", count)).format(count=count)
        if self.stdin_audit is None:
            text += " " + ngettext("in {count} file", "in {count} files", self.files).format(count=self.files)
        if self.hidden:
            text += " " + _("({count} more with --unsafe-fixes)").format(count=self.hidden)
        return f"mtaudit: {text}"


def fix_paths(paths: list[str], settings: Settings, *, unsafe: bool, diff: bool, stdin_name: str | None = None,
              settings_for: Callable[[str], Settings] | None = None) -> FixSummary:
    """Fix each file in place (or only diff it) under its own settings (`settings_for`, else
    `settings`); files that cannot be read are left to the audit that follows, which reports
    them. Standard input (alone, named `stdin_name` if given) is fixed into `output`."""
    if "-" in paths and len(paths) > 1:
        raise UserError("--fix/--diff: give standard input (-) alone")
    summary = FixSummary()
    for path in paths:
        try:
            raw = load(path, settings.max_bytes, stdin_name if path == "-" else None, settings.max_parse_seconds)
        except InputError:
            if path == "-":
                raise
            continue
        if raw.media_type == "text/html":
            if path == "-":
                raise UserError(f"-: {HTML_REFUSED}")
            summary.notes.append(f"mtaudit: {path}: {HTML_REFUSED}")
            continue
        result = fix_text(raw, settings_for(path) if settings_for else settings, unsafe=unsafe)
        summary.hidden += result.hidden
        if path == "-":
            summary.stdin_audit = result.audit
            summary.output = result.text if not diff else ""
        if not result.fixed:
            continue
        summary.fixed.update(result.fixed)
        summary.files += path != "-"
        if diff:
            summary.output += unified_diff(raw.text, result.text, path)
        elif path != "-":
            _write(path, result.text, raw.encoding)
    return summary


def unified_diff(before: str, after: str, path: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), path, path)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _write(path: str, text: str, encoding: str) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(text.encode(encoding))
    except OSError as error:
        raise UserError(f"{path}: cannot write the fixed text ({error.strerror})") from None
