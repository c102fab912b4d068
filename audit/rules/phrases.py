"""Source checks on words inside an aligned sentence pair (MT609–MT611).

MT601–MT603 compare what survives translation unchanged (names, numbers, negation); these
compare words and lengths, and report the article's phrase with the source's beside it. They
read only confident links (`audit.rules.fidelity.confident_links`), as the others do.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.rules.fidelity import MIN_WORDS, confident_links, target_span
from audit.rules.registry import Hit, RuleContext, rule


@rule("MT609", "meaning-reversed", Category.MISTRANSLATION, Severity.CRITICAL, needs_source=True)
def meaning_reversed(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A word whose opposite, and not the word itself, the aligned source sentence says.

    Why: one antonym reverses a report as surely as a dropped « ne … pas » (« une baisse des
    cas » for "a rise in cases", « terminé » for "started"), and reads as fluently as the
    truth. Read off a bilingual lexicon of opposite pairs (`audit/data/antonyms.tsv`): the
    sentence has one side's word and not the other's, its source the other side's English
    and not this side's. A negation just before either word is MT603's business.

    Example: Les autorités ont constaté une baisse des cas en octobre.
    (source: The authorities reported a rise in cases in October.)
    Use instead: Les autorités ont constaté une hausse des cas en octobre.
    """
    from audit.sources.antonyms import reversals

    reported = set()
    for aligned, link in confident_links(context.sources):
        start, end = target_span(document, link)
        source_text = aligned.source_text(link)
        for found in reversals(document.text[start:end], source_text, aligned.alignment.source_lang):
            if start + found.start in reported:
                continue
            reported.add(start + found.start)
            yield Hit(start + found.start, start + found.end,
                      N_("« {word} » where the source has '{source_word}' (« {expected} »)").format(
                          word=found.word, source_word=found.source_word, expected=found.expected),
                      context=source_text)


# A small number is often written out in the translation (« deux semaines » for "2-week").
_NUMBER_WORDS = ("zéro", "un|une|premier|première", "deux|double|second|seconde", "trois|triple", "quatre",
                 "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze")


@rule("MT610", "number-dropped", Category.OMISSION, Severity.MAJOR, needs_source=True)
def number_dropped(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A number of the aligned source sentence that the article's sentence leaves out.

    Why: a figure dropped from a clause (« un stock de nourriture » for "a 2-week supply of
    food", a percentage left out of a parenthesis) loses the fact the sentence was written
    for. Against the main source only, as MT604; a number the sentence before or after has,
    or writes out in words (« deux »), counts as kept; a sentence with a number of its own in
    its place is MT602's finding, not an omission.

    Example: Il faut prévoir un stock de nourriture et de médicaments.
    (source: Keep a 2-week supply of food and medication.)
    Use instead: Il faut prévoir un stock de nourriture et de médicaments de 2 semaines.
    """
    from audit.sources import anchors

    for aligned, link in confident_links(context.sources[:1]):
        start, end = target_span(document, link)
        source_text, lang = aligned.source_text(link), aligned.alignment.source_lang
        source_values = {n.value for n in anchors.numbers(source_text, lang)}
        sentence_values = {n.value for n in anchors.numbers(document.text[start:end], "fr")}
        if sentence_values - source_values:
            continue
        around = document.sentences[max(0, link.target[0] - 1) : link.target[-1] + 2]
        text = document.text[around[0].start : around[-1].end]
        kept = {n.value for n in anchors.numbers(text, "fr")} | _written_out(text)
        dropped = sorted(source_values - kept - {"0", "1"}, key=source_text.find)
        if dropped:
            yield Hit(start, end, N_("the source's {numbers} is not in this sentence").format(numbers=", ".join(dropped)), context=source_text)


_WHOLE = {"totalement", "entièrement", "intégralement", "complètement"}  # "100%" in words
# "Regulation 12" is « le 12e règlement »: an ordinal keeps the number.
_ORDINAL = re.compile(r"\b(\d+)(?:e|è|ème|eme|er|re|nd|nde)\b")


def _written_out(text: str) -> set[str]:
    words = set(re.findall(r"\w+", text.lower()))
    found = {str(value) for value, forms in enumerate(_NUMBER_WORDS) if words & set(forms.split("|"))}
    return found | set(_ORDINAL.findall(text)) | ({"100"} if words & _WHOLE else set())


# The 99th percentile of log((French + 20) / (English + 20)) over ContraTICO's 474 human
# references: `python tools/fit_length_ratio.py` (cross-validated by document: 1.3 % of
# references above it, 19.4 % of "expansion_impact" copies).
LONGER_LOG_RATIO = 0.383


@rule("MT611", "longer-than-source", Category.ADDITION, Severity.MINOR, needs_source=True)
def longer_than_source(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A sentence far longer than the English sentence it translates: it likely adds a phrase.

    Why: an added clause (« …, surtout quand elles vivent seules ») changes what a sentence
    claims without changing a name, a number or a negation. French runs longer than English,
    so the bar is what human translations reach at most: 99 % of the references of ContraTICO
    stay below a ratio of 1.47 (with 20 characters of slack). One-to-one links with an
    English source only, against the main source; minor, since a translator may spell out
    what the English leaves implicit.

    Example: Les personnes âgées sont les plus exposées, surtout quand elles vivent seules.
    (source: Older people are most at risk.)
    Use instead: Les personnes âgées sont les plus exposées.
    """
    for aligned, link in confident_links(context.sources[:1]):
        if aligned.alignment.source_lang != "en" or len(link.target) != 1 or len(link.source) != 1:
            continue
        start, end = target_span(document, link)
        source_text = aligned.source_text(link)
        ratio = math.log((end - start + 20) / (len(source_text) + 20))
        if ratio > LONGER_LOG_RATIO and len(document.text[start:end].split()) >= MIN_WORDS:
            longer = (end - start) / max(len(source_text), 1) - 1
            yield Hit(start, end, N_("{longer:.0%} longer than its source sentence: what does it add?").format(longer=longer),
                      context=source_text)
