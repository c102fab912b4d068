"""HTML5 tokens from a page, one at a time: what `audit.html_stream` builds its extraction on.

A regular expression finds each piece of markup; the text between is decoded as HTML5 decodes
text (`html.unescape` follows its rules for character references). Only the token boundaries
and the text matter downstream, so attributes are skipped, not parsed, but skipped as the
HTML5 tokenizer reads them: a quoted value opens only after `=`, may hold `<` and `>`, and one
never closed runs to the end of the page, swallowing it (an unfinished tag is dropped). The
contents of `<script>`, `<style>` and the other raw-text elements run to their end tag.

Tokens are tuples: (TEXT, text), (START, name, self_closing), (END, name), (COMMENT,) and
(DOCTYPE, text of the declaration).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

TEXT, START, END, COMMENT, DOCTYPE = range(5)
_MARKUP = re.compile(
    r"<(?:(/?)([A-Za-z][^\t\n\f\r />]*)"
    r"""((?:[^>"'=]+|=[\t\n\f\r ]*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))|[="'])*)(>|\Z)"""
    r"|!--(?:>|->|.*?(?:--!?>|\Z))"  # a comment, closed early by `<!-->` and `<!--->` as in HTML5
    r"|(![Dd][Oo][Cc][Tt][Yy][Pp][Ee][^>]*)(?:>|\Z)"
    r"|[!?][^>]*(?:>|\Z)|/[^>A-Za-z][^>]*(?:>|\Z)"  # bogus comments
    r"|/>)",  # `</>` is dropped
    re.DOTALL,
)
# Elements whose content is text up to their end tag; RCDATA ones decode character references.
RAW_TEXT = frozenset(["script", "style", "xmp", "iframe", "noembed", "noframes"])
RCDATA = frozenset(["textarea", "title"])
_CONTENT = RAW_TEXT | RCDATA | {"plaintext"}
_ENDS: dict[str, re.Pattern] = {}


def tokens(html: str, foreign: list[bool]) -> Iterator[tuple]:
    """The page's tokens; `foreign[0]` is set by the consumer while inside <svg> or <math>,
    where <style> and <title> are ordinary elements."""
    position = 0
    while position is not None:
        position = yield from _until_raw_text(html, position, foreign)


def _until_raw_text(html: str, position: int, foreign: list[bool]) -> Iterator[tuple]:
    """Tokens up to the end of the page (None) or to the start of a raw-text element's
    content, where a fresh scan starts (its position). Kept tight: a 2 MB page has a million."""
    for match in _MARKUP.finditer(html, position):
        start = match.start()
        if start > position:
            text = html[position:start]
            yield TEXT, unescape(text) if "&" in text else text
        position = match.end()
        name = match.group(2)
        if name is None:
            doctype = match.group(5)
            if doctype is not None:
                yield DOCTYPE, doctype
            elif html[start + 1] != "/" or html[start + 2] != ">":
                yield COMMENT,
            continue
        if not match.group(4):
            return None  # a tag left open at the end of the page is dropped, with what it swallowed
        name = name.lower()
        if html[start + 1] == "/":
            yield END, name
            continue
        yield START, name, html[position - 2] == "/"
        if name in _CONTENT and not foreign[0]:
            return (yield from _raw(html, position, name))
    if position < len(html):
        text = html[position:]
        yield TEXT, unescape(text) if "&" in text else text
    return None


def _raw(html: str, position: int, name: str) -> Iterator[tuple]:
    if name == "plaintext":
        end = len(html)
    else:
        if name not in _ENDS:
            _ENDS[name] = re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE)
        found = _ENDS[name].search(html, position)
        end = found.start() if found else len(html)
    if end > position:
        content = html[position:end]
        yield TEXT, _text(content) if name in RCDATA else content
    return end


def _text(text: str) -> str:
    return unescape(text) if "&" in text else text
