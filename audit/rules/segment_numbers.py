"""Numbers of a source and its French target, compared by value (rule MT703).

English groups thousands with commas and writes a decimal point ("1,500.5"); French groups
them with a space, often no-break or narrow (« 1 500,5 »), and writes a decimal comma. Each
number is read with its language's convention and also as written, so a version number
"3.11" kept as is in the target still matches; a spelled-out number up to twelve may stand
for its digits on either side (data/segment_checks.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache

from audit.resources import data_toml

_ENGLISH = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\w,])\d+(?:\.\d+)?(?![\d])")
_FRENCH = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\d])|(?<![\w])\d+(?:[,.]\d+)*(?![\d])"
)


_SPACES = "[ \u00a0\u202f\u2009]"


def _value(text: str, group: str, decimal: str) -> str | None:
    """The value of `text` written with this group separator (spaces always group) and
    decimal mark, or None when it is not written that way (groups of three digits)."""
    grouping = f"(?:{_SPACES}|{re.escape(group)})" if group else _SPACES
    if not re.fullmatch(rf"\d{{1,3}}(?:{grouping}\d{{3}})*(?:{re.escape(decimal)}\d+)?|\d+(?:{re.escape(decimal)}\d+)?", text):
        return None
    digits = re.sub(grouping, "", text).replace(decimal, ".")
    try:
        return format(Decimal(digits).normalize(), "f")
    except InvalidOperation:
        return None


_ENGLISH_WAY = ((",", "."),)
_FRENCH_WAY = (("", ","), (",", "."))  # a number kept in the English format still means its value


def _readings(text: str, conventions: tuple[tuple[str, str], ...]) -> set[str]:
    """What a written number may mean: its value read with each convention, or the literal."""
    readings = {text}
    for group, decimal in conventions:
        value = _value(text, group, decimal)
        if value is not None:
            readings.add(value)
    return readings


@cache
def _spelled() -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """Per number 0–12: (English word pattern, French word pattern)."""
    table = data_toml("segment_checks.toml")["numbers"]
    return tuple(
        (re.compile(rf"\b(?:{english})\b", re.IGNORECASE), re.compile(rf"(?<!\w)(?:{french})(?!\w)", re.IGNORECASE))
        for english, french in zip(table["english"], table["french"])
    )


def _spelled_out(value: set[str], text: str, side: int) -> bool:
    """Whether `text` spells out one of the readings (0–12) in words of its language."""
    words = _spelled()
    return any(
        reading.isdigit() and int(reading) < len(words) and words[int(reading)][side].search(text)
        for reading in value
    )


def number_differences(source: str, target: str) -> Iterator[tuple[int, int, tuple[int, int] | None, str]]:
    """(start, end in the target, span in the source or None, message) for each difference."""
    source_numbers = [(m.span(), m.group(), _readings(m.group(), _ENGLISH_WAY)) for m in _ENGLISH.finditer(source)]
    target_numbers = [(m.span(), m.group(), _readings(m.group(), _FRENCH_WAY)) for m in _FRENCH.finditer(target)]
    unmatched_target = list(range(len(target_numbers)))
    for span, written, readings in source_numbers:
        match = next((i for i in unmatched_target if target_numbers[i][2] & readings), None)
        if match is not None:
            unmatched_target.remove(match)
        elif not _spelled_out(readings, target, 1):
            yield 0, len(target), span, f"the source's number {written} is not in the target"
    for i in unmatched_target:
        (start, end), written, readings = target_numbers[i]
        if not _spelled_out(readings, source, 0):
            yield start, end, None, f"the number {written} is not in the source"
