"""Text from an input, made safe to show: control characters become visible escapes.

An article, a file name or a source report can hold terminal escape sequences (an OSC 8
link, a title sequence that hides what follows, a colour that paints the rest of the
report), bidirectional overrides that reorder a line on screen, or a newline that forges a
line of a line-based format (`path:line:col: CODE …`, a GitHub `::error` command). Every
reporter that writes for a terminal or a log passes such text through here, at the point
where it is written. A file name that is not valid UTF-8 reaches Python with its bad bytes
as lone surrogates (PEP 383); they are shown as `\\xNN`, so every reporter can encode them.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidirectional marks and overrides, lone surrogates.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_IN_BLOCK = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[{_UNSAFE}\t\n]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character escaped except tab and newline (a block of text)."""
    return _UNSAFE_IN_BLOCK.sub(_escaped, text)


def one_line(text: str) -> str:
    """`text` on one line: newlines and tabs escaped too (a file name, a message)."""
    return _UNSAFE_IN_LINE.sub(_escaped, text)
