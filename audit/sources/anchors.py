"""What survives translation: countries, nationalities, organisations, names and numbers.

A French article and its English source share few words, but they name the same countries,
people and figures. These anchors drive cross-lingual retrieval (index terms, evidence) and
the source checks: an entity or a number that differs between aligned sentences.

A country mention has a *role*: `attr` when it qualifies something (a demonym, « de la
Russie », "Russia's"), `place` after a locative preposition (« en Russie », "to Russia"),
`name` otherwise. `people` marks a nationality that qualifies soldiers, troops, forces…:
« soldats russes » says who the soldiers are, « des soldats en Russie » where they go.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from audit.resources import data_lines

_PLACE_BEFORE = {
    "fr": re.compile(r"(?:\ben|\bà|\bau|\baux|\bvers|\bdans|\bpour)\s+(?:la\s+|l['’]\s*|les\s+)?$", re.IGNORECASE),
    "en": re.compile(r"(?:\bin|(?<!according )\bto|\binto|\bat|\bfor)\s+(?:the\s+)?$", re.IGNORECASE),
}
_GENITIVE_BEFORE = {
    "fr": re.compile(r"(?:\bde|\bdu|\bdes|\bd['’])\s*(?:la\s+|l['’]\s*)?$", re.IGNORECASE),
    "en": re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE),
}
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_PEOPLE = {
    "fr": r"soldats?|troupes?|militaires?|forces?|combattants?|mercenaires?|hommes|personnel|"
    r"effectifs|recrues|contingents?",
    "en": r"soldiers?|troops?|forces?|fighters?|personnel|mercenaries|servicemen|men|recruits",
}
# The noun a nationality qualifies: « soldats (des forces spéciales) russes », "Russian troops".
_PEOPLE_BEFORE = {
    "fr": re.compile(rf"\b(?:{_PEOPLE['fr']})(?:\s+[\w-]+)?\s+$", re.IGNORECASE),
    "en": re.compile(rf"\b(?:{_PEOPLE['en']})\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE),
}
_PEOPLE_AFTER = {
    "fr": re.compile(rf"^\s+(?:[\w-]+\s+)?(?:{_PEOPLE['fr']})\b", re.IGNORECASE),
    "en": re.compile(rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE['en']})\b", re.IGNORECASE),
}
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:(?:[ \u00a0\u202f]|,(?=\d{3}\b))\d{3})+(?:[.,]\d+)?(?!\w)|(?<![\w.,])\d+(?:[.,]\d+)?(?!\w)")
_NAME = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w’'-]*[\w](?:[ -][A-ZÀ-ÖØ-Þ][\w’'-]*[\w])*")


@dataclass(frozen=True)
class Mention:
    """A country, capital, nationality or organisation at `start:end`, as its concept `key`.

    `phrase_start` reaches back to the noun a nationality qualifies (« soldats russes »).
    """

    start: int
    end: int
    key: str
    kind: str
    role: str
    people: bool
    phrase_start: int


@dataclass(frozen=True)
class Number:
    """A number at `start:end` and its value written canonically (`1500`, `3.25`)."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class _Form:
    key: str
    kind: str
    demonym: bool


def _inflections(demonym: str) -> list[str]:
    if demonym.endswith("e"):
        return [demonym, demonym + "s"]
    forms = [demonym, demonym + "s", demonym + "e", demonym + "es"]
    if demonym.endswith("en"):
        forms += [demonym + "ne", demonym + "nes"]
    if demonym.endswith("s"):
        forms = [demonym, demonym + "e", demonym + "es"]
    return forms


@cache
def _lexicon(lang: str) -> tuple[re.Pattern, dict[str, _Form]]:
    """One alternation of every form (longest first) and what each form stands for."""
    forms: dict[str, _Form] = {}
    for line in data_lines("entities.tsv"):
        key, kind, fr_names, fr_demonym, en_names, en_demonym, capitals = (line.split("\t") + [""] * 7)[:7]
        names, demonym = (fr_names, fr_demonym) if lang == "fr" else (en_names, en_demonym)
        if kind == "person" and lang == "fr":  # French copy keeps English spellings of names: still the person
            names = f"{fr_names}|{en_names}"
        for name in filter(None, names.split("|") + capitals.split("|")):
            # Acronyms and people's names keep their case: « poutine » is a dish, "US" not "us".
            exact = name.isupper() or kind == "person"
            forms.setdefault(name if exact else name.lower(), _Form(key, kind, False))
        if demonym:
            for form in _inflections(demonym) if lang == "fr" else [demonym, demonym + "s"]:
                forms.setdefault(form.lower(), _Form(key, kind, True))
    folded, exact = _trie([f for f in forms if f == f.lower()]), _trie([f for f in forms if f != f.lower()])
    alternation = "|".join(filter(None, [folded and f"(?i:{folded})", exact]))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), forms


def _trie(words: list[str]) -> str:
    """An alternation of `words` as a prefix tree, longest match first.

    A flat alternation of the 250 forms made `re` try each one at every word start (most of the
    indexing time); the tree tries one branch per letter. The boundary after the match still
    backtracks to a shorter form (« Corée » when « Corée du Nord » is not followed by a boundary).
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
    return body + "?" if "" in node else body


@cache
def concept_names() -> dict[str, str]:
    """Concept key → its French name, for messages (`kp` → « Corée du Nord »)."""
    return {line.split("\t")[0]: line.split("\t")[2].split("|")[0] for line in data_lines("entities.tsv")}


def display(term: str) -> str:
    """An index entity term as a reader knows it: `ckp` → « Corée du Nord », names as they are."""
    return concept_names().get(term[1:], term) if term.startswith("c") else term


def mentions(text: str, lang: str) -> list[Mention]:
    """Every lexicon entity in `text` with its role (`lang`: 'fr' or 'en')."""
    lang = "en" if lang == "en" else "fr"
    pattern, forms = _lexicon(lang)
    found = []
    for match in pattern.finditer(text):
        form = _form(forms, match.group())
        before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 40]
        role = _role(form, before, after, lang)
        noun = _PEOPLE_BEFORE[lang].search(before)
        people = role == "attr" and bool(noun or _PEOPLE_AFTER[lang].match(after))
        phrase_start = match.start() - (len(before) - noun.start()) if noun else match.start()
        found.append(Mention(match.start(), match.end(), form.key, form.kind, role, people, phrase_start))
    return found


def concepts(text: str, lang: str) -> list[str]:
    """The concept key of every lexicon entity in `text`, without roles: what the index needs."""
    pattern, forms = _lexicon("en" if lang == "en" else "fr")
    return [_form(forms, matched).key for matched in pattern.findall(text)]


def _form(forms: dict[str, _Form], matched: str) -> _Form:
    """What a matched form stands for: exact forms keep their case, the others are folded."""
    return forms.get(matched) or forms[matched.lower()]


def _role(form: _Form, before: str, after: str, lang: str) -> str:
    if form.demonym or _GENITIVE_BEFORE[lang].search(before) or (lang == "en" and _POSSESSIVE_AFTER.match(after)):
        return "attr"
    if _PLACE_BEFORE[lang].search(before):
        return "place"
    return "name"


def numbers(text: str, lang: str) -> list[Number]:
    """Numbers with their canonical value: « 1 500 » and "1,500" are both `1500`."""
    # English groups thousands with commas; French writes decimals with one.
    separators = _EN_SEPARATORS if lang == "en" else _FR_SEPARATORS
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group().translate(separators)
        value = raw.rstrip("0").rstrip(".") if "." in raw else raw.lstrip("0") or "0"
        found.append(Number(match.start(), match.end(), value))
    return found


_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
# French months are written in lower case (« Mars » is the planet), English ones capitalised
# ("may" is a verb); abbreviations are left out.
_MONTH = {
    "fr": (re.compile(rf"\b(?:{'|'.join(_MONTHS_FR)})\b"), dict(zip(_MONTHS_FR, _MONTHS_FR))),
    "en": (re.compile(rf"\b(?:{'|'.join(_MONTHS_EN)})\b"), dict(zip(_MONTHS_EN, _MONTHS_FR))),
}


def months(text: str, lang: str) -> list[Number]:
    """Month names with their French name as value: "October" and « octobre » are both `octobre`."""
    pattern, french = _MONTH["en" if lang == "en" else "fr"]
    return [Number(m.start(), m.end(), french[m.group()]) for m in pattern.finditer(text)]


_FR_SEPARATORS = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, ",": "."})
_EN_SEPARATORS = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, ",": None})


def fold(word: str) -> str:
    """Lower case without accents, so « Séoul » meets "Seoul"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def lexicon_words() -> frozenset[str]:
    """Folded words of every lexicon form, both languages (« nord », "korea", "moscow")."""
    words = set()
    for lang in ("fr", "en"):
        for form in _lexicon(lang)[1]:
            words.update(fold(w) for w in re.split(r"[ -]", form))
    return frozenset(words)


def names(text: str) -> list[str]:
    """Capitalised words that do not open a sentence, folded: likely proper names."""
    found = []
    for match in _NAME.finditer(text):
        head = text[max(0, match.start() - 2) : match.start()]
        if match.start() == 0 or _SENTENCE_END.search(head):
            continue
        found.extend(fold(part) for part in _NAME_PARTS.split(match.group()) if len(part) > 1)
    return found


_SENTENCE_END = re.compile(r"[.!?»\"\n]\s*$")
_NAME_PARTS = re.compile(r"[ ’']")
