"""Literal prefilters are sound: a pattern that can match is never skipped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.resources import data_toml
from audit.rules.prefilter import DataPattern, PatternTable, required_literals


@pytest.mark.parametrize(
    "regex,expected",
    [
        (r"\bbasé(?:e|s|es)?\s+sur\b", {"basé"}),
        (r"\b(?:réunions?|sommets?)\s+incluses?", {"incluse"}),
        (r"\b(?:prendre|prend)\s+(?:place|part)", {"prend", "prendre"}),
        (r"[Dd]e (?!un)", {"de "}),  # small classes are spelled out; lookarounds consume nothing
        (r"(?<![\w-])[Dd]e (?!un)[aeé]", {"de a", "de e", "de é"}),
        (r"\b(le|les)\s+\1\b", None),
        (r"\bde les\b", {"de les"}),
        (r"^(?:©|\(c\))", None),
    ],
)
def test_derived_literals(regex, expected):
    found = required_literals(regex, re.IGNORECASE)
    assert (found if found is None else set(found)) == expected


def may_match(regex: str, text: str) -> bool:
    """Whether the prefilter lets `regex` run on `text`, as the rules ask it."""
    table = PatternTable((DataPattern({"regex": regex}, re.IGNORECASE, required_literals(regex, re.IGNORECASE)),))
    return bool(list(table.candidates(text.lower())))


def test_candidates_point_at_every_occurrence_of_each_literal():
    first = DataPattern({"regex": r"\brésultats?\s+en\b"}, re.IGNORECASE, frozenset({"résultat"}))
    second = DataPattern({"regex": r"lire aussi"}, re.IGNORECASE, frozenset({"lire aussi", "aussi"}))
    third = DataPattern({"regex": r"\b(le|la)\s+\1\b"}, 0, None)
    text = "lire aussi : le résultat. aussi, deux résultats en mars."
    found = [spans for _, spans in PatternTable((first, second, third)).candidates(text)]
    assert found[0] == [(16, 24), (38, 46)]
    assert sorted(found[1]) == [(0, 10), (5, 10), (26, 31)] and found[2] is None
    assert list(PatternTable((first,)).candidates("rien ici")) == []


def _entries():
    for name, table in [("calques.toml", "calque"), ("grammar.toml", "pattern"), ("boilerplate.toml", "line")]:
        for i, entry in enumerate(data_toml(name)[table]):
            yield pytest.param(entry, id=f"{name}-{i}")


@pytest.mark.parametrize("entry", list(_entries()))
def test_every_data_example_passes_its_prefilter(entry):
    assert may_match(entry["regex"], entry["example"]), entry["regex"]


_ALL = [p.values[0] for p in _entries()]
_WORDS = sorted({w for e in _ALL for w in (e["example"] + " " + e["counter_example"]).split()})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join))
def test_prefilter_never_skips_a_pattern_that_matches(text):
    for entry in _ALL:
        pattern = re.compile(entry["regex"], re.IGNORECASE)
        if pattern.search(text):
            assert may_match(entry["regex"], text), entry["regex"]
