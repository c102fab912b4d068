"""Negation that knows its grammar, in French and English, for the negation-flip check (MT603).

A sentence is *negated* when it holds a strong marker (« ne … pas », « jamais », "not",
"never"); it is *negative* when it holds any negation, weak ones included: nominal ones
(« absence de », "lack of") and lexical ones ("unclear", « inconnu », "homeless"), since a
translator moves a negation between syntax and vocabulary (« il n'est pas clair » for "it is
unclear"). A flip is a strong marker on one side and nothing negative on the other.

Words that only look negative are not markers:
- the noun « pas » (« un premier pas », « la taille du pas », « pas à pas »): « pas » after
  a determiner or an adjective and with no « ne » before it;
- restriction, « ne … que », also after « plus », « guère », « jamais » (« il ne reste plus
  que deux jours » is "only two days are left");
- idioms: « n'en … pas moins », « sans doute », « sans cesse », « non seulement », « à
  jamais », « plus que jamais », "not only", "not just", "No. 1".

« ne » alone negates with pouvoir, savoir, oser, cesser (« il ne peut être expédié »), and
weak negations include verbs that negate their object ("prohibit", « empêcher »), « peu »
for "not many", « sinon » for "if not" and the elliptic « ou plus valide » for "or no longer
valid".
"""

from __future__ import annotations

import re
from functools import cache

from audit.resources import data_lines

_NE = r"\b(?:ne\b|n['’])\s*"
_STRONG = {
    "fr": _NE + r"(?:[\w-]+\s+){0,3}?(?:plus|guère|nullement|personne)\b(?!\s+que\b)"
    # « ne » alone, in writing, with pouvoir, savoir, oser, cesser: « il ne peut être expédié »
    r"|\bne\s+(?:peu[tx]|peuvent|pouv\w+|pourr\w+|sai[st]|savai\w+|saur\w+|os\w+|cess\w+)\b(?![\s-]+(?:\w+\s+)?pas\b)"
    r"|\b(?:pas(?!\s+(?:moins|seulement))|rien|jamais|(?<!sans )aucune?|sans(?!\s+(?:aucun\s+)?(?:doute|cesse))|ni"
    r"|impossible|incapables?|personne\s+ne)\b",
    "en": r"\b(?:not(?!\s+(?:only|just|merely))|never|no(?!\.\s*\d)|none|nobody|nothing|neither|nor|without|cannot|unable|impossible"
    r"|fail(?:s|ed)?\s+to)\b|n['’]t\b",
}
_WEAK = {
    # « corrigé ou plus valide »: « plus » without « ne » after « ou »/« mais » is "no longer".
    "fr": r"\bnon\b(?![\s-]+(?:seulement|content))|\b(?:faute|absence|manque|défaut)\s+d|\bindépendamment\s+d"
    r"|\b(?:ou|mais)\s+plus\s+(?!que\b|de\b|d['’]|\d)[^\W\d_]{4,}"
    r"|\b(?:peu|sinon|interdi\w*|empêch\w*|refus\w*|évit\w*|privés?|privées?)\b",
    "en": r"\bnon-(?=\w)|\b(?:failures?|lack|absence)\b|\b\w{3,}(?:less|[- ]free)\b"
    r"|\b(?:prohibit|forbid|ban(?:s|ned)?\b|prevent|refus|den(?:y|ie)|avoid|barred|away\s+from)\w*",
}
# What makes « pas » a noun when no « ne » precedes it: a determiner or an adjective before it.
_NOUN_PAS = re.compile(
    r"\b(?:un|le|l['’]|du|des|les|ce|cet|ces|mon|ton|son|notre|votre|leur|leurs|mes|tes|ses|chaque|au|aux"
    r"|premiers?|derniers?|petits?|grands?|faux|nouveaux?|bons?|mauvais|même|quelques|\d+)\s+$"
    r"|\bpas\s+à\s+$",
    re.IGNORECASE,
)
# A bare « jamais » that means "ever": « à jamais », « plus que jamais », « si jamais ».
_EVER = re.compile(r"\b(?:à|que|qu['’]|si)\s*$", re.IGNORECASE)
_NE_BEFORE = re.compile(_NE + r"(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_RESTRICTION = re.compile(r"[^.;:!?,]*?\bqu(?:e\b|['’])", re.IGNORECASE)
MIN_STEM = 4  # letters of the word after a negative prefix (`audit/data/negative_prefixes.tsv`)


@cache
def _pattern(lang: str, weak: bool) -> re.Pattern:
    """Compiled on first use: registering the rules must not cost `mtaudit check` a compile."""
    return re.compile((_WEAK if weak else _STRONG)[lang], re.IGNORECASE)


def negation(text: str, lang: str) -> re.Match | None:
    """The first strong negation marker of `text` in `lang`, read with its grammar."""
    for match in _pattern(lang, weak=False).finditer(text):
        if lang == "fr" and _not_a_marker(text, match):
            continue
        return match
    return None


def negative(text: str, lang: str) -> bool:
    """Whether `text` holds any negation, weak or lexical ones included."""
    return bool(negation(text, lang) or _pattern(lang, weak=True).search(text) or lexical_negation(text, lang))


def _not_a_marker(text: str, match: re.Match) -> bool:
    word, before = match.group().lower(), text[: match.start()]
    if word.startswith("ne "):  # « ne peut … que »: restriction, "can only"
        return bool(_RESTRICTION.match(text[match.end():]))
    if _NE_BEFORE.search(before):
        return False
    if word == "pas":
        return bool(_NOUN_PAS.search(before)) or text[match.end():].lstrip().startswith("à pas")
    return word == "jamais" and bool(_EVER.search(before))


def lexical_negation(text: str, lang: str) -> str | None:
    """The first word of `text` that negates by its prefix ("unclear", « inconnu »), if any."""
    prefixes, words = _prefixes(lang), _lexicon(lang)
    for word in _WORD.findall(text.lower()):
        for prefix in prefixes:
            stem = word[len(prefix):]
            if word.startswith(prefix) and len(stem) >= MIN_STEM and stem in words and word not in _exceptions(lang):
                return word
    return None


@cache
def _prefixes(lang: str) -> tuple[str, ...]:
    return tuple(value for kind, language, value in _table() if (kind, language) == ("prefix", lang))


@cache
def _exceptions(lang: str) -> frozenset[str]:
    return frozenset(value for kind, language, value in _table() if (kind, language) == ("exception", lang))


def _table() -> list[tuple[str, ...]]:
    return [tuple(line.split("\t")) for line in data_lines("negative_prefixes.tsv")]


@cache
def _lexicon(lang: str) -> frozenset[str]:
    if lang == "fr":
        return frozenset(line.strip() for line in data_lines("french_words.txt"))
    return frozenset(line.split("\t")[0] for line in data_lines("english_words.tsv"))
