"""The streaming extractor gives lexbor's text: on HTML5's corners, on random tag soups, on the
hostile shapes it exists for, and (opt-in) on the peer real-web pages."""

from __future__ import annotations

import random

import pytest
from conftest import ROOT

from audit.html_depth import bounded
from audit.html_stream import Unsupported, extract
from audit.ingest import (
    BLOCKS,
    STREAM_ABOVE_TAGS,
    _lexbor_article,
    extract_article,
    prepared_page,
)

# Each was a difference once: where HTML5 closes, ignores, moves or merges.
CORNERS = [
    "<p>a<b>c</b>d<!--x-->e&amp;f&notit;&#x80;",  # text nodes split by elements and comments only
    "<p>a</span>b<html>c</body><!--d-->e",  # ignored tags and after-body comments merge text
    "<body><div>x<p>a</p>y</div>z<p>a<div>b</div>c</p>",  # text outside leaf blocks is dropped
    "<body>just <b>text</b>here",  # no block: the body's text, without separators
    "<p>a<table><tr><td>c</table>z",  # quirks: a table does not close <p>
    "<!DOCTYPE html><p>a<table><tr><td>c</table>z",
    "<li>a<table>foo</table>",  # text fostered out of a table merges with the text before it
    "<li>a<template><p>x</p></template>b<template><article>t</article></template>",
    "<nav><article><p>x</p></article></nav><p>y",  # <article> wins, even inside dropped <nav>
    "<b><p>x</b>y</p>",  # the adoption agency moves the block out of <b>
    "<ul><li><strong>x</li><li>a</strong>, b<strong>c",  # formatting reopened in the next item
    "<!doctype html><noscript>é</em>mot<tr><font><title>é",  # head <noscript> text opens the body
    "<link><noscript> </a>a&amp;b",
    "1 > 0<code></p><p><desc>&lt;p&gt;<!-- c --></p>",  # an HTML <desc> is no scope boundary
    "<!DOCTYPE html>Le<div><math><article></rt></html>&nbsp;a&amp;b",  # <article> in MathML counts
    "<!DOCTYPE html><math>Le<textarea><noscript></input></p>",  # </p> leaves MathML
    "</desc>&nbsp;<textarea>\n&nbsp;</section>é</br>",  # the newline after <textarea> is dropped
    "<p>a<select><p>x</select>y",
    "<table><caption>t</caption><tr><th>h<td>d<tr><td>e</table><dl><dt>t<dd>d<dt>u</dl>",
    "<h1>a<h2>b</h1>c<pre>\nd</pre><p>e<svg><p>f</svg>g<svg><text>h</text><title>i</title></svg>",
    "<div title='a > b' data-x=\"<p>\">x</div><p>y<!-- mtaudit: ignore MT101 --><p>z",
    "<p>a<script>x</p>y</script>b<style>p{}</style>c<textarea><p>d</textarea>e<title>&amp;</title>",
    "<form><p>a</form><p>b</p><form><p>c<form><p>d</form>e",
    "<table><tr><td><table><tr><td>in</table>out</td><td>x</tr></table>after",
]


def _both(html: str) -> tuple[str, str]:
    page = prepared_page(html)
    return _lexbor_article(page), extract(page)


@pytest.mark.parametrize("html", CORNERS)
def test_html5_corners_give_lexbors_text(html):
    lexbor, stream = _both(html)
    assert stream == lexbor


TAGS = ["p", "h1", "h2", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figcaption", "pre", "td", "th", "tr", "table", "tbody", "caption", "colgroup", "col", "div", "span", "b", "i", "a", "em", "strong", "font", "nobr", "u", "article", "main", "section", "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "br", "img", "hr", "input", "option", "textarea", "title", "svg", "math", "desc", "body", "html", "head", "meta", "center", "button", "object"]
WORDS = ["mot", "Le", "a&amp;b", "x", " ", "\n", "&nbsp;", "é", "a<b", "1 > 0", "&lt;p&gt;"]


def _soup(rng: random.Random) -> str:
    pieces = [rng.choice(["", "<!DOCTYPE html>"])]
    for _ in range(8):
        r, tag = rng.random(), rng.choice(TAGS)
        pieces.append(f"<{tag}>" if r < 0.4 else f"</{tag}>" if r < 0.6 else f"<{tag}/>" if r < 0.65
                      else rng.choice(["<!-- c -->", "<!---->", "<?x?>", "</ x>"]) if r < 0.7 else rng.choice(WORDS))
    return "".join(pieces)


def test_random_tag_soups_give_lexbors_text():
    rng = random.Random(17)
    soups = [_soup(rng) for _ in range(1500)]
    differ = [soup for soup in soups if len(set(_both(soup))) > 1]
    print(f"{len(soups) - len(differ)} of {len(soups)} soups the same")
    assert not differ, differ[:3]


def test_hostile_shapes_take_the_streaming_path_and_give_the_same_text(monkeypatch):
    import audit.html_stream

    calls = []
    real = audit.html_stream.extract
    monkeypatch.setattr(audit.html_stream, "extract", lambda *args: calls.append(1) or real(*args))
    count = STREAM_ABOVE_TAGS + 1
    for html in ("<p>x" * count, "<p>Une phrase. " * count, "<table>" + "<tr><td>t</td><th>h</tr>" * (count // 4),
                 "<ul>" + "<li>x<ol><li>y</ol>" * (count // 4), "<div><p>a</p><b>b<p>c</b>d</div>" * (count // 4)):
        text = extract_article(html)
        assert text == _lexbor_article(bounded(html, BLOCKS)) and text.strip()
    assert len(calls) == 5
    assert extract_article("<p>x" * 100) == "x\n\n" * 99 + "x\n" and len(calls) == 5  # small: lexbor


def test_a_large_frameset_is_refused_a_small_one_left_to_lexbor():
    from audit.errors import InputError

    with pytest.raises(Unsupported):
        extract("<html><frameset><frame src=a></frameset>")
    assert extract_article("<html><head><title>Cadres</title></head><frameset><frame src=a>") == "Cadres\n"
    with pytest.raises(InputError, match="frameset of over 20,000 tags"):
        extract_article("<html><frameset>" + "<frame src=a></frame>" * STREAM_ABOVE_TAGS)


PEER = ROOT.parent / "shared" / "peer" / "real-web" / "mt_fr"


@pytest.mark.skipif(not PEER.is_dir(), reason="../shared/peer is absent")
def test_peer_real_web_pages_give_lexbors_text():
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
    pages = [path.read_text(encoding="utf-8") for path in sorted(PEER.glob("*.md"))]
    pages += ["<!DOCTYPE html><body><main>" + markdown.render(page) for page in pages]
    differ = [page[:80] for page in pages if len(set(_both(page))) > 1]
    print(f"{len(pages) - len(differ)} of {len(pages)} peer pages the same")
    assert not differ
