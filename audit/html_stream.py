"""The article's text from HTML in one pass that holds only the open elements, never a tree.

`audit.ingest` extracts a page with lexbor: take <article> (else <main>, else <body>), drop
navigation and scripts, and keep the text of each block holding no other block. lexbor's tree
costs about 300 bytes an element, 150 MiB for a 2 MB page of 500,000 `<p>x`. This module
gives the same text from the tokens (`audit.html_tokens`) by following HTML5's tree
construction where it decides what ends up in a block: which start tag closes which element
(a `<p>` by a block, an `<li>` by the next), scopes, tables and their cells, text fostered out
of a table, formatting elements closed out of order (the adoption agency moves the rest into
the block), foreign <svg>/<math> content, and which stray end tags are ignored. Two pieces of
text are one text node (joined without a space) unless an element or a comment came between.

A block's text is kept while it holds no other block, and written when it closes; memory is
the stack of open elements (at most `audit.html_depth.MAX_DEPTH` deep) plus the text kept.
The tokenizer checks `deadline` (a `time.thread_time()` value) every few thousand tokens.
Equality with lexbor was checked on every page found locally (docs/hostile.md); pages of
frames (no <body>) are left to lexbor (`Unsupported`).
"""

from __future__ import annotations

import re
import time

from audit.html_tokens import COMMENT, DOCTYPE, END, START, TEXT, tokens


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_BLOCKS = _tags("p h1 h2 h3 h4 h5 h6 li blockquote figcaption pre td dt dd")
_DROP = _tags("script style noscript template nav header footer aside form")
_ROOTS = ("article", "main", "body")
_HEADINGS = _tags("h1 h2 h3 h4 h5 h6")
_CLOSE_P = _tags(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure "
    "footer header hgroup main menu nav ol p search section summary ul pre listing form plaintext "
    "xmp hr table"
) | _HEADINGS
_VOID = _tags(
    "area base basefont bgsound br col embed frame hr img image input keygen link meta param "
    "source track wbr"
)
_IMPLIED = _tags("dd dt li optgroup option p rb rp rt rtc")
# lexbor parses <select> as HTML now does: its content is HTML, but a <p> in it closes none outside
_SCOPE = _tags("applet caption html table td th marquee object template select")
_FOREIGN_SCOPE = _tags("mi mo mn ms mtext annotation-xml foreignobject desc title")
_BUTTON_SCOPE, _LIST_SCOPE = _SCOPE | {"button"}, _SCOPE | {"ol", "ul"}
_TABLE_SCOPE = _tags("html table template")
_SPECIAL = _tags(
    "address applet area article aside base basefont bgsound blockquote body br button caption "
    "center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form "
    "frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link "
    "listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre "
    "script search section select source style summary table tbody td template textarea tfoot th "
    "thead title tr track ul wbr xmp"
)
_FORMATTING = _tags("a b big code em font i nobr s small strike strong tt u")
_CLOSED_AS_BLOCK = _tags(
    "address article aside blockquote button center details dialog dir div dl fieldset figcaption "
    "figure footer header hgroup listing main menu nav ol pre search section summary ul"
)
_HEAD_ELEMENTS = _tags("base basefont bgsound link meta noframes script style template title")
_IGNORED_IN_BODY = _tags("caption col colgroup frame head tbody td tfoot th thead tr")
_TABLE_PARTS = _tags("tbody thead tfoot")
_CELLS = _tags("td th")
_CONTEXTS = _tags("table tbody thead tfoot tr td th caption colgroup")
_FOSTERING = _tags("table tbody thead tfoot tr")
_TEXT_SPECIAL = _FOSTERING | {"colgroup"}
# Start tags that leave <svg> or <math> content for HTML.
_BREAKOUT = _tags(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li "
    "listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var"
)
_INTEGRATION = _tags("foreignobject desc title mi mo mn ms mtext")
_NO_RECONSTRUCT = _tags(
    "textarea iframe noembed noframes script style title template base basefont bgsound link meta "
    "rb rtc rp rt plaintext"
)
_TABLE_STARTS = _tags("caption col colgroup tbody td tfoot th thead tr")
_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")
_QUIRKY = ("-//w3c//dtd html 4.01 frameset//", "-//w3c//dtd html 4.01 transitional//")
_CHECK_EVERY = 4096


class Unsupported(Exception):
    """A page this pass does not follow (frames, no <body>): lexbor extracts it."""


class Timeout(Exception):
    """Parsing went past its deadline."""


class _Element:
    """An open element: where its text goes, for which roots it counts, and its table context."""

    __slots__ = ("block", "collector", "context", "foreign", "fostered", "inert", "leaf", "name", "open", "parts",
                 "roots")

    def __init__(self, name: str, parent: _Element | None, roots: int, context: _Element | None, foreign: bool):
        self.name, self.foreign = name, foreign
        self.block = name in _BLOCKS  # CSS type selectors match <svg>/<math> elements too
        dropped = name in _DROP
        # the block whose text this element's text is (None inside a dropped element)
        self.collector = self if self.block else None if dropped or parent is None else parent.collector
        self.roots = 0 if dropped else roots  # bit i: inside the first _ROOTS[i] and not dropped from it
        self.context = self if name in _CONTEXTS and not foreign else context  # for the insertion mode
        self.leaf, self.parts, self.fostered, self.open = True, [], False, False
        # inside a <template>: its content is a fragment of its own, which no selector sees
        self.inert = parent is not None and (parent.inert or parent.name == "template" and not parent.foreign)


class Extractor:
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
        loose = _squeeze("".join(self.loose[root]))
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
        if top.name in _TEXT_SPECIAL or self.after_body:
            significant = text.strip(" \t\r\n\f")
            if significant:
                self.after_body = False
                if top.name in _FOSTERING and not top.foreign:
                    self.foster_text(top, text)
                    return
                if top.name == "colgroup":
                    self.pop()
                    self.characters(text)
                    return
        formatting = self.formatting
        if formatting and formatting[-1] is not None and not formatting[-1].open:
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

    def foster_text(self, top: _Element, text: str) -> None:
        """Text in a table outside its cells goes before the table, into its parent, merging with
        a text node just before the table."""
        table = self.last_table()
        parent = self.stack[self.stack.index(table) - 1] if table is not None else self.stack[0]
        space = self.space
        self.space = table.fostered if table is not None else True
        self.append(parent, text)
        if table is not None:
            table.fostered = False
        self.space = space

    def last_table(self) -> _Element | None:
        for element in reversed(self.stack):
            if element.name == "table" and not element.foreign:
                return element
        return None

    # -- elements --------------------------------------------------------------------------------
    def insert(self, name: str, void: bool = False, foreign: bool = False, foster: bool = True) -> _Element:
        top = parent = self.stack[-1]
        table = None
        if foster and top.name in _FOSTERING and not top.foreign:
            table = self.last_table()
            if table is not None and table is not self.stack[0]:
                parent = self.stack[self.stack.index(table) - 1]
                table.fostered = True
        element = _Element(name, parent, parent.roots, top.context, foreign)
        if name in _ROOTS:
            index = _ROOTS.index(name)
            if not self.found[index] and not element.inert:
                self.found[index] = True
                element.roots |= 1 << index
        if name == "table":
            element.fostered = self.space  # text fostered before it merges with text just before it
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

    def pop(self) -> _Element:
        element = self.stack.pop()
        element.open = False
        self.space = True
        self.closed(element)
        return element

    def closed(self, element: _Element) -> None:
        if element.block and element.leaf:
            parts, roots = element.parts, element.roots
            text = _squeeze(parts[0] if len(parts) == 1 else "".join(parts)) if parts else ""
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

    def clear_formatting_to_marker(self) -> None:
        while self.formatting:
            if self.formatting.pop() is None:
                return

    def clear_to(self, names) -> None:
        """Pop to a table context (`clear the stack back to a table … context`)."""
        while len(self.stack) > 1 and self.stack[-1].name not in names and self.stack[-1].name != "template":
            self.pop()

    # -- start tags --------------------------------------------------------------------------------
    def start(self, name: str, self_closing: bool) -> None:
        top = self.stack[-1]
        if top.foreign and top.name not in _INTEGRATION:
            if name not in _BREAKOUT:
                self.insert(name, self_closing, foreign=True)
                return
            while len(self.stack) > 1 and self.stack[-1].foreign and self.stack[-1].name not in _INTEGRATION:
                self.pop()
        context = self.stack[-1].context
        if context is not None and self.table_start(name, context):
            return
        self.body_start(name, self_closing)

    def body_start(self, name: str, self_closing: bool) -> None:
        """A start tag in body (HTML5 13.2.6.4.7), as far as blocks and text nodes can tell."""
        if name in ("html", "body", "head", "frameset") or name in _IGNORED_IN_BODY:
            return
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
        if name in _FORMATTING:
            self.push_formatting(element)
        elif name in ("applet", "marquee", "object", "template"):
            self.formatting.append(None)

    def reconstruct(self) -> None:
        """Reopen the formatting elements that a closed block or cell left open (HTML5 13.2.4.3)."""
        entries = self.formatting
        first = len(entries) - 1
        while first > 0 and entries[first - 1] is not None and not entries[first - 1].open:
            first -= 1
        for index in range(first, len(entries)):
            entries[index] = self.insert(entries[index].name)

    def close_open_a(self) -> None:
        for entry in reversed(self.formatting):
            if entry is None:
                return
            if entry.name == "a":
                self.adoption("a")
                if entry in self.formatting:
                    self.formatting.remove(entry)
                if entry.open:
                    self.remove(entry)
                return

    def push_formatting(self, element: _Element) -> None:
        """Noah's Ark: at most three of one name after the last marker."""
        same = []
        for index in range(len(self.formatting) - 1, -1, -1):
            entry = self.formatting[index]
            if entry is None:
                break
            if entry.name == element.name:
                same.append(index)
        if len(same) >= 3:
            del self.formatting[same[-1]]
        self.formatting.append(element)

    def close_list_item(self, names) -> None:
        for element in reversed(self.stack):
            if element.name in names and not element.foreign:
                self.implied_end_tags(element.name)
                self.pop_until((element.name,))
                return
            if element.foreign or element.name in _SPECIAL and element.name not in ("address", "div", "p"):
                return

    # -- tables ------------------------------------------------------------------------------------
    def table_start(self, name: str, context: _Element) -> bool:
        """A start tag in a table, a row or a cell; False when the body's rules apply."""
        mode = context.name
        if mode in _CELLS or mode == "caption":
            if name not in _TABLE_STARTS:
                return False
            if mode == "caption":
                self.pop_until(("caption",))
                self.clear_formatting_to_marker()
            else:
                self.close_cell()
            self.start(name, False)
            return True
        if mode == "colgroup":
            if name == "col":
                self.insert("col", True, foster=False)
                return True
            self.pop_until(("colgroup",))
            self.start(name, False)
            return True
        return self.table_body_start(name, mode)

    def table_body_start(self, name: str, mode: str) -> bool:
        if name in _CELLS:
            if mode != "tr":
                self.start("tr", False)
            self.clear_to(("tr",))
            self.insert(name, foster=False)
            self.formatting.append(None)
        elif name == "tr":
            if mode == "tr":
                self.pop_until(("tr",))
            elif mode == "table":
                self.clear_to(("table",))
                self.insert("tbody", foster=False)
            else:
                self.clear_to(_TABLE_PARTS)
            self.insert(name, foster=False)
        elif name in _TABLE_PARTS or name in ("caption", "colgroup", "col"):
            if mode == "tr":
                self.pop_until(("tr",))
            if mode != "table":
                self.clear_to(_TABLE_PARTS | {"table"})
                if self.stack[-1].name in _TABLE_PARTS:
                    self.pop()
            self.clear_to(("table",))
            if name == "caption":
                self.formatting.append(None)
            if name == "col":
                self.insert("colgroup", foster=False)
                self.insert("col", True, foster=False)
            else:
                self.insert(name, foster=False)
        elif name == "table":
            if self.in_scope(("table",), _TABLE_SCOPE):
                self.pop_until(("table",))
                self.start(name, False)
        elif name in ("style", "script", "template"):
            self.insert(name, foster=False)
        elif name == "form":
            if self.form is None:
                self.form = self.insert(name, True, foster=False)
        else:
            return False
        return True

    def close_cell(self) -> None:
        self.implied_end_tags()
        self.pop_until(_CELLS)
        self.clear_formatting_to_marker()

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
        elif name in _FORMATTING:
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
            if element.name in _SPECIAL and not element.foreign:
                return

    def table_end(self, name: str, context: _Element) -> bool:
        """An end tag in a table, a row or a cell; False when the body's rules apply."""
        mode = context.name
        if mode in _CELLS:
            if name in _CELLS:
                if self.in_scope((name,), _TABLE_SCOPE):
                    self.implied_end_tags()
                    self.pop_until((name,))
                    self.clear_formatting_to_marker()
                return True
            if name in ("body", "caption", "col", "colgroup", "html"):
                return True
            if name in ("table", "tr") or name in _TABLE_PARTS:
                if self.in_scope((name,), _TABLE_SCOPE):
                    self.close_cell()
                    self.end(name)
                return True
            return False
        if mode == "caption":
            if name in ("caption", "table"):
                if self.in_scope(("caption",), _TABLE_SCOPE):
                    self.implied_end_tags()
                    self.pop_until(("caption",))
                    self.clear_formatting_to_marker()
                    if name == "table":
                        self.end(name)
                return True
            return name in ("body", "col", "colgroup", "html", "tbody", "td", "tfoot", "th", "thead", "tr")
        if mode == "colgroup":
            if name == "colgroup":
                self.pop()
                return True
            if name == "col":
                return True
            self.pop()
            self.end(name)
            return True
        if name in ("table", "tr") or name in _TABLE_PARTS:
            if self.in_scope((name,), _TABLE_SCOPE):
                self.pop_until((name,))
            return True
        return name in ("body", "caption", "col", "colgroup", "html", "td", "th")

    # -- the adoption agency ----------------------------------------------------------------------
    def adoption(self, name: str) -> None:
        """A formatting element's end tag: close it; a block opened inside it stays open (HTML5 moves
        it out, with what it holds), and the elements between lose their place on the stack."""
        top = self.stack[-1]
        if top.name == name and top not in self.formatting:
            self.pop()
            return
        for _ in range(8):
            entry = None
            for candidate in reversed(self.formatting):
                if candidate is None:
                    break
                if candidate.name == name:
                    entry = candidate
                    break
            if entry is None:
                self.any_other_end(name)
                return
            if not entry.open:
                self.formatting.remove(entry)
                return
            if not self.element_in_scope(entry):
                return
            index = self.stack.index(entry)
            furthest = next((e for e in self.stack[index + 1:] if e.name in _SPECIAL and not e.foreign), None)
            self.formatting.remove(entry)
            if furthest is None:
                while len(self.stack) > index:
                    self.pop()
                return
            for element in self.stack[index:self.stack.index(furthest)]:
                if element is entry or element not in self.formatting:
                    self.remove(element)


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


def _squeeze(text: str) -> str:
    """Collapse markup white space but keep U+00A0/U+202F, as `audit.ingest` does."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # no tab, newline, double or outer space: most short blocks
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def extract(html: str, deadline: float | None = None) -> str:
    """The article's text, as `audit.ingest.extract_article` gives it from lexbor's tree."""
    return Extractor(deadline).feed(html)
