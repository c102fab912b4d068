"""Where things go: the destination of a movement, in French and English, as a lexicon concept.

"sending soldiers to Russia" and « envoyer des soldats en Ukraine » differ in one place name,
but the place is the news: who goes where. A destination is a country or capital after a
preposition of direction ("to", "into", "towards"; « en », « au », « à », « vers », « dans »)
in a clause with a verb or noun of movement (send, deploy, « envoi », « déployer »…), so
"the war in Ukraine" and « la guerre en Ukraine » are places, not destinations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_TO = {
    "en": r"(?<!according )\b(?:to|into|towards?)\s+(?:the\s+)?$",
    "fr": r"\b(?:vers|en|au|aux|à|dans)\s+(?:la\s+|l['’]\s*|les\s+)?$",
}
_MOVEMENT = {
    "en": r"\b(?:sen[dt]\w*|deploy\w*|dispatch\w*|transfer\w*|mov(?:e|ed|es|ing)|travel\w*|went|go(?:es|ing)?|"
    r"arriv\w+|head\w*|flew|fl(?:y|ies|ying)|ship\w*|deliver\w*|export\w*|return\w*|fled|flee\w*)\b",
    "fr": r"\b(?:envo\w+|déplo\w+|dépêch\w+|achemin\w+|transf[éè]r\w+|expédi\w+|livr\w+|export\w+|"
    r"rend\w*|rendu\w*|arriv\w+|part\w*|dirig\w+|rapatri\w+|retourn\w+|fui\w*|fuy\w+|rejoin\w+|rallié\w*|"
    r"aill\w+|all(?:er|é|ée|és|ées|ons|ait)|va|vont|iront)\b",
}
_CLAUSE_BREAK = re.compile(r"[.;:!?()«»\"]|\b(?:pour|to support|afin|where|où|qui|which|that|dont)\b")
LOOKBACK = 80  # characters before the preposition in which the movement word is sought


@dataclass(frozen=True)
class Destination:
    """A destination concept `key` at `start:end`, its phrase starting at `phrase_start`."""

    start: int
    end: int
    key: str
    phrase_start: int


@cache
def _patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(_TO[lang], re.IGNORECASE), re.compile(_MOVEMENT[lang], re.IGNORECASE)


def destinations(text: str, lang: str) -> list[Destination]:
    """The places `text` sends someone or something to, with the preposition in the phrase."""
    from audit.sources.anchors import mentions

    lang = "en" if lang == "en" else "fr"
    to, movement = _patterns(lang)
    found = []
    for mention in mentions(text, lang):
        if mention.kind == "person" or mention.role == "attr":
            continue
        before = text[max(0, mention.start - LOOKBACK) : mention.start]
        preposition = to.search(before)
        if not preposition:
            continue
        clause = _CLAUSE_BREAK.split(before[: preposition.start()])[-1]
        if movement.search(clause):
            found.append(Destination(mention.start, mention.end, mention.key,
                                     mention.start - (len(before) - preposition.start())))
    return found


def direction_flips(target: str, source: str, source_lang: str) -> list[tuple[Destination, Destination]]:
    """Destinations of `target` (French) that are not the source's, when the source's own
    destination appears nowhere in the target: each with the source destination it replaces."""
    from audit.sources.anchors import mentions

    wanted = destinations(source, source_lang)
    if not wanted:
        return []
    wanted_keys = {d.key for d in wanted}
    if wanted_keys & {m.key for m in mentions(target, "fr") if m.role != "attr"}:
        return []  # the source's destination is still a place of the article's sentence
    return [(d, wanted[0]) for d in destinations(target, "fr") if d.key not in wanted_keys]
