"""`make bench` (hostile shapes, issue 17): time and peak memory of `mtaudit check` on the
worst shapes of input under the default size limit.

- 10 MB of short French lines (a sentence, a score and often a finding per 25 bytes), with
  `--format concise` and `--format json`; 5 MB of « Oui. » lines; 2 MB of one-letter
  paragraphs (a paragraph and a sentence per 3 bytes).
- 2 MB HTML pages of pathological structure: 400,000 nested <div>, unclosed <blockquote>,
  nested lists and tables, attributes holding '>', 133,000 unclosed <p> of a sentence,
  500,000 of one letter, and misnested formatting tags (refused, exit 2: `html_depth`).
  The depth bound leaves the nested shapes a few hundred tags, which lexbor extracts; the
  <p> pages keep over 20,000 and go through the streaming extractor (`html_stream`), which
  holds no tree. Figures and their history: docs/hostile.md.

Peak memory is the child's maximum resident set (os.wait4); "bytes per byte" divides it by
the input's size (the aim: under 30). CPU time (user + system) is printed beside wall time:
on a shared machine it is the figure that compares across runs. `--quick` runs a fifth of each size. Results go to
reports/bench/hostile.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "bench"
LINES = ["Le gouvernement a annoncé mardi de nouvelles mesures.", "Il fait beau.", "Oui.", "La séance est levée."]
PAGES = {
    "nested div": ("<div>", "texte</div>"),
    "unclosed blockquote": ("<blockquote>", "texte"),
    "nested lists": ("<ul><li>", "texte"),
    "nested tables": ("<table><tr><td>", "texte"),
    "quoted '>' in attributes": ("<div title='a > b'>", "texte"),
    "unclosed p": ("<p>Une phrase. ", ""),
    "one-letter p": ("<p>x", ""),
    "misnested b/i (refused)": ("<b><i>x</b>", ""),
}


def measured(path: Path, *options: str) -> dict:
    command = [sys.executable, "-m", "audit", "check", "--exit-zero", "-o", os.devnull, *options, str(path)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read().decode("utf-8", "replace").strip()
    _, status, usage = os.wait4(child.pid, 0)
    size = path.stat().st_size
    return {"bytes": size, "seconds": round(time.perf_counter() - start, 2),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2), "peak_mib": round(usage.ru_maxrss / 1024, 1),
            "bytes_per_byte": round(usage.ru_maxrss * 1024 / size, 1), "exit_code": os.waitstatus_to_exitcode(status),
            "stderr": stderr.splitlines()[-1] if stderr else ""}


def write_lines(path: Path, lines: list[str], size: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        written, i = 0, 0
        while written < size:
            line = lines[i % len(lines)] + "\n"
            out.write(line)
            written, i = written + len(line.encode("utf-8")), i + 1
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fifth of each size")
    scale = 0.2 if parser.parse_args().quick else 1.0
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        short = write_lines(Path(tmp) / "short-lines.txt", LINES, int(10_300_000 * scale))
        for output_format in ("concise", "json"):
            results[f"short lines, {output_format}"] = measured(short, "--format", output_format)
        oui = write_lines(Path(tmp) / "oui.txt", ["« Oui. »"], int(5_000_000 * scale))
        results["« Oui. » lines, json"] = measured(oui, "--format", "json")
        letters = write_lines(Path(tmp) / "letters.txt", ["x\n"], int(2_000_000 * scale))
        results["one-letter paragraphs, json"] = measured(letters, "--format", "json")
        for name, (opening, closing) in PAGES.items():
            page = Path(tmp) / "page.html"
            count = int(2_000_000 * scale) // len(opening)
            page.write_text(opening * count + closing, encoding="utf-8")
            results[f"2 MB page: {name}"] = measured(page, "--format", "json")
    for name, result in results.items():
        print(f"{name:<34} {result['bytes'] / 1e6:5.1f} MB {result['seconds']:6.1f} s ({result['cpu_seconds']:5.1f} s CPU)"
              f"  peak {result['peak_mib']:6.0f} MiB"
              f"  {result['bytes_per_byte']:6.1f} B/B  exit {result['exit_code']}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "hostile.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
