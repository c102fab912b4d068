"""JSON written a piece at a time, so a large report is never whole in memory.

`json.dumps` joins every piece of its output into one string, and the pieces of an indented
report are tiny: a 2 MB text of short lines (82,000 sentences, 41,000 findings) peaked at
351 MiB with `--format json`, 184 bytes per input byte. `pieces` yields the same text as
`json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`, and `Lazy` lists build each
item (a sentence, a finding, a document) only when it is written. C1 controls, bidi
overrides and lone surrogates (a file name that is not UTF-8) are written as `\\uXXXX`
escapes, which JSON reads back as the same characters: none reaches a terminal raw.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from operator import itemgetter
from typing import Any

# json escapes C0 controls itself; these it leaves raw with ensure_ascii=False.
_UNSHOWN = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escaped(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


class Lazy(list):
    """A list that makes its items as it is iterated, from a sequence or an iterator (read
    once). `pieces` is its only reader: to `json` and `len` it is an empty list."""

    def __init__(self, items: Iterable, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._items, self._make = items, make

    def __iter__(self) -> Iterator:
        return map(self._make, self._items)


_SCALARS = (str, int, float, bool, type(None))
_SCALAR_TYPES = frozenset(_SCALARS)  # exact types: a subclass takes the general path
_NUMBERS = frozenset((int, float))
_SCALAR = json.JSONEncoder(ensure_ascii=False).encode  # C-accelerated for one value
_BLOCK = 1 << 16  # characters joined before a piece is yielded


def pieces(value: Any) -> Iterator[str]:
    """The text of `json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"`.

    Written here rather than by `json`'s pure-Python indenting encoder, which took 14 s of CPU
    for the 500,000 sentences of a 2 MB page: a dict whose values are all scalars (every
    sentence, most of a finding) is encoded in one call of the C encoder, its separators set
    to the indentation, and pieces are joined into blocks before they are escaped.
    """
    buffer, length = [], 0
    for piece in _encoded(value, "\n"):
        buffer.append(piece)
        length += len(piece)
        if length >= _BLOCK:
            yield _UNSHOWN.sub(_escaped, "".join(buffer))  # structure is ASCII: only strings match
            buffer, length = [], 0
    buffer.append("\n")
    yield _UNSHOWN.sub(_escaped, "".join(buffer))


def _encoded(value: Any, newline: str) -> Iterator[str]:
    """`value` indented after `newline` (a line break and the current indentation)."""
    if isinstance(value, _SCALARS):
        yield _SCALAR(value)
    elif isinstance(value, dict):
        yield from _object(value, newline)
    elif isinstance(value, (list, tuple)):
        yield from _array(value, newline)
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _object(value: dict, newline: str) -> Iterator[str]:
    if not value:
        yield "{}"
        return
    inner = newline + "  "
    if _SCALAR_TYPES.issuperset(map(type, value.values())):
        yield "{" + inner + _flat(inner)(value)[1:-1] + newline + "}"
        return
    separator = "{" + inner
    for key in sorted(value):
        yield separator + _key(key) + ": "
        yield from _encoded(value[key], inner)
        separator = "," + inner
    yield newline + "}"


def _array(value: list | tuple, newline: str) -> Iterator[str]:
    inner, separator = newline + "  ", "[" + newline + "  "
    deeper, flat = inner + "  ", _flat(inner + "  ")
    for item in value:
        if type(item) is dict and item and _NUMBERS.issuperset(map(type, item.values())):
            yield separator + _numbers(item, inner)
        elif type(item) is dict and item and _SCALAR_TYPES.issuperset(map(type, item.values())):
            yield separator + "{" + deeper + flat(item)[1:-1] + inner + "}"  # as _object, inline
        else:
            yield separator
            yield from _encoded(item, inner)
        separator = "," + inner
    yield "[]" if separator[0] == "[" else newline + "]"


def _numbers(item: dict, newline: str) -> str:
    """A dict of finite numbers (a sentence's offsets and score) in one %-format of a template
    made once per set of keys: 0.4 µs, where the C encoder, sorting its keys, took 3.7."""
    keys, values = _template(tuple(item), newline)
    numbers = keys(item)
    try:
        if math.isfinite(sum(numbers)):  # NaN and infinities are written as JSON writes them
            return values % numbers
    except OverflowError:  # an integer too large for a float
        pass
    return "{" + newline + "  " + _flat(newline + "  ")(item)[1:-1] + newline + "}"


@cache
def _template(keys: tuple, newline: str) -> tuple[Callable[[dict], tuple], str]:
    order = sorted(keys)
    inner = newline + "  "
    lines = ("," + inner).join(f"{_key(key).replace('%', '%%')}: %r" for key in order)
    getter = itemgetter(*order) if len(order) > 1 else (lambda item: (item[order[0]],))
    return getter, "{" + inner + lines + newline + "}"


@cache
def _flat(inner: str) -> Callable[[dict], str]:
    """The C encoder of a dict of scalars, one item a line at the indentation `inner`, built
    once (`JSONEncoder.encode` builds it anew for every call)."""
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=("," + inner, ": "),
                               check_circular=False)
    make = json.encoder.c_make_encoder
    if make is None or json.encoder.c_encode_basestring is None:
        return encoder.encode
    encode = make(None, encoder.default, json.encoder.c_encode_basestring, None, ": ", "," + inner, True, False, True)
    return lambda value: "".join(encode(value, 0))


def _key(key: Any) -> str:
    """A key as `json` writes it: strings quoted, numbers, booleans and None as their JSON text."""
    return _SCALAR(key if isinstance(key, str) else _SCALAR(key))
