"""Source checks for entities an article drops or adds (MT607, MT608).

MT601 catches an entity replaced by another; these catch one that is simply gone or new. Both
compare lexicon concepts only (countries and their capitals, nationalities, organisations,
known people: `audit/data/entities.tsv`), which spelling, transliteration and paraphrase do
not change, so rewording a sentence is not a change. Sentences are often recut in
translation, so an entity the article names in the sentence before or after counts as kept.
Both are minor and carry no machine-translation weight: editors drop and add context too.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.rules.fidelity import confident_links, target_span
from audit.rules.registry import Hit, RuleContext, rule


@rule("MT607", "entity-dropped", Category.OMISSION, Severity.MINOR, needs_source=True)
def entity_dropped(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A country, organisation or person the aligned source sentence names and the article does not.

    Why: the names say whose claim it is and who acts; « selon le renseignement » for "South
    Korea's spy agency said" hides the source of the claim. Not reported when the article
    names, in that sentence, an entity the source sentence does not: that is a replacement
    (MT601's finding) or a figure of speech (« le régime de Kim Jong-un » for "Pyongyang").

    Example: Des soldats ont été envoyés en Russie, selon le renseignement. (source: North Korea
    has sent soldiers to Russia, South Korea's spy agency said.)
    Use instead: La Corée du Nord a envoyé des soldats en Russie, selon le renseignement sud-coréen.
    """
    from audit.sources.anchors import concept_names, mentions

    for aligned, link in confident_links(context.sources[:1]):  # as MT604, against the main source
        start, end = target_span(document, link)
        source_text = aligned.source_text(link)
        source_keys = {m.key for m in mentions(source_text, aligned.alignment.source_lang)}
        offset, around = _mentions_around(document, link.target[0], link.target[-1])
        if any(m.key not in source_keys for m in around if start <= offset + m.start < end):
            continue
        dropped = sorted(source_keys - {m.key for m in around})
        if dropped:
            names = ", ".join(concept_names()[key] for key in dropped)
            yield Hit(start, end, N_("the source names {names} here; the article does not").format(names=names), context=source_text)


@rule("MT608", "entity-added", Category.ADDITION, Severity.MINOR, needs_source=True)
def entity_added(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A country, organisation or person the article names and its sources name nowhere.

    Why: an entity the source never mentions is a claim the article adds (« avec l'aide de
    la Chine » in a report on Russia and North Korea). Only entities absent from the whole
    source count, since details move between sentences; not reported when the source sentence
    names an entity the article's does not (a replacement, MT601's finding, or a figure of
    speech).

    Example: La Corée du Nord a envoyé des soldats en Russie avec l'aide de la Chine.
    (source: North Korea has sent soldiers to Russia.)
    Use instead: La Corée du Nord a envoyé des soldats en Russie.
    """
    from audit.sources.anchors import concept_names, mentions

    in_sources = {m.key for a in context.sources for m in mentions(a.document.text, a.alignment.source_lang)}
    reported: set[tuple[int, str]] = set()
    for aligned, link in confident_links(context.sources):
        start, end = target_span(document, link)
        target = mentions(document.text[start:end], "fr")
        target_keys = {m.key for m in target}
        source_text = aligned.source_text(link)
        if any(m.key not in target_keys for m in mentions(source_text, aligned.alignment.source_lang)):
            continue
        for mention in target:
            if mention.key in in_sources or (start, mention.key) in reported:
                continue
            reported.add((start, mention.key))
            yield Hit(start + mention.start, start + mention.end,
                      N_("{name} is named nowhere in the sources").format(name=concept_names()[mention.key]), context=source_text)


def _mentions_around(document: Document, first: int, last: int) -> tuple[int, list]:
    """The article's lexicon mentions from the sentence before `first` to the one after `last`,
    and the offset they are relative to."""
    from audit.sources.anchors import mentions

    sentences = document.sentences[max(0, first - 1) : last + 2]
    start = sentences[0].start
    return start, mentions(document.text[start : sentences[-1].end], "fr")
