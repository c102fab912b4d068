"""Machine-translation grammar and calques, as data: one regex, message and fix per line.

The entries live in data/grammar.toml and data/calques.toml, each with an example that
must match and a counter-example that must not (the tests run them all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from audit.document import Document
from audit.findings import Category, Severity
from audit.resources import data_toml
from audit.rules.registry import Hit, RuleOptions, rule


@cache
def _entries(name: str, table: str, flags: int) -> tuple[tuple[re.Pattern, Hit], ...]:
    """Each entry's compiled regex, with a template Hit carrying its message and fix."""
    return tuple(
        (
            re.compile(e["regex"], flags),
            Hit(0, 0, e["message"], e.get("suggestion") or None, None, _severity(e)),
        )
        for e in data_toml(name)[table]
    )


def _severity(entry: dict) -> Severity | None:
    return Severity(entry["severity"]) if "severity" in entry else None


def _scan(document: Document, entries: tuple[tuple[re.Pattern, Hit], ...]) -> Iterator[Hit]:
    for sentence in document.sentences:
        for pattern, template in entries:
            for match in pattern.finditer(sentence.text):
                if match.end() > match.start():
                    start = sentence.start + match.start()
                    yield replace(template, start=start, end=start + len(match.group()))


@rule("MT501", "mt-grammar", Category.GRAMMAR, Severity.MAJOR, mt_weight=3.0)
def mt_grammar(document: Document, options: RuleOptions) -> Iterator[Hit]:
    """Grammar errors typical of machine translation (data/grammar.toml).

    Why: word-by-word output drops articles inside quotes, leaves a bare infinitive after
    « confirmer », contracts nothing (« de les »): errors a French writer does not make.

    Example: Pyongyang aurait décidé d’envoyer « troupes importantes ».
    Use instead: Pyongyang aurait décidé d’envoyer « des troupes importantes ».
    """
    yield from _scan(document, _entries("grammar.toml", "pattern", 0))


@rule("MT502", "calque", Category.CALQUE, Severity.MINOR, mt_weight=1.5)
def calque(document: Document, options: RuleOptions) -> Iterator[Hit]:
    """An expression calqued on English (data/calques.toml).

    Why: « faire sens », « prendre place », « résulter en » are English structures in French
    words; they mark translated text even when each word is French.

    Example: Cette décision fait sens pour Séoul.
    Use instead: Cette décision a du sens pour Séoul.
    """
    yield from _scan(document, _entries("calques.toml", "calque", re.IGNORECASE))
