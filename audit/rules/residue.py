"""What scraping and spinning leave behind: markup, link labels, site furniture, repeats."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

from audit.document import Document
from audit.findings import Category, Fix, Severity
from audit.messages import N_
from audit.resources import data_lines
from audit.rules.edits import deletion
from audit.rules.prefilter import DataPattern, data_patterns, joined
from audit.rules.registry import Hit, RuleContext, rule

_MARKUP = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"  # tags
    r"|\b(?:class|type|src|srcset|href|style|id|alt|width|height|data-[\w-]+|aria-[\w-]+)=\"[^\"\n]*\"\S*"
    r"|&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});"  # entities
    r"|>{2,}"
)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")
_MARKUP_GAP = re.compile(r"[ \t\u00a0•>]*")
_LINE = re.compile(r"[^\n]+")
_LINE_PADDING = " \t\r\u00a0\u202f•"
_MAX_HEADLINE_WORDS = 16
_NORMALISE = re.compile(r"[\W_]+")
_MIN_DUPLICATE_WORDS = 4


@rule("MT401", "markup-residue", Category.MARKUP, Severity.MAJOR, fix="unsafe")
def markup_residue(document: Document, context: RuleContext) -> Iterator[Hit]:
    """HTML tags, attributes or entities left in the text.

    Why: spun pages are rebuilt from scraped HTML; leftovers such as
    `type="image/avif" class="jsx-2028956212">` or `&nbsp;` show the text was never read.
    Neighbouring pieces are reported as one span.

    Example: La Corée du Nord &nbsp;dément.
    Use instead: La Corée du Nord dément.
    """
    spans: list[list[int]] = []
    for match in _MARKUP.finditer(document.text):
        gap = document.text[spans[-1][1] : match.start()] if spans else None
        if gap is not None and _MARKUP_GAP.fullmatch(gap):
            spans[-1][1] = match.end()
        else:
            spans.append([match.start(), match.end()])
    for start, end in spans:
        if not _from_source(document, start, end):
            fix = _markup_fix(document.text, start, end)
            yield Hit(start, end, N_("markup left in the text"), fix.replacement, fix=fix)


def _from_source(document: Document, start: int, end: int) -> bool:
    """In a bilingual file, markup the source has too is the text's own (MT704 compares it)."""
    unit = document.segment_at(start)
    return unit is not None and document.text[start:end] in unit.source



def _markup_fix(text: str, start: int, end: int) -> Fix:
    """A lone entity becomes its character (`&nbsp;` a no-break space), a safe fix; other
    markup is deleted, which is not."""
    piece = text[start:end]
    character = html.unescape(piece) if _ENTITY.fullmatch(piece) else piece
    return Fix(start, end, character, safe=True) if character != piece else deletion(text, start, end)


@lru_cache(maxsize=1)
def _link_labels() -> re.Pattern:
    labels = sorted(data_lines("link_labels.txt"), key=len, reverse=True)
    return re.compile("|".join(re.escape(label.strip()) for label in labels), re.IGNORECASE)


@rule("MT402", "link-label", Category.MARKUP, Severity.MINOR, fix="unsafe")
def link_label(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A link's label left in the text: "(nouvelle fenêtre)", "(opens in new tab)".

    Why: screen-reader labels of links survive copy-and-paste from the original page and
    give the copy away. The list is data/link_labels.txt.

    Example: a déclaré l’agence Yonhap (nouvelle fenêtre) vendredi.
    Use instead: a déclaré l’agence Yonhap vendredi.
    """
    for match in _link_labels().finditer(document.text):
        fix = deletion(document.text, match.start(), match.end())
        yield Hit(match.start(), match.end(), N_("link label copied from the source page"), "", fix=fix)


@lru_cache(maxsize=8)
def _configured_boilerplate(extra: tuple[str, ...]) -> tuple[DataPattern, ...]:
    entries = ({"regex": regex, "message": N_("site boilerplate (configured)")} for regex in extra)
    return tuple(DataPattern(entry, re.IGNORECASE, None) for entry in entries)


@rule("MT403", "boilerplate", Category.BOILERPLATE, Severity.MAJOR, fix="unsafe")
def boilerplate(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A line of news-site furniture: Lire aussi, PREV/NEXT, Follow us on Google News…

    Why: spinners copy the whole page, navigation included. The patterns are
    data/boilerplate.toml; add a site's own with the `boilerplate` setting. The headline
    under a "Lire aussi" or "Suivez la couverture complète" line is the link's text and is
    reported too.

    Example: Suivez la couverture complète
    Use instead: remove the line.
    """
    if document.segments:  # a unit's « Fermer » or « Menu » is an interface label, not furniture
        return
    table = data_patterns("boilerplate.toml", "line", re.IGNORECASE)
    patterns = [p for p, _ in table.candidates(document.lowered)]
    patterns += _configured_boilerplate(context.extra_boilerplate)
    any_pattern = joined(tuple(p.entry["regex"] for p in patterns), re.IGNORECASE)
    announced = False
    for match in _LINE.finditer(document.text):
        line = match.group()
        stripped = line.strip(_LINE_PADDING)
        if not stripped:
            continue
        start = match.start() + line.index(stripped)
        end = start + len(stripped)
        found = None
        if any_pattern is None or any_pattern.match(stripped):
            found = next((p.entry for p in patterns if p.original.match(stripped)), None)
        if found is not None:
            yield Hit(start, end, found["message"], "", fix=deletion(document.text, start, end))
        elif announced and _looks_like_headline(stripped):
            yield Hit(start, end, N_("headline of a link to another article"), "", fix=deletion(document.text, start, end))
        announced = found is not None and found.get("announces_link", False)


def _looks_like_headline(line: str) -> bool:
    return len(line.split()) <= _MAX_HEADLINE_WORDS and not line.endswith((".", ":", ","))


@rule("MT404", "duplicate-text", Category.DUPLICATE, Severity.MAJOR, fix="unsafe")
def duplicate_text(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A title, paragraph or sentence that appears again.

    Why: spun pages repeat the title (page title, heading, social card) and paste
    paragraphs twice. Only sentences of four words or more count.

    Example: the same title on three lines.
    Use instead: keep one.
    """
    if document.segments:  # units repeat in a bilingual file; MT710 and MT711 check them
        return
    first_seen: dict[str, int] = {}
    for sentence in document.sentences:
        key = _NORMALISE.sub(" ", sentence.text.casefold()).strip()
        if len(key.split()) < _MIN_DUPLICATE_WORDS:
            continue
        if key in first_seen:
            line, _ = document.line_col(first_seen[key])
            fix = deletion(document.text, sentence.start, sentence.end)
            yield Hit(sentence.start, sentence.end, N_("repeats the text of line {line}").format(line=line), "", fix=fix)
        else:
            first_seen[key] = sentence.start
