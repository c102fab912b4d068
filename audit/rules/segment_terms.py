"""Terms across a bilingual file (MT705, MT710, MT711): the glossary, and consistency.

A glossary says how a source term is translated; consistency says a file translates the
same source the same way, and does not give one translation to different sources. The
glossary comes from the `glossary` setting (CSV or TBX, read by `audit.glossary`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.rules.registry import Hit, RuleContext, rule
from audit.rules.segments import units

_TRAILING = " \t\r\n\u00a0\u202f.!?:;…"


@lru_cache(maxsize=8)
def _term_patterns(glossary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[re.Pattern, re.Pattern, str], ...]:
    """(source term, any allowed target term with French plural endings, preferred term)."""
    made = []
    for source, targets in glossary:
        wanted = "|".join(re.escape(t) + r"(?:s|x|es)?" for t in sorted(targets, key=len, reverse=True))
        made.append((re.compile(rf"(?<![\w-]){re.escape(source)}(?:s|es)?(?![\w-])", re.IGNORECASE),
                     re.compile(rf"(?<![\w-])(?:{wanted})(?![\w-])", re.IGNORECASE), targets[0]))
    return tuple(made)


@rule("MT705", "glossary-term", Category.TERMINOLOGY, Severity.MAJOR, bilingual=True)
def glossary_term(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A source term of the glossary whose agreed translation is not in the target.

    Why: a client's glossary fixes how its product terms are translated; a target that
    says « dossier » where the glossary says « répertoire » breaks the documentation's
    and the interface's agreement. Configure `glossary = "terms.csv"` (two columns,
    source and target; or TBX). Matching ignores case and allows plural endings.

    Example: source "Delete the folder" → target « Supprimez le dossier »  (with folder = répertoire)
    Use instead: target « Supprimez le répertoire »
    """
    if not context.glossary:
        return
    patterns = _term_patterns(context.glossary)
    for segment, target in units(document):
        if not target.strip():
            continue
        for source_term, target_terms, preferred in patterns:
            found = source_term.search(segment.source)
            if found and not target_terms.search(target):
                yield Hit(segment.start, segment.end, N_("the glossary translates {term!r} as « {preferred} »").format(
                    term=found.group(), preferred=preferred),
                          source_span=found.span())


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return " ".join(text.split()).rstrip(_TRAILING).casefold()


def _inconsistent(document: Document, by_source: bool) -> Iterator[Hit]:
    first: dict[str, tuple[str, str, str]] = {}  # key → (segment id, other side, its key)
    for segment, target in units(document):
        if not target.strip() or not segment.source.strip():
            continue
        key, other = (segment.source, target) if by_source else (target, segment.source)
        seen = first.setdefault(_key(key), (segment.id, other, _key(other)))
        if seen[2] != _key(other):
            message = (N_("segment {id} has the same source, translated as {other}") if by_source
                       else N_("segment {id} has the same target, the translation of {other}"))
            yield Hit(segment.start, segment.end, message.format(id=seen[0], other=_quoted(seen[1])),
                      seen[1] if by_source else None,
                      source_span=(0, len(segment.source)) if not by_source else None)


def _quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@rule("MT710", "inconsistent-target", Category.INCONSISTENCY, Severity.MINOR, bilingual=True)
def inconsistent_target(document: Document, context: RuleContext) -> Iterator[Hit]:
    """One source translated two ways in the same file.

    Why: the same button or sentence worded differently confuses readers and costs a
    second review. Case, spacing and final punctuation are ignored.

    Example: sources "Save" and "Save" → targets « Enregistrer » and « Sauvegarder »
    Use instead: targets « Enregistrer » and « Enregistrer »
    """
    yield from _inconsistent(document, by_source=True)


@rule("MT711", "inconsistent-source", Category.INCONSISTENCY, Severity.MINOR, bilingual=True)
def inconsistent_source(document: Document, context: RuleContext) -> Iterator[Hit]:
    """One translation given to two different sources in the same file.

    Why: two different English strings ("Close", "Shut down") rendered the same way lose
    a distinction the source makes, or one of them is mistranslated.

    Example: sources "Close" and "Shut down" → targets « Fermer » and « Fermer »
    Use instead: targets « Fermer » and « Éteindre »
    """
    yield from _inconsistent(document, by_source=False)
