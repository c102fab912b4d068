"""Machine-translation grammar and calques, as data: one regex, message and fix per line.

The entries live in data/grammar.toml and data/calques.toml, each with an example that
must match and a counter-example that must not (the tests run them all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.document import Document
from audit.findings import Category, Severity
from audit.rules.edits import substitution
from audit.rules.prefilter import PatternTable, data_patterns, sentences_holding
from audit.rules.registry import Hit, RuleContext, rule


def _severity(entry: dict) -> Severity | None:
    return Severity(entry["severity"]) if "severity" in entry else None


def _scan(document: Document, table: PatternTable) -> Iterator[Hit]:
    """Each pattern reads only the sentences that hold one of its literals, one at a time: a
    match lies within one sentence, and its lookarounds see nothing beyond it."""
    text = document.text
    lower = document.lowered
    in_place = len(lower) == len(text)  # not so when a rare letter (İ) lower-cases to two
    for data, spans in table.candidates(lower):
        regex, subject = (data.compiled, lower) if data.lowered and in_place else (data.original, text)
        sentences = sentences_holding(spans, document) if spans is not None and in_place else document.sentences
        for sentence in sentences:
            for match in regex.finditer(subject, sentence.start, sentence.end):
                if match.end() > match.start():
                    fix = substitution(text, match.start(), match.end(), data.entry.get("fix"))
                    yield Hit(match.start(), match.end(), data.entry["message"],
                              data.entry.get("suggestion") or None, severity=_severity(data.entry), fix=fix)


@rule("MT501", "mt-grammar", Category.GRAMMAR, Severity.MAJOR, fix="per entry")
def mt_grammar(document: Document, context: RuleContext) -> Iterator[Hit]:
    """Grammar errors typical of machine translation (data/grammar.toml).

    Why: word-by-word output drops articles inside quotes, leaves a bare infinitive after
    « confirmer », contracts nothing (« de les »): errors a French writer does not make.

    Example: Pyongyang aurait décidé d’envoyer « troupes importantes ».
    Use instead: Pyongyang aurait décidé d’envoyer « des troupes importantes ».
    """
    yield from _scan(document, data_patterns("grammar.toml", "pattern"))


@rule("MT502", "calque", Category.CALQUE, Severity.MINOR, fix="per entry")
def calque(document: Document, context: RuleContext) -> Iterator[Hit]:
    """An expression calqued on English (data/calques.toml).

    Why: « faire sens », « prendre place », « résulter en » are English structures in French
    words; they mark translated text even when each word is French.

    Example: Cette décision fait sens pour Séoul.
    Use instead: Cette décision a du sens pour Séoul.
    """
    yield from _scan(document, data_patterns("calques.toml", "calque", re.IGNORECASE))
