"""Per-token features of a target segment against its English source, for the QE model.

Each target token (a word, a number or a punctuation mark) becomes one row of numbers the
model reads; `FEATURES` names the columns, and the shipped model records the list it was
fitted with, so a change here without `make train-qe` fails loudly at load time. The signals
are the ones MQM annotators of product MT mark most: words left in English (copied from the
source, or more frequent in English than in French), stray capitals of English title case,
numbers that do not match, function words (omitted or wrong determiners and prepositions),
and where the token sits (titles and long descriptions err differently).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from audit.language import english_lexicon, french_lexicon

TOKEN = re.compile(r"\w+|[^\w\s]")
DETERMINERS = frozenset((
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux",
    "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
))
PREPOSITIONS = frozenset((
    "à", "a", "de", "en", "pour", "avec", "sur", "dans", "par", "sans", "sous", "entre", "vers", "chez", "contre",
))
NAN = math.nan


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


_OWN = ("word", "digit", "punct", "chars", "capital", "upper", "in_source", "in_source_lower",
        "french", "englishness", "function_word", "copied_run", "capital_run")
_CONTEXT = ("punct", "capital", "in_source_lower", "french", "englishness", "function_word")
_OFFSETS = (-2, -1, 1, 2)
_POSITION = ("index", "relative", "from_end", "after_stop")
_SEGMENT = ("target_tokens", "source_tokens", "length_ratio", "capital_share", "copied_share",
            "final_punct", "numbers_missing", "numbers_added", "source_capital_share")
FEATURES = (
    _OWN
    + tuple(f"{name}@{offset:+d}" for offset in _OFFSETS for name in _CONTEXT)
    + _POSITION
    + _SEGMENT
)


def token_features(source: str, target: str) -> tuple[list[Token], np.ndarray]:
    """The target's tokens and their feature matrix, one row per token (columns: FEATURES)."""
    target_tokens, source_tokens = tokens(target), [t.text for t in tokens(source)]
    if not target_tokens:
        return [], np.zeros((0, len(FEATURES)), np.float32)
    exact, lower = set(source_tokens), {t.lower() for t in source_tokens}
    own = np.array([_own(t.text, exact, lower) for t in target_tokens], np.float64)
    own = np.hstack([own, _runs(own)])
    context = _shifted(own[:, [_OWN.index(n) for n in _CONTEXT]])
    position = _position(target_tokens)
    segment = np.tile(_segment(source_tokens, target_tokens, own), (len(target_tokens), 1))
    return target_tokens, np.hstack([own, context, position, segment]).astype(np.float32)


def _own(text: str, source: set[str], source_lower: set[str]) -> list[float]:
    lower = text.lower()
    is_word = text[0].isalpha()
    return [
        float(is_word),
        float(any(c.isdigit() for c in text)),
        float(not text[0].isalnum() and text[0] != "_"),
        float(len(text)),
        float(text[0].isupper() and not text.isupper()),
        float(text.isupper() and len(text) > 1),
        float(text in source),
        float(lower in source_lower),
        float(lower in french_lexicon()) if is_word else NAN,
        english_lexicon().get(lower, NAN) if is_word else NAN,
        float(lower in DETERMINERS) + 2 * float(lower in PREPOSITIONS),
    ]


def _runs(own: np.ndarray) -> np.ndarray:
    """Length of the run of copied (resp. capitalised) words each token belongs to: an
    untranslated English name or phrase is a run, a copied model number is one token."""
    copied = own[:, _OWN.index("in_source_lower")] * own[:, _OWN.index("word")]
    capital = own[:, _OWN.index("capital")] + own[:, _OWN.index("upper")]
    return np.stack([_run_lengths(copied > 0), _run_lengths(capital > 0)], axis=1)


def _run_lengths(flags: np.ndarray) -> np.ndarray:
    lengths = np.zeros(len(flags))
    start = 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            lengths[start:i] = (i - start) if flags[start] else 0
            start = i
    return lengths


def _shifted(columns: np.ndarray) -> np.ndarray:
    """The neighbours' columns at each offset, NaN past the segment's ends."""
    n = len(columns)
    blocks = []
    for offset in _OFFSETS:
        block = np.full_like(columns, NAN)
        if offset < 0 and n + offset > 0:
            block[-offset:] = columns[: n + offset]
        elif offset > 0 and n - offset > 0:
            block[: n - offset] = columns[offset:]
        blocks.append(block)
    return np.hstack(blocks)


def _position(target_tokens: list[Token]) -> np.ndarray:
    n = len(target_tokens)
    index = np.arange(n, dtype=np.float64)
    after_stop = [0.0] + [float(t.text in ".!?:;") for t in target_tokens[:-1]]
    return np.stack([index, index / n, n - 1 - index, np.array(after_stop)], axis=1)


def _segment(source_tokens: list[str], target_tokens: list[Token], own: np.ndarray) -> list[float]:
    words = own[:, _OWN.index("word")] > 0
    n_words = max(int(words.sum()), 1)
    source_numbers = {t for t in source_tokens if t.isdigit()}
    target_numbers = {t.text for t in target_tokens if t.text.isdigit()}
    source_words = [t for t in source_tokens if t[0].isalpha()]
    return [
        float(len(target_tokens)),
        float(len(source_tokens)),
        len(target_tokens) / max(len(source_tokens), 1),
        float((own[:, _OWN.index("capital")] * words).sum() / n_words),
        float((own[:, _OWN.index("in_source_lower")] * words).sum() / n_words),
        float(target_tokens[-1].text in ".!?"),
        float(len(source_numbers - target_numbers)),
        float(len(target_numbers - source_numbers)),
        sum(t[0].isupper() for t in source_words) / max(len(source_words), 1),
    ]
