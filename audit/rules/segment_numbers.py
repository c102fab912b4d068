"""Numbers of a source and its French target, compared by value (rule MT703).

English groups thousands with commas and writes a decimal point ("1,500.5"); French groups
them with a space, often no-break or narrow (« 1 500,5 »), and writes a decimal comma. Each
number is read with its language's convention and also as written, so a version number
"3.11" kept as is in the target still matches; a spelled-out number up to twelve may stand
for its digits on either side (data/segment_checks.toml). A number matched by value keeps its
unit: a known unit after it in the source must be rendered by one of its French forms when
the target puts a known unit after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache

from audit.messages import N_
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


@cache
def _units() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """English unit → its French forms, and every French form of any unit."""
    table = {unit: frozenset(forms) for unit, forms in data_toml("segment_checks.toml")["units"].items()}
    return table, frozenset().union(*table.values())


_UNIT_AFTER = re.compile(r"[ \u00a0\u202f\u2009]?(%|°[CF]|[^\W\d_]+|\")")


def _unit_after(text: str, end: int) -> str | None:
    match = _UNIT_AFTER.match(text, end)
    return match.group(1) if match else None


def _unit_mismatch(source: str, source_end: int, target: str, target_end: int) -> str | None:
    """The message when a number's unit is a known unit on both sides, and another one."""
    table, french_forms = _units()
    unit, rendered = _unit_after(source, source_end), _unit_after(target, target_end)
    if unit not in table or rendered is None or rendered not in french_forms or rendered in table[unit]:
        return None
    return N_("the source's unit is {unit!r}, the target's « {rendered} »").format(unit=unit, rendered=rendered)


def number_differences(source: str, target: str) -> Iterator[tuple[int, int, tuple[int, int] | None, str]]:
    """(start, end in the target, span in the source or None, message) for each difference."""
    source_numbers = [(m.span(), m.group(), _readings(m.group(), _ENGLISH_WAY)) for m in _ENGLISH.finditer(source)]
    target_numbers = [(m.span(), m.group(), _readings(m.group(), _FRENCH_WAY)) for m in _FRENCH.finditer(target)]
    unmatched_target = list(range(len(target_numbers)))
    for span, written, readings in source_numbers:
        match = next((i for i in unmatched_target if target_numbers[i][2] & readings), None)
        if match is not None:
            unmatched_target.remove(match)
            (start, end), _, _ = target_numbers[match]
            unit = _unit_mismatch(source, span[1], target, end)
            if unit:
                source_end = span[1] + len(_UNIT_AFTER.match(source, span[1]).group())
                yield start, end + len(_UNIT_AFTER.match(target, end).group()), (span[0], source_end), unit
        elif not _spelled_out(readings, target, 1):
            yield 0, len(target), span, N_("the source's number {number} is not in the target").format(number=written)
    for i in unmatched_target:
        (start, end), written, readings = target_numbers[i]
        if not _spelled_out(readings, source, 0):
            yield start, end, None, N_("the number {number} is not in the source").format(number=written)
