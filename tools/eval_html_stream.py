"""Does the streaming extractor (`audit.html_stream`) give lexbor's text? Compared on HTML files
and folders given as arguments, on the peer real-web Markdown pages (../shared/peer, with
their embedded HTML) read raw and rendered into pages, on the bundled corpora rendered into
pages, and on the 2 MB hostile shapes of tools/bench_hostile.py.

Both extractors get the page as `audit.ingest.prepared_page` gives it to them (suppression
comments rewritten, nesting bounded); a page is the same when the two texts, hence every
offset and the JSON report, are equal. Prints the pages that differ and a count:

    python tools/eval_html_stream.py /usr/share/doc ~/site-export
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from audit.html_depth import TooMalformed
from audit.html_stream import Unsupported, extract
from audit.ingest import _lexbor_article, prepared_page

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT.parent / "shared" / "peer" / "real-web" / "mt_fr"
sys.path.insert(0, str(ROOT / "tools"))
from bench_hostile import PAGES


def compared(html: str) -> tuple[str, str] | None:
    """(lexbor's text, the stream's), or None for a page that neither path reads."""
    try:
        page = prepared_page(html)
        return _lexbor_article(page), extract(page)
    except (TooMalformed, Unsupported):
        return None


def pages(arguments: list[str]):
    """(name, html) of every page to compare."""
    for argument in arguments:
        path = Path(argument)
        for file in sorted(path.rglob("*.htm*")) if path.is_dir() else [path]:
            if file.is_file():
                yield str(file), file.read_text(encoding="utf-8", errors="replace")
    markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(PEER.glob("*.md"))] if PEER.is_dir() else []
    texts += [(str(p), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpora").rglob("*.txt"))]
    for name, text in texts:
        body = markdown.render(text)
        yield f"{name} (raw)", text
        yield f"{name} (body)", "<!DOCTYPE html><title>t</title><script>var p = '<p>';</script><body>" + body
        yield f"{name} (article)", ("<html><nav><ul><li><a href=/>Accueil</a></ul></nav><main><article><h1>T</h1>"
                                    f"{body}</article><aside><p>pub</p></aside></main><footer><p>(c)</p></footer>")
    for name, (opening, closing) in PAGES.items():
        yield f"2 MB page: {name}", opening * (2_000_000 // len(opening)) + closing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="HTML files or folders of them")
    same = differ = skipped = size = 0
    for name, html in pages(parser.parse_args().paths):
        result = compared(html)
        if result is None:
            skipped += 1
        elif result[0] == result[1]:
            same, size = same + 1, size + len(html)
        else:
            differ += 1
            old, new = result
            at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
            print(f"differs: {name} at {at}: {old[at - 40:at + 40]!r} / {new[at - 40:at + 40]!r}")
    print(f"{same} pages the same ({size / 1e6:.1f} M characters), {differ} differ, {skipped} read by neither")


if __name__ == "__main__":
    main()
