"""Which language a document, a sentence or a word is in.

Three tools, each where it is strongest: langdetect (seeded, so reruns agree) for stretches
of a document (`audit.language_share` decides the document's language from them); lingua for a short span, restricted to French and English, which is the only
question mtaudit asks of one; and word frequencies (wordfreq, compiled into data files by
`make lexicon`) for single words, where no detector is reliable.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from audit.cache import cached
from audit.resources import data_key, data_lines

# Latin-script languages a French page could be confused with; other scripts are caught first.
DOCUMENT_LANGUAGES = ("fr", "en", "es", "it", "de", "pt", "nl", "ca", "ro", "pl")
LANGDETECT_SEED = 0
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class LanguageGuess:
    """A language code (ISO 639-1, or 'und') and the detector's probability for it."""

    code: str
    probability: float


DECLARED_FRENCH = LanguageGuess("fr", 1.0)  # what a bilingual file says of its targets


def detect(sample: str) -> LanguageGuess:
    """The language of one stretch of text; non-Latin scripts are 'und' without a model.

    `audit.language_share` asks this of windows spread over a document and decides the
    document's language by the share of its text in each.
    """
    letters = _LETTER.findall(sample)
    if not letters:
        return LanguageGuess("und", 0.0)
    if len(_LATIN_LETTER.findall(sample)) < 0.5 * len(letters):
        return LanguageGuess("und", 1.0)
    detector = _detector_class()(_langdetect_factory())
    detector.append(sample)
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = detector.get_probabilities()[0]
    except LangDetectException:  # no features: nothing langdetect recognises
        return LanguageGuess("und", 0.0)
    return LanguageGuess(best.lang, round(best.prob, 4))


@lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    key = f"langdetect {_profiles_stamp()} {' '.join(DOCUMENT_LANGUAGES)}"
    factory.word_lang_prob_map, factory.langlist = cached("langdetect", key, _langdetect_tables)
    factory.set_seed(LANGDETECT_SEED)
    return factory


@lru_cache(maxsize=1)
def _detector_class():
    """langdetect's Detector with its n-gram extraction rewritten for speed: the original
    normalises each character through a Unicode-block lookup and rebuilds an NGram object's
    state per character, a third of a whole check's time. Same n-grams, in the same order
    (tests/test_language.py compares the two), so the seeded result is unchanged."""
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    normalised: dict[str, str] = {}

    class FastNgramDetector(Detector):
        def _extract_ngrams(self) -> list[str]:
            known, result, grams = self.word_lang_prob_map, [], " "
            for raw in self.text:
                char = normalised.get(raw)
                if char is None:
                    char = normalised[raw] = NGram.normalize(raw)
                last = grams[-1]
                if last == " ":
                    grams = " "
                    if char == " ":
                        continue
                elif len(grams) >= NGram.N_GRAM:
                    grams = grams[1:]
                grams += char
                if char.isupper() and last.isupper():  # inside an acronym: no evidence
                    continue
                if char != " " and char in known:
                    result.append(char)
                for n in range(2, len(grams) + 1):
                    if grams[-n:] in known:
                        result.append(grams[-n:])
            return result

    return FastNgramDetector


def _langdetect_tables() -> tuple[dict, list]:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles = []
    for code in DOCUMENT_LANGUAGES:
        with open(os.path.join(PROFILES_DIRECTORY, code), encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory.load_json_profile(profiles)
    return factory.word_lang_prob_map, factory.langlist


def english_probability(span: str) -> float:
    """Probability that a short span is English rather than French (lingua, trigram mode)."""
    from lingua import Language

    for value in _lingua().compute_language_confidence_values(span):
        if value.language == Language.ENGLISH:
            return value.value
    return 0.0


@lru_cache(maxsize=1)
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    # Low-accuracy (trigram) mode loads in ~40 ms instead of ~500 ms; spans reaching it have
    # already shown English word evidence, so it only has to confirm.
    return (
        LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH)
        .with_low_accuracy_mode()
        .build()
    )


def _profiles_stamp() -> str:
    """Where langdetect's profiles are and when they were installed: a cache key that changes
    with langdetect, without importlib.metadata (50 ms of imports)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return f"{PROFILES_DIRECTORY} {os.stat(PROFILES_DIRECTORY).st_mtime_ns}"


@lru_cache(maxsize=1)
def english_lexicon() -> dict[str, float]:
    """Word → how much more frequent it is in English than in French (zipf difference)."""
    return cached("english-words", data_key("english_words.tsv"), _build_english_lexicon)


def _build_english_lexicon() -> dict[str, float]:
    lexicon = {}
    for line in data_lines("english_words.tsv"):
        word, zipf_en, zipf_fr = line.split("\t")
        lexicon[word] = round(float(zipf_en) - float(zipf_fr), 2)
    return lexicon


@lru_cache(maxsize=1)
def french_lexicon() -> frozenset[str]:
    """The 30,000 most frequent French words, lower-cased."""
    return cached("french-words", data_key("french_words.txt"), lambda: frozenset(data_lines("french_words.txt")))
