"""Rebuild corpora/parallel/debian-handbook-fr-en.jsonl from the Debian Administrator's Handbook.

The handbook's French and English HTML (Debian package `debian-handbook`) are built from one
DocBook source translated paragraph by paragraph (po4a/gettext): the k-th paragraph of a
section in French is the translation unit of the k-th in English. That is the gold at
paragraph level. Inside a paragraph, when French and English have as many sentences (cut
by mtaudit's own segmenter), they are paired in order; the few paragraphs where the counts
differ are aligned by hand in corpora/parallel/hand-links.json. Untranslated paragraphs
(French text equal to the English) are left out.

Usage: apt-get install debian-handbook; python tools/extract_parallel.py [--html DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.ingest import RawText
from audit.segment import segment

HTML = Path("/usr/share/doc/debian-handbook/html")
SECTIONS = ("sect.debian-internals", "sect.foundation-documents")
OUT = ROOT / "corpora" / "parallel"
_SKIPPED = {"url", "screen", "programlisting", "indexterm"}


class _Paragraphs(HTMLParser):
    """The text of every `<div class="para">`, without index terms, URLs and screen dumps."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._open: list[tuple[str, str]] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        cls = dict(attrs).get("class") or ""
        if self._text is None and tag == "div" and cls == "para":
            self._text, self._open = [], []
        if self._text is not None and tag not in {"br", "img"}:
            self._open.append((tag, cls))

    def handle_endtag(self, tag: str) -> None:
        if self._text is None:
            return
        while self._open and self._open.pop()[0] != tag:
            pass
        if not self._open:
            self.found.append(re.sub(r"\s+", " ", "".join(self._text)).strip())
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None and not any(c in _SKIPPED or t == "pre" for t, c in self._open):
            self._text.append(data)


def paragraphs(path: Path) -> list[str]:
    parser = _Paragraphs()
    parser.feed(path.read_text(encoding="utf-8"))
    return [p for p in parser.found if p]


def sentences(text: str, lang: str) -> list[str]:
    document = segment(RawText("<handbook>", text, "utf-8", "text/plain", ()), lang)
    return [s.text for s in document.sentences if re.search(r"\w", s.text)]


def records(html: Path, hand: dict) -> list[dict]:
    out = []
    for section in SECTIONS:
        french, english = paragraphs(html / "fr-FR" / f"{section}.html"), paragraphs(html / "en-US" / f"{section}.html")
        if len(french) != len(english):
            raise SystemExit(f"{section}: {len(french)} French paragraphs, {len(english)} English")
        for k, (fr_text, en_text) in enumerate(zip(french, english)):
            if fr_text == en_text:
                continue
            fr, en = sentences(fr_text, "fr"), sentences(en_text, "en")
            key = f"{section}#{k}"
            if key in hand:
                links, gold = hand[key], "hand"
            elif len(fr) == len(en):
                links, gold = [[[i], [i]] for i in range(len(fr))], "count"
            else:
                raise SystemExit(f"{key}: {len(fr)} French and {len(en)} English sentences, no hand links:\n"
                                 + json.dumps({"fr": fr, "en": en}, ensure_ascii=False, indent=1))
            out.append({"section": section, "paragraph": k, "gold": gold, "fr": fr, "en": en, "links": links})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=HTML, help="the package's html/ folder")
    args = parser.parse_args()
    hand = json.loads((OUT / "hand-links.json").read_text(encoding="utf-8"))
    lines = [json.dumps(r, ensure_ascii=False) for r in records(args.html, hand)]
    (OUT / "debian-handbook-fr-en.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} paragraphs written")


if __name__ == "__main__":
    main()
