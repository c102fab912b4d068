"""Which words of a sentence pair translate which: an English–French word-translation model.

IBM Model 1 probabilities t(French | English) and t(English | French), fitted by
`tools/fit_word_translations.py` (`make word-translations`) on parallel text that is not
evaluation data. They ship as CRC-32 keys and quantised probabilities
(`audit/data/word_translations.npz`), so no word list is in the repository.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "word_translations.npz"
WORD = re.compile(r"[^\W\d_]+")
STEM = 6


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stem(word: str) -> str:
    """Lower case, no accents, the first STEM letters: « touchées » and « touché » are one word
    to the model, as "affected" and "affects" are, so it learns from four times the examples."""
    return _plain(word)[:STEM]


def key(word: str) -> int:
    return zlib.crc32(stem(word).encode("utf-8"))


@lru_cache(maxsize=1)
def tables() -> dict[str, tuple]:
    """Per direction ("en_fr", "fr_en"): the sorted keys crc(word) << 32 | crc(translation) and
    their probabilities. A binary search per look-up; loading is one read, no dict of 200,000."""
    import numpy as np

    with np.load(DATA) as data:
        loaded = {}
        for name in ("en_fr", "fr_en"):
            rows = data[name].astype(np.uint64)
            loaded[name] = ((rows[:, 0] << np.uint64(32)) | rows[:, 1], rows[:, 2] / 255)
    return loaded


def _p(direction: str, word: int, other: int) -> float:
    import numpy as np

    return float(_lookup(direction, np.array([(word << 32) | other], dtype=np.uint64))[0])

# Function words carry no content a reader would miss; hand-written, general grammar.
FUNCTION_WORDS = {
    "en": frozenset(str.split("""a an the of to in on at by for from with without into onto about as than then
        and or but nor so if when while because since that which who whom whose what where how why
        this these those it its they them their there here he him his she her we us our you your i me my
        is are was were be been being am do does did has have had will would shall should can could may
        might must not no also very more most such some any each all both other only just own same
        s t d ll re ve don doesn didn isn aren wasn weren won hasn haven hadn shouldn wouldn couldn""")),
    "fr": frozenset(str.split("""le la les l un une des du de d au aux à a en dans par pour sur sous avec sans chez
        vers entre et ou mais ni donc or car que qu qui quoi dont où si ne pas plus ce cet cette ces c
        il ils elle elles on nous vous je j me m te t se s lui leur leurs son sa ses mon ma mes ton ta
        tes notre nos votre vos y est sont était étaient être été a ont avait avaient avoir eu fait
        très aussi même tout tous toute toutes comme ainsi""")),
}


def translation(word: str, other: str, lang: str) -> float:
    """How surely `other` translates `word` (of language `lang`, "en" or "fr"): the higher of
    t(other | word) and t(word | other), 0 when the model never saw them together."""
    forward, backward = ("en_fr", "fr_en") if lang == "en" else ("fr_en", "en_fr")
    a, b = key(word), key(other)
    return max(_p(forward, a, b), _p(backward, b, a))


def known(word: str, lang: str) -> bool:
    """Whether the model has translations for `word`: an unknown word proves nothing missing."""
    keys = tables()["en_fr" if lang == "en" else "fr_en"][0]
    first = key(word) << 32
    at = int(keys.searchsorted(keys.dtype.type(first)))
    return at < len(keys) and int(keys[at]) >> 32 == key(word)


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    text: str
    size: int  # content words


# A word counts as rendered when the other side has a word the model gives as its translation
# at this probability, or the same word up to its ending (« pseudonymisées », "pseudonymized").
RENDERED = 0.02
_PIECE = re.compile(r"[^\W\d_]+|[\d.,;:!?()\[\]«»\"“”]")


def unrendered(text: str, other: str, lang: str, min_words: int) -> list[Phrase]:
    """Phrases of `text` (language `lang`) of at least `min_words` content words that the model
    knows, none of which a word of `other` translates. Function words, and words the model does
    not know (their translation cannot be looked for), may sit inside a phrase; punctuation,
    numbers and a rendered word end it."""
    other_lang = "fr" if lang == "en" else "en"
    others = [w for w in words(other) if len(w) > 2 and w.lower() not in FUNCTION_WORDS[other_lang]]
    pieces = [m for m in _PIECE.finditer(text)
              if not (m.group().lower() in FUNCTION_WORDS[lang] or (m.group().isalpha() and len(m.group()) < 3))]
    content = [m.group() for m in pieces if m.group().isalpha()]
    rendered = dict(zip(content, _rendered(content, others, lang)))
    phrases, run = [], []
    for match in pieces:
        word = match.group()
        if word.isalpha() and not rendered[word]:
            if known(word, lang):
                run.append(match)
            continue
        phrases += _phrase(text, run, min_words)
        run = []
    return phrases + _phrase(text, run, min_words)


def _phrase(text: str, run: list[re.Match], min_words: int) -> list[Phrase]:
    if len(run) < min_words:
        return []
    return [Phrase(run[0].start(), run[-1].end(), text[run[0].start() : run[-1].end()], len(run))]


def _rendered(mine: list[str], others: list[str], lang: str) -> list[bool]:
    """For each word of `mine`, whether a word of `others` translates it or shares its stem."""
    import numpy as np

    if not mine or not others:
        return [False] * len(mine)
    forward, backward = ("en_fr", "fr_en") if lang == "en" else ("fr_en", "en_fr")
    a = np.array([key(w) for w in mine], dtype=np.uint64)[:, None]
    b = np.array([key(w) for w in others], dtype=np.uint64)[None, :]
    best = np.maximum(_lookup(forward, (a << np.uint64(32)) | b), _lookup(backward, (b << np.uint64(32)) | a))
    plain = [_plain(w) for w in others]
    return [bool(best[i].max() >= RENDERED) or any(_cognate(_plain(w), o) for o in plain) for i, w in enumerate(mine)]


def _lookup(direction: str, wanted):
    keys, probabilities = tables()[direction]
    at = keys.searchsorted(wanted).clip(max=len(keys) - 1)
    return (keys[at] == wanted) * probabilities[at]


def _cognate(a: str, b: str) -> bool:
    """Plain forms sharing most of their letters from the start: « pseudonymisees », "pseudonymized"."""
    if a[:4] != b[:4]:
        return False
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a == b or (common >= 4 and common >= 0.6 * min(len(a), len(b)))


@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    plain = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in plain if not unicodedata.combining(c))
