"""Source-based checks (MT601–MT606): what only a comparison with the source can show.

MT607 and MT608, entities dropped or added, are in `audit.rules.entity_changes`; MT609–MT611
(antonyms, dropped numbers, lengths) in `audit.rules.phrases`; MT612–MT613 (phrases no word
translates) in `audit.rules.word_coverage`.

Each rule reads the aligned sources in its `RuleContext` (`context.sources`, best first),
and looks only at links the aligner is confident about, so a
mis-aligned pair does not turn into a critical error. The aligned source sentence goes in
`context`, shown beside the finding.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.rules.registry import Hit, RuleContext, rule

if TYPE_CHECKING:  # registering these rules must not load numpy: `mtaudit check` starts fast
    from audit.sources.align import Link
    from audit.sources.anchors import Mention
    from audit.sources.context import AlignedSource

MIN_CONFIDENCE = 0.5
MIN_WORDS = 4
UNTRANSLATED_CHRF = 60.0
UNTRANSLATED_WORDS = 0.7
MAX_LENGTH_RATIO = 1.4


def _negations(text: str, langs: tuple[str, ...]) -> tuple[re.Match | None, bool]:
    """The first strong negation marker of `text` in any of `langs`, and whether it has any
    negation at all (weak and lexical ones included: `audit.rules.negation`)."""
    from audit.rules.negation import negation, negative

    strong = next(filter(None, (negation(text, lang) for lang in langs)), None)
    return strong, bool(strong) or any(negative(text, lang) for lang in langs)


def confident_links(sources: Iterable[AlignedSource]) -> Iterator[tuple[AlignedSource, Link]]:
    """Confident links with sentences on both sides, over `sources`."""
    for aligned in sources:
        for link in aligned.alignment.links:
            if link.target and link.source and link.confidence >= MIN_CONFIDENCE:
                yield aligned, link


def target_span(document: Document, link: Link) -> tuple[int, int]:
    return document.sentences[link.target[0]].start, document.sentences[link.target[-1]].end


@rule("MT601", "entity-flip", Category.MISTRANSLATION, Severity.CRITICAL, needs_source=True)
def entity_flip(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A country, nationality, organisation or person that differs from the aligned source sentence.

    Why: spinning and careless machine translation swap who does what. « des soldats
    russes » for North Korean soldiers sent *to* Russia reverses the news; a reader cannot
    see it without the source; « en Ukraine » where the source sends them "to Russia" is
    reported on the phrase of direction, with the source's beside it. Also fires when a
    country, an organisation (« l’OTAN » for
    "the UN") or a person is replaced by another in the same role: « Vladimir Poutine a
    déclaré » for "Volodymyr Zelensky said". Spellings of one name (Choïgou, Shoigu) are the
    same person; a name only added or dropped is not a flip.

    Example: La Corée du Nord aurait commencé à envoyer des soldats russes en Ukraine.
    (source: North Korea has begun sending soldiers to Russia…)
    Use instead: La Corée du Nord aurait commencé à envoyer des soldats en Russie.
    """
    from audit.rules.majority import by_majority
    from audit.sources.directions import direction_flips

    links = list(confident_links(context.sources))
    yield from by_majority(document, links, lambda a, link: _entity_hits(document, a, link), _entity_facts)
    for aligned, link in links:
        start, end = target_span(document, link)
        source_text = aligned.source_text(link)
        for going, wanted in direction_flips(document.text[start:end], source_text, aligned.alignment.source_lang):
            yield Hit(start + going.phrase_start, start + going.end,
                      N_("direction « {target} » where the source has '{source}'").format(
                          target=document.text[start + going.phrase_start:start + going.end],
                          source=source_text[wanted.phrase_start:wanted.end]), context=source_text)


def _entity_hits(document: Document, aligned: AlignedSource, link: Link) -> Iterator[Hit]:
    from audit.sources import anchors, people  # regex tables: compiled only when sources are used

    start, end = target_span(document, link)
    source_text, lang = aligned.source_text(link), aligned.alignment.source_lang
    target = anchors.mentions(document.text[start:end], "fr")
    for mention, message in _flips(target, anchors.mentions(source_text, lang)):
        yield Hit(start + mention.phrase_start, start + mention.end, message, context=source_text)
    for person, other in people.flips(document.text[start:end], source_text, lang):
        yield Hit(start + person.start, start + person.end, N_("{name} where the source has {other}").format(name=person.name, other=other.name),
                  context=source_text)


def _entity_facts(text: str, lang: str) -> set:
    """Who a text names and in which capacity (a nationality of people or not), and the
    capitalised words of names outside the lexicon, folded."""
    from audit.sources import anchors

    known = anchors.lexicon_words()
    names = {anchors.fold(word) for word in re.findall(r"\b[A-ZÀ-Þ][\w-]{2,}", text)} - known
    return {(m.key, m.people) for m in anchors.mentions(text, lang)} | names


def _flips(target: list[Mention], source: list[Mention]) -> Iterator[tuple[Mention, str]]:
    from audit.sources import anchors  # regex tables: compiled only when sources are used

    source_keys = {m.key for m in source}
    source_people = {m.key for m in source if m.people}
    source_places = {m.key for m in source if m.role == "place"}
    target_keys = {m.key for m in target}
    names, reported = anchors.concept_names(), set()
    for mention in target:
        if mention.key in reported:
            continue
        other = sorted(k for k in source_people - target_keys)
        name = names[mention.key]
        if mention.people and mention.key not in source_people and (other or mention.key in source_places):
            reported.add(mention.key)
            yield mention, (
                N_("nationality {name} where the source has {other}").format(name=name, other=names[other[0]]) if other
                else N_("{name} made the nationality of these people; in the source {name} is a place").format(name=name)
            )
        elif mention.key not in source_keys and mention.role != "place":
            # « à Bruxelles » where the source says Moscow is more often a rewrite that
            # adds a place than a flip; who and whose (names, attributes) are the facts.
            replaced = sorted(
                m.key for m in source if (m.kind, m.role) == (mention.kind, mention.role) and m.key not in target_keys
            )
            if replaced:
                reported.add(mention.key)
                yield mention, f"{name} where the source has {names[replaced[0]]}"


@rule("MT602", "number-mismatch", Category.MISTRANSLATION, Severity.MAJOR, needs_source=True)
def number_mismatch(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A number, date or quantity that differs from the aligned source sentence.

    Why: figures are the facts of a news report; « 10 000 soldats » for "1,500 troops" is a
    false statement. « 1 500 » and "1,500" are the same number and do not count, nor does a
    number the article adds while keeping all of the source's (added detail, not a change).
    Month names are compared the same way (« en novembre » for "in October").

    Example: Un premier contingent de 15 000 soldats est arrivé. (source: A first group of 1,500…)
    Use instead: Un premier contingent de 1 500 soldats est arrivé.
    """
    from audit.rules.majority import by_majority

    yield from by_majority(document, confident_links(context.sources),
                           lambda a, link: _number_hits(document, a, link), _number_facts)


def _number_hits(document: Document, aligned: AlignedSource, link: Link) -> Iterator[Hit]:
    from audit.sources import anchors  # regex tables: compiled only when sources are used

    start, end = target_span(document, link)
    source_text = aligned.source_text(link)
    for extract in (anchors.numbers, anchors.months):
        source_values = [n.value for n in extract(source_text, aligned.alignment.source_lang)]
        target = extract(document.text[start:end], "fr")
        unmatched = [v for v in source_values if v not in {n.value for n in target}]
        for number in target if unmatched else ():
            if number.value not in source_values:
                yield Hit(start + number.start, start + number.end,
                          N_("{number}: the source has {numbers}").format(number=number.value, numbers=", ".join(unmatched)),
                          unmatched[0] if len(unmatched) == 1 else None, source_text)


def _number_facts(text: str, lang: str) -> set:
    from audit.sources import anchors

    return {n.value for extract in (anchors.numbers, anchors.months) for n in extract(text, lang)}


@rule("MT603", "negation-flip", Category.MISTRANSLATION, Severity.CRITICAL, needs_source=True)
def negation_flip(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A negation on one side only of an aligned sentence pair.

    Why: a dropped or added « ne … pas » turns a denial into a confirmation. Only one-to-one
    links the aligner is confident about, of similar lengths, are compared: a sentence much
    longer than its source has added a clause, and its negation may belong to that clause.
    A nominal or lexical negation (« non-livraison », "unclear") counts as a negation on the
    side that has it but is never reported alone: translators move it into plain words. The
    noun « pas » (« un premier pas ») and « ne … que » (only) are not negations.

    Example: L’OTAN peut confirmer la présence de troupes. (source: NATO could not confirm…)
    Use instead: L’OTAN ne peut pas confirmer la présence de troupes.
    """
    for aligned, link in confident_links(context.sources):
        start, end = target_span(document, link)
        source_text = aligned.source_text(link)
        if len(link.target) != 1 or len(link.source) != 1 or not _balanced(end - start, len(source_text)):
            continue
        lang, target = aligned.alignment.source_lang, document.text[start:end]
        # An English sentence left in the article (MT606) keeps its English negation.
        target_negation, target_negative = _negations(target, ("fr",) if lang == "fr" else ("fr", lang))
        source_negation, source_negative = _negations(source_text, (lang,))
        if target_negation and not source_negative:
            yield Hit(start + target_negation.start(), start + target_negation.end(),
                      N_("negation not in the source"), context=source_text)
        elif source_negation and not target_negative:
            yield Hit(start, end, N_("the source is negative ('{negation}')").format(negation=source_negation.group()), context=source_text)


def _balanced(target_chars: int, source_chars: int) -> bool:
    return abs(math.log((target_chars + 20) / (source_chars + 20))) <= math.log(MAX_LENGTH_RATIO)


# Omissions and additions show an article diverging from its source, as independent reporting
# does too: they cost MQM points but are no evidence of machine translation (the verdict leaves them out).
@rule("MT604", "omission", Category.OMISSION, Severity.MAJOR, needs_source=True)
def omission(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A sentence of the main source that no sentence of the article renders.

    Why: dropping a sentence can drop the fact that qualifies a claim (who said it, a
    denial). The finding points at the article sentence after which the source sentence
    was expected. Only against a main source the article follows (enough of its sentences
    aligned): a report the article barely uses omits nothing.

    Example: (source: « Le Kremlin dément toute implication. » left out of the article)
    Use instead: restore the sentence: Le Kremlin, allié de Pyongyang, dément toute implication.
    """
    from audit.sources.evidence import confidently_aligned

    primary = context.primary
    if primary is None or not document.sentences or not confidently_aligned(primary.alignment):
        return
    previous = 0
    for link in primary.alignment.links:
        if link.target:
            previous = link.target[-1]
            continue
        text = primary.source_text(link)
        if link.confidence >= MIN_CONFIDENCE and len(text.split()) >= MIN_WORDS:
            sentence = document.sentences[previous]
            yield Hit(sentence.start, sentence.end, N_("the next source sentence is missing after this one"), context=text)


@rule("MT605", "addition", Category.ADDITION, Severity.MINOR, needs_source=True)
def addition(document: Document, context: RuleContext) -> Iterator[Hit]:
    """An article sentence that no source sentence supports.

    Why: spun articles pad their source with claims, transitions and site furniture; an
    added claim is unsourced. Minor, because editors may add context on purpose.

    Example: Plus tard dans la matinée, Séoul a même révélé des images du déploiement.
    Use instead: keep only what a source supports, or cite the other source.
    """
    if not context.sources:
        return
    unaligned = None
    for aligned in context.sources:
        alone = {link.target[0] for link in aligned.alignment.links
                 if link.target and not link.source and link.confidence >= MIN_CONFIDENCE}
        unaligned = alone if unaligned is None else unaligned & alone
    for index in sorted(unaligned or ()):
        sentence = document.sentences[index]
        if len(sentence.text.split()) >= MIN_WORDS:
            yield Hit(sentence.start, sentence.end, N_("no source sentence says this"))


@rule("MT606", "untranslated-source", Category.UNTRANSLATED, Severity.MAJOR, needs_source=True)
def untranslated_source(document: Document, context: RuleContext) -> Iterator[Hit]:
    """An article sentence identical or nearly identical to its English source sentence.

    Why: a sentence copied from the English wire and left untranslated is the plainest mark
    of a machine-assembled article; with the source at hand it is certain, not guessed.
    Close in characters (chrF) is not enough: « Ce service est administré par Alexander
    Wirt » shares its names with the English, so most of its words must be the source's too.
    A line of fewer than four words is left alone: a product name or a unit stays as it is.

    Example: They are expected to be deployed to the front line once their acclimatisation period is over.
    Use instead: Ils devraient rejoindre la ligne de front une fois achevée leur période d’acclimatation.
    """
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    for aligned, link in confident_links(context.sources):
        if aligned.alignment.source_lang != "en":
            continue
        for index in link.target:
            sentence = document.sentences[index]
            if len(sentence.text.split()) < MIN_WORDS:
                continue  # a name, a unit, a word both languages share: « Pentax Papilio », "8 lb."
            for j in link.source:
                source_text = aligned.document.sentences[j].text
                score = chrf.sentence_score(sentence.text, [source_text]).score
                if score >= UNTRANSLATED_CHRF and _shared_words(sentence.text, source_text) >= UNTRANSLATED_WORDS:
                    yield Hit(sentence.start, sentence.end, N_("copied from the English source (chrF {score:.0f})").format(score=score),
                              context=source_text)
                    break


def _shared_words(target: str, source: str) -> float:
    """The share of the target's distinct words that the source has too."""
    words = set(re.findall(r"\w+", target.lower()))
    return len(words & set(re.findall(r"\w+", source.lower()))) / max(len(words), 1)
