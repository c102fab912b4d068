"""The article's text from HTML in one pass that holds only the open elements, never a tree.

`audit.ingest` extracts a page with lexbor: take <article> (else <main>, else <body>), drop
navigation and scripts, and keep the text of each block holding no other block. lexbor's tree
costs about 300 bytes an element, 150 MiB for a 2 MB page of 500,000 `<p>x`. This module
gives the same text from the tokens (`audit.html_tokens`) by following HTML5's tree
construction where it decides what ends up in a block: which start tag closes which element
(a `<p>` by a block, an `<li>` by the next), scopes, tables and their cells, text fostered out
of a table (`audit.html_tables`), formatting elements reopened or closed out of order
(`audit.html_formatting`), foreign <svg>/<math> content, and which stray end tags are
ignored. Two pieces of text are one text node (joined without a space) unless an element or
a comment came between.

A block's text is kept while it holds no other block, and written when it closes; memory is
the stack of open elements (at most `audit.html_depth.MAX_DEPTH` deep) plus the text kept.
`deadline` (a `time.thread_time()` value) is checked every few thousand tokens. Equality
with lexbor is checked by tools/eval_html_stream.py (figures in docs/hostile.md); a page of
frames (no <body>) raises `Unsupported`.
"""

from __future__ import annotations

import re
import time

from audit.html_formatting import FORMATTING, SPECIAL, FormattingRules
from audit.html_tables import (
    CONTEXTS,
    FOSTERING,
    TEXT_SPECIAL,
    TableModes,
    tag_set,
)
from audit.html_tokens import COMMENT, DOCTYPE, END, START, TEXT, tokens
from audit.ingest import BLOCKS, DROP_TAGS, squeeze

_DROP = frozenset(DROP_TAGS)
_ROOTS = ("article", "main", "body")
_NOTED = frozenset(["article", "main", "table"])  # what insert() notes about an element
_HEADINGS = tag_set("h1 h2 h3 h4 h5 h6")
_CLOSE_P = tag_set(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure "
    "footer header hgroup main menu nav ol p search section summary ul pre listing form plaintext "
    "xmp hr table"
) | _HEADINGS
_VOID = tag_set(
    "area base basefont bgsound br col embed frame hr img image input keygen link meta param "
    "source track wbr"
)
_IMPLIED = tag_set("dd dt li optgroup option p rb rp rt rtc")
# lexbor parses <select> as HTML now does: its content is HTML, but a <p> in it closes none outside
_SCOPE = tag_set("applet caption html table td th marquee object template select")
_FOREIGN_SCOPE = tag_set("mi mo mn ms mtext annotation-xml foreignobject desc title")
_BUTTON_SCOPE, _LIST_SCOPE = _SCOPE | {"button"}, _SCOPE | {"ol", "ul"}
_CLOSED_AS_BLOCK = tag_set(
    "address article aside blockquote button center details dialog dir div dl fieldset figcaption "
    "figure footer header hgroup listing main menu nav ol pre search section summary ul"
)
_HEAD_ELEMENTS = tag_set("base basefont bgsound link meta noframes script style template title")
_IGNORED_IN_BODY = tag_set("caption col colgroup frame head tbody td tfoot th thead tr html body frameset")
# Start tags that leave <svg> or <math> content for HTML.
_BREAKOUT = tag_set(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li "
    "listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var"
)
_INTEGRATION = tag_set("foreignobject desc title mi mo mn ms mtext")
_NO_RECONSTRUCT = tag_set(
    "textarea iframe noembed noframes script style title template base basefont bgsound link meta "
    "rb rtc rp rt plaintext"
)
_QUIRKY = ("-//w3c//dtd html 4.01 frameset//", "-//w3c//dtd html 4.01 transitional//")
_CHECK_EVERY = 4096


class Unsupported(Exception):
    """A page this pass does not follow: frames, no <body>."""


class Timeout(Exception):
    """Parsing went past its deadline."""


class _Element:
    """An open element: where its text goes, for which roots it counts, and its table context."""

    __slots__ = ("block", "collector", "context", "foreign", "fostered", "inert", "leaf", "name", "open", "parts",
                 "roots")

    def __init__(self, name: str, parent: _Element | None, roots: int, context: _Element | None, foreign: bool):
        self.name, self.foreign = name, foreign
        self.block = name in BLOCKS  # CSS type selectors match <svg>/<math> elements too
        dropped = name in _DROP
        # the block whose text this element's text is (None inside a dropped element)
        self.collector = self if self.block else None if dropped or parent is None else parent.collector
        self.roots = 0 if dropped else roots  # bit i: inside the first _ROOTS[i] and not dropped from it
        self.context = self if name in CONTEXTS and not foreign else context  # for the insertion mode
        self.leaf, self.parts, self.fostered, self.open = True, [], False, False
        # inside a <template>: its content is a fragment of its own, which no selector sees
        self.inert = parent is not None and (parent.inert or parent.name == "template" and not parent.foreign)


class Extractor(TableModes, FormattingRules):
    """Feeds tokens through a model of HTML5's tree construction; `text()` gives the article."""

    def __init__(self, deadline: float | None = None):
        self.deadline = deadline
        self.stack: list[_Element] = []
        self.formatting: list[_Element | None] = []  # active formatting elements, None a marker
        self.in_body = self.after_body = self.head_noscript = self.seen_token = self.raw_head = False
        self.quirks, self.head_template, self.skip_newline = True, 0, False
        self.found = [False, False, True]  # an <article>, a <main> was met; a body always is
        self.blocks: list[list[str]] = [[], [], []]  # per root: the text of its leaf blocks
        self.loose: list[list[str]] = [[], [], []]  # per root: all its text, while it holds no block
        self.block_roots = 0  # bit i: the root _ROOTS[i] holds a block
        self.space = False  # an element or a comment came since the last text: a new text node
        self.foreign = [False]  # for the tokenizer: is the current node <svg>/<math> content
        self.form: _Element | None = None

    # -- driving -------------------------------------------------------------------------------
    def feed(self, html: str) -> str:
        deadline, stack, foreign = self.deadline, self.stack, self.foreign
        for count, token in enumerate(tokens(html, foreign), 1):
            if deadline is not None and not count % _CHECK_EVERY and time.thread_time() > deadline:
                raise Timeout
            kind = token[0]
            if kind == TEXT and self.in_body and not self.skip_newline and "\x00" not in token[1]:
                self.characters(token[1])  # the common case, without token()'s checks
                continue
            if kind == START and token[1] == "p" and self.in_body and len(stack) > 1:
                top = stack[-1]
                if top.name == "p" and not top.foreign and top.context is None:
                    self.skip_newline = self.after_body = False  # a <p> closing a <p>, as body_start
                    self.next_paragraph(top)  # would do it, without its checks: pages of 500,000 <p> exist
                    continue
            self.token(token)
            if stack:
                foreign[0] = stack[-1].foreign
        return self.text()

    def text(self) -> str:
        if not self.in_body:
            self.open_body()
        while self.stack:
            self.pop()
        root = 0 if self.found[0] else 1 if self.found[1] else 2
        if self.block_roots >> root & 1:
            return "\n\n".join(b for b in self.blocks[root] if b) + "\n"
        loose = squeeze("".join(self.loose[root]))
        return loose + "\n" if loose else "\n"

    def token(self, token: tuple) -> None:
        kind = token[0]
        if kind == TEXT:
            text = token[1]
            if self.skip_newline:  # HTML5 drops the newline just after <pre>
                self.skip_newline = False
                text = text[2:] if text.startswith("\r\n") else text[1:] if text[0] in "\r\n" else text
            if "\x00" in text:
                text = text.replace("\x00", "")
            if not text:
                return
            if self.in_body:
                self.characters(text)
            else:
                self.before_body((TEXT, text))
            return
        self.skip_newline = kind == START and token[1] in ("pre", "listing", "textarea")
        if not self.in_body:
            self.before_body(token)
        elif kind == START:
            self.after_body = False
            self.start(token[1], token[2])
        elif kind == END:
            self.after_body = False
            self.end(token[1])
        elif kind == COMMENT and not self.after_body:
            self.space = True

    # -- before <body> ---------------------------------------------------------------------------
    def before_body(self, token: tuple) -> None:
        """The head: nothing in it is text of the body; what cannot be in it opens the body."""
        kind, raw, self.raw_head = token[0], self.raw_head, False
        if self.head_template:  # a template's content is not the page's
            if kind in (START, END) and token[1] == "template":
                self.head_template += 1 if kind == START else -1
            return
        if kind == DOCTYPE:
            if not self.seen_token:
                self.quirks = _quirky(token[1])
            return
        self.seen_token = True
        if kind == TEXT:
            text = token[1].lstrip(" \t\r\n\f")
            if text and not raw:
                self.open_body()
                self.characters(text)
        elif kind == START:
            self.head_start(token[1], token[2])
        elif kind == END:
            name = token[1]
            if self.head_noscript and name != "br":
                self.head_noscript = False
            elif name in ("body", "html", "br"):
                self.open_body()
                self.end(name)

    def head_start(self, name: str, self_closing: bool) -> None:
        if name == "frameset":
            raise Unsupported("frameset")
        if self.head_noscript and name not in ("basefont", "bgsound", "link", "meta", "noframes", "style", "html"):
            self.head_noscript = False
        if name in ("html", "head"):
            return
        if name == "template":
            self.head_template = 1
            return
        if name in _HEAD_ELEMENTS:
            self.raw_head = name in ("noframes", "script", "style", "title", "template")
            return
        if name == "noscript":
            self.head_noscript = True
            return
        self.open_body()
        if name != "body":
            self.start(name, self_closing)

    def open_body(self) -> None:
        self.in_body, self.head_noscript = True, False
        self.stack.append(_Element("body", None, 4, None, False))

    # -- text ------------------------------------------------------------------------------------
    def characters(self, text: str) -> None:
        top = self.stack[-1]
        if top.name in TEXT_SPECIAL or self.after_body:
            significant = text.strip(" \t\r\n\f")
            if significant:
                self.after_body = False
                if top.name in FOSTERING and not top.foreign:
                    self.foster_text(top, text)
                    return
                if top.name == "colgroup":
                    self.pop()
                    self.characters(text)
                    return
        formatting = self.formatting
        if formatting and formatting[-1] is not None and not formatting[-1].open and not top.foreign:
            self.reconstruct()
            top = self.stack[-1]
        self.append(top, text)

    def append(self, top: _Element, text: str) -> None:
        space, self.space = self.space, False
        collector = top.collector
        if collector is not None and collector.leaf:
            if space and collector.parts:
                collector.parts.append(" ")  # lexbor's text(separator=" ") between text nodes
            collector.parts.append(text)
        roots = top.roots & ~self.block_roots
        if roots:
            for i in (0, 1, 2):
                if roots >> i & 1:
                    self.loose[i].append(text)  # root.text() joins text nodes without a separator

    # -- elements --------------------------------------------------------------------------------
    def insert(self, name: str, void: bool = False, foreign: bool = False, foster: bool = True) -> _Element:
        top = parent = self.stack[-1]
        if foster and top.name in FOSTERING and not top.foreign:
            table = self.last_table()
            if table is not None and table is not self.stack[0]:
                parent = self.stack[self.stack.index(table) - 1]
                table.fostered = True
        element = _Element(name, parent, parent.roots, top.context, foreign)
        if name in _NOTED:
            if name == "table":
                element.fostered = self.space  # text fostered before it merges with the text before it
            elif not self.found[_ROOTS.index(name)] and not element.inert:
                self.found[_ROOTS.index(name)] = True
                element.roots |= 1 << _ROOTS.index(name)
        self.space = True
        if element.block:
            if element.roots & ~self.block_roots:
                self.block_roots |= element.roots
                for i in (0, 1, 2):
                    if element.roots >> i & 1:
                        self.loose[i] = []
            collector = parent.collector
            if collector is not None and collector.leaf:
                collector.leaf = False
                collector.parts = []
        if void:
            self.closed(element)
        else:
            self.stack.append(element)
            element.open = True
        return element

    def next_paragraph(self, paragraph: _Element) -> None:
        """Close the open <p> and open its sibling. Outside a table the new one would be made
        exactly like the old (same parent, roots and context; nothing else refers to a <p>), so
        the same object is reset: 0.6 µs less a paragraph than `pop` and `insert`."""
        parent = self.stack[-2]
        if parent.name in FOSTERING and not parent.foreign:
            self.pop()
            self.insert("p")
            return
        self.closed(paragraph)
        paragraph.leaf, paragraph.parts, paragraph.fostered, self.space = True, [], False, True

    def pop(self) -> _Element:
        element = self.stack.pop()
        element.open = False
        self.space = True
        self.closed(element)
        return element

    def closed(self, element: _Element) -> None:
        if element.block and element.leaf:
            parts, roots = element.parts, element.roots
            text = squeeze(parts[0] if len(parts) == 1 else "".join(parts)) if parts else ""
            if roots == 4:
                self.blocks[2].append(text)
            else:
                for i in (0, 1, 2):
                    if roots >> i & 1:
                        self.blocks[i].append(text)
            element.parts = []

    def remove(self, element: _Element) -> None:
        """Take an element off the stack, leaving what it holds open (`</form>`, the adoption agency)."""
        self.stack.remove(element)
        element.open = False
        self.space = True
        self.closed(element)

    # -- scopes ------------------------------------------------------------------------------------
    def in_scope(self, names, boundary=_SCOPE) -> bool:
        for element in reversed(self.stack):
            if element.foreign:
                if element.name in _FOREIGN_SCOPE:
                    return False
                continue
            if element.name in names:
                return True
            if element.name in boundary:
                return False
        return False

    def element_in_scope(self, target: _Element) -> bool:
        for element in reversed(self.stack):
            if element is target:
                return True
            if element.name in (_FOREIGN_SCOPE if element.foreign else _SCOPE):
                return False
        return False

    def pop_until(self, names) -> None:
        while len(self.stack) > 1:
            element = self.pop()
            if element.name in names and not element.foreign:
                return

    def implied_end_tags(self, exclude: str = "") -> None:
        while len(self.stack) > 1 and self.stack[-1].name in _IMPLIED and self.stack[-1].name != exclude:
            self.pop()

    def close_p(self) -> None:
        top = self.stack[-1]
        if top.name == "p" and not top.foreign:
            self.pop()
        elif self.in_scope(("p",), _BUTTON_SCOPE):
            self.implied_end_tags("p")
            self.pop_until(("p",))

    # -- start tags --------------------------------------------------------------------------------
    def start(self, name: str, self_closing: bool) -> None:
        top = self.stack[-1]
        if top.foreign and top.name not in _INTEGRATION:
            if name not in _BREAKOUT:
                self.insert(name, self_closing, foreign=True)
                return
            while len(self.stack) > 1 and self.stack[-1].foreign and self.stack[-1].name not in _INTEGRATION:
                self.pop()
            top = self.stack[-1]
        context = top.context
        if context is not None and self.table_start(name, context):
            return
        self.body_start(name, self_closing)

    def body_start(self, name: str, self_closing: bool) -> None:
        """A start tag in body (HTML5 13.2.6.4.7), as far as blocks and text nodes can tell."""
        if name in _CLOSE_P:
            if name == "form" and self.form is not None:
                return
            if not (name == "table" and self.quirks):
                self.close_p()
            if name in _HEADINGS and self.stack[-1].name in _HEADINGS:
                self.pop()
            element = self.insert(name, name == "hr")
            if name == "form":
                self.form = element
            return
        if name in _IGNORED_IN_BODY:
            return
        if name == "li" or name in ("dd", "dt"):
            self.close_list_item(("li",) if name == "li" else ("dd", "dt"))
            self.close_p()
            self.insert(name)
            return
        if name == "select" and self.in_scope(("select",)):
            self.pop_until(("select",))
            return
        if name == "button" and self.in_scope(("button",)):
            self.implied_end_tags()
            self.pop_until(("button",))
        elif name == "a":
            self.close_open_a()
        elif name == "nobr" and self.in_scope(("nobr",)):
            self.adoption("nobr")
        elif name in ("option", "optgroup") and self.stack[-1].name == "option":
            self.pop()
        elif name in ("rb", "rtc") and self.in_scope(("ruby",)):
            self.implied_end_tags()
        elif name in ("rp", "rt") and self.in_scope(("ruby",)):
            self.implied_end_tags("rtc")
        if name in ("svg", "math"):
            self.insert(name, self_closing, foreign=True)
            return
        name = "img" if name == "image" else name
        if name not in _NO_RECONSTRUCT and self.formatting and self.formatting[-1] is not None \
                and not self.formatting[-1].open:
            self.reconstruct()
        element = self.insert(name, name in _VOID)
        if name in FORMATTING:
            self.push_formatting(element)
        elif name in ("applet", "marquee", "object", "template"):
            self.formatting.append(None)

    def close_list_item(self, names) -> None:
        for element in reversed(self.stack):
            if element.name in names and not element.foreign:
                self.implied_end_tags(element.name)
                self.pop_until((element.name,))
                return
            if element.foreign or element.name in SPECIAL and element.name not in ("address", "div", "p"):
                return

    # -- end tags ------------------------------------------------------------------------------------
    def end(self, name: str) -> None:
        if self.stack[-1].foreign:
            if name in ("p", "br"):  # they leave <svg>/<math> content, as their start tags do
                while len(self.stack) > 1 and self.stack[-1].foreign and self.stack[-1].name not in _INTEGRATION:
                    self.pop()
            elif self.foreign_end(name):
                return
        context = self.stack[-1].context
        if context is not None and self.table_end(name, context):
            return
        self.body_end(name)

    def foreign_end(self, name: str) -> bool:
        for index in range(len(self.stack) - 1, 0, -1):
            element = self.stack[index]
            if not element.foreign:
                return False
            if element.name == name:
                while len(self.stack) > index:
                    self.pop()
                return True
        return False

    def body_end(self, name: str) -> None:
        if name in ("body", "html"):
            if self.in_scope(("body",)):
                self.after_body = True
            return
        if name == "br":
            self.body_start("br", True)
        elif name in _CLOSED_AS_BLOCK or name in ("applet", "marquee", "object", "template", "select"):
            if self.in_scope((name,)):
                self.implied_end_tags()
                self.pop_until((name,))
                if name in ("applet", "marquee", "object", "template"):
                    self.clear_formatting_to_marker()
        elif name == "form":
            form, self.form = self.form, None
            if form is not None and form in self.stack and self.element_in_scope(form):
                self.implied_end_tags()
                self.remove(form)
        elif name == "p":
            if not self.in_scope(("p",), _BUTTON_SCOPE):
                self.insert("p")
            self.close_p()
        elif name == "li" or name in ("dd", "dt"):
            if self.in_scope((name,), _LIST_SCOPE if name == "li" else _SCOPE):
                self.implied_end_tags(name)
                self.pop_until((name,))
        elif name in _HEADINGS:
            if self.in_scope(_HEADINGS):
                self.implied_end_tags()
                self.pop_until(_HEADINGS)
        elif name in FORMATTING:
            self.adoption(name)
        else:
            self.any_other_end(name)

    def any_other_end(self, name: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            element = self.stack[index]
            if element.name == name and not element.foreign:
                self.implied_end_tags(name)
                while len(self.stack) > index:
                    self.pop()
                return
            if element.name in SPECIAL and not element.foreign:
                return

def _quirky(doctype: str) -> bool:
    """Whether a <!DOCTYPE …> puts the page in quirks mode (where a <table> does not close a <p>)."""
    words = doctype[8:].strip().lower()
    if not words.startswith("html") or words[4:5] not in ("", " ", "\t", "\n", "\r", "\f"):
        return True
    rest = words[4:].strip()
    if not rest:
        return False
    public = re.search(r"public\s*[\"']([^\"']*)[\"']\s*(?:[\"']([^\"']*)[\"'])?", rest)
    if public is None:
        return "system" not in rest
    identifier, system = public.groups()
    if identifier.startswith(_QUIRKY):
        return system is None
    return identifier.startswith(("-//w3c//dtd html 3", "-//w3c//dtd html 4.0 ", "-//ietf//", "-//w3o//",
                                  "-//netscape comm", "-//microsoft//", "-//w3c//dtd html 4.0 transitional",
                                  "-//w3c//dtd w3 html", "-//webtechs//", "-//o'reilly", "-//spyglass",
                                  "-//sq//", "-//sun microsystems", "-//softquad", "-//metrius//",
                                  "-//advasoft", "-//as//", "-//silmaril//"))


def extract(html: str, deadline: float | None = None) -> str:
    """The article's text, as `audit.ingest.extract_article` gives it from lexbor's tree."""
    return Extractor(deadline).feed(html)
