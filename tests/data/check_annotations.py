"""Check tests/data/annotations.jsonl against the files it points to.

Run from anywhere:  python3 tests/data/check_annotations.py
Exit status 0 when every annotation satisfies text == file_text[start:end].
Annotations on doc "seed" read ../shared/seed/article.txt (relative to the repo
root); they are skipped with a message when that file is not available.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
ANNOTATIONS = ROOT / "tests" / "data" / "annotations.jsonl"
KEYS = {"doc", "start", "end", "text", "category", "severity", "code"}
SEVERITIES = {"minor", "major", "critical"}


def main() -> int:
    texts: dict[str, str | None] = {}
    errors, checked, skipped = [], 0, 0
    codes: Counter[str] = Counter()
    for lineno, line in enumerate(ANNOTATIONS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if set(row) != KEYS:
            errors.append(f"line {lineno}: keys {sorted(row)}")
            continue
        doc = row["doc"]
        if doc not in texts:
            path = SEED if doc == "seed" else ROOT / doc
            texts[doc] = path.read_text(encoding="utf-8") if path.is_file() else None
            if texts[doc] is None:
                print(f"skipping doc {doc!r}: {path} not found")
        text = texts[doc]
        if text is None:
            skipped += 1
            continue
        start, end = row["start"], row["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            errors.append(f"line {lineno}: bad offsets {start}..{end}")
        elif text[start:end] != row["text"]:
            errors.append(f"line {lineno}: {row['text']!r} != {text[start:end]!r}")
        if row["severity"] not in SEVERITIES:
            errors.append(f"line {lineno}: bad severity {row['severity']!r}")
        checked += 1
        codes[row["code"]] += 1
    for error in errors:
        print("ERROR", error)
    print(f"{checked} annotations checked, {skipped} skipped, {len(errors)} error(s)")
    print(", ".join(f"{code}: {n}" for code, n in sorted(codes.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
