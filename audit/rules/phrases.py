"""Source checks on words inside an aligned sentence pair (MT609).

MT601–MT603 compare what survives translation unchanged (names, numbers, negation); these
compare words, and report the article's phrase with the source's beside it. They read only
confident links (`audit.rules.fidelity.confident_links`), as the others do.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.document import Document
from audit.findings import Category, Severity
from audit.rules.fidelity import confident_links, target_span
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
                      f"« {found.word} » where the source has '{found.source_word}' (« {found.expected} »)",
                      context=source_text)

