"""The edits rules propose when "the suggestion in place of the span" is not the right one.

A deletion must not leave a hole: a boilerplate line goes with its line break (and the blank
line after it), a link label inside a sentence with the space before it. A data entry's fix
replaces one literal inside its match (« de le Kremlin » → « du Kremlin »), keeping the capital
of a sentence's first word. Both are unsafe: a deleted line or a reworded phrase is a change
of content an editor should see first.
"""

from __future__ import annotations

from audit.findings import Fix

_PADDING = " \t\u00a0\u202f•"
_SPACES = " \u00a0\u202f"
_AFTER_INNER_DELETION = _SPACES + ",.;:!?)]»\r\n"


def deletion(text: str, start: int, end: int) -> Fix:
    """Delete `start:end`: the whole line when nothing else is on it, else with one space."""
    line_start = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", end)
    line_end = len(text) if newline < 0 else newline + 1
    if text[line_start:start].strip(_PADDING) or text[end:line_end].strip(_PADDING + "\r\n"):
        if start > 0 and text[start - 1] in _SPACES and (end == len(text) or text[end] in _AFTER_INNER_DELETION):
            start -= 1
        return Fix(start, end, "", safe=False)
    if line_start == 0 or text.endswith("\n", 0, line_start - 1) or text.endswith("\n\r", 0, line_start - 1):
        line_end = _past_blank_lines(text, line_end)  # a paragraph of its own: take its blank line
    return Fix(line_start, line_end, "", safe=False)


def _past_blank_lines(text: str, offset: int) -> int:
    while offset < len(text):
        newline = text.find("\n", offset)
        if newline < 0 or text[offset:newline].strip(_PADDING + "\r"):
            break
        offset = newline + 1
    return offset


def substitution(text: str, start: int, end: int, spec: dict | None) -> Fix | None:
    """A data entry's `fix = { old = "…", new = "…", safe = false }` applied to its match.

    `old` is found in the matched text ignoring case; when it starts with a capital there,
    `new` does too. No fix when `old` is not there as written (a line break inside it)."""
    if not spec:
        return None
    matched = text[start:end]
    old, new = spec["old"], spec["new"]
    lowered = matched.lower()
    at = lowered.find(old.lower()) if len(lowered) == len(matched) else -1
    if at < 0:
        return None
    if matched[at].isupper():
        new = new[:1].upper() + new[1:]
    return Fix(start + at, start + at + len(old), new, safe=bool(spec.get("safe", False)))
