"""HTML5's table insertion modes, as far as `audit.html_stream` needs them: which cell, row or
table a start or end tag closes, what is ignored in a table, and the text and elements a table
sends before itself (foster parenting). A mixin of `audit.html_stream.Extractor`, whose stack
of open elements and insertion steps these rules drive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audit.html_stream import _Element


def tag_set(names: str) -> frozenset[str]:
    return frozenset(names.split())


TABLE_PARTS = tag_set("tbody thead tfoot")
CELLS = tag_set("td th")
CONTEXTS = tag_set("table tbody thead tfoot tr td th caption colgroup")
FOSTERING = tag_set("table tbody thead tfoot tr")
TEXT_SPECIAL = FOSTERING | {"colgroup"}
TABLE_SCOPE = tag_set("html table template")
TABLE_STARTS = tag_set("caption col colgroup tbody td tfoot th thead tr")


class TableModes:
    """The rules of a table, a row, a cell, a caption and a column group."""

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

    def clear_to(self, names) -> None:
        """Pop to a table context (`clear the stack back to a table … context`)."""
        while len(self.stack) > 1 and self.stack[-1].name not in names and self.stack[-1].name != "template":
            self.pop()

    def table_start(self, name: str, context: _Element) -> bool:
        """A start tag in a table, a row or a cell; False when the body's rules apply."""
        mode = context.name
        if mode in CELLS or mode == "caption":
            if name not in TABLE_STARTS:
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
        if name in CELLS:
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
                self.clear_to(TABLE_PARTS)
            self.insert(name, foster=False)
        elif name in TABLE_PARTS or name in ("caption", "colgroup", "col"):
            if mode == "tr":
                self.pop_until(("tr",))
            if mode != "table":
                self.clear_to(TABLE_PARTS | {"table"})
                if self.stack[-1].name in TABLE_PARTS:
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
            if self.in_scope(("table",), TABLE_SCOPE):
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
        self.pop_until(CELLS)
        self.clear_formatting_to_marker()

    def table_end(self, name: str, context: _Element) -> bool:
        """An end tag in a table, a row or a cell; False when the body's rules apply."""
        mode = context.name
        if mode in CELLS:
            if name in CELLS:
                if self.in_scope((name,), TABLE_SCOPE):
                    self.implied_end_tags()
                    self.pop_until((name,))
                    self.clear_formatting_to_marker()
                return True
            if name in ("body", "caption", "col", "colgroup", "html"):
                return True
            if name in ("table", "tr") or name in TABLE_PARTS:
                if self.in_scope((name,), TABLE_SCOPE):
                    self.close_cell()
                    self.end(name)
                return True
            return False
        if mode == "caption":
            if name in ("caption", "table"):
                if self.in_scope(("caption",), TABLE_SCOPE):
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
        if name in ("table", "tr") or name in TABLE_PARTS:
            if self.in_scope((name,), TABLE_SCOPE):
                self.pop_until((name,))
            return True
        return name in ("body", "caption", "col", "colgroup", "html", "td", "th")
