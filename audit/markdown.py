"""Markdown as Markdown: which characters of a `.md` file are prose, with the file's offsets.

Not prose: front matter (python-frontmatter's YAML boundaries, and TOML's `+++`); fenced and
indented code blocks, thematic breaks and the marks of headings, list items, block quotes
and tables (markdown-it-py's block map); inline code, link and image targets, bare URLs,
autolinks, reference definitions, footnote marks, template shortcodes (`{{< … >}}`,
`{{% … %}}`, `{% … %}`, `{{ … }}`), HTML tags, comments and entities, DocFX/GitHub alerts
(`[!NOTE]`), emphasis marks and backslash escapes. They are *masked*: each of their
characters becomes a space, line breaks stay. So the text the rules read has the file's
length and lines, and every offset, line and column a finding reports is the `.md` file's.

A rule may still see a mask's spaces (« voir le rapport      . » after a link's target): the
masked spans go with the document, and the policy drops findings that start inside one, or
touch one and hold no letter or digit (`audit.policy.in_prose`).

Comments holding an `mtaudit:` marker stay, so inline suppressions work as in HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int]

# Inline constructs stop at a blank line, as Markdown's do.
_INLINE = r"(?:(?!\n[ \t]*\n).)"
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE_SPAN = re.compile(rf"(`+)(?!`){_INLINE}*?(?<!`)\1(?!`)", re.DOTALL)
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# [label](target "title") and ![alt](src): the brackets and the target go, the label stays.
_LINK = re.compile(r"(!?\[)[^\[\]\n]*(\]\((?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
                   r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\))")
_REFERENCE_LINK = re.compile(r"(!?\[)[^\[\]\n]+(\]\[[^\[\]\n]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\[\]\s]+\]:?")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?»”'\"]")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_EMPHASIS = re.compile(rf"(?<![\w*\\])(\*{{1,3}}|_{{1,3}})(?=[^\s*_]){_INLINE}*?(?<=[^\s\\])\1(?![\w*])", re.DOTALL)
# DocFX and GitHub alerts and blocks: > [!NOTE], > [!div class="step-by-step"]
_ALERT = re.compile(r"\[![A-Za-z]+(?:\s[^\]\n]*)?\]")
# An entity is how Markdown spells a character, not residue the reader sees.
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#[xX][0-9A-Fa-f]{1,6});")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
# What markdown-it-py's block tokens mark on their lines.
_ATX_MARKS = re.compile(r"^[ \t>]*#{1,6}|[ \t]#+[ \t]*$")
_ITEM_MARK = re.compile(r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])")
_QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+")
_PIPES = re.compile(r"\|")
_WHOLE_LINES = frozenset({"fence", "code_block", "hr"})
_TOML_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
_KEEP = "\r\n"


def masked_spans(text: str) -> list[Span]:
    """Spans of `text` that are not prose, in order, possibly overlapping.

    Shortcodes, comments and code spans are masked first, since they may hold what looks
    like markup: `<img src="{{< assetsRoot >}}/a.png">` is one tag once its shortcode is gone."""
    spans = [m.span() for m in _SHORTCODE.finditer(text)]
    spans += (m.span() for m in _COMMENT.finditer(text) if "mtaudit:" not in m.group().lower())
    spans += (m.span() for m in _CODE_SPAN.finditer(text))
    text = _blank(text, spans)
    spans += _front_matter(text)
    spans += _blocks(text)
    for pattern in (_AUTOLINK, _REFERENCE_DEFINITION, _URL, _FOOTNOTE, _ALERT, _TAG, _ENTITY, _ESCAPE):
        spans += (m.span() for m in pattern.finditer(text))
    for pattern in (_LINK, _REFERENCE_LINK):
        for match in pattern.finditer(text):
            spans += [match.span(1), match.span(2)]
    for match in _EMPHASIS.finditer(text):
        spans += [match.span(1), (match.end() - len(match.group(1)), match.end())]
    return sorted(s for s in spans if s[0] < s[1])


def prose(text: str) -> tuple[str, tuple[Span, ...]]:
    """`text` with every masked character turned into a space (line breaks kept), and the
    merged masked spans."""
    merged = _merge(masked_spans(text))
    return _blank(text, merged), tuple(merged)


def _blank(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in _KEEP:
                chars[i] = " "
    return "".join(chars)


def _front_matter(text: str) -> Iterator[Span]:
    from frontmatter.default_handlers import BaseHandler, YAMLHandler

    # TOMLHandler needs the `toml` package to parse; only its boundaries are needed here.
    for handler in (YAMLHandler(), BaseHandler(_TOML_BOUNDARY)):
        if handler.detect(text):
            try:
                _, content = handler.split(text)
            except ValueError:  # an opening boundary without a closing one: not front matter
                return
            yield 0, len(text) - len(content)
            return


def _blocks(text: str) -> list[Span]:
    """Code blocks, thematic breaks, and the marks of headings, list items, block quotes and
    tables, on the lines markdown-it-py's block map gives."""
    from markdown_it import MarkdownIt

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    starts.append(len(text))

    def lines(first: int, last: int) -> Iterator[Span]:
        for n in range(first, min(last, len(starts) - 1)):
            yield starts[n], starts[n + 1]

    def marks(pattern: re.Pattern, first: int, last: int) -> Iterator[Span]:
        for start, end in lines(first, last):
            yield from ((start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end].rstrip("\r\n")))

    spans: list[Span] = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if not token.map:
            continue
        first, last = token.map
        if token.type in _WHOLE_LINES:
            spans += lines(first, last)
        elif token.type == "heading_open":
            setext = token.markup in ("=", "-")
            spans += lines(last - 1, last) if setext else marks(_ATX_MARKS, first, first + 1)
        elif token.type == "list_item_open":
            spans += marks(_ITEM_MARK, first, first + 1)
        elif token.type == "blockquote_open":
            spans += marks(_QUOTE_MARKS, first, last)
        elif token.type == "table_open":
            spans += marks(_PIPES, first, last)
            spans += lines(first + 1, first + 2)  # the |---|:---:| delimiter row
    return spans


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]
