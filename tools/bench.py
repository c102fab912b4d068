"""`make bench`: how fast mtaudit is, measured as a user would feel it.

- cold: wall time of a whole `mtaudit check` process on one article (median of runs), the
  figure that matters for a pre-commit hook or a CI step per page;
- warm: in-process time per article once everything is loaded, normalised to 700 words,
  the figure that matters for a batch over a site.
Other benchmarks (sources, batch) add their own scripts beside this one and are run after it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
SAMPLE = ROOT / "corpora" / "samples" / "spun-north-korea.txt"
OUT = ROOT / "reports" / "bench"
TARGET_COLD_S = 0.25
TARGET_WARM_MS_PER_700_WORDS = 10.0


def article() -> Path:
    return SEED if SEED.exists() else SAMPLE


def cold_seconds(path: Path, runs: int = 7) -> float:
    """As after `pip install`: bytecode compiled (some sandboxes set PYTHONDONTWRITEBYTECODE,
    which would make every run recompile mtaudit's sources) and the table cache filled."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "audit")], check=True)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "audit", "check", "--format", "json", "--exit-zero", str(path)]
    subprocess.run(command, capture_output=True, check=True, env=environment)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=environment)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_ms_per_700_words(path: Path, batches: int = 7, runs: int = 20) -> tuple[float, float, int]:
    """Best and median of `batches` batch means, as `timeit` advises: on a shared machine the
    best batch is the one least disturbed by other processes."""
    from audit.config import Settings
    from audit.ingest import load
    from audit.pipeline import audit_text

    raw, settings = load(str(path)), Settings()
    words = audit_text(raw, settings).document.word_count
    means = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(runs):
            audit_text(raw, settings)
        means.append((time.perf_counter() - start) / runs * 1000 * 700 / words)
    return min(means), statistics.median(means), words


def main() -> None:
    path = article()
    cold = cold_seconds(path)
    warm, warm_median, words = warm_ms_per_700_words(path)
    results = {
        "article": path.name,
        "words": words,
        "cold_check_s": round(cold, 3),
        "cold_target_s": TARGET_COLD_S,
        "warm_ms_per_700_words": round(warm, 2),
        "warm_median_ms_per_700_words": round(warm_median, 2),
        "warm_target_ms": TARGET_WARM_MS_PER_700_WORDS,
    }
    print(f"article            {path.name} ({words} words)")
    print(f"cold mtaudit check {cold:.3f} s   (target ≤ {TARGET_COLD_S} s)")
    print(f"warm per article   {warm:.2f} ms per 700 words, best batch; median {warm_median:.2f} ms"
          f"   (target ≤ {TARGET_WARM_MS_PER_700_WORDS} ms)")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "check.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
