"""Literal prefilters are sound: a pattern that can match is never skipped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.resources import data_toml
from audit.rules.prefilter import may_match, required_literals


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


def _entries():
    for name, table in [("calques.toml", "calque"), ("grammar.toml", "pattern"), ("boilerplate.toml", "line")]:
        for i, entry in enumerate(data_toml(name)[table]):
            yield pytest.param(entry, id=f"{name}-{i}")


@pytest.mark.parametrize("entry", list(_entries()))
def test_every_data_example_passes_its_prefilter(entry):
    literals = required_literals(entry["regex"], re.IGNORECASE)
    assert may_match(literals, entry["example"].lower()), (entry["regex"], literals)


_ALL = [p.values[0] for p in _entries()]
_WORDS = sorted({w for e in _ALL for w in (e["example"] + " " + e["counter_example"]).split()})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join))
def test_prefilter_never_skips_a_pattern_that_matches(text):
    for entry in _ALL:
        pattern = re.compile(entry["regex"], re.IGNORECASE)
        if pattern.search(text):
            assert may_match(required_literals(entry["regex"], re.IGNORECASE), text.lower()), entry["regex"]
