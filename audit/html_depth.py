"""Bound how deeply an HTML page nests before a tree is built from it.

An HTML5 tree builder checks the stack of open elements for almost every tag, so its time
grows with the square of the nesting: 100,000 nested `<div>` (1.1 MB) took 28 s to parse and
extract, 200,000 did not finish in 400 s. Browsers bound the depth (Chromium at 512) by adding
deeper elements as siblings; mtaudit drops the tags beyond `MAX_DEPTH` and keeps their text,
in one linear pass, before the page reaches the parser. Block elements (the paragraphs of
`audit.ingest`) get a lower bound, `MAX_BLOCK_DEPTH`: finding the innermost ones costs the
number of blocks times their nesting. Pages within both bounds are passed on unchanged, so
their extraction is exactly what it was.

The pass only estimates the depth: it knows void elements, raw-text elements and comments,
and that a `<p>` or `<li>` left open is closed by the next one, but not the rest of HTML5's
implicit closing. It can only overestimate, which may flatten a strange page a little more
than needed; it never lets the parser see a deeper one.

One more shape is super-linear, and no depth bound sees it: formatting elements closed out of
order (`<b><i>x</b>` repeated). HTML5 reopens each such element (the adoption agency, then
the reconstruction of active formatting elements), so the tree deepens with every repeat:
180,000 of them (2 MB) took 22 s to parse. The pass counts them, and a page with more than
`MAX_MISNESTED` is refused (`TooMalformed`) before it reaches the parser: a work budget,
so the same page is refused on every machine, where a time limit would depend on the load.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from io import StringIO

MAX_DEPTH = 256
MAX_BLOCK_DEPTH = 24
# 10,000 repeats of `<b><i>x</b>` parse in 0.2 s (quadratic beyond); real pages have a few.
MAX_MISNESTED = 10_000
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(?:script|style|textarea|title)\b.*?(?:</(?:script|style|textarea|title)\s*>|\Z)"
    # A quoted attribute value may hold < and >; one never closed runs to the end, as in HTML5.
    r"""|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^<>"']|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z)""",
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
_BLOCKS = " blocks"  # the open_count key counting open block elements (no tag has a space)
_CLOSED_BY_ITS_NEXT = frozenset(["p", "li", "dt", "dd", "option", "tr", "td", "th"])
_FORMATTING = frozenset(["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"])


class TooMalformed(ValueError):
    """A page whose parsing would cost more than its size: told in one line, not parsed."""


def bounded(html: str, blocks: frozenset[str] = frozenset(), limit: int = MAX_DEPTH) -> str:
    """`html`, with the tags that would nest deeper than `limit` removed (their text kept),
    and those of `blocks` that would nest deeper than `MAX_BLOCK_DEPTH` blocks."""
    if html.count("<") <= MAX_BLOCK_DEPTH:
        return html
    stack: list[str] = []
    open_count: defaultdict[str, int] = defaultdict(int)  # C-level default, unlike Counter's
    dropped = array("q")  # start, end of each dropped tag: 16 bytes, where a tuple of ints took 120
    too_deep, misnested = False, 0
    for match in _TAG.finditer(html):  # kept tight: 500,000 tags of a 2 MB page pass here
        closing, name = match.group(1, 2)
        if name is None:
            continue  # a comment or a raw-text element: nothing nests inside
        name = name.lower()
        if name in _VOID or html.startswith("/>", match.end() - 2):
            continue
        if closing:
            if not open_count[name]:
                dropped.extend(match.span())  # its start tag was dropped, or never was
            elif stack[-1] == name:
                stack.pop()
                open_count[name] -= 1
                open_count[_BLOCKS] -= name in blocks
            else:
                misnested += _close(stack, open_count, name, blocks)
                if misnested > MAX_MISNESTED:
                    raise TooMalformed(f"HTML too malformed to parse in bounded time (over {MAX_MISNESTED:,} "
                                       "formatting tags closed out of order)")
            continue
        if stack and stack[-1] == name and name in _CLOSED_BY_ITS_NEXT:
            stack.pop()  # `<p>` closes an open `<p>`: the depth stays
        elif len(stack) >= limit or (name in blocks and open_count[_BLOCKS] >= MAX_BLOCK_DEPTH):
            too_deep = True
            dropped.extend(match.span())
            continue
        else:
            open_count[name] += 1
            open_count[_BLOCKS] += name in blocks
        stack.append(name)
    return _without(html, dropped) if too_deep else html


def _close(stack: list[str], open_count: defaultdict[str, int], name: str, blocks: frozenset[str]) -> int:
    """Pop open elements down to and including the innermost `name` (as an end tag does);
    how many formatting elements were closed on the way, which HTML5 would reopen."""
    misnested = 0
    while stack:
        top = stack.pop()
        open_count[top] -= 1
        open_count[_BLOCKS] -= top in blocks
        if top == name:
            return misnested
        misnested += top in _FORMATTING
    return misnested


def _without(html: str, spans: array) -> str:
    """`html` without the spans; written piece by piece, as a list of 400,000 pieces would cost
    20 MiB."""
    out, position = StringIO(), 0
    for index in range(0, len(spans), 2):
        out.write(html[position:spans[index]])
        position = spans[index + 1]
    out.write(html[position:])
    return out.getvalue()
