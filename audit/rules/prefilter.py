"""Literal prefilters for regex rules, as ripgrep and Hyperscan do it.

Python's `re` tries a pattern that starts with `\\b(?:word|word…)` at every position of the
text. Most data patterns (calques, grammar) cannot match a given article at all, and that is
visible from literals alone: « résultats en » needs "résultats" or "résultat". For each
pattern we derive a set of strings one of which must occur in any match; a document whose
lower-cased text contains none of them skips the pattern, and one that does runs it only on
the sentences where they occur. One Aho–Corasick pass (pyahocorasick) finds every literal of a
table at once. Derivation is conservative: when no such set can be proven, the pattern always
runs, on every sentence.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from re import _constants as sre  # the parser's opcodes; stable since Python 3.11
from re import _parser

from audit.cache import cached
from audit.document import Document, Sentence
from audit.resources import data_key, data_toml

_MIN_LITERAL = 3
_MAX_SPELLINGS = 64
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def required_literals(regex: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings one of which occurs in every match of `regex`, or None."""
    try:
        return _sequence(list(_parser.parse(regex, flags & ~re.IGNORECASE)))
    except (re.error, RecursionError):
        return None


def _sequence(items: list) -> frozenset[str] | None:
    """The best requirement of a sequence: the candidate whose shortest string is longest.

    A run of literals and small character classes (`[Dd]e `) is spelled out in full, up to
    `_MAX_SPELLINGS` strings.
    """
    candidates, run = [], frozenset({""})
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue  # \b and lookarounds consume nothing: the run goes on
        spellings = _spellings(op, argument)
        if spellings and len(run) * len(spellings) <= _MAX_SPELLINGS:
            run = frozenset(prefix + tail for prefix in run for tail in spellings)
            continue
        candidates.append(_run(run))
        run = frozenset({""})
        candidates.append(_element(op, argument))
    candidates.append(_run(run))
    found = [c for c in candidates if c]
    return max(found, key=lambda c: (min(map(len, c)), -len(c))) if found else None


def _spellings(op, argument) -> frozenset[str] | None:
    """Every lower-cased string an element can match, when it is a short finite set."""
    if op is sre.SUBPATTERN:
        return _spell_sequence(list(argument[3]))
    if op is sre.BRANCH:
        alternatives = [_spell_sequence(list(branch)) for branch in argument[1]]
        if all(alternatives):
            union = frozenset().union(*alternatives)
            return union if len(union) <= _MAX_SPELLINGS else None
        return None
    return _class_chars(op, argument)


def _spell_sequence(items: list) -> frozenset[str] | None:
    spelled = frozenset({""})
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue
        tails = _spellings(op, argument)
        if not tails or len(spelled) * len(tails) > _MAX_SPELLINGS:
            return None
        spelled = frozenset(prefix + tail for prefix in spelled for tail in tails)
    return spelled


def _class_chars(op, argument) -> frozenset[str] | None:
    """The lower-cased characters a literal or a small character class can match."""
    if op is sre.LITERAL:
        return frozenset({chr(argument).lower()})
    if op is not sre.IN:
        return None
    chars = set()
    for item, value in argument:
        if item is sre.LITERAL:
            chars.add(chr(value).lower())
        elif item is sre.RANGE and value[1] - value[0] < _MAX_SPELLINGS:
            chars.update(chr(code).lower() for code in range(value[0], value[1] + 1))
        else:
            return None  # negated classes, categories (\w), large ranges
    return frozenset(chars)


def _run(spellings: frozenset[str]) -> frozenset[str] | None:
    return spellings if all(map(_selective, spellings)) else None


def _selective(literal: str) -> bool:
    """Long enough to be rare in French text: three characters, or two with a sign in them
    (the "’s" of an English genitive), not two letters (« le », « de »)."""
    return len(literal) >= _MIN_LITERAL or (len(literal) == 2 and not literal.isalnum())


def _element(op, argument) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(argument[3]))
    if op is sre.BRANCH:
        alternatives = [_sequence(list(branch)) for branch in argument[1]]
        return frozenset().union(*alternatives) if all(alternatives) else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
        return _sequence(list(argument[2]))
    return None


@dataclass(frozen=True)
class DataPattern:
    """One regex entry of a data file: its table row, its literals, compiled on first use.

    A case-insensitive regex with no capital in it runs case-sensitively on lower-cased text
    (`lowered`): the same matches, two to three times faster in `re`.
    """

    entry: dict
    flags: int
    literals: frozenset[str] | None

    @cached_property
    def lowered(self) -> bool:
        return bool(self.flags & re.IGNORECASE) and not _UPPERCASE_LITERAL.search(self.entry["regex"])

    @cached_property
    def original(self) -> re.Pattern:
        """The regex with its own flags, for text that cannot be lower-cased in place."""
        return re.compile(self.entry["regex"], self.flags)

    @cached_property
    def compiled(self) -> re.Pattern:
        """The regex to run on lower-cased text when `lowered`, else `original`."""
        if self.lowered:
            return re.compile(self.entry["regex"], self.flags & ~re.IGNORECASE)
        return self.original


_UPPERCASE_LITERAL = re.compile(r"(?<!\\)[A-ZÀ-Þ]")


@dataclass(frozen=True, eq=False)
class PatternTable:
    """The regex entries of one data table, and one Aho–Corasick automaton over all their
    literals: a single pass over a text says which patterns can match it, and where, instead
    of one substring search per literal (hundreds per table)."""

    patterns: tuple[DataPattern, ...]

    @cached_property
    def _automaton(self):
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for literal in sorted({literal for p in self.patterns for literal in p.literals or ()}):
            automaton.add_word(literal, literal)
        automaton.make_automaton()
        return automaton

    def candidates(self, lowered: str) -> Iterator[tuple[DataPattern, list[tuple[int, int]] | None]]:
        """Each pattern that may match `lowered` (a lower-cased text), with the spans where its
        literals occur there; None for a pattern without literals, which must read it all."""
        # Where each literal ends, as machine integers: a text of short repeated lines has a
        # common literal every few bytes, and a (start, end) tuple each cost 120 bytes apiece.
        ends: dict[str, array] = {}
        if len(self._automaton):
            for end, literal in self._automaton.iter(lowered):
                ends.setdefault(literal, array("q")).append(end + 1)
        for pattern in self.patterns:
            if pattern.literals is None:
                yield pattern, None
            elif found := [(end - len(lit), end) for lit in pattern.literals for end in ends.get(lit, ())]:
                yield pattern, found


@cache
def data_patterns(name: str, table: str, flags: int = 0) -> PatternTable:
    """The entries of `table` in data file `name`; the literals are kept in the table cache,
    so a cold run parses no regex it will not use."""
    entries = data_toml(name)[table]
    literals = cached(
        f"literals-{name}",
        f"{data_key(name)} {flags} {_MIN_LITERAL} selective-2",
        lambda: [sorted(found) if (found := required_literals(e["regex"], flags)) else None for e in entries],
    )
    return PatternTable(tuple(DataPattern(e, flags, frozenset(l) if l else None) for e, l in zip(entries, literals)))


@lru_cache(maxsize=64)
def joined(regexes: tuple[str, ...], flags: int) -> re.Pattern | None:
    """One alternation that matches where any of `regexes` does: to ask "does any pattern
    match?" of many short strings (lines, names), one regex call beats one per pattern. None
    (ask each pattern) when they cannot be joined: a global inline flag, or a group reference
    that would point at another pattern's group."""
    if any(_BACKREFERENCE.search(regex) for regex in regexes):
        return None
    try:
        return re.compile("|".join(f"(?:{regex})" for regex in regexes), flags)
    except re.error:
        return None


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def sentences_holding(spans: list[tuple[int, int]], document: Document) -> list[Sentence]:
    """The sentences where these literal spans lie, in reading order (a span may start in the
    white space before its sentence, so both ends count)."""
    found: dict[int, Sentence] = {}
    for start, end in spans:
        for offset in (start, end - 1):
            sentence = document.sentence_at(offset)
            if sentence is not None:
                found[sentence.index] = sentence
    return [found[i] for i in sorted(found)]
