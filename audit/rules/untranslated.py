"""English left in French text: whole sentences, stray words, and English capitalisation.

Word evidence comes from frequency lists (a word far more frequent in English than in French),
sentence evidence from lingua; the two together keep proper nouns (Yonhap, Khabarovsk) and the
anglicisms French accepts (week-end, podcast) out of the findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from audit.document import Document, Sentence
from audit.findings import Category, Severity
from audit.language import english_lexicon, english_probability, french_lexicon
from audit.messages import N_
from audit.resources import data_lines
from audit.rules.registry import Hit, RuleContext, rule

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿŒœ]+)*")
_ENGLISH_GAP = 1.0  # zipf(en) − zipf(fr): ten times more frequent in English
_STRONG_GAP = 1.5
_SENTENCE_SHARE = 0.5
_CONCLUSIVE_SHARE = 0.75
_LINGUA_CONFIRMS = 0.7
_LINGUA_MIN_WORDS = 3
_DETERMINERS = ["ce", "cet", "cette", "ces", "un", "une", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "chaque", "quelque", "aucun", "aucune", "plusieurs"]
# A capital after a space, then a determiner just before it: starting from the space lets `re`
# skip ahead (a pattern opening with `\b(?i:ce|cet|…)` is tried at every position).
_CAPITAL_AFTER_SPACE = re.compile(r"[ \u00a0]+([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœ]+)\b(?![ \u00a0]*[A-ZÀ-ÖØ-Þ&-])")
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?i:" + "|".join(_DETERMINERS) + r")$")
_LONGEST_DETERMINER = max(map(len, _DETERMINERS)) + 1


@lru_cache(maxsize=1)
def _anglicisms() -> frozenset[str]:
    return frozenset(word.strip().lower() for word in data_lines("anglicisms.txt"))


@lru_cache(maxsize=1)
def _capitalised_ok() -> frozenset[str]:
    return frozenset(word.strip() for word in data_lines("capitalised_ok.txt"))


@lru_cache(maxsize=65536)
def _english_gap(word: str) -> float:
    lower = word.lower()
    if lower in _anglicisms():
        return 0.0
    return english_lexicon().get(lower, 0.0)


@lru_cache(maxsize=256)  # MT201 and MT202 both ask, for the same document's sentences
def _is_english_sentence(sentence: Sentence) -> bool:
    words = _WORD.findall(sentence.text)
    if len(words) < 3:
        return False
    share = sum(1 for word in words if _english_gap(word) >= _ENGLISH_GAP) / len(words)
    if share < _SENTENCE_SHARE:
        return False
    if share >= _CONCLUSIVE_SHARE:
        return True  # three words in four are English-only: no detector needed
    return english_probability(sentence.text) >= _LINGUA_CONFIRMS


@rule("MT201", "english-sentence", Category.UNTRANSLATED, Severity.MAJOR)
def english_sentence(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A sentence or line left in English.

    Why: a French page with English sentences was machine-translated in part, or scraped with
    the original site's furniture ("For Latest Updates Follow us on Google News").

    Example: For Latest Updates Follow us on Google News
    Use instead: translate it, or remove it if it is site furniture.
    """
    for sentence in document.sentences:
        if _is_english_sentence(sentence):
            yield Hit(sentence.start, sentence.end, N_("sentence left in English"))


@rule("MT202", "english-words", Category.UNTRANSLATED, Severity.MINOR)
def english_words(document: Document, context: RuleContext) -> Iterator[Hit]:
    """English words inside a French sentence.

    Why: untranslated words are the mark of word-by-word machine translation. Anglicisms that
    French accepts (week-end, podcast, start-up; see data/anglicisms.txt) and proper nouns are
    not flagged.

    Example: Les soldats ont été déployés near the border selon Séoul.
    Use instead: Les soldats ont été déployés près de la frontière, selon Séoul.
    """
    for sentence in document.sentences:
        if _is_english_sentence(sentence):
            continue  # MT201 reports the whole sentence
        for start, end, words in _english_runs(sentence):
            yield Hit(start, end, N_("English words in French text") if len(words) > 1 else N_("English word in French text"))


def _english_runs(sentence: Sentence) -> Iterator[tuple[int, int, list[str]]]:
    """Runs of English-looking words separated by spaces only."""
    run: list[re.Match] = []
    for match in _WORD.finditer(sentence.text):
        english = _english_gap(match.group()) >= _ENGLISH_GAP
        if run and (not english or sentence.text[run[-1].end() : match.start()].strip()):
            yield from _accepted_run(sentence, run)
            run = []
        if english:
            run.append(match)
    yield from _accepted_run(sentence, run)


def _accepted_run(sentence: Sentence, run: list[re.Match]) -> Iterator[tuple[int, int, list[str]]]:
    words = [match.group() for match in run]
    if not run or not _is_untranslated_run(words):
        return
    span = sentence.text[run[0].start() : run[-1].end()]
    if len(words) >= _LINGUA_MIN_WORDS and english_probability(span) < _LINGUA_CONFIRMS:
        return  # long enough for lingua to have a say, and it does not hear English
    yield sentence.start + run[0].start(), sentence.start + run[-1].end(), words


def _is_untranslated_run(words: list[str]) -> bool:
    lowercase = [w for w in words if w[0].islower()]
    if not lowercase:
        return False  # proper nouns and titles in English are names, not untranslated text
    gaps = [_english_gap(w) for w in words]
    if len(words) >= 2:
        return max(gaps) >= _STRONG_GAP + 0.5 and sum(g >= _STRONG_GAP for g in gaps) >= 2
    word = words[0]
    return len(word) >= 4 and gaps[0] >= 2.5 and word.lower() not in french_lexicon()


@rule("MT203", "capitalised-common-noun", Category.CAPITALISATION, Severity.MINOR, fix="safe")
def capitalised_common_noun(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A common noun capitalised as in English: `cette Source`, `les Nations Unies`.

    Why: English capitalises words French does not (titles, "the Source" of a wire story);
    machine translation carries the capital over. Nationality nouns (les Russes) and
    institutions (l’État, la Défense) are capitalised in French and listed in
    data/capitalised_ok.txt; multi-word names (une Source Sûre Inc.) are left alone. Names of
    institutions capitalised word by word (Nations Unies, Union Européenne) are listed with
    their French form in data/capitalised_names.tsv.

    Example: Selon cette Source, le contingent compte 1 500 soldats.
    Use instead: Selon cette source, le contingent compte 1 500 soldats.
    """
    text = document.text
    for match in _CAPITAL_AFTER_SPACE.finditer(text):
        if not _DETERMINER_BEFORE.search(text, max(0, match.start() - _LONGEST_DETERMINER), match.start()):
            continue
        word = match.group(1)
        if word in _capitalised_ok() or word.lower() not in french_lexicon():
            continue
        yield Hit(
            match.start(1),
            match.end(1),
            N_("common noun capitalised as in English: « {word} »").format(word=word),
            word.lower(),
        )
    names = _capitalised_names()
    for match in _capitalised_names_pattern().finditer(text):
        if match.start() and _joins_word(text[match.start() - 1]):
            continue
        french = names[match.group()]
        yield Hit(match.start(), match.end(), N_("capitalised word by word as in English; French writes « {french} »").format(french=french), french)


@lru_cache(maxsize=1)
def _capitalised_names() -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in data_lines("capitalised_names.tsv"))


@lru_cache(maxsize=1)
def _capitalised_names_pattern() -> re.Pattern:
    names = sorted(_capitalised_names(), key=len, reverse=True)
    # No lookbehind: `re` then tries only the positions where a name's first letter stands.
    return re.compile(r"(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def _joins_word(char: str) -> bool:
    return char.isalnum() or char in "_-"
