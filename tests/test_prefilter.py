"""Literal prefilters are sound: a pattern that can match is never skipped."""

from __future__ import annotations

import re

import pytest

from audit.resources import data_toml
from audit.rules.prefilter import may_match, required_literals


@pytest.mark.parametrize(
    "regex,expected",
    [
        (r"\bbasé(?:e|s|es)?\s+sur\b", {"basé"}),
        (r"\b(?:réunions?|sommets?)\s+incluses?", {"incluse"}),
        (r"\b(?:prendre|prend)\s+(?:place|part)", {"prend"}),  # re factors the common prefix
        (r"[Dd]e (?!un)", None),
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
