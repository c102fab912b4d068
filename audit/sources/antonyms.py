"""Reversed meanings inside an aligned sentence pair, read off a bilingual antonym lexicon.

ContraTICO's critical "alterations" swap one word for its opposite (« terminé » for
"started", « baisse » for "rising"); no name, number or negation changes, and sentence similarity
barely moves. Word vectors of multilingual-e5 do not separate them either: an antonym scores
as close to the source word as an honest paraphrase does (measured on ContraTICO: docs/sources.md).
A lexicon of opposite pairs with their English (`audit/data/antonyms.tsv`, hand-written) does:
the article has one side's word and not the other's, and its source the other side's and not
this one's. Both sides are checked so that « un grand nombre de petites entreprises » for "a
high number of small firms" is no reversal. A negation just before either word is left to
MT603 (« pas facile » for "difficult" is a faithful translation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from audit.resources import data_lines

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NEGATORS = {
    "fr": frozenset(["ne", "n", "pas", "non", "jamais", "sans", "aucun", "aucune", "ni", "guère", "plus"]),
    "en": frozenset(["not", "no", "never", "without", "nor", "t", "cannot", "neither"]),
}
NEGATION_REACH = 3  # words before a lexicon word that a negation may stand in


@dataclass(frozen=True)
class Reversal:
    """The article's word at `start:end` (« baisse »), the source's opposite ('rising') and
    the article's word for that opposite (« hausse »)."""

    start: int
    end: int
    word: str
    source_word: str
    expected: str


@dataclass(frozen=True)
class _Pair:
    sides: tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[tuple[str, ...], ...]]]
    french: tuple[str, str]  # the first French form of each side, for messages


def stem(word: str, lang: str) -> str:
    """A crude stem that folds the inflections the lexicon lists once: plural, feminine,
    participle and infinitive (« terminées » → « termin », "increased" → "increas")."""
    word = word.lower().replace("’", "'")
    if lang == "fr":
        if word.endswith(("euse", "euses")):
            word = word[: word.rindex("euse") + 2]
        for suffix in ("s", "x"):
            if word.endswith(suffix) and len(word) > 4:
                word = word[:-1]
                break
        for suffix in ("ée", "é", "er", "e"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _tokens(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each word; an elided article (« l'excès ») is cut off."""
    out = []
    for match in _WORD.finditer(text.replace("’", "'")):
        out.append((stem(match.group(), lang), match.start(), match.end()))
    return out


def _phrases(field: str, lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(stem(w, lang) for w in _WORD.findall(form.replace("’", "'"))) for form in field.split("|"))


@cache
def lexicon() -> tuple[_Pair, ...]:
    pairs = []
    for line in data_lines("antonyms.tsv"):
        fr_a, en_a, fr_b, en_b = line.split("\t")
        pairs.append(_Pair(
            ({"fr": _phrases(fr_a, "fr"), "en": _phrases(en_a, "en")},
             {"fr": _phrases(fr_b, "fr"), "en": _phrases(en_b, "en")}),
            (fr_a.split("|")[0], fr_b.split("|")[0]),
        ))
    return tuple(pairs)


def _occurrences(tokens: list[tuple[str, int, int]], phrases, lang: str) -> list[tuple[int, int]]:
    """Token index ranges where one of `phrases` occurs without a negation just before it."""
    stems = [t[0] for t in tokens]
    found = []
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(stems) - size + 1):
            if tuple(stems[i : i + size]) == phrase and not _negated(stems, i, lang):
                found.append((i, i + size))
    return found


def _negated(stems: list[str], index: int, lang: str) -> bool:
    return any(s in _NEGATORS[lang] for s in stems[max(0, index - NEGATION_REACH) : index])


def _grams(tokens: list[tuple[str, int, int]], longest: int = 3) -> set[tuple[str, ...]]:
    """Every run of up to `longest` stems: one set lookup per lexicon phrase, not a scan."""
    stems = [t[0] for t in tokens]
    return {tuple(stems[i : i + n]) for n in range(1, longest + 1) for i in range(len(stems) - n + 1)}


def reversals(target: str, source: str, source_lang: str) -> list[Reversal]:
    """Words of the French `target` whose opposite, and not themselves, the `source` says."""
    target_tokens, source_tokens = _tokens(target, "fr"), _tokens(source, source_lang)
    target_grams, source_grams = _grams(target_tokens), _grams(source_tokens)
    found: dict[int, Reversal] = {}
    for pair in lexicon():
        for side in (0, 1):
            mine, other = pair.sides[side], pair.sides[1 - side]
            if target_grams.isdisjoint(mine["fr"]) or source_grams.isdisjoint(other[source_lang]):
                continue  # the usual case, settled by two set lookups
            if not target_grams.isdisjoint(other["fr"]) or not source_grams.isdisjoint(mine[source_lang]):
                continue
            said = _occurrences(source_tokens, other[source_lang], source_lang)
            if not said:
                continue
            for first, last in _occurrences(target_tokens, mine["fr"], "fr"):
                start, end = target_tokens[first][1], target_tokens[last - 1][2]
                s_start, s_end = source_tokens[said[0][0]][1], source_tokens[said[0][1] - 1][2]
                found.setdefault(start, Reversal(start, end, target[start:end], source[s_start:s_end],
                                                 pair.french[1 - side]))
    return [found[k] for k in sorted(found)]
