"""People named in a sentence, and whether an article names a different one than its source.

The lexicon (`audit/data/entities.tsv`) knows the people whose names the press spells in
several ways; everyone else is recognised here by the words around a capitalised name: a
title before it (« le président », "Defence Minister") or a speech verb (« a déclaré »,
"said", « selon »). Two names are the same person when a word of one matches a word of the
other up to transliteration (Shoigu/Choïgou, Zelenskiy/Zelenski, Netanyahu/Netanyahou).

A *flip* is a person the article names where the aligned source sentence names, in the same
role (title, speaker), someone the article does not: a name only added or only dropped is
an addition or an omission, not a flip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from audit.sources.anchors import fold, lexicon_words, mentions

_RUN = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w’'-]*\w(?:[ -][A-ZÀ-ÖØ-Þ][\w’'-]*\w|\s+(?:von der|de|van|bin|al)\s+"
                  r"[A-ZÀ-ÖØ-Þ][\w’'-]*\w)*")
_ELIDED = re.compile(r"^[LlDd][’']")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised words that open a sentence or a title, not a name.
_NOT_NAMES = _word_set(
    "le la les un une des de du au aux et mais ou or donc car ce cet cette ces il elle ils elles on nous vous "
    "je selon apres pour lors dans en sur sous avec sans par chez hier lundi mardi mercredi jeudi vendredi "
    "samedi dimanche the a an and but or in on at to for with by from of he she they we it i this that these "
    "those as after before while when yesterday today monday tuesday wednesday thursday friday saturday sunday"
)
_ACCORDING = frozenset({"selon", "apres", "according"})
_TITLES = _word_set(
    "president presidente ministre minister prime premier secretary secretaire general generale spokesman "
    "spokeswoman spokesperson porte-parole chef cheffe chief head leader dirigeant dirigeante chancelier "
    "chanceliere chancellor roi reine king queen pape pope senateur senatrice senator depute deputee deputy "
    "ambassadeur ambassadrice ambassador directeur directrice director patron commandant commander "
    "gouverneur governor maire mayor amiral admiral colonel lieutenant envoy emissaire envoye conseiller "
    "conseillere adviser advisor homologue counterpart defence defense foreign interior m mme mr mrs ms dr vice"
)
_TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted((t for t in _TITLES if len(t) > 2), key=len, reverse=True))
    + r")\b((?:\s+[^\s,.;:!?()]+){0,5}?)\s*,?\s*$"
)
# Between a title and its name: « ministre russe de la Défense », not a verb or a clause.
_NOT_QUALIFIERS = _word_set("a ont est sont avait etait has have had is was were met rencontre et and qui who que that")
_SPEECH = {
    "fr": r"(?:a|ont|avait|aurait)?\s*(?:déclaré|dit|affirmé|annoncé|assuré|indiqué|précisé|ajouté|estimé|souligné|"
    r"averti|accusé|confirmé|démenti|répondu|expliqué|rappelé|reconnu|dénoncé|promis|appelé|insisté|écrit|"
    r"martelé|prévenu|jugé|salué|déclare|affirme|annonce|assure|indique|estime|accuse|dément|prévient|"
    r"souligne|dit|explique|confirme)",
    "en": r"(?:has\s+|had\s+)?(?:said|says|told|announced|stated|added|warned|claimed|confirmed|denied|"
    r"accused|insisted|noted|wrote|declared|urged|called|promised|vowed|explained|replied|stressed)",
}
_SPEECH_AFTER = {lang: re.compile(rf"^\s*(?:,(?:[^,.;:!?]{{1,60}},)?)?\s*{verb}\b", re.IGNORECASE)
                 for lang, verb in _SPEECH.items()}
_SPEECH_BEFORE = {lang: re.compile(rf"\b{verb}\s+(?:(?:le|la|the)\s+)?$", re.IGNORECASE)
                  for lang, verb in _SPEECH.items()}
_ACCORDING_BEFORE = re.compile(r"\b(?:selon|d['’]après|according to)\s+$", re.IGNORECASE)
_SKELETON = (("shch", "sc"), ("chtch", "sc"), ("tch", "c"), ("zh", "j"), ("kh", "h"), ("sh", "c"),
             ("ch", "c"), ("ou", "u"), ("y", "i"), ("w", "v"), ("ck", "k"), ("gue", "ge"), ("gui", "gi"))


@dataclass(frozen=True)
class Person:
    """A name at `start:end` said by its context to be a person's, and how (`roles`: 'title',
    'speaker')."""

    start: int
    end: int
    name: str
    roles: frozenset[str]


def people(text: str, lang: str) -> list[Person]:
    """Names in `text` with a title or a speech verb beside them, except the lexicon's."""
    lang = "en" if lang == "en" else "fr"
    known = [(m.start, m.end) for m in mentions(text, lang)]
    found = []
    for match in _RUN.finditer(text):
        words = _words(match.group())
        lead = 0
        while lead < len(words) and _key(words[lead]) in _NOT_NAMES | _TITLES | lexicon_words():
            lead += 1
        rest = words[lead:]
        if not rest or any(_key(w) in lexicon_words() or _key(w) in _NOT_NAMES for w in rest):
            continue
        start = match.start() + match.group().index(rest[0])
        if any(s < match.end() and start < e for s, e in known):
            continue
        roles = _roles(text, start, match.end(), words[:lead], lang)
        if roles:
            found.append(Person(start, match.end(), text[start : match.end()], roles))
    return found


def _words(run: str) -> list[str]:
    return [_ELIDED.sub("", w) for w in re.split(r"\s+", run)]


def _key(word: str) -> str:
    return fold(word).rstrip(".")


def _roles(text: str, start: int, end: int, lead: list[str], lang: str) -> frozenset[str]:
    before, after = text[max(0, start - 60) : start], text[end : end + 80]
    lead_keys = {_key(w) for w in lead}
    roles = set()
    title = _TITLE_BEFORE.search(fold(before))
    if lead_keys & _TITLES or (title and not set(title.group(1).split()) & _NOT_QUALIFIERS):
        roles.add("title")
    if (lead_keys & _ACCORDING or _ACCORDING_BEFORE.search(before) or _SPEECH_AFTER[lang].match(after)
            or _SPEECH_BEFORE[lang].search(before)):
        roles.add("speaker")
    return frozenset(roles)


def flips(target: str, source: str, source_lang: str) -> Iterator[tuple[Person, Person]]:
    """(article person, source person) pairs: same role, and neither named on the other side."""
    source_people = people(source, source_lang)
    source_words, target_words = _name_words(source), _name_words(target)
    for person in people(target, "fr"):
        if _named_in(person.name, source_words) or (source_lang == "en" and _translates(person.name, source)):
            continue
        replaced = [p for p in source_people if p.roles & person.roles and not _named_in(p.name, target_words)]
        if replaced:
            yield person, replaced[0]


# « Angleterre » is "England", « l’État » "the State": a capitalised common noun or a place the
# word-translation model knows is rendered, not a different person. 0.3 is where a word's
# alternative translations stop (« Bureau » is "Office" at 0.46).
TRANSLATED = 0.3


def _translates(name: str, english: str) -> bool:
    from audit.sources.words import translation

    capitalised = {w for run in _RUN.findall(english) for w in re.split(r"[\s-]+", run) if len(w) > 2}
    return any(translation(_ELIDED.sub("", w), other, "fr") >= TRANSLATED
               for w in re.split(r"[\s-]+", name) if len(w) > 2 for other in capitalised)


def _name_words(text: str) -> list[str]:
    """Skeletons of every capitalised word, sentence-initial ones too."""
    return [skeleton(w) for run in _RUN.findall(text) for w in re.split(r"[\s-]+", run) if len(w) > 2]


def _named_in(name: str, words: list[str]) -> bool:
    return any(_close(skeleton(w), other) for w in re.split(r"[\s-]+", name) if len(w) > 2 for other in words)


@cache
def skeleton(word: str) -> str:
    """A spelling-neutral form of a name: French and English transliterations of the same
    Cyrillic or Arabic name meet (« Choïgou », "Shoigu" → `coigu`)."""
    word = _ELIDED.sub("", fold(word))
    for spelling, common in _SKELETON:
        word = word.replace(spelling, common)
    word = re.sub(r"(\w)\1+", r"\1", word)
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    return _edits(a, b) <= 1


def _edits(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
