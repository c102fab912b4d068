"""`make bench`: a 1,000-segment XLIFF file against the same text as a plain article.

Issue 15 asks that a segment check of a 1,000-segment XLIFF file in rules-only mode stay
under twice the time of the same targets checked as a plain article. The units are the
English–French sentence pairs of corpora/parallel (the Debian handbook excerpt), cycled to
1,000 with their own ids; the article is their French sides, one paragraph each, the text a
bilingual document audits. Both are timed in process from the file on disk (reading and,
for XLIFF, parsing included), after a first run has loaded the tables; best and median of
batches, as in tools/bench.py. The XLIFF file is timed a third time with `--qe` (learned
quality estimation of every unit, docs/qe.md), so the bench states what the model costs.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAIRS = ROOT / "corpora" / "parallel" / "debian-handbook-fr-en.jsonl"
OUT = ROOT / "reports" / "bench"
SEGMENTS = 1000
TARGET_RATIO = 2.0


def sentence_pairs() -> list[tuple[str, str]]:
    """(English, French) sentence pairs of the paragraphs whose sentences pair one to one."""
    pairs = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["gold"] == "count":
            pairs += list(zip(record["en"], record["fr"]))
    return pairs


def write_inputs(folder: Path, count: int = SEGMENTS) -> tuple[Path, Path]:
    pairs = sentence_pairs()
    chosen = [pairs[i % len(pairs)] for i in range(count)]
    units = "\n".join(
        f'      <trans-unit id="u{n}"><source>{escape(en)}</source><target>{escape(fr)}</target></trans-unit>'
        for n, (en, fr) in enumerate(chosen, 1)
    )
    xliff = folder / "handbook.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '  <file source-language="en-US" target-language="fr-FR" datatype="plaintext" original="handbook">\n'
        f"    <body>\n{units}\n    </body>\n  </file>\n</xliff>\n", encoding="utf-8")
    article = folder / "handbook.txt"
    article.write_text("\n\n".join(fr for _, fr in chosen) + "\n", encoding="utf-8")
    return xliff, article


def seconds(path: Path, batches: int = 5, runs: int = 3, qe: bool = False) -> tuple[float, float, int]:
    """Best and median batch mean of a whole audit of `path`, and its finding count."""
    from audit.config import Settings
    from audit.pipeline import audit_path

    settings = Settings(qe=qe)
    found = len(audit_path(str(path), settings).findings)
    means = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(runs):
            audit_path(str(path), settings)
        means.append((time.perf_counter() - start) / runs)
    return min(means), statistics.median(means), found


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        xliff, article = write_inputs(Path(folder))
        bilingual, bilingual_median, bilingual_found = seconds(xliff)
        plain, plain_median, plain_found = seconds(article)
        learned, learned_median, learned_found = seconds(xliff, batches=3, runs=1, qe=True)
    ratio = bilingual / plain
    results = {
        "segments": SEGMENTS,
        "xliff_s": round(bilingual, 4), "xliff_median_s": round(bilingual_median, 4), "xliff_findings": bilingual_found,
        "article_s": round(plain, 4), "article_median_s": round(plain_median, 4), "article_findings": plain_found,
        "ratio": round(ratio, 2), "target_ratio": TARGET_RATIO,
        "xliff_qe_s": round(learned, 4), "xliff_qe_median_s": round(learned_median, 4),
        "xliff_qe_findings": learned_found, "qe_ms_per_segment": round(1000 * (learned - bilingual) / SEGMENTS, 3),
    }
    print(f"bilingual          {SEGMENTS} XLIFF segments: {bilingual:.3f} s (median {bilingual_median:.3f} s), "
          f"{bilingual_found} findings")
    print(f"same text, article {plain:.3f} s (median {plain_median:.3f} s), {plain_found} findings")
    print(f"ratio              {ratio:.2f}× (target < {TARGET_RATIO}×) {'ok' if ratio < TARGET_RATIO else 'TOO SLOW'}")
    print(f"with --qe          {learned:.3f} s (median {learned_median:.3f} s), {learned_found} findings: learned QE "
          f"adds {results['qe_ms_per_segment']:.2f} ms a segment ({learned / bilingual:.1f}× the rules-only check)")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bilingual.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
