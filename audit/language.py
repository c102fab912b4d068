"""Which language a document, a sentence or a word is in.

Three tools, each where it is strongest: langdetect's profiles, scored exactly, for stretches
of a document (`audit.language_share` decides the document's language from them); lingua for
a short span, restricted to French and English, which is the only
question mtaudit asks of one; and word frequencies (wordfreq, compiled into data files by
`make lexicon`) for single words, where no detector is reliable.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from audit.cache import cached
from audit.resources import data_key, data_lines

# Latin-script languages a French page could be confused with; other scripts are caught first.
DOCUMENT_LANGUAGES = ("fr", "en", "es", "it", "de", "pt", "nl", "ca", "ro", "pl")
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
    return _naive_bayes().classify(sample)


class _NaiveBayes:
    """langdetect's model (its profiles, its n-grams, its smoothing) scored exactly.

    langdetect samples n-grams at random, seven trials of up to thousands of draws, until one
    language's probability converges: the naive Bayes posterior estimated by Monte Carlo, and
    two thirds of a whole check's time. Scoring every n-gram once gives the posterior the
    sampling converges to, with no seed. A word's n-grams do not depend on its neighbours
    (langdetect resets its buffer at every space), so each distinct word is scored once and a
    window's score is the sum over its words.
    """

    _MAX_WORDS = 200_000  # distinct words remembered: bounded memory over a whole site

    def __init__(self, log_prob: dict[str, list[float]], languages: list[str]) -> None:
        from langdetect.detector import Detector

        self.languages = languages
        self.log_prob = log_prob
        self.words: dict[str, tuple[list[float], int]] = {}
        self.normalised = _Normalised()
        self.links = re.compile(f"{Detector.URL_RE.pattern}|{Detector.MAIL_RE.pattern}")

    def classify(self, sample: str) -> LanguageGuess:
        totals, features = [0.0] * len(self.languages), 0
        for word in self.words_of(sample):
            scores, count = self.words.get(word) or self._score(word)
            totals = [t + s for t, s in zip(totals, scores)]
            features += count
        if not features:  # nothing langdetect recognises
            return LanguageGuess("und", 0.0)
        best = max(totals)
        odds = [math.exp(t - best) for t in totals]
        return LanguageGuess(self.languages[totals.index(best)], round(1.0 / sum(odds), 4))

    def words_of(self, sample: str) -> list[str]:
        """Words as langdetect sees them: links dropped, characters normalised per Unicode block."""
        from langdetect.utils.ngram import NGram

        text = NGram.normalize_vi(self.links.sub(" ", sample))
        return [word for word in text.translate(self.normalised).split(" ") if word]

    def ngrams(self, word: str) -> list[str]:
        """The n-grams langdetect draws from one word between two spaces, in its order: letters
        and their 2- and 3-grams with the bounding spaces, none inside an acronym."""
        found, grams = [], " "
        for char in word + " ":
            last = grams[-1]
            grams = (" " if last == " " else grams[1:] if len(grams) >= 3 else grams) + char
            if char.isupper() and last.isupper():
                continue
            if char != " " and char in self.log_prob:
                found.append(char)
            for n in range(2, len(grams) + 1):
                if grams[-n:] in self.log_prob:
                    found.append(grams[-n:])
        return found

    def _score(self, word: str) -> tuple[list[float], int]:
        scores, grams = [0.0] * len(self.languages), self.ngrams(word)
        for gram in grams:
            scores = [s + p for s, p in zip(scores, self.log_prob[gram])]
        if len(self.words) >= self._MAX_WORDS:
            self.words.clear()
        self.words[word] = (scores, len(grams))
        return self.words[word]


class _Normalised(dict):
    """A `str.translate` table filled on first sight of each character: langdetect's
    per-character normalisation (a Unicode-block lookup) costs more than the scoring."""

    def __missing__(self, ordinal: int) -> str:
        from langdetect.utils.ngram import NGram

        self[ordinal] = NGram.normalize(chr(ordinal))
        return self[ordinal]


@lru_cache(maxsize=1)
def _naive_bayes() -> _NaiveBayes:
    key = f"langdetect {_profiles_stamp()} {' '.join(DOCUMENT_LANGUAGES)}"
    return _NaiveBayes(*cached("langdetect-log", key, _log_tables))


def _log_tables() -> tuple[dict[str, list[float]], list[str]]:
    """Each n-gram's log-likelihood per language, smoothed as langdetect smooths it."""
    from langdetect.detector import Detector

    weight = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
    word_lang_prob_map, languages = _langdetect_tables()
    return {gram: [math.log(weight + p) for p in probs] for gram, probs in word_lang_prob_map.items()}, languages


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
