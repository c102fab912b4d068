"""Names transliterated the English way where French usage differs.

Russian, Ukrainian and Korean names reach French through English wires: Zelenskiy for
Zelensky, Ussuriysk for Oussouriisk. French press has settled spellings (data/transliterations.tsv),
and the English system leaves recognisable traces (data/transliteration_patterns.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.resources import data_lines, data_toml
from audit.rules.prefilter import joined
from audit.rules.registry import Hit, RuleContext, rule

# The table's names are single words: a capitalised word looked up in a dict costs less than
# one alternation of all the names.
_CAPITALISED_WORD = re.compile(r"\b[A-Z]\w+")
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)*\b")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    pairs = (line.split("\t") for line in data_lines("transliterations.tsv"))
    return {row[0].strip(): row[1].strip() for row in pairs if len(row) >= 2}


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    entries = data_toml("transliteration_patterns.toml")["pattern"]
    return tuple((re.compile(e["regex"]), e["message"]) for e in entries)


@rule("MT301", "english-transliteration", Category.TRANSLITERATION, Severity.MINOR, fix="safe")
def english_transliteration(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A name spelled the English way where French press uses another spelling.

    Why: the English spelling shows the text went through English (or an English-trained
    system). Extend data/transliterations.tsv with `english<TAB>french<TAB>kind` lines.

    Example: Volodymyr Zelenskiy affirme détenir des informations.
    Use instead: Volodymyr Zelensky affirme détenir des informations.
    """
    table = _table()
    for match in _CAPITALISED_WORD.finditer(document.text):
        french = table.get(match.group())
        if french is None:
            continue
        yield Hit(match.start(), match.end(), N_("English transliteration; French usage is « {french} »").format(french=french), french)


@rule("MT302", "transliteration-pattern", Category.TRANSLITERATION, Severity.MINOR)
def transliteration_pattern(document: Document, context: RuleContext) -> Iterator[Hit]:
    """An unlisted name showing English transliteration patterns (shch, -iy, zh…).

    Why: French transliterates Cyrillic differently (chtch, -i, j); a name with English
    patterns was probably copied from an English source.

    Example: Les forces sont stationnées à Blagoveshchensk.
    Use instead: Les forces sont stationnées à Blagovechtchensk.
    """
    listed, patterns = _table(), _patterns()
    any_pattern = joined(tuple(pattern.pattern for pattern, _ in patterns), 0)
    for match in _NAME.finditer(document.text):
        name = match.group()
        if name in listed or (any_pattern is not None and not any_pattern.search(name)):
            continue
        for pattern, message in patterns:
            if pattern.search(name):
                yield Hit(match.start(), match.end(), message)
                break
