"""French typography: quotation marks and the spaces around punctuation.

French sets « » with non-breaking spaces inside, a (thin) non-breaking space before : ; ! ?
and a normal space after closing punctuation. Machine translation and English-trained
spinners leave English quotes and English spacing behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.document import Document
from audit.findings import Category, Fix, Severity
from audit.messages import N_
from audit.rules.registry import Hit, RuleContext, rule

NBSP, NNBSP = "\u00a0", "\u202f"
_SPACES = (" ", NBSP, NNBSP)
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿŒœ"
_ENGLISH_QUOTE = re.compile("[\u201c\u201d\u201e\u2018]")
_QUOTE_MARK = re.compile("[«»\u201c\u201d\u201e]")
_STRAIGHT_QUOTED = re.compile(rf'(?<![=\w])"([^"\n<>=]{{1,300}}?)"(?![{_LETTER}\d=])')
_CLOSER_THEN_LETTER = re.compile(rf"[»\u201d)\]](?=[{_LETTER}])")
_STOP_THEN_CAPITAL = re.compile(rf"(?<=[{_LETTER}]{{2}})[.!?;](?=[A-ZÀ-ÖØ-Þ][{_LETTER}])")
_COMMA_THEN_LETTER = re.compile(rf"(?<=[{_LETTER}]),(?=[{_LETTER}])")
_DOUBLE_PUNCT = re.compile(r"(?<=\S)([ \u00a0\u202f]?)([;:!?]+)")
_ENTITY_END = re.compile(r"&#?\w+$")
_URL_LIKE = re.compile(r"(?:https?|ftp|mailto|www)\S*$", re.IGNORECASE)
_OPEN_GUILLEMET = re.compile(r"«([ \u00a0\u202f]?)(?=\S)")
_CLOSE_GUILLEMET = re.compile(r"(?<=\S)([ \u00a0\u202f]?)»")
_SPACE_BEFORE_COMMA = re.compile(rf"(?<=[{_LETTER}\d»)])[ \u00a0]+[,.](?=\s|$)")


@rule("MT101", "english-quotes", Category.QUOTES, Severity.MINOR, fix="safe")
def english_quotes(document: Document, context: RuleContext) -> Iterator[Hit]:
    """English quotation marks “ ” where French uses « ».

    Why: French quotes are « guillemets » with non-breaking spaces inside; “ ” and „ are the
    commonest trace of text machine-translated from English or typed on an English layout.

    Example: Il a parlé d’une “menace importante”.
    Use instead: Il a parlé d’une « menace importante ».
    """
    text = document.text
    paired = _paired_quotes(text)
    for match in _ENGLISH_QUOTE.finditer(text):
        opening = match.group() in "\u201c\u201e\u2018"
        suggestion = "«" + NBSP if opening else NBSP + "»"
        yield Hit(
            match.start(),
            match.end(),
            N_("English quotation mark; French uses « »"),
            suggestion,
            fix=_quote_fix(text, match.start(), opening, suggestion, match.start() in paired),
        )


def _paired_quotes(text: str) -> frozenset[int]:
    """Offsets of the “ (or „) and ” that close each other outside « »: the marks a pair of
    guillemets can replace without a reader's eye. A lone or reversed mark (”amis”), a ‘ (its
    closing ’ is also the apostrophe) and quotes nested inside « » (French nests “ ” there)
    are not."""
    paired, depth, opened = set(), 0, None
    for match in _QUOTE_MARK.finditer(text):
        mark = match.group()
        if mark in "«»":
            depth = depth + 1 if mark == "«" else max(depth - 1, 0)
        elif mark != "\u201d":
            opened = (match.start(), depth)
        elif opened is not None:
            if opened[1] == 0:
                paired.update((opened[0], match.start()))
            opened = None
    return frozenset(paired)


def _quote_fix(text: str, start: int, opening: bool, replacement: str, safe: bool) -> Fix:
    """The guillemet takes the space already inside the quotes with it."""
    end = start + 1
    if opening and text[end : end + 1] in _SPACES:
        end += 1
    elif not opening and start and text[start - 1] in _SPACES:
        start -= 1
    return Fix(start, end, replacement, safe)


@rule("MT102", "straight-quotes", Category.QUOTES, Severity.MINOR, fix="safe")
def straight_quotes(document: Document, context: RuleContext) -> Iterator[Hit]:
    """Straight quotes "…" used as quotation marks.

    Why: "…" is a typewriter habit; published French uses « ». Attribute values such as
    class="x" are markup residue and left to MT401.

    Example: Le ministre parle d’un "plan de victoire".
    Use instead: Le ministre parle d’un « plan de victoire ».
    """
    for match in _STRAIGHT_QUOTED.finditer(document.text):
        inner = match.group(1).strip()
        yield Hit(
            match.start(),
            match.end(),
            N_('straight quotes "…"; French uses « »'),
            f"«{NBSP}{inner}{NBSP}»",
        )


@rule("MT103", "missing-space-after-punctuation", Category.PUNCTUATION, Severity.MINOR, fix="safe")
def missing_space_after(document: Document, context: RuleContext) -> Iterator[Hit]:
    """No space between closing punctuation and the next word: `»a`, `)ce`, `”a-t-il`, `fin.Le`.

    Why: spinners that rebuild sentences from fragments glue them back without a space; no
    French (or English) typesetting allows it.

    Example: « une menace importante »a souligné la présidence.
    Use instead: « une menace importante », a souligné la présidence.
    """
    text = document.text
    for pattern in (_CLOSER_THEN_LETTER, _STOP_THEN_CAPITAL, _COMMA_THEN_LETTER):
        for match in pattern.finditer(text):
            start = match.start()
            if _in_url(text, start) or _ENTITY_END.search(text, max(start - 12, 0), start):
                continue
            replacement = text[start] + " " + text[start + 1]
            yield Hit(
                start,
                start + 2,
                N_("missing space after « {mark} »").format(mark=text[start]),
                replacement,
                fix=Fix(start, start + 2, replacement, safe=_not_a_word_part(text, start)),
            )


def _not_a_word_part(text: str, closer: int) -> bool:
    """`(re)voir`, `(n’)est`, `[s]es`: brackets around part of a word take no space, so a
    bracket closing a single word is fixed only with --unsafe-fixes."""
    opener = {")": "(", "]": "["}.get(text[closer])
    if opener is None:
        return True
    start = text.rfind(opener, 0, closer)
    return start >= 0 and any(space in text[start:closer] for space in _SPACES)


def _in_url(text: str, offset: int) -> bool:
    token_start = max(text.rfind(" ", 0, offset), text.rfind("\n", 0, offset)) + 1
    return bool(_URL_LIKE.match(text, token_start, offset + 1)) or "@" in text[token_start:offset]


@rule("MT104", "double-punctuation-spacing", Category.SPACING, Severity.MINOR, nit=True, fix="safe")
def double_punctuation_spacing(document: Document, context: RuleContext) -> Iterator[Hit]:
    """No space before : ; ! or ? (strict mode: a breaking space there).

    Why: French puts a non-breaking space (U+00A0 before :, U+202F or U+00A0 before ; ! ?)
    before two-part punctuation; English puts none. The lenient default accepts any space;
    `--strict-spacing` asks for the non-breaking one, as publishers do.

    Example: Personnel civil ou militaire?
    Use instead: Personnel civil ou militaire ?
    """
    text = document.text
    for match in _DOUBLE_PUNCT.finditer(text):
        space, marks = match.group(1), match.group(2)
        start = match.start(2)
        previous = text[match.start() - 1] if match.start() else ""
        if _ignorable_double_punct(text, start, marks, previous):
            continue
        wanted = NBSP if marks[0] == ":" else NNBSP
        if not space:
            yield Hit(start, match.end(2), N_("no space before « {marks} »").format(marks=marks), wanted + marks)
        elif context.strict_spacing and space == " ":
            yield Hit(match.start(1), match.end(2), N_("breaking space before « {marks} »").format(marks=marks), wanted + marks)


def _ignorable_double_punct(text: str, start: int, marks: str, previous: str) -> bool:
    after = text[start + len(marks) : start + len(marks) + 1]
    if marks[0] == ":" and (after == "/" or (previous.isdigit() and after.isdigit())):
        return True  # URLs and times (8:30)
    if previous in "([{«\u201c'\"" or previous in ";:!?":
        return True
    if _ENTITY_END.search(text, max(start - 12, 0), start):
        return True  # &nbsp; and friends are markup residue, left to MT401
    return _in_url(text, start)


# (a space inside, opening) -> the message
_GUILLEMET_SPACES = {
    (False, True): N_("no space after «"),
    (False, False): N_("no space before »"),
    (True, True): N_("a breaking space after «"),
    (True, False): N_("a breaking space before »"),
}


@rule("MT105", "guillemet-spacing", Category.SPACING, Severity.MINOR, nit=True, fix="safe")
def guillemet_spacing(document: Document, context: RuleContext) -> Iterator[Hit]:
    """No space inside « » (strict mode: a breaking one).

    Why: « and » take a non-breaking space on their inner side; «texte» is a sign of
    quotes converted mechanically from “texte”.

    Example: Il dénonce «la coalition des criminels».
    Use instead: Il dénonce « la coalition des criminels ».
    """
    for pattern, opening in ((_OPEN_GUILLEMET, True), (_CLOSE_GUILLEMET, False)):
        for match in pattern.finditer(document.text):
            space = match.group(1)
            if space and not (context.strict_spacing and space == " "):
                continue
            mark = "«" if opening else "»"
            suggestion = mark + NBSP if opening else NBSP + mark
            yield Hit(match.start(), match.end(), _GUILLEMET_SPACES[bool(space), opening], suggestion)


@rule("MT106", "space-before-comma", Category.PUNCTUATION, Severity.MINOR, fix="safe")
def space_before_comma(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A space before a comma or a full stop.

    Why: neither French nor English puts one there; it comes from naive detokenisation of
    machine output.

    Example: Les troupes sont arrivées , selon Séoul .
    Use instead: Les troupes sont arrivées, selon Séoul.
    """
    for match in _SPACE_BEFORE_COMMA.finditer(document.text):
        mark = match.group()[-1]
        yield Hit(match.start(), match.end(), N_("space before « {mark} »").format(mark=mark), mark)
