"""`make bench` (batch part): throughput of `mtaudit check` over a generated site.

Builds a site of 1,000 articles (each a shuffled mix of paragraphs from the bundled spun and
clean samples, so documents differ and findings vary) and times a whole `mtaudit check` process
over it with `--jobs 1` and `--jobs 2`, rules only, as a content site's CI would run it.
Target: at least 100 articles per second on 2 cores.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
OUT = ROOT / "reports" / "bench"
ARTICLES = 1000
TARGET_PER_S = 100.0


def paragraphs() -> list[str]:
    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return found


def make_site(folder: Path, count: int = ARTICLES) -> int:
    """Write `count` articles of 8 to 16 paragraphs; return the number of words written."""
    pool, chooser, words = paragraphs(), random.Random(20241028), 0
    for n in range(count):
        body = "\n\n".join(chooser.sample(pool, chooser.randint(8, min(16, len(pool))))) + "\n"
        section = folder / f"section-{n % 10}"
        section.mkdir(exist_ok=True)
        (section / f"article-{n:04d}.txt").write_text(body, encoding="utf-8")
        words += len(body.split())
    return words


def seconds(site: Path, jobs: int) -> float:
    command = [sys.executable, "-m", "audit", "check", "--format", "json", "--exit-zero",
               "--jobs", str(jobs), "-o", str(site.parent / f"report-{jobs}.json"), str(site)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        words = make_site(site)
        seconds(site, 1)  # warm the table cache once, as a CI runner's second job would be
        results = {"articles": ARTICLES, "words": words, "target_articles_per_s": TARGET_PER_S}
        for jobs in (1, 2):
            elapsed = seconds(site, jobs)
            rate = ARTICLES / elapsed
            results[f"jobs_{jobs}"] = {"seconds": round(elapsed, 2), "articles_per_s": round(rate, 1)}
            print(f"batch --jobs {jobs}     {ARTICLES} articles ({words // ARTICLES} words each) in "
                  f"{elapsed:.2f} s = {rate:.0f} articles/s" + (f"   (target ≥ {TARGET_PER_S:.0f})" if jobs == 2 else ""))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "batch.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
