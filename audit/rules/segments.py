"""Segment checks of translation QA tools (MT7xx): each target compared with its source.

These are the checks of Okapi CheckMate, Xbench and Verifika: what a reviewer verifies on
every unit of a bilingual file before reading it for meaning. They read
`Document.segments` and find nothing in a monolingual document. Offsets point into the
target; a hit about something in the source also gives its span there (`Hit.source_span`).
Patterns, spelled-out numbers, bounds and accepted words are data (data/segment_checks.toml).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from audit.document import Document, Segment
from audit.findings import Category, Finding, Severity
from audit.messages import N_
from audit.resources import data_toml
from audit.rules.registry import Hit, RuleContext, rule

_WORD = re.compile(r"[^\W\d_]{2,}")
_MAY_HOLD_PLACEHOLDER = re.compile(r"[{%<&$]")  # every pattern of data/segment_checks.toml starts so
_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)(\s+)(\1)(?![\w-])", re.IGNORECASE)


def _data(table: str) -> dict:
    return data_toml("segment_checks.toml")[table]


def units(document: Document) -> Iterator[tuple[Segment, str]]:
    """Each segment with its target text."""
    for segment in document.segments:
        yield segment, document.text[segment.start : segment.end]


@rule("MT701", "target-same-as-source", Category.UNTRANSLATED, Severity.MAJOR, bilingual=True)
def target_same_as_source(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A target identical to its source.

    Why: a unit copied over untranslated. Names, codes and one-word labels often stay the
    same, so only units of two words or more with a lower-case word are reported.

    Example: source "Save your changes" → target "Save your changes"
    Use instead: target « Enregistrez vos modifications »
    """
    for segment, target in units(document):
        stripped = target.strip()
        if stripped and stripped == segment.source.strip():
            words = _WORD.findall(stripped)
            if len(words) >= 2 and any(word.islower() for word in words):
                yield Hit(segment.start, segment.end, N_("the target is the source, untranslated"))


@rule("MT702", "missing-target", Category.OMISSION, Severity.MAJOR, bilingual=True)
def missing_target(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A unit without a target, or with an empty one.

    Why: an untranslated unit ships as a blank or falls back to the source on screen.

    Example: source "Open" → no target
    Use instead: target « Ouvrir »
    """
    for segment, target in units(document):
        if segment.source.strip() and not target.strip():
            message = N_("no target for this source") if segment.missing else N_("the target is empty")
            yield Hit(segment.start, segment.end, message, source_span=(0, len(segment.source)))


@rule("MT703", "number-mismatch", Category.NUMBERS, Severity.MAJOR, bilingual=True)
def number_mismatch(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A number of the source missing from the target, or one the target adds.

    Why: a changed figure is the costliest error of a product or legal text. Formats are
    compared by value: "1,500" is « 1 500 », "3.5 cm" is « 3,5 cm », "three" may be 3; a
    number's unit must stay the same unit ("15.6 inches" is not « 15,6 cm »).

    Example: source "Delivery within 15 days" → target « Livraison sous 5 jours »
    Use instead: target « Livraison sous 15 jours »
    """
    from audit.rules.segment_numbers import number_differences

    for segment, target in units(document):
        if target.strip():
            for start, end, source_span, message in number_differences(segment.source, target):
                yield Hit(segment.start + start, segment.start + end, message, source_span=source_span)


@cache
def _placeholder_pattern() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _data("placeholders")["patterns"]))


@rule("MT704", "placeholder-mismatch", Category.TAGS, Severity.MAJOR, bilingual=True)
def placeholder_mismatch(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A placeholder, tag or inline code of the source missing from the target, or added.

    Why: a lost {0}, %s or <b> breaks the software or the page that fills it in; an XLIFF
    inline code (<g>, <x/>, <ph>) lost in the target loses its formatting.

    Example: source "Delete {0} files?" → target « Supprimer les fichiers ? »
    Use instead: target « Supprimer {0} fichiers ? »
    """
    pattern = _placeholder_pattern()
    for segment, target in units(document):
        if not target.strip():
            continue
        yield from _inline_code_hits(segment)
        if not _MAY_HOLD_PLACEHOLDER.search(segment.source) and not _MAY_HOLD_PLACEHOLDER.search(target):
            continue
        source_tokens = [(m.group(), m.span()) for m in pattern.finditer(segment.source)]
        target_tokens = [(m.group(), m.span()) for m in pattern.finditer(target)]
        left = Counter(token for token, _ in target_tokens)
        missing = []
        for token, span in source_tokens:
            if left[token] > 0:
                left[token] -= 1
            else:
                missing.append((token, span))
        if missing:
            said = ", ".join(token for token, _ in missing)
            yield Hit(segment.start, segment.end, (N_("{tokens} of the source is missing") if len(missing) == 1
                      else N_("{tokens} of the source are missing")).format(tokens=said),
                      source_span=(missing[0][1][0], missing[-1][1][1]))
        kept = Counter(token for token, _ in source_tokens)
        for token, (start, end) in target_tokens:
            if kept[token] > 0:
                kept[token] -= 1
            else:
                yield Hit(segment.start + start, segment.start + end, N_("{token} is not in the source").format(token=token), "")


def _inline_code_hits(segment: Segment) -> Iterator[Hit]:
    """XLIFF inline codes are not in the text: a difference is told for the whole unit."""
    missing = Counter(segment.source_codes) - Counter(segment.target_codes)
    added = Counter(segment.target_codes) - Counter(segment.source_codes)
    codes = {"missing": ", ".join(sorted(missing.elements())), "added": ", ".join(sorted(added.elements()))}
    if missing and added:
        message = N_("inline code {missing} of the source missing; inline code {added} not in the source")
    elif missing or added:
        message = N_("inline code {missing} of the source missing") if missing else N_("inline code {added} not in the source")
    else:
        return
    yield Hit(segment.start, segment.end, message.format(**codes))


def reported_once(document: Document, findings: list[Finding]) -> list[Finding]:
    """A bilingual document's findings less two kinds the French rules and these checks would
    both report: French rules' findings on a placeholder (`_outside_placeholders`), and a
    doubled word MT501 (grammar, « mot répété ») already reports, which MT707 leaves to it."""
    findings = _outside_placeholders(document, findings)
    grammar = [(f.start, f.end) for f in findings if f.code == "MT501"]
    return [f for f in findings if f.code != "MT707" or not any(s <= f.start < e for s, e in grammar)]


def _outside_placeholders(document: Document, findings: list[Finding]) -> list[Finding]:
    """The French rules' findings less those on a placeholder its unit's source has too:
    « %(name)s » or « {0} » is code, not French typography."""
    pattern = _placeholder_pattern()
    covered: list[tuple[int, int]] = []
    for segment, target in units(document):
        covered += [(segment.start + m.start(), segment.start + m.end())
                    for m in pattern.finditer(target) if m.group() in segment.source]
    if not covered:
        return findings
    return [f for f in findings if f.code.startswith("MT7")
            or not any(start <= f.start < end or start < f.end <= end for start, end in covered)]


@rule("MT706", "length-ratio", Category.LENGTH, Severity.MINOR, bilingual=True)
def length_ratio(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A target much shorter or much longer than its source.

    Why: French runs 10 to 20 % longer than English; a target at half the length has
    usually lost a clause, one at twice the length has gained one. The bounds lie outside
    every one of 1,516 human translations measured (data/segment_checks.toml).

    Example: source "The update fixes the login error and speeds up file downloads." → target « La mise à jour corrige l’erreur. »
    Use instead: target « La mise à jour corrige l’erreur de connexion et accélère le téléchargement des fichiers. »
    """
    bounds = _data("length")
    for segment, target in units(document):
        source, stripped = segment.source.strip(), target.strip()
        if len(source) < bounds["min_source_chars"] or not stripped:
            continue
        ratio = len(stripped) / len(source)
        if not bounds["low"] <= ratio <= bounds["high"]:
            much = (N_("the target is {ratio:.2f}× the source's length: much shorter") if ratio < bounds["low"]
                    else N_("the target is {ratio:.2f}× the source's length: much longer"))
            yield Hit(segment.start, segment.end, much.format(ratio=ratio))


@rule("MT707", "doubled-word", Category.REPETITION, Severity.MINOR, bilingual=True)
def doubled_word(document: Document, context: RuleContext) -> Iterator[Hit]:
    """The same word twice in a row in a target.

    Why: « fichier fichier », « le le » are slips of editing or of an engine's output.
    Reflexive « nous nous », « vous vous » and doublings the source has too are accepted;
    doubled articles and prepositions that MT501 reports are left to it.

    Example: source "Open the file" → target « Ouvrez le fichier fichier »
    Use instead: target « Ouvrez le fichier »
    """
    accepted = set(_data("doubled_words")["accepted"])
    for segment, target in units(document):
        source = segment.source.casefold()
        for match in _DOUBLED.finditer(target):
            word = match.group(1).casefold()
            if word in accepted or f"{word}{match.group(2)}{word}" in source:
                continue
            start = segment.start + match.start(2)
            yield Hit(start, segment.start + match.end(), N_("« {word} » twice in a row").format(word=match.group(1)), "")


@rule("MT708", "edge-whitespace", Category.WHITESPACE, Severity.MINOR, bilingual=True)
def edge_whitespace(document: Document, context: RuleContext) -> Iterator[Hit]:
    """Leading or trailing white space in the target that the source has not, or the reverse.

    Why: strings are concatenated by software; a lost or added space glues two words or
    doubles a gap on screen.

    Example: source "Total: " → target « Total : »
    Use instead: target « Total : » followed by the same space as the source
    """
    for segment, target in units(document):
        source = segment.source
        if not target.strip() or not source.strip():
            continue
        lead_source, lead_target = len(source) - len(source.lstrip()), len(target) - len(target.lstrip())
        if bool(lead_source) != bool(lead_target):
            what = (N_("the target has leading white space the source has not") if lead_target
                    else N_("the target lost the source's leading white space"))
            yield Hit(segment.start, segment.start + lead_target, what, source_span=(0, lead_source))
        trail_source, trail_target = len(source) - len(source.rstrip()), len(target) - len(target.rstrip())
        if bool(trail_source) != bool(trail_target):
            what = (N_("the target has trailing white space the source has not") if trail_target
                    else N_("the target lost the source's trailing white space"))
            yield Hit(segment.end - trail_target, segment.end, what,
                      source_span=(len(source) - trail_source, len(source)))


def final_mark(text: str) -> tuple[str, int]:
    """The class of a text's final punctuation ('' for none) and where that mark starts."""
    table = _data("punctuation")
    end = len(text.rstrip(table["closing"]))
    for mark in sorted(table["classes"], key=len, reverse=True):
        if text[:end].endswith(mark):
            return table["classes"][mark], end - len(mark)
    return "", end


@rule("MT709", "final-punctuation", Category.PUNCTUATION, Severity.MINOR, bilingual=True)
def final_punctuation(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A target that does not end with the punctuation of its source.

    Why: a question turned into a statement, a label that gained a full stop, a sentence
    that lost its own: each shows on screen. Closing quotes and brackets do not count, and
    « … » counts as "...".

    Example: source "Delete this file?" → target « Supprimer ce fichier. »
    Use instead: target « Supprimer ce fichier ? »
    """
    for segment, target in units(document):
        if not target.strip() or not segment.source.strip():
            continue
        source_mark, source_at = final_mark(segment.source)
        target_mark, target_at = final_mark(target)
        if source_mark != target_mark:
            said = f"« {target_mark} »" if target_mark else "no final punctuation"
            wanted = f"« {source_mark} »" if source_mark else "none"
            end = target_at + len(target[target_at:].rstrip(_data("punctuation")["closing"]))
            source_end = source_at + len(segment.source[source_at:].rstrip(_data("punctuation")["closing"]))
            yield Hit(segment.start + target_at, segment.start + max(end, target_at),
                      N_("the target ends with {said}, the source with {wanted}").format(said=said, wanted=wanted), source_mark or "",
                      source_span=(source_at, source_end))
