"""Markdown read as Markdown vs as plain text, on real machine-translated Markdown pages.

Reads ../shared/peer/real-web/mt_fr/*.md (blog posts and docs their publishers mark as
machine-translated; front matter, code, links, HTML) at run time, audits each file twice with
default settings (as Markdown, and the same text as plain text), and prints per reading: files
judged French, verdicts, findings per 1,000 words and the codes most often found. Nothing from
the data is written anywhere. Usage: python tools/eval_markdown.py [FOLDER]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from audit.config import Settings
from audit.ingest import from_bytes
from audit.pipeline import audit_text

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT.parent / "shared" / "peer" / "real-web" / "mt_fr"


def reading(paths: list[Path], suffix: str) -> dict:
    verdicts, codes, findings, words = Counter(), Counter(), 0, 0
    for path in paths:
        result = audit_text(from_bytes(str(path.with_suffix(suffix)), path.read_bytes()), Settings())
        verdicts[result.verdict.label] += 1
        codes.update(f.code for f in result.findings)
        findings += len(result.findings)
        words += result.document.word_count
    return {"verdicts": verdicts, "codes": codes, "findings": findings, "words": words}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER
    paths = sorted(folder.glob("*.md"))
    if not paths:
        sys.exit(f"eval_markdown: no .md files in {folder} (the peer data is not here)")
    print(f"{len(paths)} Markdown files in {folder}")
    for label, suffix in (("as Markdown", ".md"), ("as plain text", ".txt")):
        r = reading(paths, suffix)
        french = len(paths) - r["verdicts"]["not French"]
        top = ", ".join(f"{c} {n}" for c, n in r["codes"].most_common(6))
        print(f"{label:>14}: {french}/{len(paths)} French; verdicts {dict(sorted(r['verdicts'].items()))}; "
              f"{r['words']} words, {r['findings']} findings ({1000 * r['findings'] / max(r['words'], 1):.1f} "
              f"per 1,000 words); top codes: {top}")


if __name__ == "__main__":
    main()
