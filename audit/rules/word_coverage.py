"""Source checks on which words translate which (MT612, MT613), read off the word-translation model.

MT609–MT611 look for given kinds of change (an antonym, a number, a length); these look for
any phrase one side has and the other does not, using `audit.sources.words` (IBM Model 1
fitted on parallel text that is not evaluation data). The model knows general vocabulary
well and a domain's poorly, and an honest translator rewords, so a single word proves
nothing: a finding needs a phrase of several content words the model knows, none of which
has a translation on the other side. English sources and one-to-one links to the main
source only, as MT611.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.rules.fidelity import confident_links, target_span
from audit.rules.registry import Hit, RuleContext, rule

# Content words in a phrase. On ContraTICO's 474 human references (the whole text against its
# source), 5 untranslated English words in a row happen in 0.2 % and 4 in 1.1 % (and 4 gave 7
# findings on the Debian handbook's human translation); 6 French words in 0.2 %, 5 in 1.7 %.
MIN_OMITTED = 5
MIN_ADDED = 6


def _pairs(document: Document, context: RuleContext) -> Iterator[tuple[int, int, str]]:
    """(start, end, English source sentence) of the one-to-one links with the main source."""
    for aligned, link in confident_links(context.sources[:1]):
        if aligned.alignment.source_lang == "en" and len(link.target) == 1 and len(link.source) == 1:
            start, end = target_span(document, link)
            yield start, end, aligned.source_text(link)


@rule("MT612", "phrase-not-rendered", Category.OMISSION, Severity.MAJOR, needs_source=True)
def phrase_not_rendered(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A phrase of the aligned English sentence that no word of the article's sentence translates.

    Why: a clause dropped in translation (« qui fournit des données pseudonymisées » left out
    of "a network that provides pseudonymized data for surveillance") loses a fact without
    leaving a trace in the French; only the source shows it. Several content words in a row
    must be untranslated, since a single one is more often reworded than lost.

    Example: Le réseau envoie son rapport hebdomadaire au ministère.
    (source: The network sends its weekly report to the ministry, together with detailed
    hospital admission figures for each region.)
    Use instead: Le réseau envoie son rapport hebdomadaire au ministère, avec le détail des
    hospitalisations par région.
    """
    from audit.sources.words import unrendered

    for start, end, source_text in _pairs(document, context):
        for phrase in unrendered(source_text, document.text[start:end], "en", MIN_OMITTED):
            yield Hit(start, end, N_("no word here translates the source's '{phrase}'").format(phrase=phrase.text),
                      context=source_text)


@rule("MT613", "phrase-not-in-source", Category.ADDITION, Severity.MINOR, needs_source=True)
def phrase_not_in_source(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A phrase of the article's sentence that no word of its English source sentence translates.

    Why: an added clause (« avec une nouvelle cantine gratuite pour chaque élève ») changes what a
    sentence claims without changing a name, a number or a negation, and MT611 sees it only
    when it makes the sentence much longer. Minor, as a translator may spell out what the
    English leaves implicit.

    Example: Les écoles de la région rouvriront leurs portes en septembre, avec une nouvelle
    cantine gratuite pour chaque élève du village.
    (source: Schools in the region will reopen their doors in September.)
    Use instead: Les écoles de la région rouvriront leurs portes en septembre.
    """
    from audit.sources.words import unrendered

    for start, end, source_text in _pairs(document, context):
        for phrase in unrendered(document.text[start:end], source_text, "fr", MIN_ADDED):
            yield Hit(start + phrase.start, start + phrase.end,
                      N_("no word of the source sentence translates « {phrase} »").format(phrase=phrase.text),
                      context=source_text)
