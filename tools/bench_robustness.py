"""`make bench` (robustness): wall time and peak memory of one `mtaudit check` process,
on an ordinary article (without and with `--sources`, which loads the e5 model) and on a
generated 50 MB French text, and the default refusal.

Peak memory is the child's own maximum resident set (`os.wait4`, in KiB on Linux), so each
run is measured alone. The 50 MB text repeats paragraphs of the bundled samples and test
texts in a seeded random order; it is audited with `--max-bytes 60000000`, then once more
without, to show the 10 MB default refusing it with the limit named.
`--mb 5` runs a smaller text, for a quick look. Results go to reports/bench/robustness.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "spun-north-korea.txt"
NEWS = ROOT / "corpora" / "news"
TEXTS = [ROOT / "corpora" / "samples", ROOT / "tests" / "data" / "clean", ROOT / "tests" / "data" / "spun"]
OUT = ROOT / "reports" / "bench"
DEFAULT_LIMIT = 10_000_000


def write_french(path: Path, size: int) -> None:
    """About `size` bytes of French paragraphs, so every rule and the segmenter have work."""
    pool = [p.strip() for folder in TEXTS for f in sorted(folder.glob("*.txt"))
            for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    chooser, written = random.Random(50), 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            paragraph = chooser.choice(pool) + "\n\n"
            out.write(paragraph)
            written += len(paragraph.encode("utf-8"))


def measured(*arguments: str) -> dict:
    """Wall time, peak RSS and exit code of one `mtaudit check` process; its stderr's last line."""
    command = [sys.executable, "-m", "audit", "check", "--exit-zero", *arguments]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read().decode("utf-8", "replace").strip()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": round(time.perf_counter() - start, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "exit_code": child.returncode, "stderr": stderr.splitlines()[-1] if stderr else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the generated text, in MB (default 50)")
    size = int(parser.parse_args().mb * 1_000_000)
    results = {"ordinary": {"input": SAMPLE.name, "bytes": SAMPLE.stat().st_size, **measured(str(SAMPLE))}}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = shutil.copytree(NEWS, Path(tmp) / "news", ignore=shutil.ignore_patterns(".mtaudit-index*"))
        subprocess.run([sys.executable, "-m", "audit", "index", str(corpus)], capture_output=True, check=True)
        first = measured("--sources", str(corpus), str(SAMPLE))  # also embeds the sources, once
        results["ordinary_with_sources"] = {**measured("--sources", str(corpus), str(SAMPLE)), "first_run_seconds": first["seconds"]}
        big = Path(tmp) / "big.txt"
        write_french(big, size)
        results["large"] = {"bytes": big.stat().st_size, "max_bytes": 60_000_000,
                            **measured("--max-bytes", "60000000", "--format", "json", "-o", str(Path(tmp) / "big.json"), str(big))}
        results["large"]["report_mb"] = round((Path(tmp) / "big.json").stat().st_size / 1e6, 1)
        if size > DEFAULT_LIMIT:
            results["default_limit"] = measured(str(big))
    ordinary, large = results["ordinary"], results["large"]
    print(f"ordinary check     {ordinary['input']}: {ordinary['seconds']:.2f} s, peak RSS {ordinary['peak_rss_mb']:.0f} MB")
    sourced = results["ordinary_with_sources"]
    print(f"  with --sources   {sourced['seconds']:.2f} s, peak RSS {sourced['peak_rss_mb']:.0f} MB (e5 model loaded; "
          f"first run after indexing {sourced['first_run_seconds']:.1f} s)")
    print(f"{size / 1e6:.0f} MB check        {large['seconds']:.1f} s, peak RSS {large['peak_rss_mb']:.0f} MB, "
          f"exit {large['exit_code']}, JSON report {large['report_mb']} MB")
    if "default_limit" in results:
        refused = results["default_limit"]
        print(f"default limit      exit {refused['exit_code']} in {refused['seconds']:.2f} s: {refused['stderr']}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "robustness.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
