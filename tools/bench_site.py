"""`make bench` (site part): `mtaudit audit-site` engines on a generated site, and driver memory.

Builds N articles (default 2,000; `--articles 10000` as issue 6 asks) with bench_batch's
generator and times whole `mtaudit audit-site` processes into a fresh results folder: the
local engine with 1 and 2 processes and Dask with a 2-worker LocalCluster (its start-up
included). Per-page overhead is the worker time an engine spends per page beyond the audit
itself: (wall × workers − pages × audit time per page) ÷ pages, with the audit time measured
in this process (read, hash, audit, serialise; no engine, no writing). The driver's peak RSS
(its own, not its workers') is taken at several sizes with each 2-worker engine;
a rerun over the unchanged site measures what resuming costs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import make_site

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "bench"
# Runs the CLI in this process and prints its own peak RSS in KiB, children excluded. Not
# ru_maxrss: Linux carries the parent's high-water mark into a child across fork and exec,
# so every driver reported at least this bench process's own size (71 -> 91 MiB as the
# bench's lists grew). VmHWM is the high-water mark of the process's own address space.
DRIVER = (
    "import sys\n"
    "from audit.cli import cli\n"
    "try:\n    cli.main(sys.argv[1:], standalone_mode=False)\n"
    "finally:\n    print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')),"
    " file=sys.stderr)\n"
)
ENGINES = {"local-1": ["--engine", "local", "-j", "1"], "local-2": ["--engine", "local", "-j", "2"],
           "dask-2": ["--engine", "dask", "-j", "2"]}


def audit_seconds_per_page(paths: list[Path], sample: int = 200) -> float:
    from audit.config import Settings
    from audit.site.pages import file_page
    from audit.site.worker import page_line, warm_up

    settings = Settings()
    warm_up(settings)
    start = time.perf_counter()
    for path in paths[:sample]:
        page_line(file_page(str(path), settings.max_bytes), settings)
    return (time.perf_counter() - start) / min(sample, len(paths))


def audit_site(inputs: list[str], out: Path, options: list[str]) -> tuple[float, float]:
    """Wall seconds and driver peak RSS (MiB) of one `mtaudit audit-site` process."""
    command = [sys.executable, "-c", DRIVER, "audit-site", *inputs, "--out", str(out), *options]
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--memory-sizes", type=int, nargs="*", help="page counts for driver memory "
                        "(default: a tenth of --articles and --articles)")
    args = parser.parse_args()
    sizes = args.memory_sizes or [max(1, args.articles // 10), args.articles]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        words = make_site(site, max([args.articles, *sizes]))
        paths = sorted(site.rglob("*.txt"))
        per_page = audit_seconds_per_page(paths)
        results = {"articles": args.articles, "words_per_article": words // len(paths),
                   "audit_ms_per_page": round(per_page * 1000, 2), "engines": {}, "driver_peak_mib": {}}
        listing = Path(tmp) / "list.txt"
        listing.write_text("\n".join(map(str, paths[:args.articles])) + "\n", encoding="utf-8")
        for name, options in ENGINES.items():
            workers = int(options[-1])
            seconds, rss = audit_site(["--files-from", str(listing)], Path(tmp) / f"out-{name}", options)
            overhead = (seconds * workers - args.articles * per_page) / args.articles
            results["engines"][name] = {"seconds": round(seconds, 2), "pages_per_s": round(args.articles / seconds, 1),
                                        "overhead_ms_per_page": round(overhead * 1000, 2), "driver_peak_mib": round(rss, 1)}
            print(f"audit-site {name:8} {args.articles} pages in {seconds:6.2f} s = {args.articles / seconds:5.0f} pages/s"
                  f"   overhead {overhead * 1000:5.2f} ms/page   driver peak {rss:5.1f} MiB")
        seconds, _ = audit_site(["--files-from", str(listing)], Path(tmp) / "out-local-2", ENGINES["local-2"])
        results["resume_unchanged_seconds"] = round(seconds, 2)
        print(f"audit-site rerun   {args.articles} unchanged pages skipped in {seconds:.2f} s")
        for size in sizes:
            listing.write_text("\n".join(map(str, paths[:size])) + "\n", encoding="utf-8")
            for name in ("local-2", "dask-2"):
                _, rss = audit_site(["--files-from", str(listing)], Path(tmp) / f"memory-{name}-{size}", ENGINES[name])
                results["driver_peak_mib"][f"{name} {size}"] = round(rss, 1)
                print(f"driver peak RSS, {name}, {size:>7} pages: {rss:5.1f} MiB")
    print(f"(audit alone, in process: {per_page * 1000:.2f} ms/page)")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "site.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
