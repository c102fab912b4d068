"""Literal prefilters for regex rules, as ripgrep and Hyperscan do it.

Python's `re` tries a pattern that starts with `\\b(?:word|word…)` at every position of the
text. Most data patterns (calques, grammar) cannot match a given article at all, and that is
visible from literals alone: « résultats en » needs "résultats" or "résultat". For each
pattern we derive a set of strings one of which must occur in any match; a document whose
lower-cased text contains none of them skips the pattern. Derivation is conservative: when no
such set can be proven, the pattern always runs.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's opcodes; stable since Python 3.11
from re import _parser

_MIN_LITERAL = 3


def required_literals(regex: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings one of which occurs in every match of `regex`, or None."""
    try:
        return _sequence(list(_parser.parse(regex, flags & ~re.IGNORECASE)))
    except (re.error, RecursionError):
        return None


def _sequence(items: list) -> frozenset[str] | None:
    """The best requirement of a sequence: the candidate whose shortest string is longest."""
    candidates, run = [], []
    for op, argument in items:
        if op is sre.LITERAL:
            run.append(chr(argument))
            continue
        candidates.append(_run(run))
        run = []
        candidates.append(_element(op, argument))
    candidates.append(_run(run))
    found = [c for c in candidates if c]
    return max(found, key=lambda c: (min(map(len, c)), -len(c))) if found else None


def _run(chars: list[str]) -> frozenset[str] | None:
    text = "".join(chars).lower()
    return frozenset({text}) if len(text) >= _MIN_LITERAL else None


def _element(op, argument) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(argument[3]))
    if op is sre.BRANCH:
        alternatives = [_sequence(list(branch)) for branch in argument[1]]
        return frozenset().union(*alternatives) if all(alternatives) else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
        return _sequence(list(argument[2]))
    return None


def may_match(literals: frozenset[str] | None, lowered_text: str) -> bool:
    return literals is None or any(literal in lowered_text for literal in literals)
