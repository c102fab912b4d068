"""HTML5's formatting elements, as far as `audit.html_stream` needs them: the list of active
formatting elements, their reconstruction in the next block or cell (a `<b>` left open in one
list item wraps the next), and the adoption agency run by their end tags, which closes the
element but leaves a block opened inside it open. A mixin of `audit.html_stream.Extractor`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit.html_tables import tag_set

if TYPE_CHECKING:
    from audit.html_stream import _Element

FORMATTING = tag_set("a b big code em font i nobr s small strike strong tt u")
# HTML5's special category: an end tag looking for its element stops at one of these
SPECIAL = tag_set(
    "address applet area article aside base basefont bgsound blockquote body br button caption "
    "center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form "
    "frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link "
    "listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre "
    "script search section select source style summary table tbody td template textarea tfoot th "
    "thead title tr track ul wbr xmp"
)


class FormattingRules:
    """The list of active formatting elements (`self.formatting`, None for a marker)."""

    def clear_formatting_to_marker(self) -> None:
        while self.formatting:
            if self.formatting.pop() is None:
                return

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
            furthest = next((e for e in self.stack[index + 1:] if e.name in SPECIAL and not e.foreign), None)
            self.formatting.remove(entry)
            if furthest is None:
                while len(self.stack) > index:
                    self.pop()
                return
            for element in self.stack[index:self.stack.index(furthest)]:
                if element is entry or element not in self.formatting:
                    self.remove(element)
